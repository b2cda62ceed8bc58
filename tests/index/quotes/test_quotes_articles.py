"""Quote attribution measured on whole news articles (US politics, business, sport).

The articles in ``tests/data/news`` were written for this test in the styles of wire
copy (AP, Reuters), business and sports reporting, with straight and curly marks.
Each expected quotation is named by its opening words. The test measures what the
issue asks for: the share of quotations attributed correctly, and the share of
attributed quotations whose speaker is right (a wrong speaker is worse than none).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from byline.index.sources.metadata import extract_metadata
from byline.index.quotes import extract_quotes

NEWS = Path(__file__).resolve().parents[2] / "data" / "news"
ANY = "<any speaker>"
ORG = "<an organisation>"

GOLD: dict[str, list[tuple[str, str | None]]] = {
    "politics_shutdown.txt": [
        ("We have done our job", "Chuck Schumer"), ("Nobody wants a shutdown", "Chuck Schumer"),
        ("a monument to fiscal", "Rand Paul"), ("I can't support another punt", "Rand Paul"),
        ("We keep kicking", "Rand Paul"), ("the best we could get", "Mitch McConnell"),
        ("The president will sign", "Karine Jean-Pierre"), ("This is how governing", "Chuck Schumer"),
        ("We'll be right back", "Rosa DeLauro"),
    ],
    "business_apple.txt": [
        ("We're seeing some", "Tim Cook"), ("very confident", "Tim Cook"), ("The China numbers", "Dan Ives"),
        ("Investors want to see", "Dan Ives"), ("noisy", None),
    ],
    "sport_warriors.txt": [
        ("We just kept believing", "Stephen Curry"), ("Down 18", "Stephen Curry"), ("Those guys changed", "Steve Kerr"),
        ("Their energy", "Steve Kerr"), ("We didn't execute", "JJ Redick"), ("That's on me", "JJ Redick"),
        ("We gave it away", "LeBron James"), ("Plain and simple", "LeBron James"), ("It felt good tonight", "Stephen Curry"),
        ("a statement", "Draymond Green"),
    ],
    "business_inflation.txt": [
        ("Inflation is now close", "Jeremy Hunt"), ("The plan is working", "Jeremy Hunt"),
        ("This is the lowest annual", "Grant Fitzner"), ("Services inflation remains", "Paul Dales"),
        ("Prices are still rising", "Rachel Reeves"),
    ],
    "politics_housing.txt": [
        ("Housing is a human right", "Karen Bass"), ("This is the largest", "Karen Bass"), ("It's too little", "Maria Gonzalez"),
        ("People are being evicted", "Maria Gonzalez"), ("robust debate", "Paul Krekorian"),
        ("overall direction", "Paul Krekorian"), ("We want to see the fine print", ANY),
    ],
    "sport_madrid.txt": [
        ("I'm lost for words", "Jude Bellingham"), ("This club just never", "Jude Bellingham"), ("magical", "Carlo Ancelotti"),
        ("I have seen many nights", "Carlo Ancelotti"), ("It's a disaster", "Thomas Tuchel"),
        ("The linesman raised", "Thomas Tuchel"), ("devastated", "Thomas Müller"),
    ],
    "business_fed.txt": [
        ("We are not in a rush", "Jerome Powell"), ("The economy is strong", "Jerome Powell"),
        ("greater confidence", "Jerome Powell"), ("There were no surprises", "Kathy Jones"),
        ("moving into better balance", ORG), ("repeating the mistakes", "Lawrence Summers"),
        ("I’d be careful", "Lawrence Summers"),
    ],
    "news_wildfire.txt": [
        ("It came over the ridge", "Linda Harris"), ("We grabbed what", "Linda Harris"),
        ("Conditions are extremely", "Jon Heggie"), ("If you are told", "Jon Heggie"),
        ("throwing everything we have", "Gavin Newsom"), ("wall of fire", None),
        ("We're praying for rain", "Mark Thompson"), ("But mostly", "Mark Thompson"),
    ],
    "business_tesla.txt": [
        ("As we prepare the company", "Elon Musk"), ("There is nothing I hate", "Elon Musk"),
        ("This is a company that", "Gary Black"), ("overdue", "Gary Black"), ("come back stronger", "Tom Zhu"),
    ],
    "sport_djokovic.txt": [
        ("I was really close", "Novak Djokovic"), ("I'm just glad", "Novak Djokovic"),
        ("The knee is not great", "Novak Djokovic"), ("I will have to see", "Novak Djokovic"),
        ("I played at a very high", "Francisco Cerundolo"), ("He's the best in history", "Francisco Cerundolo"),
        ("I'm feeling confident", "Coco Gauff"), ("but there's still", "Coco Gauff"),
    ],
    "politics_campaign.txt": [
        ('take us back', 'Joe Biden'),
        ('Donald Trump has a different', 'Joe Biden'),
        ('He wants to cut', 'Joe Biden'),
        ("He doesn't know where", 'Donald Trump'),
        ("It's sad", 'Donald Trump'),
        ('Donald Trump is lying', 'Ammar Moussa'),
        ('nothing to run on', 'Michael Whatley'),
        ("I've made up my mind", 'Jennifer Wallace'),
        ('Nothing either of them', 'Jennifer Wallace'),
        ("I'm still listening", ANY),
    ],
    "business_boeing.txt": [
        ('I apologize for the grief', 'Dave Calhoun'),
        ('We are deeply sorry', 'Dave Calhoun'),
        ('You are on the hot seat', 'Richard Blumenthal'),
        ('Boeing has broken', 'Richard Blumenthal'),
        ('It is far from perfect', 'Dave Calhoun'),
        ('but we are committed', 'Dave Calhoun'),
        ('Do you think you should', 'Josh Hawley'),
        ('Words are cheap', 'Javier de Luis'),
        ('We need accountability', 'Javier de Luis'),
    ],
    "sport_messi.txt": [
        ('It was a complete performance', 'Gerardo Martino'),
        ('Everyone contributed', 'Gerardo Martino'),
        ('I feel good', 'Lionel Messi'),
        ('The team is playing', 'Lionel Messi'),
        ('We could not cope', 'Pedro Gallese'),
        ('the best player in the history', 'Luis Suarez'),
    ],
    "business_oil.txt": [
        ('The group has once again', 'Helima Croft'),
        ('unanimous', 'Abdulaziz bin Salman'),
        ('remain vigilant', 'Abdulaziz bin Salman'),
        ('We see upside risks', 'Goldman Sachs'),
        ('This is a defensive move', 'John Kilduff'),
    ],
    "politics_court.txt": [
        ('That is not a hypothetical', 'Elizabeth Prelogar'),
        ('It is happening now', 'Elizabeth Prelogar'),
        ("Isn't it unusual", 'Samuel Alito'),
        ('a solution in search', 'Joshua Turner'),
        ('There are women who', 'Elena Kagan'),
        ('far too narrow', 'Elena Kagan'),
        ('My Body, My Choice', None),
        ('Choose Life', None),
    ],
    "business_nvidia.txt": [
        ('This is a once-in-a-generation', 'Angelo Zino'),
        ('Nvidia is the picks', 'Angelo Zino'),
        ('The next wave of AI', 'Jensen Huang'),
        ('The Big Short', None),
        ('People are paying for growth', 'Sarah Bianchi'),
    ],
    "sport_chiefs.txt": [
        ('It was a little too close', 'Patrick Mahomes'),
        ('But a win is a win', 'Patrick Mahomes'),
        ('We left a lot out there', 'Lamar Jackson'),
        ("We'll be back", 'Lamar Jackson'),
        ('as advertised', 'Andy Reid'),
        ('I just tried to do my job', 'Xavier Worthy'),
        ('His toe was down', 'John Harbaugh'),
        ('I saw it from', 'John Harbaugh'),
    ],
    "business_eu_apple.txt": [
        ('For a decade, Apple abused', 'Margrethe Vestager'),
        ('This is illegal under', 'Margrethe Vestager'),
        ('despite the Commission', 'Apple'),
        ('a powerful message', 'Daniel Ek'),
        ('Spotify pays Apple nothing', 'Apple'),
    ],
    "news_storm.txt": [
        ('It looked like a war zone', 'Hector Ramirez'),
        ('The windows just exploded', 'Hector Ramirez'),
        ('Do not go downtown', 'John Whitmire'),
        ('There is glass everywhere', 'John Whitmire'),
        ('We understand how frustrating', 'CenterPoint Energy'),
        ('We will restore power', 'CenterPoint Energy'),
        ('derecho', None),
        ("We'll clean up", 'Hector Ramirez'),
        ("That's what Houston does", 'Hector Ramirez'),
    ],
    "politics_speaker.txt": [
        ('Hopefully this is the end', 'Mike Johnson'),
        ('We need to get back', 'Mike Johnson'),
        ("I'm proud of what I did", 'Marjorie Taylor Greene'),
        ('siding with the Democrats', 'Marjorie Taylor Greene'),
        ('turn the page', 'Hakeem Jeffries'),
        ('stay united', 'Donald Trump'),
        ('a uniparty', 'Thomas Massie'),
    ],
    "business_starbucks.txt": [
        ('Starbucks is an iconic brand', 'Brian Niccol'),
        ('This is the best possible', 'Sara Senatore'),
        ('He has a proven', 'Sara Senatore'),
        ('proud of the foundations', 'Laxman Narasimhan'),
        ('Laxman has been', 'Mellody Hobson'),
    ],
    "sport_wimbledon.txt": [
        ("It's a dream come true", 'Carlos Alcaraz'),
        ('I grew up watching', 'Carlos Alcaraz'),
        ('the better player by far', 'Novak Djokovic'),
        ("I didn't have the answers", 'Novak Djokovic'),
        ('Credit to him', 'Novak Djokovic'),
        ('a phenomenon', 'Andy Murray'),
    ],
}


def _matches(expected: str | None, got: str | None) -> bool:
    if expected == ANY:
        return True
    if expected == ORG:
        return got is not None
    return expected == got


def _score() -> tuple[int, int, int, int, int, list[str]]:
    total = correct = found = attributed = attributed_right = 0
    problems: list[str] = []
    for name, gold in GOLD.items():
        text = (NEWS / name).read_text(encoding="utf-8")
        quotes = extract_quotes(text, extract_metadata(text).body_start)
        for q in quotes:
            assert text[q.start : q.end] == q.text
            expected = [sp for key, sp in gold if q.text.startswith(key)]
            if q.speaker:
                attributed += 1
                if expected and _matches(expected[0], q.speaker):
                    attributed_right += 1
                else:
                    problems.append(f"{name}: {q.text[:30]!r} wrongly given to {q.speaker}")
        for key, speaker in gold:
            total += 1
            hits = [q for q in quotes if q.text.startswith(key)]
            found += bool(hits)
            got = hits[0].speaker if hits else None
            if hits and _matches(speaker, got):
                correct += 1
            else:
                problems.append(f"{name}: {key!r} expected {speaker}, got {got if hits else 'no quote'}")
    return total, found, correct, attributed, attributed_right, problems


def test_every_quotation_is_found() -> None:
    total, found, *_ = _score()
    assert found == total


def test_attribution_accuracy_on_news_articles() -> None:
    total, _, correct, attributed, attributed_right, problems = _score()
    print(f"attributions correct {correct}/{total}; attributed quotes correct {attributed_right}/{attributed}")
    assert correct / total > 0.90, problems
    assert attributed_right / attributed > 0.95, problems


@pytest.mark.parametrize("name", sorted(GOLD))
def test_quotes_are_listed_in_reading_order(name: str) -> None:
    text = (NEWS / name).read_text(encoding="utf-8")
    starts = [q.start for q in extract_quotes(text, extract_metadata(text).body_start)]
    assert starts == sorted(starts)
