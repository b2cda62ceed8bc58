"""Attribution in wire and broadcaster prose (BBC, Reuters, AP, the Guardian styles): titles and ranks
written without full stops, letters after a name, ``X’s spokesman``, descriptions of the last person
named (``the 23-year-old``, ``the Labour MP``, ``the mother-of-two``). Each case is a short text written
for one behaviour, checked through the public path (``extract_quotes``)."""

from __future__ import annotations

import pytest

from byline.index.quotes.phrases.names import parse_name
from pick import quote

# (text, opening words of the quotation, speaker, speaker_kind)
WIRE_CASES = [
    # police and military ranks written without full stops: the rank is the role, never the name
    ("Rain fell. Det Insp Jane Brown said: \"We are appealing for witnesses.\"", "We are", "Jane Brown", "person"),
    ("Rain fell. Ch Supt Tom Hale said: \"We are appealing for witnesses.\"", "We are", "Tom Hale", "person"),
    ("Rain fell. \"We are appealing for witnesses,\" said Supt Tom Hale.", "We are", "Tom Hale", "person"),
    ("Rain fell. Insp Tom Hale said: \"We are appealing.\"", "We are", "Tom Hale", "person"),
    ("Rain fell. Det Con Tom Hale, of the county police, said: \"We are appealing.\"", "We are", "Tom Hale", "person"),
    ("Rain fell. Acting Det Ch Insp Tom Hale said: \"We are appealing.\"", "We are", "Tom Hale", "person"),
    ("Rain fell. Ruth Cole was found guilty. \"She was a danger,\" Det Insp Tom Hale said.", "She was", "Tom Hale", "person"),
    ("Rain fell. PC Jane Brown said: \"We are appealing.\"", "We are", "Jane Brown", "person"),
    ("Rain fell. \"We are appealing,\" said DCI Ruth Cole.", "We are", "Ruth Cole", "person"),
    ("Rain fell. \"The mission went well,\" said Cpl Tom Hale.", "The mission", "Tom Hale", "person"),
    # councillors, the Rt Hon, peers and Irish titles
    ("Rain fell. Cllr Ruth Cole said: \"The mill must stay open.\"", "The mill", "Ruth Cole", "person"),
    ("Rain fell. \"The talks failed,\" Rt Hon Ruth Cole said.", "The talks", "Ruth Cole", "person"),
    ("Rain fell. The Rt Hon Ruth Cole MP said: \"The data are clear.\"", "The data", "Ruth Cole", "person"),
    ("Rain fell. \"The talks failed,\" said Baroness Ruth Cole.", "The talks", "Ruth Cole", "person"),
    ("Rain fell. \"The talks failed,\" said Taoiseach Tom Hale.", "The talks", "Tom Hale", "person"),
    ("Rain fell. \"The talks failed,\" said Tanaiste Ruth Cole.", "The talks", "Ruth Cole", "person"),
    # letters after a name are no part of it
    ("Rain fell. \"We are ready,\" said Ruth Cole QC.", "We are", "Ruth Cole", "person"),
    # a month after Mr, Mrs or Ms is a surname
    ("Rain fell. Mrs May told BBC Radio 4's Today programme: \"We will not back down.\"", "We will", "May", "person"),
    ("Rain fell. \"We will not back down,\" said Mrs May.", "We will", "May", "person"),
    # descriptions of the last person named
    ("Tom Hale spoke on Monday. \"It has been a hard season,\" the Labour MP said.", "It has", "Tom Hale", "person"),
    ("Ruth Cole, 34, was jailed. \"I'm sorry,\" the mother-of-two said.", "I'm", "Ruth Cole", "person"),
    ("Ruth Cole spoke on Monday. \"We are ready,\" the SNP MP said.", "We are", "Ruth Cole", "person"),
    ("Ruth Cole spoke on Monday. \"We are ready,\" the former Labour MP said.", "We are", "Ruth Cole", "person"),
    # somebody's spokesman: an organisation speaks; an office named by its title is an unnamed source
    ("Rain fell. \"We will win,\" Barclays' spokesman said.", "We will", "Barclays", "organisation"),
    ("Rain fell. Barclays's spokesman said: \"We will win.\"", "We will", "Barclays", "organisation"),
    ("Rain fell. The Prime Minister's official spokesman said: \"We have no plans to change course.\"", "We have",
     "the Prime Minister's official spokesman", "unnamed"),
    ("Rain fell. \"We have no plans,\" said the Prime Minister's official spokesman.", "We have",
     "the Prime Minister's official spokesman", "unnamed"),
    # ``X quoted Y as saying`` after the quotation: the one quoted speaks, not the one quoting
    ("Rain fell. \"We will talk,\" Xinhua quoted Tom Hale as saying.", "We will", "Tom Hale", "person"),
    ("Rain fell. \"We will talk,\" the agency quoted Premier Tom Hale as saying.", "We will", "Tom Hale", "person"),
    # ``for`` inside the name of a body after one of its words (``Office for``, ``Department for``)
    ("Rain fell. \"Prices rose,\" according to the Office for National Statistics.", "Prices", "Office for National Statistics",
     "organisation"),
    ("Rain fell. \"Prices rose,\" the Office for National Statistics said.", "Prices", "Office for National Statistics",
     "organisation"),
    ("Rain fell. The Department for Education said: \"Prices rose.\"", "Prices", "Department for Education", "organisation"),
    ("Rain fell.\n\n“Prices rose,” the Center for Policy Studies wrote.", "Prices", "Center for Policy Studies", "organisation"),
    ("Rain fell. \"Prices rose,\" a spokesman for the Department for Education said.", "Prices", "Department for Education",
     "organisation"),
    # a place and ``Yard`` name a body (as ``Downing Street`` does), not a person called ``Yard``
    ("Rain fell. \"We are appealing,\" Scotland Yard said.", "We are", "Scotland Yard", "organisation"),
]

# an age in commas, then the sentence's predicate up to its full stop: no role of the person
ROLE_CASES = [
    ("Jane Brown, 23, won gold in the 200m on Saturday.\n\n\"I'm delighted,\" the 23-year-old told BBC Sport.", "I'm",
     "Jane Brown", None),
    # … while a role after the age stays, closed by a comma or the sentence's end
    ("Rain fell. \"We are ready,\" said Tom Hale, 34, a teacher from Ohio.", "We are", "Tom Hale", "teacher from Ohio"),
    ("Rain fell. Tom Hale, 34, retired teacher, said: \"We are ready.\"", "We are", "Tom Hale", "retired teacher"),
]


@pytest.mark.parametrize(("text", "opening", "expected", "role"), ROLE_CASES)
def test_wire_roles(text: str, opening: str, expected: str, role: str | None) -> None:
    """The speaker and the role the article gives them."""
    q = quote(text, opening)
    assert (q.speaker, q.role) == (expected, role)


# shapes the rules read right before this round: guards
GUARD_CASES = [
    ("Rain fell. Det Sgt Tom Hale said: \"We are appealing for witnesses.\"", "We are", "Tom Hale", "person"),
    ("Rain fell. Lt Col Tom Hale said: \"The mission went well.\"", "The mission", "Tom Hale", "person"),
    ("Rain fell. Gen Tom Hale said: \"The mission went well.\"", "The mission", "Tom Hale", "person"),
    ("Rain fell. Adm Tom Hale said: \"The mission went well.\"", "The mission", "Tom Hale", "person"),
    ("Rain fell. Sgt Tom Hale said: \"We are appealing.\"", "We are", "Tom Hale", "person"),
    ("Rain fell. Prof Ruth Cole said: \"The data are clear.\"", "The data", "Ruth Cole", "person"),
    ("Rain fell. \"The data are clear,\" said Dr Ruth Cole.", "The data", "Ruth Cole", "person"),
    ("Rain fell. \"The talks failed,\" said Dame Ruth Cole.", "The talks", "Ruth Cole", "person"),
    ("Rain fell. \"The talks failed,\" said Lord Hale.", "The talks", "Hale", "person"),
    ("Rain fell. First Minister Ruth Cole said: \"The talks failed.\"", "The talks", "Ruth Cole", "person"),
    ("Rain fell. Chancellor Ruth Cole said: \"The talks failed.\"", "The talks", "Ruth Cole", "person"),
    ("Ruth Cole won the race. \"I'm delighted,\" the 23-year-old told BBC Sport.", "I'm", "Ruth Cole", "person"),
    ("Tom Hale was sacked on Monday. \"It has been a hard season,\" the 45-year-old said.", "It has", "Tom Hale", "person"),
    ("Tom Hale spoke on Monday. \"It has been a hard season,\" the Chelsea manager told reporters.", "It has",
     "Tom Hale", "person"),
    ("Tom Hale signed on Monday. \"I'm happy,\" the 28-year-old striker told the club's website.", "I'm", "Tom Hale",
     "person"),
    ("Sir Tom Hale arrived. \"We will win,\" Sir Tom said.", "We will", "Tom Hale", "person"),
    ("Rain fell. Xinhua quoted Ruth Cole as saying: \"We will win.\"", "We will", "Ruth Cole", "person"),
    ("Rain fell. \"We will win,\" said Mr Smith.", "We will", "Smith", "person"),
    ("Rain fell. \"We will win,\" said Ruth Cole, Minister for Europe.", "We will", "Ruth Cole", "person"),
    ("Rain fell. \"Prices rose,\" according to the Ministry of Defence.", "Prices", "Ministry of Defence", "organisation"),
    ("Rain fell. \"We will win,\" Ms Cole told the BBC.", "We will", "Cole", "person"),
    ("Rain fell. \"We will win,\" Ruth Cole told Reuters.", "We will", "Ruth Cole", "person"),
    ("Rain fell. \"We will win,\" Ruth Cole told reporters.", "We will", "Ruth Cole", "person"),
    ("Rain fell. Mr Hale told BBC Radio Scotland's Good Morning Scotland programme: \"The talks failed.\"",
     "The talks", "Hale", "person"),
    ("Rain fell. Ruth Cole told the BBC's Newsnight: \"The talks failed.\"", "The talks", "Ruth Cole", "person"),
    ("Rain fell. Ruth Cole told Sky News: \"The talks failed.\"", "The talks", "Ruth Cole", "person"),
    ("Rain fell. Ruth Cole, 45, from Leeds, said: \"The talks failed.\"", "The talks", "Ruth Cole", "person"),
    ("Theresa May spoke. \"We will not back down,\" said Mrs May.", "We will", "Theresa May", "person"),
    ("LONDON (Reuters) - \"We take this seriously,\" Ruth Cole said on Tuesday.", "We take", "Ruth Cole", "person"),
    ("LONDON (Reuters) - Barclays said on Tuesday: \"We take this seriously.\"", "We take", "Barclays", "organisation"),
    ("BEIJING (Reuters) - Shen Guofang arrived. \"We are ready,\" Shen told reporters.", "We are", "Shen Guofang",
     "person"),
    ("Rain fell. Wang Ping arrived. \"We will win,\" Wang added.", "We will", "Wang Ping", "person"),
    ("Rain fell. \"The talks failed,\" according to Ruth Cole, the union leader.", "The talks", "Ruth Cole", "person"),
    ("Rain fell. Xinhua quoted Ruth Cole as saying: \"The talks failed.\"", "The talks", "Ruth Cole", "person"),
    ("Rain fell.\n\nHale: 'We will not back down'\n\nThe prime minister spoke.", "We will", "Hale", "person"),
    ("Rain fell. \"We will win,\" a spokesman for Barclays said.", "We will", "Barclays", "organisation"),
    ("Rain fell. \"We will win,\" a Barclays spokesman said.", "We will", "Barclays", "organisation"),
    ("Rain fell. \"We will win,\" said Barclays' spokesman.", "We will", "Barclays", "organisation"),
    ("Rain fell. A spokesman for the Prime Minister said: \"We will win.\"", "We will",
     "a spokesman for the Prime Minister", "unnamed"),
    ("The Foreign Ministry summoned the envoy. \"We take this seriously,\" the ministry said in a statement.",
     "We take", "Foreign Ministry", "organisation"),
    ("Rain fell. \"The talks failed,\" the Foreign Office said.", "The talks", "Foreign Office", "organisation"),
    ("Rain fell. \"The talks failed,\" Downing Street said.", "The talks", "Downing Street", "organisation"),
    ("Rain fell. \"The talks failed,\" a Downing Street spokesman said.", "The talks", "Downing Street", "organisation"),
    ("Rain fell. A Home Office spokeswoman said: \"The talks failed.\"", "The talks", "Home Office", "organisation"),
    ("Rain fell. A spokesman for the Department of Health said: \"The talks failed.\"", "The talks",
     "Department of Health", "organisation"),
    ("Rain fell. \"We are appealing,\" said a spokeswoman for Kent Police.", "We are", "Kent Police", "organisation"),
    ("Rain fell. \"We are appealing,\" a police spokesman said.", "We are", "a police spokesman", "unnamed"),
]


@pytest.mark.parametrize(("text", "opening", "expected", "kind"), WIRE_CASES + GUARD_CASES)
def test_wire_attribution(text: str, opening: str, expected: str, kind: str) -> None:
    """The quotation gets the speaker expected, of the kind expected."""
    q = quote(text, opening)
    assert (q.speaker, q.speaker_kind) == (expected, kind)


NONE_CASES = [
    # a rank alone names nobody
    "Rain fell. \"We are appealing,\" said Det Insp.",
    "Rain fell. \"We are appealing,\" the Det Insp said.",
    "Rain fell. \"We are appealing,\" said Rt Hon.",
    # a description that fits nobody named: a mother is no man
    "Tom Hale, 34, was jailed. \"We are appealing,\" the mother-of-two said.",
    # a person's spokesman is not that person
    "Tom Hale spoke. \"We are appealing,\" Hale's spokesman said.",
    "Tom Hale spoke. \"We are appealing,\" said Hale's spokesman.",
    # ``Sir`` and a given name, with no full name in the article, is nobody to look up (not ``Tom``)
    "Rain fell. \"We are appealing,\" Sir Tom said.",
    # ``quoted … as saying`` of a pronoun: no speaker rather than the agency
    "Rain fell. \"We are appealing,\" Xinhua quoted him as saying.",
    # a title of nobility with ``the`` and no name is neither a body called ``Duke`` nor a person
    "Rain fell. \"We are appealing,\" the Duke of Sussex said.",
    "Rain fell. \"We are appealing,\" said the Duke of Sussex.",
    "Rain fell. \"We are appealing,\" the Earl said.",
    # a party and letters after a name with nobody named before: no speaker (not the party)
    "Rain fell. \"We are appealing,\" the SNP MP said.",
    # a month alone is no name
    "Rain fell.\n\nMay: 'We are appealing'\n\nThe prime minister spoke.",
]


@pytest.mark.parametrize("text", NONE_CASES)
def test_wire_shapes_that_name_nobody(text: str) -> None:
    """A rank, a description of nobody named, or somebody's spokesman gives no speaker."""
    assert quote(text, "We are").speaker is None


@pytest.mark.parametrize(
    ("phrase", "name", "role"),
    [
        ("Det Insp Jane Brown", "Jane Brown", "Det Insp"),
        ("Acting Det Ch Insp Tom Hale", "Tom Hale", "Acting Det Ch Insp"),
        ("Det Con Tom Hale", "Tom Hale", "Det Con"),
        ("Rt Hon Ruth Cole MP", "Ruth Cole", "Rt Hon"),
        ("Cllr Ruth Cole", "Ruth Cole", "Cllr"),
        ("PC Jane Brown", "Jane Brown", "PC"),
        # ``Con`` and ``Ch`` alone, and a rank in capitals before no given name, stay words of the name
        ("Con Edison", "Con Edison", None),
        ("Hon Hai Precision", "Hon Hai Precision", None),
        ("Det Norske Veritas", "Det Norske Veritas", None),
    ],
)
def test_ranks_are_roles_never_names(phrase: str, name: str, role: str | None) -> None:
    """A rank written without full stops goes to the role; the name is what is left."""
    parsed = parse_name(phrase)
    assert parsed is not None and (parsed.name, parsed.role) == (name, role)


def test_a_party_and_letters_after_it_name_nobody() -> None:
    """``the Labour MP`` is a description, not a person called ``MP`` or ``Labour``."""
    assert parse_name("Labour MP") is None
    assert parse_name("Ruth Cole MP").name == "Ruth Cole"
