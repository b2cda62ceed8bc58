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

from byline.index.metadata import extract_metadata
from byline.index.quotes import extract_quotes

NEWS = Path(__file__).parent / "data" / "news"
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
