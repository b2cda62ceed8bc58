"""The five sample articles: every quotation, its speaker and its kind.

Derived by reading the articles (see the issue's notes), not from program output.
Judgement calls: 001 ``“24 hours”`` is Trump's (cue ``suggested``, partial); 003
``“certain internal repulsion”`` has no speech cue in its sentence, so it stays a term.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from byline.index.quotes import canonical_names, extract_quotes

SAMPLE = Path(__file__).resolve().parents[3] / "index" / "sample"

MED, LAV, PUT, KOS, PES, TRU = (
    "Dmitry Medvedev",
    "Sergey Lavrov",
    "Vladimir Putin",
    "Konstantin Kosachev",
    "Dmitry Peskov",
    "Donald Trump",
)
S, T = "speech", "term"

# (start of the quoted text, speaker, kind, partial)
EXPECTED: dict[str, list[tuple[str, str | None, str, bool]]] = {
    "000": [
        ("He can’t stop the war. Not in a day", MED, S, False),
        ("banalities.", MED, S, True),
        ("Russophobic course,", LAV, S, True),
        ("Whoever wins the election, we see no prospect", LAV, S, False),
        ("lend-lease", None, T, True),
    ],
    "001": [
        ("dangerous line", PUT, S, True),
        ("24 hours", TRU, S, True),
        ("banalities.", MED, S, True),
        ("Russophobic course,", LAV, S, True),
    ],
    "002": [
        ("Putin Confident Trump Can Navigate Ukraine Crisis", None, T, False),
        ("Putin is confident Trump can navigate the Ukraine crisis", None, T, True),
        ("America First", None, T, True),
        ("America First", None, T, True),
        ("near abroad", None, T, True),
        ("America First", None, T, True),
    ],
    "003": [
        ("I’m sure that Trump will be very uncomfortable for Russia.", KOS, S, False),
        ("certain internal repulsion", None, T, True),
        ("This will be a very big problem for Russia", KOS, S, False),
        ("But I am confident that we will never be willing", KOS, S, False),
        ("peacekeepers", None, T, True),
        ("This is precisely how it will erupt", KOS, S, False),
        ("Trump's second term could force NATO", None, T, True),
        ("I say this with great regret,", KOS, S, False),
        ("I would very much like to see the collapse of NATO", KOS, S, False),
    ],
    "004": [
        ("we are talking about an hostile land", PES, S, False),
        ("I already stated that we would be collaborating", PUT, S, False),
        ("The leader is ready to talk to Trump", PUT, S, False),
        ("remain unchanged and will be achieved", MED, S, True),
        ("the anti-Russian and russophobic orientation", LAV, S, False),
        ("If they ( the US) genuinely want to", PUT, S, False),
        ("Ukraine itself does not manufacture anything.", PUT, S, False),
    ],
}

ROLES = {
    ("000", MED): "Deputy Chairman of Russia’s Security Council",
    ("000", LAV): "Foreign Minister",
    ("001", PUT): "Russian President",
    ("003", KOS): "Vice Speaker of Russia’s Federation Council",
    ("004", PES): "Kremlin spokesman",
    ("004", LAV): "head of Russian foreign policy",
}


def _article(prefix: str) -> str:
    (path,) = SAMPLE.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_sample_quotes(prefix: str) -> None:
    """Every quote of the article, in order, with the expected speaker, kind and partial flag."""
    text = _article(prefix)
    quotes = extract_quotes(text)
    got = [(q.text[:40], q.speaker, q.kind, q.partial) for q in quotes]
    assert len(quotes) == len(EXPECTED[prefix]), got
    for q, (start, speaker, kind, partial) in zip(quotes, EXPECTED[prefix]):
        assert text[q.start : q.end] == q.text
        assert q.text.startswith(start), got
        assert (q.speaker, q.kind, q.partial) == (speaker, kind, partial), (q.text[:40], got)


@pytest.mark.parametrize(("prefix", "speaker"), sorted(ROLES))
def test_sample_roles(prefix: str, speaker: str) -> None:
    """A role found anywhere in the article applies to all of the speaker's quotes."""
    quotes = [q for q in extract_quotes(_article(prefix)) if q.speaker == speaker]
    assert quotes
    assert {q.role for q in quotes} == {ROLES[(prefix, speaker)]}


def test_sample_cues() -> None:
    """Cues are the words of the text; continued quotes reuse the cue they continue."""
    cues = [(q.text[:12], q.cue) for q in extract_quotes(_article("003")) if q.speaker]
    assert cues == [
        ("I’m sure tha", "said"),
        ("This will be", "said"),
        ("But I am con", "said"),
        ("This is prec", "added"),
        ("I say this w", "added"),
        ("I would very", "added"),
    ]
    cues4 = [q.cue for q in extract_quotes(_article("004")) if q.speaker]
    assert cues4 == ["responded", "said", "continued", "tweeted", "said", "told", "told"]
    cues0 = [q.cue for q in extract_quotes(_article("000")) if q.speaker]
    assert cues0 == ["stated", "calling", "expressed", "cautioning"]
    cues1 = [q.cue for q in extract_quotes(_article("001")) if q.speaker]
    assert cues1 == ["accusing", "suggested", "dismissing", "expressed"]


def test_sample_speakers_across_corpus() -> None:
    """The corpus speakers, merged to one canonical name each."""
    names = [q.speaker for p in EXPECTED for q in extract_quotes(_article(p)) if q.speaker]
    merged = set(canonical_names(names).values())
    assert merged == {PUT, MED, LAV, KOS, PES, TRU}


def test_body_start_quotes_are_terms() -> None:
    """Quotes before ``body_start`` are reported as terms without a speaker."""
    text = _article("002")
    body = text.index("\n") + 1
    first = extract_quotes(text, body_start=body)[0]
    assert first.start < body and first.kind == "term" and first.speaker is None
