"""An attribution set off by a comma later in the quotation's sentence (``Trump’s “excesses” are
sickening, Hollande said.``): a rule of its own, and the check the rule of a speech noun before the
quote makes against it (``…, the editorial board writes``)."""

from __future__ import annotations

from ..mentions import VAGUE
from ..phrases.after import np_after, source_after
from ..phrases.before import np_before
from .base import Attribution, Reading, Site
from .sources import according_source


def later_in_sentence(r: Reading, site: Site, loose: bool = False) -> Attribution | None:
    """An attribution set off by a comma later in the quotation's sentence: ``“…” for Clinton,
    said Kunin.``, ``Trump’s “excesses” are sickening, Hollande said Tuesday.``, ``… an “inaccurate”
    response, according to a report from X.``. Only the first speech verb after the quote counts,
    and only when a comma opens its clause (``and Smith said`` is another statement). ``loose``: a
    subject naming nobody the article knows answers too, as ``VAGUE``."""
    m = r.m
    art = r.art
    start, e = site.trail_s, site.e
    for c in art.iter_cues(start, e):
        kind = c.lastgroup
        if kind not in ("finite", "according"):
            continue
        if kind == "according" or m[start : c.start()].rstrip().endswith(","):
            if not m[start : c.start()].rstrip().endswith(","):
                return None
            if kind == "according":
                who = according_source(r, c.end(), e, c.start())
                if who is not None and who.kind == "unnamed":
                    return Attribution(who, "according to", c.start(), "later")
            np = source_after(m, c.end(), e) if kind == "according" else np_after(m, c.end(), e)
            word = "according to" if kind == "according" else c.group(0)
        else:
            np = np_before(m, c.start(), start)
            if np is None or not m[start : np.start].rstrip().endswith(","):
                return None
            word = c.group(0)
        who = art.resolve(np, c.start())
        if who is None and (np is None and kind == "according" or loose and np is not None):
            who = VAGUE  # ``according to a Pentagon readout``: a source, though not a person
        return Attribution(who, word, c.start(), "later") if who is not None else None
    return None
