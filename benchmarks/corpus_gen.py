"""A deterministic generator of news-like articles for the benchmarks.

    python benchmarks/corpus_gen.py N [--out DIR] [--seed S]

Each article is 1–8 KB of sentences drawn from a Zipf-distributed vocabulary of
about 100,000 words (real function words at the top, pronounceable made-up words
below), with person names, organisations, outlets and dates, the metadata lines
of the sample corpus (``Source link :``, ``Publish date :``, ``Author :``, a
leading `` date YYYY-MM-DD URL`` line, a ``Title – Outlet`` headline, ``By …``)
and quotations in the styles the quote extractor handles: curly and straight
marks, ``“…,” X said``, ``said X, role``, ``X said: “…”``, ``X told Outlet``,
``according to X``, ``he said``, quotes carried over several paragraphs,
partial quotes and scare quotes. The same seed always gives the same files.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

FUNCTION_WORDS = (
    "the of and to a in that is for on it with as was he be by at from his have are an this not but or "
    "which they has had its were their been would one will we who more after said also there all new "
    "about than when can up she her out what two so if over into other some could year people last first "
    "no them only may time him most before such our years just any where between while against should "
    "under those because government three since made during both through many these then week now even "
    "told month state city country minister officials plan talks war peace trade economy market police "
    "court election vote president party leader report security border deal support public percent"
).split()

ONSETS = ("b bl br c ch cl cr d dr f fl fr g gl gr h j k l m n p pl pr qu r s sh sk sl sm sn sp st str t th tr "
          "v w z").split()
VOWELS = "a e i o u ai ea ee ie oa ou".split()
CODAS = ("", "", "", "n", "r", "l", "s", "t", "m", "nd", "nt", "st", "ck", "ng", "x", "rd", "ss")
SUFFIXES = ("", "", "", "", "s", "ed", "ing", "er", "ion", "ly", "ment", "ness", "ity", "al", "ic")

FIRST_NAMES = (
    "Dmitry Sergey Vladimir Maria Anna John Mary James Linda Robert Patricia Michael Barbara David Elizabeth "
    "William Jennifer Richard Susan Joseph Jessica Thomas Sarah Charles Karen Daniel Nancy Matthew Lisa Ahmed "
    "Fatima Wei Li Hiroshi Yuki Olga Ivan Pierre Claire Hans Greta Carlos Lucia Rajesh Priya Kwame Amara "
    "Mohammed Leila Tomasz Agnieszka Lars Ingrid Mateo Sofia Andrei Elena Chen Mei Kenji Aiko Omar Zainab"
).split()
ROLES = (
    "Foreign Minister", "Prime Minister", "President", "Defence Minister", "spokesman for the ministry",
    "a senior analyst at the institute", "chief executive of the company", "Senator", "Governor",
    "deputy head of the commission", "a professor of economics", "the mayor", "Finance Minister",
    "an adviser to the president", "Kremlin spokesman", "Secretary of State", "the party leader",
)
CUES_AFTER = ("said", "said", "said", "told reporters", "added", "stated", "warned", "noted", "explained")
TLDS = (".com", ".com", ".com", ".org", ".net", ".co.uk", ".news", ".info")


@dataclass
class _Pools:
    vocab: list[str]
    cum: list[float]
    surnames: list[str]
    outlets: list[tuple[str, str]]
    orgs: list[str]


def _word(rng: random.Random) -> str:
    syll = rng.choice((1, 2, 2, 2, 3, 3, 4))
    w = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(syll)) + rng.choice(CODAS)
    return w + rng.choice(SUFFIXES)


def _pools(seed: int, vocab_size: int = 100_000) -> _Pools:
    """Vocabulary (rank order), Zipf weights, names and outlets for one seed."""
    rng = random.Random(seed * 7919 + 1)
    seen = set(FUNCTION_WORDS)
    vocab = list(FUNCTION_WORDS)
    while len(vocab) < vocab_size:
        w = _word(rng)
        if w not in seen and 2 <= len(w) <= 16:
            seen.add(w)
            vocab.append(w)
    # made-up words are shorter near the top, as in real text
    head = sorted(vocab[len(FUNCTION_WORDS) : 5000], key=len)
    vocab[len(FUNCTION_WORDS) : 5000] = head
    cum = list(itertools.accumulate(1.0 / (r + 2.7) ** 1.07 for r in range(len(vocab))))
    surnames = []
    while len(surnames) < 3000:
        s = _word(rng).capitalize()
        if s.lower() not in seen and len(s) >= 4:
            seen.add(s.lower())
            surnames.append(s)
    outlets = []
    for _ in range(300):
        name = " ".join(_word(rng).capitalize() for _ in range(rng.choice((1, 2, 2))))
        outlets.append((name + rng.choice(("", " Times", " News", " Post", " Daily", " Herald", " Tribune")),
                        name.replace(" ", "").lower() + rng.choice(TLDS)))
    orgs = [f"the {_word(rng).capitalize()} {kind}" for kind in
            ("Institute", "Ministry", "Council", "Bank", "Commission", "Foundation", "Agency", "Party")
            for _ in range(25)]
    return _Pools(vocab, cum, surnames, outlets, orgs)


class _Writer:
    def __init__(self, pools: _Pools, rng: random.Random) -> None:
        self.p = pools
        self.rng = rng
        self.buf: list[str] = []

    def words(self, k: int) -> list[str]:
        if len(self.buf) < k:
            self.buf.extend(self.rng.choices(self.p.vocab, cum_weights=self.p.cum, k=4096))
        out, self.buf = self.buf[-k:], self.buf[:-k]
        return out

    def sentence(self, lo: int = 8, hi: int = 26, names: list[str] | None = None) -> str:
        rng = self.rng
        ws = self.words(rng.randint(lo, hi))
        if names and rng.random() < 0.3:
            ws[rng.randrange(len(ws))] = rng.choice(names)
        if rng.random() < 0.15:
            ws[rng.randrange(len(ws))] = rng.choice(self.p.orgs)
        if len(ws) > 10 and rng.random() < 0.5:
            ws[rng.randrange(3, len(ws) - 3)] += ","
        ws[0] = ws[0][:1].upper() + ws[0][1:]
        return " ".join(ws)

    def paragraph(self, names: list[str]) -> str:
        return " ".join(self.sentence(names=names) + "." for _ in range(self.rng.randint(2, 6)))

    def quote_paragraphs(self, person: tuple[str, str, str], outlet: str, names: list[str]) -> list[str]:
        """One quotation in one of the supported styles; may span several paragraphs."""
        rng = self.rng
        full, surname, role = person
        o, c = ("“", "”") if rng.random() < 0.7 else ('"', '"')
        s1 = self.sentence(6, 20)
        cue = rng.choice(CUES_AFTER)
        style = rng.randrange(10)
        if style == 0:
            return [f"{o}{s1},{c} {surname} {cue}."]
        if style == 1:
            return [f"{o}{s1},{c} said {full}, {role}."]
        if style == 2:
            return [f"{role[:1].upper() + role[1:]} {full} said: {o}{s1}.{c}"]
        if style == 3:
            return [f"{o}{s1}. {self.sentence(5, 15)},{c} {full} told {outlet}."]
        if style == 4:
            return [f"{self.sentence(6, 14)}, according to {full}, {role}."]
        if style == 5:
            return [f"{o}{s1},{c} he said. {o}{self.sentence(5, 15)}.{c}"]
        if style == 6:  # carried over paragraphs: no closing mark until the last one
            first = f"{o}{s1}. {self.sentence()}."
            middle = f"{o}{self.sentence()}. {self.sentence(5, 12)}."
            return [first, middle, f"{o}{self.sentence(5, 14)},{c} {surname} said."]
        if style == 7:  # partial quote and a scare quote
            few = " ".join(self.words(rng.randint(2, 5)))
            term = " ".join(self.words(rng.randint(1, 2)))
            return [f"{surname} called the {term} plan {o}{few}{c} and {self.sentence(5, 12).lower()}.",
                    f"The so-called {o}{term}{c} {self.sentence(5, 12).lower()}."]
        if style == 8:
            return [f"{full}, {role}, said in a statement that {self.sentence(6, 14).lower()}: {o}{s1}.{c}"]
        return [f"{o}{s1}?{c} asked {surname}. {o}{self.sentence(4, 10)}.{c}"]

    def article(self, i: int) -> str:
        rng = self.rng
        p = self.p
        target = int(1024 * 8 ** rng.random())  # 1–8 KB, log-uniform
        outlet, domain = rng.choice(p.outlets)
        people = []
        for _ in range(rng.randint(1, 4)):
            surname = p.surnames[min(int(rng.paretovariate(0.9)) - 1, len(p.surnames) - 1)]
            people.append((f"{rng.choice(FIRST_NAMES)} {surname}", surname, rng.choice(ROLES)))
        names = [x[0] for x in people] + [x[1] for x in people]
        month = rng.randint(1, 12)
        date = f"{rng.choice((2022, 2023, 2024, 2024, 2025))}-{month:02d}-{rng.randint(1, 28):02d}"
        title = self.sentence(4, 11, names).rstrip(",")
        slug = "-".join(w.strip(",").lower() for w in title.split()[:8])
        url = f"https://www.{domain}/{date.replace('-', '/')}/{slug}-{i}"
        paras: list[str] = []
        size = 0
        while size < target:
            if rng.random() < 0.35:
                new = self.quote_paragraphs(rng.choice(people), outlet, names)
            else:
                new = [self.paragraph(names)]
            grow = sum(len(x.encode("utf-8")) + 1 for x in new)
            if size >= 1024 and size + grow > 7600:
                break
            paras.extend(new)
            size += grow
        body = "\n".join(paras)
        style = i % 4
        if style == 0:
            author = f"{rng.choice(FIRST_NAMES)} {rng.choice(p.surnames)}" if rng.random() < 0.5 else ""
            return (f"{title}\n{body}\nAlso Read |\n{self.sentence(4, 9)}\n"
                    f"Source link : {url}\nAuthor : {author}\n"
                    f"Publish date : {date} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00\n"
                    "Copyright for syndicated content belongs to the linked Source.\n")
        if style == 1:
            return f" date {date} {url}\n\n{title}\n\n{body}\n"
        if style == 2:
            return f"{title} – {outlet}\nBy {rng.choice(FIRST_NAMES)} {rng.choice(p.surnames)}\n" \
                   f"Publish date : {date}\n{body}\n0 Comments\n"
        return f"{title}\n{body}\nSource link : {url}\nPublish date : {date} 08:00:00\n"


def generate(count: int, out: str | os.PathLike[str] | None = None, seed: int = 1,
             per_folder: int = 1000) -> Path:
    """Write ``count`` articles under ``out`` (a new temporary folder when ``None``); returns the folder.

    Files are ``dNNN/aNNNNNNN.txt``, ``per_folder`` to a folder; the same
    ``count`` and ``seed`` always give byte-identical files.
    """
    root = Path(out) if out is not None else Path(tempfile.mkdtemp(prefix="byline-corpus-"))
    root.mkdir(parents=True, exist_ok=True)
    pools = _pools(seed)
    writer = _Writer(pools, random.Random(seed))
    folder = None
    for i in range(count):
        if i % per_folder == 0:
            folder = root / f"d{i // per_folder:03d}"
            folder.mkdir(exist_ok=True)
        assert folder is not None
        with open(folder / f"a{i:07d}.txt", "w", encoding="utf-8", newline="\n") as fh:
            fh.write(writer.article(i))
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("count", type=int)
    parser.add_argument("--out", default=None, help="folder to write into (default: a new temporary folder)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    t0 = time.perf_counter()
    root = generate(args.count, args.out, args.seed)
    size = sum(f.stat().st_size for f in root.rglob("*.txt"))
    print(f"{args.count} articles, {size / 1e6:.1f} MB in {root} ({time.perf_counter() - t0:.1f} s)")


if __name__ == "__main__":
    main()
