"""Documents that speak (round ten): a poll, a survey, a study, a report, an ad, an indictment or a ruling
quoted is the speaker, named as the article names it without determiner (kind ``document``); a later ``the
poll`` is the last poll the article named, else nobody; a statement, letter or memo speaks for its author.

Every sentence here is written for these tests (one behaviour each, never an accuracy figure).
"""

from __future__ import annotations

import pytest

from byline.index.quotes import canonical_names, extract_quotes


def who(text: str, quoted: str) -> tuple[str | None, str | None]:
    """(speaker, speaker_kind) of the quotation whose words start with ``quoted``."""
    for q in extract_quotes(text):
        if q.text.startswith(quoted):
            return q.speaker, q.speaker_kind
    raise AssertionError(f"no quotation starting {quoted!r}")


@pytest.mark.parametrize(
    ("text", "quoted", "expected"),
    [
        # A named document right after the quote, subject first or verb first.
        ("“The fleet is not ready for a long war,” the Pentagon report said.", "The fleet", "Pentagon report"),
        ("“Voters are tired of both parties,” says a new Gallup poll.", "Voters", "Gallup poll"),
        ("“The fleet is not ready,” the Pentagon report, released Tuesday, concluded.", "The fleet", "Pentagon report"),
        ("“The fleet is not ready,” according to the Pentagon report.", "The fleet", "Pentagon report"),
        # A named document whose verb stands before the quote in its sentence.
        ("A new Quinnipiac University poll found voters see him as “dishonest.”", "dishonest", "Quinnipiac University poll"),
        ("The Pentagon report said: “The fleet is not ready for a long war.”", "The fleet", "Pentagon report"),
        ("According to a new Marist poll, most voters call the plan “a mistake.”", "a mistake", "Marist poll"),
        ("An AP-GfK poll released Thursday found voters call him “a liar.”", "a liar", "AP-GfK poll"),
        ("A September Gallup survey found that “most people want a change.”", "most people", "Gallup survey"),
        ("“They will raise your taxes,” a new Clinton campaign ad says.", "They will", "Clinton campaign ad"),
        ("The Justice Department indictment says he “knowingly lied to investigators.”", "knowingly", "Justice Department indictment"),
        # An owner's document, named with the owner (a sentence's ``But`` is no word of it).
        ("But Gallup’s latest poll found voters call him “a liar.”", "a liar", "Gallup’s poll"),
        # A relative clause in commas between the document and its verb; a name with an inner ``for``.
        ("One Club for Growth ad, which aired Monday, argues that “only Jane Roe can win.”", "only Jane", "Club for Growth ad"),
        # A label: ``From the report:`` before the quotation, the report named earlier.
        ("A Harbour Institute report came out. More from the report: “Most berths stand empty.”", "Most berths", "Harbour Institute report"),
    ],
)
def test_a_named_document_is_the_speaker(text: str, quoted: str, expected: str) -> None:
    assert who(text, quoted) == (expected, "document")


def test_a_bare_the_poll_is_the_last_poll_named_before() -> None:
    text = (
        "A Marist poll came out on Monday. A Harbour Institute poll followed on Tuesday.\n\n"
        "The poll found that “most residents want the berths open.”\n\n"
        "“The new poll is a warning to the council,” the study said."
    )
    assert who(text, "most residents") == ("Harbour Institute poll", "document")
    assert who(text, "The new poll") == (None, None)  # no study was named: nobody


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("“We will win this fight,” the ad says.", "We will"),  # an ad the article never named
        ("A new poll found voters call him “a liar.”", "a liar"),  # a poll nobody named
        ("“We will win,” a campaign TV ad says.", "We will"),  # a medium is no name
    ],
)
def test_a_document_nobody_named_is_nobody(text: str, quoted: str) -> None:
    assert who(text, quoted) == (None, None)


def test_a_document_that_is_not_the_subject_speaks_for_nothing() -> None:
    text = "Jane Roe runs the county party. Some voters in a recent CNN poll said he was “dishonest,” Roe said."
    assert who(text, "dishonest") == ("Jane Roe", "person")


def test_somebody_elses_words_after_the_documents_verb_are_theirs() -> None:
    text = "Jane Roe runs the harbour board. The report found delays, but Roe called the plan “a disgrace.”"
    assert who(text, "a disgrace") == ("Jane Roe", "person")


def test_a_letter_speaks_for_its_author_never_as_a_document() -> None:
    text = "Jane Roe wrote to the board on Monday. Roe’s letter says, “We must act before the summer.”"
    assert who(text, "We must act") == ("Jane Roe", "person")
    text = "Acme Corp. makes shoes. In a statement, the company said, “We are proud of our workers.”"
    assert who(text, "We are proud") == ("Acme Corp", "organisation")


def test_a_document_never_merges_with_an_organisation_or_a_person() -> None:
    kinds = {"Pentagon report": "document", "Pentagon Report": "organisation", "Pentagon": "organisation"}
    merged = canonical_names({"Pentagon report": 2, "Pentagon Report": 1, "Pentagon": 3}, kinds)
    assert merged == {"Pentagon report": "Pentagon report", "Pentagon Report": "Pentagon Report", "Pentagon": "Pentagon"}
    kinds = {"Gallup poll": "document", "Gallup Poll": "document"}
    assert canonical_names({"Gallup poll": 2, "Gallup Poll": 1}, kinds) == {"Gallup poll": "Gallup poll", "Gallup Poll": "Gallup poll"}


def test_a_documents_words_carry_on_and_a_pronoun_is_never_a_document() -> None:
    text = "“The fleet is not ready,” the Pentagon report said. “Repairs will take years.”"
    assert who(text, "Repairs") == ("Pentagon report", "document")
    text = (
        "Jane Roe, the mayor, spoke on Monday. A Harbour Institute poll found that “most residents want change.” "
        "“We will listen,” she said."
    )
    assert who(text, "most residents") == ("Harbour Institute poll", "document")
    assert who(text, "We will listen") == ("Jane Roe", "person")


def test_document_noun_test_on_letters_agrees_with_the_pattern() -> None:
    """The cheap test of a window's words (the article's letters) answers as the pattern does, on every
    window of the sample articles and on nouns beside digits, accents, underscores and cut words."""
    from byline.index.library import sample_corpus
    from byline.index.quotes.cues import cue_letters
    from byline.index.quotes.phrases.works import has_document_noun

    texts = [p.read_text(encoding="utf-8") for p in sorted(sample_corpus().glob("*.txt"))]
    texts.append("the report2 said; a reporté; _poll and poll_ and the 2poll; unreport; ad-hoc reports; the ad’s")
    seen = {True: 0, False: 0}
    for text in texts:
        letters = cue_letters(text)
        for a in range(0, len(text), 7):
            for width in (13, 80, 160):
                b = min(len(text), a + width)
                expected = has_document_noun(text, a, b)
                assert has_document_noun(text, a, b, letters) is expected, (a, b, text[a:b])
                seen[expected] += 1
    assert seen[True] and seen[False]  # both answers were put to the test
