"""The attribution rules: each a function of one quotation's site, tried in order.

For each quotation the rules below are tried in this order; the first that names somebody wins,
and one that finds a subject naming nobody (``officials said``, ``they said``) stops the search:
the quotation then has no speaker, because a wrong speaker is worse than none.

00. :func:`~.works.document_after`: a document right after the quote (``“…,” the Pentagon report said``),
    a statement's author (``“…,” Roe’s letter says``);
0. layouts (:mod:`.layouts`): a title-case headline with its cue (``Clinton Said “…”``), a
   speaker label (``Bush: “…”``, ``Howard Kurtz, Fox News: “…”``);
1. :func:`~.after.after_quote`: an attribution right after the closing mark (``“…,” Putin said``,
   ``said Smith, 34``, ``” — Coach Kerr``, ``according to X``);
2. :func:`~.after.attribution_sentence`: a short sentence of its own right after the quotation
   (``“We will win.” Smith said.``);
2a. :func:`~.passive.passive_agent`: the agent of a passive naming verb (``has been called “…” by
   Jane Roe``, ``“…” – as described by Jane Roe –``);
2b. :func:`~.works.document_before`: a document whose verb stands before the quote (``A new Gallup
    poll found … “…”``, ``Roe’s letter says, “…”``);
3. :func:`~.before.before_quote`: a speech cue earlier in the same sentence (``X said: “…”``,
   ``X told Sputnik that “…”``, ``calling Trump’s words “…”`` → the one calling);
4. :func:`~.participle.participle_after`: a participle right after the quote (``“…,” cautioning``);
5. :func:`~.later.later_in_sentence`: an attribution set off by a comma later in the sentence
   (``“…” for Clinton, said Kunin.``, ``Trump’s “excesses” are sickening, Hollande said.``);
6. :func:`~.subject.subject_of_sentence`: words quoted in the predicate of a subject that acts
   (``Clinton supports “appropriate pay raises”``), never after a copula or a passive;
7. :func:`~.carry.carried`: a continued or floating quote (``“…,” he said. “…”``, a quote paragraph
   right after an attributed one, a paragraph after ``X said:``) → the same speaker;
7a. :func:`~.carry.partial_after_speech`: a partial quote of several words inside the writer's sentence
    right after one reporting somebody's speech (``… Bill Clinton has said. That makes her “…”``) → that
    speaker;
8. :func:`~.layouts.pull_quote`: a pull quote credited on the next line (``Name, role, on topic.``).
"""

from __future__ import annotations

from collections.abc import Callable

from .after import after_quote, attribution_sentence
from .later import later_in_sentence
from .base import Attribution, Reading, Site
from .before import before_quote
from .carry import carried, partial_after_speech
from .layouts import headline_cue, pull_quote, speaker_label
from .participle import participle_after
from .passive import passive_agent
from .subject import subject_of_sentence
from .works import document_after, document_before

Rule = Callable[[Reading, Site], "Attribution | None"]

RULES: tuple[Rule, ...] = (
    document_after,
    headline_cue,
    speaker_label,
    after_quote,
    attribution_sentence,
    passive_agent,
    document_before,
    before_quote,
    participle_after,
    later_in_sentence,
    subject_of_sentence,
    carried,
    partial_after_speech,
    pull_quote,
)
"""The rules in the order they are tried."""

__all__ = ["RULES", "Attribution", "Reading", "Rule", "Site"]
