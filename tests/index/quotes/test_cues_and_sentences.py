"""Speech cues as lemmas (every form, chains, what is not a cue) and sentence splitting."""

from __future__ import annotations

import re

import pytest

from byline.index.quotes import extract_quotes
from byline.index.quotes.cues import CUE_RE, FINITE_CUES, LEMMA_OF, PARTICIPLE_CUES, chain_start, forms, is_cue
from byline.index.quotes.marks import find_spans
from byline.index.quotes.sentences import mask_quotes, split_sentences


@pytest.mark.parametrize(
    ("lemma", "expected"),
    [
        ("say", ("says", "said", "saying")),
        ("call", ("calls", "called", "calling")),
        ("report", ("reports", "reported", "reporting")),
        ("tweet", ("tweets", "tweeted", "tweeting")),
        ("quip", ("quips", "quipped", "quipping")),
        ("reply", ("replies", "replied", "replying")),
        ("argue", ("argues", "argued", "arguing")),
        ("write", ("writes", "wrote", "written", "writing")),
    ],
)
def test_every_form_of_a_lemma(lemma: str, expected: tuple[str, ...]) -> None:
    """A cue verb is a lemma; its forms are generated, regular or not."""
    assert forms(lemma) == expected
    assert all(LEMMA_OF[f] == lemma for f in expected)


def test_the_wider_verb_set() -> None:
    """The verbs the issue names are cues in every form."""
    for lemma in "implore interject fume blurt advise caution concede insist quip recall write post tell".split():
        finite = [f for f in forms(lemma) if not f.endswith("ing")]
        assert all(f in FINITE_CUES for f in finite), lemma
        assert any(f in PARTICIPLE_CUES for f in forms(lemma)), lemma


def _cues(text: str) -> list[str]:
    return [c.group() for c in CUE_RE.finditer(text) if is_cue(text, c)]


def test_chains_end_in_a_bare_cue() -> None:
    """``went on to say``, ``tried to argue``, ``managed to ask``: the bare verb is a cue after the chain."""
    for text in ("He went on to say it", "She tried to argue it", "He managed to ask it", "They would argue it"):
        assert _cues(text), text
    text = "He went on to say it"
    say = next(c for c in CUE_RE.finditer(text) if c.group() == "say")
    assert chain_start(text, say.start()) == text.index("went")
    assert _cues("He has a say in it") == []  # a bare form with no chain is no cue


def test_adjectives_that_look_like_cues_are_not_cues() -> None:
    """``mutually assured destruction``, ``the stated goal``, ``Ginsburg’s comments`` are no speech verbs."""
    assert _cues("the doctrine of mutually assured destruction") == []
    assert _cues("the stated goal of the plan") == []
    assert _cues("Ginsburg’s comments were sharp") == []
    assert _cues("Smith stated his goal") == ["stated"]


def test_adjective_cue_does_not_attribute() -> None:
    """A quote after ``mutually assured`` gets no speaker from it."""
    (q,) = extract_quotes("The doctrine of mutually assured “destruction” kept the peace.")
    assert q.speaker is None


@pytest.mark.parametrize("mark", ["?", "!"])
def test_attribution_stays_with_a_question_or_exclamation(mark: str) -> None:
    """After ``?”`` and ``!”`` the attribution that follows is in the quotation's sentence."""
    text = f"“Who will pay for it{mark}” Jane Doe asked the crowd. The crowd laughed."
    masked = mask_quotes(text, find_spans(text))
    sentences = split_sentences(masked, 0, len(masked))
    assert len(sentences) == 2
    assert "Jane Doe" in text[slice(*sentences[0])]
    assert extract_quotes(text)[0].speaker == "Jane Doe"


def test_a_new_sentence_after_a_quote_still_splits() -> None:
    """A quotation ending its sentence is followed by a new sentence that is not an attribution."""
    text = "He read “It is over.” The room fell silent."
    masked = mask_quotes(text, find_spans(text))
    assert len(split_sentences(masked, 0, len(masked))) == 2


def test_lemma_list_has_no_repeats() -> None:
    """Each lemma is listed once (the list is data; a repeat hides a typo)."""
    from byline.index.quotes.cues import SPEECH_LEMMAS

    assert len(SPEECH_LEMMAS) == len(set(SPEECH_LEMMAS))
    assert all(re.fullmatch(r"[a-z]+", w) for w in SPEECH_LEMMAS)


def test_markup_attribute_values_are_no_quotations() -> None:
    """``<tweet author="fireregui" id="7406">``: marks right after ``=`` hold an attribute's value; the
    quotation after the tag is still found, and its marks are not paired with the attribute's."""
    text = 'Rain fell.\n\n<tweet author="fireregui" id="7406">me leaving the polls</tweet>. She said, "We won."'
    assert [text[sp.start : sp.end] for sp in find_spans(text)] == ["We won."]
