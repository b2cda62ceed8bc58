"""Every quotation of the corpus as ready JSON lines (``byline quotes --json``), without a Python object per quotation.

Making a :class:`~.models.QuoteRecord` per quotation and encoding it costs
~30 µs; a corpus of 70,000 quotations took seconds. Instead, each stored article
is turned once into one line of text (:func:`article_line`, kept per segment
beside the index by :class:`~.store.SegmentValues`, like the article summaries):
where it stands, the start of its quotations' objects (``path``, ``record``,
``title``) and, per quotation, its fields already encoded as JSON pieces
(:mod:`.jsonout`, so escaped exactly as a whole object would be). A listing
(:func:`json_lines`) reads those lines and splices in, per quotation, what
belongs to the corpus as it is now: the speaker's name merged across the corpus
and ``also_in``. Each line is byte for byte what encoding the quotation's
:class:`~.models.QuoteRecord` gives (``byline.commands``' ``_quote_json``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from .documents import meta_from_stored, quote_keys_from_stored, stored_path, stored_record
from .jsonout import json_members, json_value
from .models import Quote, article_key

TAG = "quotelines1"
"""Names the format of :func:`article_line`: change it when that changes (files of another tag are made again)."""

SEP = "\x00"
"""Between the parts of an article's line: encoded JSON never holds a raw C0 control character."""
KEY_SEP = "\x01"
"""Between the quote keys of an article."""

QUOTE_PARTS = 4
"""Per quotation: the speaker as stored (JSON), its quote key (JSON, or empty), the members before the speaker, those after."""


def article_line(stored: dict[str, Any]) -> str:
    """One stored article's quotations as the pieces of their JSON lines, on one line of text.

    Parts, joined by :data:`SEP`: the path (JSON), the record number (or
    empty), the members ``"path": …, "record": …, "title": …``, every quote key
    of the article (JSON, joined by :data:`KEY_SEP`), then :data:`QUOTE_PARTS`
    parts per readable quotation, in reading order (as
    :meth:`~.speakers.Speakers.records` reads them: a stored quote that does not
    make a :class:`~.models.Quote` is left out).
    """
    path, record = stored_path(stored), stored_record(stored)
    keys = quote_keys_from_stored(stored)
    parts = [
        json_value(path),
        "" if record is None else str(record),
        json_members({"path": path, "record": record, "title": meta_from_stored(stored).title}),
        KEY_SEP.join(json_value(k) for k in sorted({k for k in keys if k})),
    ]
    for item, key in zip(stored.get("info", {}).get("quotes", []), keys):
        try:
            item.get("speaker")
            q = Quote(**item)
        except (TypeError, AttributeError):
            continue
        parts += [
            json_value(q.speaker),
            json_value(key) if key else "",
            json_members({"start": q.start, "end": q.end, "text": q.text}),
            json_members({"speaker_kind": q.speaker_kind, "role": q.role, "cue": q.cue, "partial": q.partial, "kind": q.kind}),
        ]
    return SEP.join(parts)


def json_lines(
    lines: Iterable[str],
    canon: Mapping[str, str],
    wanted: str | None = None,
    matches: Callable[[str, str], bool] | None = None,
) -> Iterator[str]:
    """The JSON line of every quotation, article by article (by path, then record number), in reading order.

    ``lines`` are :func:`article_line`'s lines of the live articles in index
    order; ``canon`` merges speaker names across the corpus; with ``wanted``,
    only the quotations whose (merged) speaker ``matches(wanted, name)``.
    The lines are read here: ``ValueError`` when one is not what
    :func:`article_line` writes (the iterator then makes the JSON lines as they
    are taken).
    """
    docs: list[tuple[tuple[str, int], str, list[str]]] = []
    speakers: dict[str, tuple[str, bool]] = {}
    for line in lines:
        parts = line.split(SEP)
        if len(parts) < 4 or len(parts) % QUOTE_PARTS:
            raise ValueError("not a line of quotations")
        path = json.loads(parts[0])
        record = int(parts[1]) if parts[1] else None
        if not isinstance(path, str):
            raise ValueError("not a line of quotations")
        docs.append(((path, record or 0), article_key(path, record), parts))
        for spk in parts[4::QUOTE_PARTS]:
            if spk not in speakers:
                speakers[spk] = _speaker(spk, canon, wanted, matches)
    docs.sort(key=lambda doc: doc[0])  # stable: index order among equals, as Speakers.all_quotes
    return _emit(docs, speakers, wanted is not None)


def _emit(docs: list[tuple[tuple[str, int], str, list[str]]], speakers: dict[str, tuple[str, bool]], only: bool) -> Iterator[str]:
    """The JSON lines of :func:`json_lines`: ``also_in`` from the quote keys of every article, spliced in."""
    holders: dict[str, list[str]] = {}
    for _, key, parts in docs:
        if parts[3]:
            for qk in parts[3].split(KEY_SEP):
                holders.setdefault(qk, []).append(key)
    key_json: dict[str, str] = {}
    shared: dict[str, tuple[tuple[str, ...], list[str]]] = {}
    """Quote key → the articles holding it (in listing order) and their addresses as JSON."""
    for qk, keys in holders.items():
        if len(keys) > 1:
            encoded = []
            for key in keys:
                got = key_json.get(key)
                if got is None:
                    got = key_json[key] = json_value(key)
                encoded.append(got)
            shared[qk] = (tuple(keys), encoded)
    for _, key, parts in docs:
        head = "{" + parts[2] + ", "
        for i in range(4, len(parts), QUOTE_PARTS):
            spk, qk, before, after = parts[i : i + QUOTE_PARTS]
            said = speakers[spk]
            if only and not said[1]:
                continue
            also_in = "[]"
            got_shared = shared.get(qk)
            if got_shared is not None:  # also_in: the other articles holding it (as Speakers' _others gives them)
                keys, encoded = got_shared
                try:
                    at = keys.index(key)
                except ValueError:
                    others = encoded
                else:
                    others = encoded[:at] + encoded[at + 1 :]
                if others:
                    also_in = "[" + ", ".join(others) + "]"
            yield head + before + ', "speaker": ' + said[0] + ", " + after + ', "also_in": ' + also_in + "}"


def _speaker(
    stored: str, canon: Mapping[str, str], wanted: str | None, matches: Callable[[str, str], bool] | None
) -> tuple[str, bool]:
    """(the speaker's name merged across the corpus, as JSON; whether ``wanted`` names it) for a stored speaker."""
    name = json.loads(stored)
    if name is not None and not isinstance(name, str):
        raise ValueError("not a speaker")
    if name and name in canon:
        name = canon[name]
        stored = json_value(name)
    return stored, bool(wanted is not None and matches is not None and name and matches(wanted, name))
