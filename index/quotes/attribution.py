"""Speaker attribution: who said each quotation.

The article is read once, sentence by sentence, over a *masked* copy of the text in
which every quotation's words are hidden (so names and verbs inside quotes never
act as cues). Along the way the reader keeps a list of *events*: people and
organisations that were the subject of a sentence or of a speech cue. Pronouns
(``he said``) and descriptions (``the leader continued``, ``the newspaper wrote``)
resolve to the most recent fitting event.

For each quotation the rules are tried in this order, and the first that gives an
answer wins:

1. an attribution right after the closing mark (``“…,” Putin said``, ``said Smith, 34``,
   ``” — Coach Kerr``, ``according to X``);
2. a speech cue earlier in the same sentence (``X said: “…”``, ``X told Sputnik that “…”``,
   ``calling Trump’s words “…”`` → the one calling, ``according to X, “…”``);
3. a participle right after the quote (``“…,” cautioning, “…”``) → the clause subject;
4. a continued or floating quote (``“…,” he said. “…”``, a quote paragraph right after an
   attributed one, a paragraph after ``X said:`` / ``X told Sputnik.``) → the same speaker.

Anything else has no speaker: a wrong speaker is worse than none.
"""

from __future__ import annotations


from .marks import MarkSpan
from .phrases import (
    WS_RE,
    np_after,
    np_before,
)
from .mentions import (
    Article,
    VAGUE,
    Who,
)
from .rules import (
    LEAD_SKIP_RE,
    LEAD_WINDOW,
    PART_FIRST_RE,
    Runner,
    sentence_subject,
)
from .kinds import (
    Found,
    few_words_after,
    shape,
)


def attribute(text: str, spans: list[MarkSpan], body_start: int = 0) -> list[Found]:
    """Decide speaker, role, cue, partial and kind for every span of ``text``."""
    art = Article(text, spans, body_start)
    art.prepare()
    m = art.masked
    run = Runner(art)
    n = len(spans)
    results = [Found() for _ in spans]
    anchors = [sp.open_pos if sp.open_pos is not None else sp.start for sp in spans]
    q_sent = [-1] * n
    q_para = [art.para_of(a) for a in anchors]
    para_cue: dict[int, tuple[Who, str, int]] = {}
    qi = 0
    for si, (s, e, pi) in enumerate(art.sents):
        ps, pe = art.paras[pi]
        headline = pi in art.headline_paras or e <= body_start
        run.sent_speakers = []
        if not headline:
            who, pos = sentence_subject(art, s, e)
            art.sent_subjects[si] = who
            art.add_event(pos, who)
        used: set[int] = set()
        while qi < n and anchors[qi] < e:
            q = qi
            qi += 1
            sp = spans[q]
            q_sent[q] = si
            anchor = anchors[q]
            floor = s
            if q > 0 and q_sent[q - 1] == si:
                floor = max(s, spans[q - 1].outer_end)
            trail_s = sp.close_pos + 1 if sp.close_pos is not None else sp.end
            trail_e = max(trail_s, min(e, anchors[q + 1] if q + 1 < n else e, trail_s + LEAD_WINDOW))
            res = results[q]
            who: Who | None = None
            cue: str | None = None
            cue_pos = anchor
            # 1. after the closing mark
            if sp.close_pos is not None:
                who, cue, cue_pos = run.trail(trail_s, trail_e, anchor, s, e)
                if who is None and not m[trail_s:trail_e].strip(" ,;:—–-") and sp.end >= e - 2:
                    # ``“We will win.” Smith said.`` — a short attribution sentence right after.
                    nxt = next(((a, b) for a, b, p2 in art.sents[si + 1 : si + 2] if p2 == pi), None)
                    if nxt and len(m[nxt[0] : nxt[1]].split()) <= 6:
                        who, cue, cue_pos = run.trail(nxt[0], nxt[1], anchor, nxt[0], nxt[1])
            how = "trail" if who is not None else ""
            # 2. earlier in the sentence
            if who is None:
                w2, c2, p2 = run.lead(floor if floor > s else s, anchor, s, e)
                if w2 is None and floor > s:
                    w2, c2, p2 = run.lead(s, anchor, s, e)
                if w2 is not None:
                    who, cue, cue_pos, how = w2, c2, p2, "lead"
                    used.add(p2)
            # 3. a participle right after the quote
            if who is None and sp.close_pos is not None:
                j = trail_s
                while j < trail_e and (m[j].isspace() or m[j] in ",;"):
                    j += 1
                pm = PART_FIRST_RE.match(m, j, trail_e)
                if pm:
                    w3 = run.clause_subject(anchor, s, e)
                    if w3 is not None:
                        who, cue, cue_pos, how = w3, pm.group("part"), pm.start("part"), "part"
            if who is VAGUE:
                who, how = None, "vague"
            lead_text = m[max(floor, anchor - LEAD_WINDOW) : anchor]
            starts_sentence = LEAD_SKIP_RE.fullmatch(lead_text) is not None
            # 4. continued / floating quotes
            if who is None and how != "vague" and starts_sentence and not headline:
                prev = q - 1
                if prev >= 0 and results[prev].speaker and results[prev].kind == "speech":
                    same_para = q_para[prev] == q_para[q]
                    if (same_para and si - q_sent[prev] <= 1) or (
                        not same_para
                        and q_para[q] - q_para[prev] == 1
                        and anchor <= ps + 1
                        and (spans[prev].close_pos is None or few_words_after(m, spans[prev].outer_end, art.paras[q_para[prev]][1]))
                    ):
                        res.speaker, res.role, res.cue = results[prev].speaker, results[prev].role, results[prev].cue
                        res.speaker_kind = results[prev].speaker_kind
                        how = "cont"
                if not res.speaker and anchor <= ps + 1 and pi - 1 in para_cue:
                    pw, pc, _ = para_cue[pi - 1]
                    res.speaker, res.cue = pw.name, pc
                    res.speaker_kind = "person" if pw.kind == "person" else "organisation"
                    res.role = art.role_of(pw.name) if pw.kind == "person" else None
                    how = "prev"
            if who is not None:
                res.speaker = who.name
                res.speaker_kind = "person" if who.kind == "person" else "organisation"
                res.cue = cue.lower() if cue else None
                res.role = (art.role_of(who.name) or who.role) if who.kind == "person" else None
                art.add_event(cue_pos, who, speaker=True)
                run.sent_speakers.append((max(cue_pos, anchor), who))
            shape(res, text, m, sp, floor, anchor, trail_s, trail_e, headline or anchor < body_start, how)
        # Speech cues outside quotes: ``Kosachev told Sputnik.``, ``according to Kosachev``.
        if not headline:
            ends_colon = m[max(s, e - 8) : e].rstrip().endswith(":")
            for c in art.cues_in(s, e):
                if c.start() in used or c.lastgroup not in ("finite", "according", "pointed"):
                    continue
                if c.lastgroup == "according":
                    who2 = art.resolve(np_after(m, c.end(), e), c.start())
                else:
                    who2 = art.resolve(np_before(m, c.start(), s), c.start())
                if who2 is not None and who2 is not VAGUE:
                    if who2.kind == "person" and who2.role is None:
                        pass
                    art.add_event(c.start(), who2, speaker=True)
                    if e >= pe - 1 and (ends_colon or len(m[c.end() : min(e, c.end() + 80)].split()) <= 4):
                        para_cue[pi] = (who2, WS_RE.sub(" ", c.group(0)), c.start())
                    else:
                        para_cue.pop(pi, None)
    return results
