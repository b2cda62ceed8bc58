"""Cleaning user queries before they reach the search backend.

Whoosh's query parser never fails: it silently turns a lone ``AND`` into the word
"and", an unknown ``field:value`` into two words, a leading wildcard into a scan
of the whole vocabulary. Byline instead repairs such input itself, says what it
changed in plain words, and hands the backend a query that means what it shows.

This module is pure string work and knows nothing about Whoosh.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .fields import MAX_FUZZY_DISTANCE, MAX_QUERY_CHARS, MIN_WILDCARD_PREFIX, QUERY_FIELDS

__all__ = [
    "BINARY_OPERATORS",
    "FIELDS",
    "MAX_FUZZY_DISTANCE",
    "MAX_QUERY_CHARS",
    "MIN_WILDCARD_PREFIX",
    "UNARY_OPERATORS",
    "CleanQuery",
    "Token",
    "clean_query",
    "tokenize",
]

FIELDS: dict[str, str] = QUERY_FIELDS
"""Field names a query may use (keys) and the index field each stands for (defined in :mod:`.fields`)."""

BINARY_OPERATORS = frozenset({"AND", "OR", "ANDNOT", "ANDMAYBE"})
UNARY_OPERATORS = frozenset({"NOT"})

_TOKEN_RE = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<sign>(?:(?<=[\s(])|^)[-+](?=[^\s+-]))
  | (?P<phrase>"[^"]*")
  | (?P<open_phrase>"[^"]*$)
  | (?P<lparen>\()
  | (?P<rparen>\))
  | (?P<field>[A-Za-z_]\w*:)
  | (?P<range>[\[{][^\]}]*[\]}])
  | (?P<word>[^\s()"]+)
    """,
    re.VERBOSE,
)
_SPACES_RE = re.compile(r"[^\S ]")
"""White space other than the plain space (line breaks, tabs, no-break and other Unicode spaces)."""
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_FUZZY_RE = re.compile(r"^(?P<stem>.+?)~(?P<dist>\d*)(?:/(?P<prefix>\d+))?$")
_BOOST_RE = re.compile(r"\^\d+(?:\.\d+)?$")
_COMPARISON_RE = re.compile(r"[<>]=?|=[<>]")
_CURLY_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"'})


@dataclass(frozen=True)
class Token:
    """One piece of a query: a word, phrase, operator, parenthesis, range or field prefix."""

    kind: str
    text: str


@dataclass(frozen=True)
class CleanQuery:
    """A query made safe to parse, with what was changed on the way."""

    original: str
    text: str
    """The repaired query, in Whoosh syntax; empty when nothing searchable is left."""
    notices: tuple[str, ...] = field(default_factory=tuple)

    @property
    def empty(self) -> bool:
        """True when nothing searchable is left."""
        return not self.text


def tokenize(query: str) -> list[Token]:
    """Split a query into tokens; an unclosed quote mark yields an ``open_phrase`` token."""
    tokens: list[Token] = []
    for match in _TOKEN_RE.finditer(query):
        kind = match.lastgroup or "word"
        if kind == "space":
            continue
        text = match.group()
        if kind == "sign":  # -word excludes (as in web search engines); +word is what a word means anyway
            if text == "-":
                tokens.append(Token("op", "NOT"))
            continue
        if kind == "word" and text[0] in "+-" and text.lstrip("+-"):
            tokens.extend(tokenize(text.lstrip("+-")))  # a sign glued to a parenthesis or field means nothing
            continue
        if kind == "word" and text in BINARY_OPERATORS | UNARY_OPERATORS:
            kind = "op"
        tokens.append(Token(kind, text))
    return tokens


def clean_query(query: str) -> CleanQuery:
    """Repair ``query`` so the backend searches what it says, reporting every change.

    Never raises. The notices are short sentences meant for the user.
    """
    notices: list[str] = []
    # Line breaks and tabs are spaces: Whoosh's parser ends a phrase at a line break, this one would not.
    text = _SPACES_RE.sub(" ", query.translate(_CURLY_QUOTES).replace("\x00", " "))
    if len(text) > MAX_QUERY_CHARS:
        space = text.rfind(" ", MAX_QUERY_CHARS // 2, MAX_QUERY_CHARS + 1)  # cut between words when possible
        text = text[: space if space > 0 else MAX_QUERY_CHARS]
        notices.append(f"The query was cut to its first {len(text)} characters.")
    tokens = tokenize(text)
    tokens = _close_phrases(tokens, notices)
    tokens = _check_fields(tokens, notices)
    tokens = _check_comparisons(tokens, notices)
    tokens = _check_words(tokens, notices)
    tokens = _balance_parens(tokens, notices)
    tokens = _fix_operators(tokens, notices)
    cleaned = _join(tokens)
    if not cleaned and query.strip():
        notices.append("Nothing searchable is left of the query.")
    elif not query.strip():
        notices.append("The query is empty.")
    return CleanQuery(original=query, text=cleaned, notices=tuple(dict.fromkeys(notices)))  # each said once


def _close_phrases(tokens: list[Token], notices: list[str]) -> list[Token]:
    out: list[Token] = []
    for tok in tokens:
        if tok.kind == "open_phrase":
            inner = tok.text[1:].strip()
            if inner:
                notices.append(f'Closed an unbalanced quote mark: searched the phrase "{inner}".')
                out.append(Token("phrase", f'"{inner}"'))
            else:
                notices.append("Ignored a lone quote mark.")
        elif tok.kind == "phrase" and not tok.text[1:-1].strip():
            notices.append("Ignored an empty phrase.")
        else:
            out.append(tok)
    return out


def _check_fields(tokens: list[Token], notices: list[str]) -> list[Token]:
    """Validate ``field:`` prefixes and the value that follows each."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.kind == "range":
            notices.append(f"Ignored the range {tok.text}: a range needs a field, as in date:[2024-11-01 TO 2024-11-30].")
            i += 1
            continue
        if tok.kind != "field":
            out.append(tok)
            i += 1
            continue
        name = tok.text[:-1]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        target = FIELDS.get(name.lower())
        value_ok = nxt is not None and nxt.kind in {"word", "phrase", "range", "lparen"}
        if not value_ok:
            notices.append(f"Ignored '{tok.text}', which has no value after it.")
            i += 1
            continue
        assert nxt is not None
        if target is None:
            known = ", ".join(sorted({v for v in FIELDS if FIELDS[v] == v}))
            notices.append(f"Unknown field '{name}' (fields: {known}); searched its value as text.")
            i += 1  # drop the prefix, keep the value
            continue
        if target == "date":
            value = _clean_date_value(nxt, notices)
            if value is None:
                i += 2
                continue
            out.append(Token("field", "date:"))
            out.append(value)
            i += 2
            continue
        if nxt.kind == "range":
            notices.append(f"Ignored the range {nxt.text}: only date: takes a range.")
            i += 2
            continue
        out.append(Token("field", f"{target}:"))
        i += 1
    return out


def _clean_date_value(tok: Token, notices: list[str]) -> Token | None:
    """Turn a ``date:`` value into an exact day, a month/year prefix or a range."""
    if tok.kind == "range":
        inner = tok.text[1:-1]
        parts = re.split(r"\s+(?:TO|to|To)\s+|\s+(?:TO|to|To)$|^(?:TO|to|To)\s+|\.\.", inner.strip())
        if len(parts) == 1:
            parts = [parts[0], ""]
        if len(parts) != 2:
            notices.append(f"Ignored the date range {tok.text}: write it as date:[2024-11-01 TO 2024-11-30].")
            return None
        low, high = (p.strip() for p in parts)
        low_n = _normalise_date(low, upper=False) if low else ""
        high_n = _normalise_date(high, upper=True) if high else ""
        if low_n is None or high_n is None or not (low_n or high_n):
            notices.append(f"Ignored the date range {tok.text}: dates are written YYYY, YYYY-MM or YYYY-MM-DD.")
            return None
        if low_n and high_n and low_n > high_n:
            low_n, high_n = _normalise_date(high, upper=False), _normalise_date(low, upper=True)
            notices.append(f"The date range {tok.text} ends before it starts: searched it the other way round.")
        return Token("range", f"[{low_n} TO {high_n}]".replace("[ TO", "[TO").replace(" TO ]", " TO]"))
    if tok.kind != "word":
        notices.append(f"Ignored date:{tok.text}: dates are written YYYY, YYYY-MM or YYYY-MM-DD.")
        return None
    value = tok.text
    op = ""
    for candidate in (">=", "<=", ">", "<"):
        if value.startswith(candidate):
            op, value = candidate, value[len(candidate):]
            break
    value = value.rstrip("*")
    match = _DATE_RE.match(value)
    if not match or _normalise_date(value, upper=op in {"<=", ">"}) is None:
        notices.append(f"Ignored date:{tok.text}: dates are written YYYY, YYYY-MM or YYYY-MM-DD.")
        return None
    if op:
        bound = _normalise_date(value, upper=op in {"<=", ">"})
        return Token("word", f"{op}{bound}")
    year, month, day = match.groups()
    if day:
        return Token("word", f"{year}-{int(month):02d}-{int(day):02d}")
    if month:
        return Token("word", f"{year}-{int(month):02d}*")
    return Token("word", f"{year}*")


def _normalise_date(value: str, upper: bool) -> str | None:
    """``2024-11`` → ``2024-11-01`` (or ``2024-11-31`` as an upper bound); ``None`` if invalid."""
    match = _DATE_RE.match(value)
    if not match:
        return None
    year, month, day = match.groups()
    m = int(month) if month else (12 if upper else 1)
    d = int(day) if day else (31 if upper else 1)
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    return f"{year}-{m:02d}-{d:02d}"


def _check_comparisons(tokens: list[Token], notices: list[str]) -> list[Token]:
    """Keep comparisons (``>``, ``<=``…) for ``date:`` only: elsewhere they would be ranges over text.

    A range over the words of a text field (``body:>a``) matches most of the
    corpus and expands every word of the index; ``x:<=or`` even failed Whoosh's
    parser. The operators are dropped and the words searched as text, with a notice.
    """
    out: list[Token] = []
    for i, tok in enumerate(tokens):
        prev = tokens[i - 1] if i else None
        in_date = prev is not None and prev.kind == "field" and prev.text == "date:"
        if tok.kind != "word" or in_date or not _COMPARISON_RE.search(tok.text):
            out.append(tok)
            continue
        ops = ", ".join(f"'{op}'" for op in dict.fromkeys(_COMPARISON_RE.findall(tok.text)))
        notices.append(f"Ignored {ops} in '{tok.text}': only date: takes a comparison, as in date:>2024-11-05.")
        parts = [p for p in _COMPARISON_RE.split(tok.text.replace(":", " ")) for p in p.split() if p]
        if not parts and prev is not None and prev.kind == "field":
            out.pop()  # the field has no value left
        for part in parts:
            out.append(Token("op" if part in BINARY_OPERATORS | UNARY_OPERATORS else "word", part))
    return out


def _check_words(tokens: list[Token], notices: list[str]) -> list[Token]:
    """Bound wildcards and fuzzy distances; drop words with nothing to search."""
    out: list[Token] = []
    for i, tok in enumerate(tokens):
        prev = tokens[i - 1] if i else None
        in_date = prev is not None and prev.kind == "field" and prev.text == "date:"
        if tok.kind != "word" or in_date:
            out.append(tok)
            continue
        word = _BOOST_RE.sub("", tok.text)
        boost = tok.text[len(word):]
        if not any(ch.isalnum() for ch in word):
            if word in {"*", "*:*"}:
                notices.append("Ignored '*': searching every word is not supported; type some letters first.")
            else:
                notices.append(f"Ignored '{tok.text}', which has no letters or digits.")
            if prev is not None and prev.kind == "field":
                out.pop()
            continue
        if "*" in word or "?" in word:
            first = min(p for p in (word.find("*"), word.find("?")) if p >= 0)
            literal = word[:first]
            if len(literal) < MIN_WILDCARD_PREFIX:
                notices.append(
                    f"Ignored '{word}': a wildcard needs at least {MIN_WILDCARD_PREFIX} letters before * or ?."
                )
                if prev is not None and prev.kind == "field":
                    out.pop()
                continue
        fuzzy = _FUZZY_RE.match(word)
        if fuzzy and "~" in word:
            dist = int(fuzzy.group("dist")) if fuzzy.group("dist") else 1
            if dist > MAX_FUZZY_DISTANCE:
                notices.append(f"Fuzzy distance {dist} in '{word}' lowered to {MAX_FUZZY_DISTANCE}.")
                dist = MAX_FUZZY_DISTANCE
            prefix = f"/{fuzzy.group('prefix')}" if fuzzy.group("prefix") else ""
            word = f"{fuzzy.group('stem')}~{dist}{prefix}"
        out.append(Token("word", word + boost))
    return out


def _balance_parens(tokens: list[Token], notices: list[str]) -> list[Token]:
    """Drop unmatched parentheses and empty groups."""
    keep = [True] * len(tokens)
    stack: list[int] = []
    dropped = 0
    for i, tok in enumerate(tokens):
        if tok.kind == "lparen":
            stack.append(i)
        elif tok.kind == "rparen":
            if stack:
                stack.pop()
            else:
                keep[i] = False
                dropped += 1
    for i in stack:
        keep[i] = False
        dropped += 1
    if dropped:
        notices.append(f"Ignored {dropped} unmatched parenthes{'is' if dropped == 1 else 'es'}.")
    out = [t for t, k in zip(tokens, keep) if k]
    changed = True
    while changed:
        changed = False
        for i in range(len(out) - 1):
            if out[i].kind == "lparen" and out[i + 1].kind == "rparen":
                del out[i : i + 2]
                changed = True
                break
    return out


def _fix_operators(tokens: list[Token], notices: list[str]) -> list[Token]:
    """Remove operators that lack an operand on a side that needs one."""
    out = list(tokens)
    removed: list[str] = []
    changed = True
    while changed:
        changed = False
        for i, tok in enumerate(out):
            if tok.kind not in {"op", "field"}:
                continue
            prev = out[i - 1] if i else None
            nxt = out[i + 1] if i + 1 < len(out) else None
            starts_operand = nxt is not None and (
                nxt.kind in {"word", "phrase", "lparen", "field", "range"} or (nxt.kind == "op" and nxt.text == "NOT")
            )
            if tok.kind == "field":
                if not starts_operand or (nxt is not None and nxt.kind in {"field", "op"}):
                    removed.append(tok.text)
                    del out[i]
                    changed = True
                    break
                continue
            ends_operand = prev is not None and prev.kind in {"word", "phrase", "rparen", "range"}
            bad = not starts_operand
            if tok.text in BINARY_OPERATORS and not ends_operand:
                bad = True
            if tok.text == "NOT" and nxt is not None and nxt.kind == "op":
                bad = True
            if bad:
                removed.append(tok.text)
                del out[i]
                changed = True
                break
        # an operator removal may leave an empty group behind
        for i in range(len(out) - 1):
            if out[i].kind == "lparen" and out[i + 1].kind == "rparen":
                del out[i : i + 2]
                changed = True
                break
    if removed:
        listed = ", ".join(f"'{r}'" for r in removed)
        notices.append(f"Ignored {listed}: an operator needs a term on each side.")
    return out


def _join(tokens: list[Token]) -> str:
    """Write tokens back as a query string: ``field:value``, ``(a OR b)``."""
    out = ""
    prev: Token | None = None
    for tok in tokens:
        tight = prev is not None and (prev.kind in {"field", "lparen"} or tok.kind == "rparen")
        out += tok.text if (tight or not out) else " " + tok.text
        prev = tok
    return out.strip()
