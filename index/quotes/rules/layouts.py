"""Attributions that come from the layout of the page rather than from a sentence: a speaker label
(``Bush: “…”``, a roundup line ``Howard Kurtz, Fox News: “…”``), a headline or subhead in title case
with its cue (``Clinton Said “Many Of You…”``), a pull quote followed by a ``Name, role, on topic.``
line."""

from __future__ import annotations

import re

from ..phrases.after import np_after_once
from ..phrases.common import NP
from ..phrases.name_scan import NAME_SEQ_RE
from ..phrases.names import ParsedName, parse_name
from ..coreference import resolve
from ..cues import FINITE_CUES
from ..mentions import Who
from ..words import COMMON_CAPS, split_tokens
from .base import Attribution, Reading, Site

_LABEL_TAIL_RE = re.compile(r"(?:,\s*[^,:;#“”\"]{1,60}|\s*\([^()#“”\"]{1,24}\))?\s*:\s*$")
"""What follows the name of a label: an outlet or role after a comma, or a party tag (``(R-S.C.)``), then
the colon."""
_HEADLINE_CUE_RE = re.compile(
    r"\s+(?:Says|Said|Tells|Told|Writes|Wrote|Tweets|Tweeted|Asks|Asked|Warns|Warned|Claims|Claimed|Calls|"
    r"Called|Declares|Declared|Admits|Admitted|Insists|Insisted|Adds|Added|Argues|Argued|Explains|Explained|"
    r"Questioned|Questions|Slams|Slammed|Vows|Vowed|Urges|Urged|Blasts|Blasted)(?:\s+(?:That|It|Him|Her|Them))?"
    r"(?:\s+[A-Z][\w’'\-]*){0,3}\s*:?\s*$"
)
_CREDIT_RE = re.compile(r"(?P<name>[^,.;:#“”\"]{3,60}?)(?:,[^#“”\"]{0,160})?\.?$")


def _person_or_org(r: Reading, name: str, pos: int) -> Who | None:
    """What a bare name in a layout stands for (a person, canonical in the article, or an organisation)."""
    parsed = parse_name(name)
    if parsed is None:
        return None
    toks = split_tokens(parsed.name)
    if parsed.kind == "other" and (len(toks) != 1 or toks[0] in COMMON_CAPS):
        return None
    if parsed.kind == "place":
        return None
    return resolve(r.art, NP(pos, pos + len(name), name=name), pos)


_HERE_IS_RE = re.compile(r"(?:Here[’']s|Here\s+is|This\s+is|More\s+from)\s+([A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3})(?:\s+(?:in|on|at|during|from|last|this)\b[^:#“”\"]{0,60})?")
"""``Here’s Clinton in December 1992:``, ``More from Jones:``: a label that presents the speaker of the quote
after it."""


_HEADLINE_DASH_RE = re.compile(r"\s[-–—]{1,2}\s+(?=[A-Z])")


_ROLE_LABEL_RE = re.compile(r"[A-Z][a-z]+(?:\s+[a-z]+){1,4}\s+[A-Z]")
"""A label that opens with a role in lower-case words before the name (``Former secretary of state Jane Roe``)."""


def _role_label(r: Reading, site: Site, head: str, lead: str) -> Attribution | None:
    """``Former secretary of state Jane Roe: “…”`` opening its paragraph (a transcript's or a fact check's
    exchange): a role in lower-case words, then a person's full name, then the colon."""
    if site.s != site.ps or _ROLE_LABEL_RE.match(head) is None or len(head) > 80:
        return None  # (the cheap test first: a label opening its paragraph with a role in lower case)
    colon = site.s + lead.index(":")
    phrase = head[0].lower() + head[1:]  # (read as after a verb: ``said former secretary of state Jane Roe``)
    np = np_after_once(phrase, 0, len(phrase))
    if np is None or not np.name or not np.pre_role or np.end != len(phrase) or len(np.name.split()) < 2:
        return None
    parsed = parse_name(np.name)
    if parsed is None or parsed.kind != "person":
        return None
    at = site.s + lead.index(head) + phrase.rindex(np.name)
    who = resolve(r.art, NP(at, at + len(np.name), name=np.name), at)
    if who is None or not who.name or who.kind != "person":
        return None
    return Attribution(who, ":", colon, "label")


def _is_caps_headline(text: str) -> bool:
    """A headline in capitals (``VOTERS CARE MORE ABOUT …``): three or more words, nearly all upper-case."""
    words = [w for w in text.split() if any(ch.isalpha() for ch in w)]
    return len(words) >= 3 and sum(1 for w in words if w.isupper()) >= len(words) - 1


_SUMMARY_RE = re.compile(r"[A-Z][\w’'/\-]*(?:\s+[\w’'/.,\-]+){1,24}")
"""A summary line in sentence case (``Pollsters agree``, ``Media shares blame in Iowa poll overhype``):
two to 25 words, no sentence punctuation at its end, no colon, no quote."""


def _is_summary_line(text: str) -> bool:
    """Does ``text`` (a paragraph's opening, before a dash) read as a roundup item's summary line?"""
    return _SUMMARY_RE.fullmatch(text) is not None and not text.endswith((".", ","))


def speaker_label(r: Reading, site: Site) -> Attribution | None:
    """``Bush: “…”``, ``Howard Kurtz, Fox News: “…”``: a name (and an outlet or role) then a colon
    before the quote, and nothing else in the sentence before it."""
    m = r.m
    if site.floor > site.s:
        return None  # the label starts its sentence
    start = site.s
    lead = m[start : site.anchor]
    tail = _LABEL_TAIL_RE.search(lead) if lead.rstrip().endswith(":") else None  # (the label ends in a colon)
    if tail is None:
        return None
    head = lead[: tail.start()].strip()
    first, _, rest = head.partition(" ")
    if first.lower() in FINITE_CUES and rest:
        head = rest  # ``Continued Stone: “…”``
    name_at = start
    dash = None
    for dash in _HEADLINE_DASH_RE.finditer(head):
        pass
    if dash is not None and (
        _is_caps_headline(head[: dash.start()])
        or _HERE_IS_RE.fullmatch(head, dash.end())
        or (start == site.ps and _is_summary_line(head[: dash.start()]))
    ):
        # ``VOTERS CARE MORE ABOUT … - Jeffrey M. Jones: “…”``, ``What it means - More from Jones: “…”``:
        # a roundup item, its headline in capitals, its summary line (``Pollsters agree - Jane Roe:``, the
        # line opening its paragraph) or its excerpt presented, then the author.
        name_at = start + lead.index(head) + dash.end()
        head = head[dash.end() :]
    hm = _HERE_IS_RE.fullmatch(head)
    if hm is not None:
        name_at += hm.start(1)
        head = hm.group(1)  # ``Here’s Clinton in December 1992: “…”``, ``More from Jones: “…”``
    if NAME_SEQ_RE.fullmatch(head) is None or sum(1 for w in head.split() if len(w) > 2 and w.isupper()) >= 2:
        return _role_label(r, site, head, lead)
    who = _person_or_org(r, head, name_at)
    if who is None or not who.name:
        return None
    return Attribution(who, ":", start + lead.index(":"), "label")


def headline_cue(r: Reading, site: Site) -> Attribution | None:
    """``Clinton Said “Many Of You…”``: a title-case headline or subhead whose cue verb is capitalised
    (also a subhead that ends with a full stop: ``Jane Roe Explained Why She Felt “Invisible” As A Child.``)."""
    if not site.headline and not _title_case_line(r, site):
        return None
    m = r.m
    lead = m[max(site.floor, site.s) : site.anchor]
    hm = _HEADLINE_CUE_RE.search(lead)
    if hm is None:
        return None
    nm = None
    for nm in NAME_SEQ_RE.finditer(lead, 0, hm.start()):
        pass
    if nm is None or nm.end() != hm.start():
        return None
    who = _person_or_org(r, nm.group(), max(site.floor, site.s) + nm.start())
    if who is None or not who.name:
        return None
    return Attribution(who, hm.group().split()[0].lower(), site.anchor, "headline")


_TITLE_WORD_RE = re.compile(r"[^\W\d_][\w’'\-]*")


def _title_case_line(r: Reading, site: Site) -> bool:
    """Is the quotation's sentence a whole paragraph in title case, ending with a full stop (a subhead of
    a listicle: ``Jane Roe Explained Why She Felt “Invisible” As A Child.``)? Five words at least, all
    but one of them capitalised."""
    if site.s > site.ps + 3 or r.m[site.e : site.pe].strip() or r.m[site.e - 1 : site.e] not in (".", "”", '"'):
        return False  # (the cheap test first: the sentence is no whole paragraph ending with a stop)
    text = r.art.text
    count = lower = 0
    for wm in _TITLE_WORD_RE.finditer(text, site.ps, site.pe):
        count += 1
        if not text[wm.start()].isupper():
            lower += 1
            if lower > 1:
                return False  # (prose: its second lower-case word, mostly within the first few)
    return count >= 5


def credit_name(line: str) -> str | None:
    """The person a credit line names (``Jane Doe, mayor of Springfield, on the flood.``, ``- Jane
    Doe.``): a full name, then only a role; ``None`` for any other line."""
    got = _credited(line.strip().lstrip("-–— ").rstrip("”\"' "))
    if got is None:
        return None
    name, parsed = got
    if parsed.kind != "person" or len(split_tokens(parsed.name)) < 2:
        return None
    return name


def _credited(text: str) -> tuple[str, ParsedName] | None:
    """(the name, as written and parsed) of a credit line's text (``Jane Doe, mayor, on the flood.``),
    if its name reads as a sequence of names."""
    cm = _CREDIT_RE.fullmatch(text)
    if cm is None:
        return None
    name = cm.group("name").strip()
    if NAME_SEQ_RE.fullmatch(name) is None:
        return None
    parsed = parse_name(name)
    return (name, parsed) if parsed is not None else None


_DASH_LEAD_RE = re.compile(r"\s*[-–—]+\s*")


def _credit_cues_ok(r: Reading, line: str, ns: int, ne: int) -> bool:
    """A credit line holds no speech cue of its own, except a participle or a speech noun after the
    name of a dash-led credit (``-President Obama, tweeting after Clinton's speech.``)."""
    cues = r.art.cues_in(ns, ne)
    if not cues:
        return True
    comma = line.find(",")
    return (
        _DASH_LEAD_RE.match(line) is not None
        and line[:1] in "-–—"
        and comma > 0
        and all(c.lastgroup in ("part", "noun") and c.start() > ns + comma for c in cues)
    )


def _dash_credit(r: Reading, line: str) -> str | None:
    """``- Sanders.``, ``-President Obama, tweeting after the speech.``: a credit line led by a dash
    may name by surname alone a person the article names in full elsewhere, or gives a title."""
    dm = _DASH_LEAD_RE.match(line)
    if dm is None or dm.end() == 0:
        return None
    got = _credited(line[dm.end() :].strip().rstrip("”\"' "))
    if got is None:
        return None
    name, parsed = got
    if parsed.kind not in ("person", "other"):
        return None
    toks = split_tokens(parsed.name)
    if len(toks) != 1 or toks[0] in COMMON_CAPS:
        return None
    if parsed.kind != "person" and not any(" " in n for n in r.art.by_surname.get(toks[0], ())):
        return None  # a surname alone: only of somebody the article names in full (or titles: ``President Obama``)
    return name


def is_credit_span(r: Reading, q: int) -> bool:
    """``"The quote … ¶ Jane Doe, Springfield Institute."``: a closing mark at the end of a credit
    line after a quotation left open; the line is the quotation's credit, not a quotation."""
    sp = r.spans[q]
    if sp.open_pos is not None or q == 0 or r.spans[q - 1].close_pos is not None:
        return False
    return credit_name(r.art.text[sp.start : sp.end]) is not None


def pull_quote(r: Reading, site: Site) -> Attribution | None:
    """A paragraph that is only a quotation, followed by a credit line ``Name, role, on topic.`` (a
    line with no verb of its own and no quote, its closing mark perhaps left there): the credit
    names the speaker."""
    sp = site.span
    art = r.art
    if r.m[site.ps : site.anchor].strip() or r.m[sp.outer_end : site.pe].strip(" .,"):
        return None
    if site.pi + 1 >= len(art.paras):
        return None
    ns, ne = art.paras[site.pi + 1]
    if sp.close_pos is None:
        nxt = site.q + 1
        if nxt >= len(r.spans) or not (ns <= r.spans[nxt].start < ne) or not is_credit_span(r, nxt):
            return None
        line = art.text[ns:ne]
    else:
        line = r.m[ns:ne]
        if len(line) > 200 or "#" in line or not _credit_cues_ok(r, line, ns, ne):
            return None
    name = credit_name(line) or _dash_credit(r, line)
    if name is None:
        return None
    start = ns + line.index(name)
    who = resolve(art, NP(start, start + len(name), name=name), start)
    if who is None or not who.name:
        return None
    return Attribution(who, None, ns, "credit")
