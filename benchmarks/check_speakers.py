"""List the speakers of a corpus that look wrong, rule by rule, with counts.

Run: ``python benchmarks/check_speakers.py CORPUS [CORPUS ...] [--index DIR] [--show N] [--json OUT]``.

The corpus is indexed the way ``byline`` does it (``Library.open`` then ``update``, in a temporary
index unless ``--index`` names one to reuse), and the speakers are those ``byline speakers`` lists:
names merged across the corpus, roles, kinds. Each speaker is then checked against rules that
say a name cannot be trusted:

* ``lone first name``: a person called by a given name alone (``Bob``);
* ``lower-case word``: a word of the name in lower case that is no particle (``of State``; an
  organisation of a person such as ``Clinton campaign`` is fine);
* ``odd spacing``: doubled, leading, trailing or no-break spaces (``Brent Bozell  Jr.``);
* ``bare surname``: in an article that names the person in full (``Obama`` where the article
  says ``Barack Obama``: a given name, or any capitalised word inside a sentence, before the
  surname), counted per article where it happens;
* ``role names someone``: a role ending with another person's full name that nothing ties to the
  role (``former Arkansas governor Mike Huckabee`` as Carly Fiorina's role; ``spokesman for House
  Speaker Paul Ryan`` is fine), or naming someone followed by a verb (``Donald Trump attacked …``);
* ``role is a clause``: a role holding a verb or a relative pronoun, or ending with a title of
  the next name after a role of its own (``keep the writer``, ``… whom Trump fired``, ``… editor
  Dr.``; not ``former Florida Gov.``);
* ``place``: a country, state or city as a speaker (``Washington``, ``Japan``);
* ``kind``: an organisation marked person (``Goldman Sachs`` as a person) or a person marked
  organisation;
* ``unnamed description``: an unnamed source (kind ``unnamed``: ``a senior administration official``,
  ``two people familiar with the matter``) whose description does not open with a determiner or a
  number (a plural of two to five words needs none: ``U.S. officials``, nor one whose head a phrase of
  ``for``, ``of`` or ``to`` follows: ``attorneys for Clinton``), or runs past :data:`UNNAMED_MAX_WORDS` words (a clause taken along). Lower case is what
  such a description is made of: the name rules above (lower-case word, lone first name, place,
  kind) are for people and organisations only.
* ``document name``: a document (kind ``document``: ``Pentagon report``, ``Quinnipiac University poll``)
  whose name does not open with a capitalised word or a figure, does not end with a noun of a document,
  holds a word of a clause or runs past :data:`DOCUMENT_MAX_WORDS` words; the name rules of people and
  organisations do not apply to it.

Prints one line per rule (speakers, their quotations) and the worst cases of each. Nothing is
asserted: this is a report to read (the counts before and after a change go in its notes).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

from byline.index.library import Library
from byline.index.quotes import is_organisation, parse_name
from byline.index.quotes.gender import FEMALE_FIRST, MALE_FIRST
from byline.index.quotes.phrases.name_scan import ARABIC_PREFIX
from byline.index.quotes.words import (
    COMMON_CAPS,
    HONORIFICS,
    NATIONALITIES,
    ORG_NOUNS,
    ORG_WORDS,
    PARTICLES,
    PLACE_SURNAMES,
    PLACES,
    TITLES,
)

RULES = (
    "lone first name",
    "lower-case word",
    "odd spacing",
    "bare surname",
    "role names someone",
    "role is a clause",
    "place",
    "kind",
    "unnamed description",
    "document name",
)

DOCUMENT_MAX_WORDS = 8
"""Words past which a document's name has taken more than the name."""
_DOCUMENT_NOUNS = frozenset(
    """poll survey study report analysis audit assessment ad advertisement commercial indictment ruling lawsuit
    filing dossier""".split()
)
"""Nouns a document's name ends with (kept here, apart from the extraction's own list, like
:data:`_DETERMINERS`)."""
UNNAMED_MAX_WORDS = 12
"""Words past which an unnamed source's description has taken more than the description."""
_DETERMINERS = frozenset(
    """a an the another one two three four five six seven eight nine ten eleven twelve several some
    few many both each every any other others most all half dozens scores""".split()
)
"""Words an unnamed source's description opens with (a number in figures does too). Kept here, apart
from the extraction's own list, so the check does not grade the rules by themselves."""

_PARTICLE_RE = re.compile(PARTICLES + r"$|" + ARABIC_PREFIX + r"\S+$|[a-z]+[A-Z]\S*$")
_FULL_NAME_RE = re.compile(r"(?<![\w’'.\-])[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)+")
_CLAUSE_WORDS = frozenset(
    """who whom whose which that is was are were be been has have had will would could should can may
    might must did does do said says told tells added asked wrote keep keeps kept get gets got make makes
    made take takes took give gives gave go goes went come comes came see sees saw know knows knew want
    wants wanted let lets put puts thought find finds found try tries tried leave leaves
    left need needs needed feel feels felt become becomes became bring brings brought believe believes
    believed""".split()
)
_NAME_TITLES = frozenset("Dr. Dr Mr. Mr Mrs. Mrs Ms. Ms Rev. Rev".split())
"""Titles that belong to the name after them: a role ending with one took it from that name."""
_OWNER_PREPS = frozenset(("for", "of", "to"))
"""Prepositions after a plural's head that say whose it is (``attorneys for Clinton``)."""
_PREPOSITIONS = frozenset("of for at against with to from in on under by about over".split())
_FIRST_NAMES = FEMALE_FIRST | MALE_FIRST


@dataclass
class Flag:
    """One speaker caught by one rule."""

    rule: str
    name: str
    quotes: int
    articles: int
    role: str | None
    kind: str
    detail: str = ""


@dataclass
class Report:
    """What the check found on one corpus."""

    corpus: str
    articles: int
    quotations: int
    attributed: int
    speakers: int
    flags: list[Flag] = field(default_factory=list)
    kinds: dict[str, int] = field(default_factory=dict)
    """Speakers of each kind (``person``, ``organisation``, ``document``, ``unnamed``)."""

    def counts(self) -> dict[str, tuple[int, int]]:
        """Per rule: how many speakers (or article-speaker pairs, for bare surnames) and quotations."""
        out = {r: (0, 0) for r in RULES}
        for f in self.flags:
            n, q = out[f.rule]
            out[f.rule] = (n + 1, q + f.quotes)
        return out


def _tokens(name: str) -> list[str]:
    return name.split()


def unnamed_flags(name: str) -> list[tuple[str, str]]:
    """The rule an unnamed source's description breaks: no determiner or number first, or too long."""
    toks = _tokens(name)
    k = next((i for i, t in enumerate(toks) if t in _OWNER_PREPS), len(toks))
    head = toks[k - 1] if k else ""
    bare_plural = (
        2 <= len(toks) <= (5 if k == len(toks) else 8)
        and (head.endswith("s") or head == "people")
        and not any(t.lower() in _CLAUSE_WORDS or (t.islower() and t.endswith("ly")) for t in toks)
    )  # ``U.S. officials``, ``senior administration officials``, ``attorneys for Clinton``: a plural needs no determiner
    if not toks or not (toks[0].lower() in _DETERMINERS or toks[0][:1].isdigit() or bare_plural):
        return [("unnamed description", f"opens with {toks[0]!r}" if toks else "empty")]
    if len(toks) > UNNAMED_MAX_WORDS:
        return [("unnamed description", f"{len(toks)} words")]
    return []


def document_flags(name: str) -> list[tuple[str, str]]:
    """The rule a document's name breaks: no capital or figure first, no noun of a document last, a word
    of a clause, or too long."""
    toks = _tokens(name)
    if not toks or not (toks[0][:1].isupper() or toks[0][:1].isdigit()):
        return [("document name", f"opens with {toks[0]!r}" if toks else "empty")]
    if toks[-1] not in _DOCUMENT_NOUNS:
        return [("document name", f"ends with {toks[-1]!r}")]
    clause = [t for t in toks if t.lower() in _CLAUSE_WORDS]
    if clause:
        return [("document name", " ".join(clause))]
    if len(toks) > DOCUMENT_MAX_WORDS:
        return [("document name", f"{len(toks)} words")]
    return []


def name_flags(name: str, kind: str) -> list[tuple[str, str]]:
    """The rules a speaker's name breaks (rule, detail); an ``unnamed`` source's by :func:`unnamed_flags`."""
    out: list[tuple[str, str]] = []
    toks = _tokens(name)
    if name != " ".join(toks) or "\u00a0" in name:
        out.append(("odd spacing", repr(name)))
    if kind == "unnamed":
        return out + unnamed_flags(name)
    if kind == "document":
        return out + document_flags(name)
    if kind == "person" and len(toks) == 1 and toks[0] in _FIRST_NAMES:
        out.append(("lone first name", ""))
    lower = [
        t
        for i, t in enumerate(toks)
        if t[:1].islower() and not _PARTICLE_RE.match(t) and not (t == "in" and toks[i + 1 : i + 2] in (["'t"], ["’t"]))
    ]  # (``Sophie in 't Veld``: ``in 't`` is one Dutch particle)
    if kind == "organisation" and len(toks) >= 2 and lower == toks[-1:] and toks[-1] in ORG_NOUNS:
        lower = []  # ``Clinton campaign``: the organisation of a person
    if kind == "organisation":
        lower = [t for t in lower if t not in ("of", "for", "and", "the", "on", "in")]  # ``Federation of Teachers``
    if lower:
        out.append(("lower-case word", " ".join(lower)))
    parsed = parse_name(name)
    if (parsed is not None and parsed.kind == "place") or (toks and all(t in PLACES for t in toks)):
        out.append(("place", ""))
    place_surname = len(toks) == 2 and toks[0] in _FIRST_NAMES and toks[1] in PLACE_SURNAMES
    # (``Jerry Hall``, ``Molly Yard``: the extraction makes such a name a person only on a mark of a person
    # in its article, an age, an appositive, ``who``, which the name alone does not show)
    if kind == "person" and is_organisation(name) and not place_surname and not (parsed is not None and parsed.kind == "place"):
        out.append(("kind", "an organisation marked person"))
    if kind == "organisation" and len(toks) >= 2 and toks[0] in _FIRST_NAMES and not is_organisation(name):
        out.append(("kind", "a person marked organisation"))
    return out


def role_flags(name: str, role: str | None) -> list[tuple[str, str]]:
    """The rules a speaker's role breaks."""
    if not role:
        return []
    out: list[tuple[str, str]] = []
    words = role.split()
    clause = [w.strip(",.;:()") for w in words if w.strip(",.;:()") in _CLAUSE_WORDS]  # lower case only
    if clause:
        out.append(("role is a clause", " ".join(clause)))
    elif len(words) > 1 and words[-1] in _NAME_TITLES:
        out.append(("role is a clause", words[-1]))  # ``editor Dr.``: the title of the next name
    own = set(_tokens(name))
    for m in _FULL_NAME_RE.finditer(role):
        toks = m.group().split()
        while toks and (toks[0] in TITLES or toks[0] in COMMON_CAPS or toks[0] in NATIONALITIES or toks[0] in PLACES):
            toks = toks[1:]
        if len(toks) < 2 or toks[0] not in _FIRST_NAMES or set(toks) <= own or any(t in ORG_WORDS for t in toks):
            continue
        if toks[-1].endswith(("’s", "'s", "s’", "s'")):
            continue  # ``Donald Trump’s fired campaign manager``: whose role it is
        before = role[: m.start()].split()
        after = role[m.end() :].split()
        tied = any(w.lower() in _PREPOSITIONS or w.endswith(("’s", "'s", "s’", "s'")) for w in before)
        verb = bool(after) and after[0].islower() and (after[0].endswith("ed") or after[0] in _CLAUSE_WORDS)
        if verb or (not after and not tied):
            out.append(("role names someone", " ".join(toks)))
            break
    return out


def bare_surname(surname: str, text: str) -> str | None:
    """A full name in ``text`` ending with ``surname`` (``Barack Obama`` for ``Obama``), if any: a
    given name before it, not a title, an honorific or a common capitalised word."""
    for m in re.finditer(r"(?<![\w’'.\-])([A-Z][\w’'\-]+)(?:\s+[A-Z]\.)?\s+" + re.escape(surname) + r"(?![\w’'\-])", text):
        given = m.group(1)
        if given in TITLES or given in HONORIFICS or given in COMMON_CAPS or given in NATIONALITIES:
            continue
        if given in PLACES or given in ORG_WORDS or given.endswith(("’s", "'s")) or given.isupper():
            continue
        before = text[max(0, m.start() - 3) : m.start()]
        if given not in _FIRST_NAMES and not re.search(r"[a-z,]\s+$", before):
            continue  # ``Understated Perez`` opening a headline or a sentence: not sure to be a name
        return m.group(0)
    return None


def check(paths: list[str], index_dir: Path) -> Report:
    """Index ``paths`` in ``index_dir`` and check its speakers."""
    with Library.open(paths, index_dir=index_dir) as lib:
        lib.update()
        speakers = lib.speakers()
        records = lib.all_quotes()
        report = Report(
            corpus=" ".join(paths),
            articles=len(lib),
            quotations=len(records),
            attributed=sum(1 for r in records if r.quote.speaker),
            speakers=len(speakers),
        )
        for sp in speakers:
            report.kinds[sp.kind] = report.kinds.get(sp.kind, 0) + 1
        for sp in speakers:
            for rule, detail in name_flags(sp.name, sp.kind) + role_flags(sp.name, sp.role):
                report.flags.append(Flag(rule, sp.name, sp.quotes, sp.articles, sp.role, sp.kind, detail))
        # Bare surnames, article by article: the article must have named the person in full.
        per_article: dict[tuple[str, str], int] = defaultdict(int)
        kinds = {sp.name: sp.kind for sp in speakers}
        for r in records:
            name = r.quote.speaker
            if name and " " not in name and kinds.get(name, "person") == "person":
                per_article[(r.path, name)] += 1
        texts: dict[str, str] = {}
        for (path, name), n in sorted(per_article.items()):
            if path not in texts:
                texts[path] = lib.article(path).text
            full = bare_surname(name, texts[path])
            if full:
                report.flags.append(Flag("bare surname", name, n, 1, None, "person", f"{Path(path).name}: {full}"))
    return report


def print_report(rep: Report, show: int) -> None:
    """The counts per rule, then the worst cases of each."""
    print(
        f"{rep.corpus}: {rep.articles} articles, {rep.quotations} quotations "
        f"({rep.attributed} attributed), {rep.speakers} speakers"
        + (" (" + ", ".join(f"{n} {kind}" for kind, n in sorted(rep.kinds.items())) + ")" if rep.kinds else "")
    )
    counts = rep.counts()
    total_n = sum(n for n, _ in counts.values())
    total_q = sum(q for _, q in counts.values())
    print(f"  {'rule':<22}{'speakers':>9}{'quotes':>8}")
    for rule in RULES:
        n, q = counts[rule]
        print(f"  {rule:<22}{n:>9}{q:>8}")
    print(f"  {'all':<22}{total_n:>9}{total_q:>8}")
    if show <= 0:
        return
    by_rule: dict[str, list[Flag]] = defaultdict(list)
    for f in rep.flags:
        by_rule[f.rule].append(f)
    for rule in RULES:
        flags = sorted(by_rule.get(rule, []), key=lambda f: (-f.quotes, f.name))
        if not flags:
            continue
        print(f"\n{rule}:")
        for f in flags[:show]:
            role = f" — {f.role}" if f.role else ""
            detail = f"  [{f.detail}]" if f.detail else ""
            print(f"  {f.quotes:>4} q {f.articles:>3} a  {f.name}{role}{detail}")


def main(argv: list[str] | None = None) -> int:
    """Check each corpus given and print (and optionally write) the report."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="+", help="folders or files of articles (one corpus)")
    ap.add_argument("--index", type=Path, help="keep the index here (reused when it exists)")
    ap.add_argument("--show", type=int, default=10, help="cases shown per rule (0: counts only)")
    ap.add_argument("--json", type=Path, help="also write the report as JSON here")
    args = ap.parse_args(argv)
    for p in args.corpus:
        if not Path(p).exists():
            print(f"no such corpus: {p}", file=sys.stderr)
            return 2
    tmp = None
    index_dir = args.index
    if index_dir is None:
        tmp = tempfile.mkdtemp(prefix="byline-check-speakers-")
        index_dir = Path(tmp)
    try:
        rep = check(args.corpus, index_dir)
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    print_report(rep, args.show)
    if args.json:
        args.json.write_text(json.dumps(asdict(rep), ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
