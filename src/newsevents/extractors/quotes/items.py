"""Quote items: which quotations and reported contents are quotes, and each one as the contract's
``quotes[]`` object (speaker, cue, via, medium, evidence)."""
from __future__ import annotations

from ...resolve.speakers import describe, joint, lexicon, unresolved
from .spans import WORD, content_words, has_verb, meaningful_outside
from .labels import label_speaker, promo_paragraphs, transcript_cues
from .statements import statement_paragraphs


def evidence_span(ctx, parts: list[tuple[int, int] | None], anchor_para: int) -> tuple[int, int]:
    spans = [p for p in parts if p is not None and ctx.para_of(p[0]) in (anchor_para, anchor_para - 1)]
    return min(s[0] for s in spans), max(s[1] for s in spans)


def title_case(text: str) -> bool:
    """"Where the Wild Things Are": a title, not speech (most words capitalised, no full stop)."""
    words = WORD.findall(text)
    caps = sum(1 for w in words if w[:1].isupper())
    return len(words) >= 2 and caps / len(words) >= 0.6 and not text.rstrip("”\"'’»").endswith((".", "!", "?"))


def _named_work(text: str) -> bool:
    """"Fox News Sunday.", "State of the Union,": a name of a programme or work, the final mark inside
    the quotation as American style puts it (every content word capitalised, eight words at most)."""
    small = lexicon()["name_connectives"] | lexicon()["articles"]
    words = [w for w in WORD.findall(text) if w.lower() not in small]
    return 1 <= len(words) <= 8 and all(w[:1].isupper() or w[:1].isdigit() for w in words)


def anonymous_source(ctx, cue) -> bool:
    rng = ctx.sentence_range(cue.verb)
    doc = ctx.doc
    sentence = ctx.text[doc[rng[0]].idx: doc[rng[-1]].idx + len(doc[rng[-1]])].lower()
    return any(p in sentence for p in ctx.lex["anonymity"])


def via_of(ctx, result, head: int) -> dict | None:
    sp = describe(ctx, head)
    name = sp.get("name")
    if not name:
        return None
    m = sp.get("mention")
    return {"name": name, "url": None, "kind": "outlet" if sp.get("kind") in ("media", "organisation") else "relay",
            "entity": sp.get("entity"), "evidence": m}


def select_items(ctx, cues, attributed) -> list[tuple]:
    """``(kind, start, end, quotation, cue, rule)`` of every quote, in text order: the quotations that
    are quotes, the reported contents the quotations do not carry, the unquoted statements."""
    items = _direct_items(ctx, cues, attributed)
    items += _indirect_items(ctx, cues, items)
    statement = statement_paragraphs(ctx, cues, items)
    if statement:
        # reported speech inside an unquoted statement is part of the statement ("The UK calls on …"),
        # and so is the first sentence the parse took as the cue's complement ("said: The UK has …")
        inside = [(it[1], it[2]) for it in statement]
        items = [it for it in items if it[0] != "indirect" or not any(a <= it[1] and it[2] <= b for a, b in inside)]
        items.extend(statement)
    items = _transcripts(ctx, items)
    promo = promo_paragraphs(ctx)
    items = [it for it in items if ctx.para_of(it[1]) not in promo]
    items.sort(key=lambda it: (it[1], it[0]))
    return items


def _transcripts(ctx, items) -> list[tuple]:
    """A labelled turn ("PENCE: Well, …") is its speaker's: the quotation it opens starts after the
    label, and an unquoted turn is a quote of its own."""
    turns = transcript_cues(ctx)
    if not turns:
        return items
    out = []
    covered = set()
    for it in items:
        kind, start, end, q, cue, how = it
        pi = ctx.para_of(start)
        if pi in turns and kind == "direct" and q is not None and q.open <= turns[pi][0].cue[0]:
            label, content = turns[pi]
            out.append((kind, content, end, q, label, "label"))
            covered.add(pi)
            continue
        out.append(it)
    for pi, (label, content) in turns.items():
        if pi not in covered and not any(ctx.para_of(it[1]) == pi and it[0] == "direct" for it in out):
            out.append(("direct", content, ctx.paras[pi][1], None, label, "label"))
    # a turn running over several paragraphs: the unattributed quotations after a label are its speaker's
    out.sort(key=lambda it: it[1])
    current = None
    for k, it in enumerate(out):
        kind, start, end, q, cue, how = it
        pi = ctx.para_of(start)
        if how == "label":
            current = (cue, pi)
        elif current is not None and kind == "direct" and cue is None and pi - current[1] <= 1:
            out[k] = (kind, start, end, q, current[0], "label")
            current = (current[0], pi)
        elif cue is not None:
            current = None
    return out


def _direct_items(ctx, cues, attributed) -> list[tuple]:
    text = ctx.text
    lex = ctx.lex
    quotations = ctx.quotations
    items = []
    for q, cue, how in attributed:
        if any(o.open < q.open and q.outer_end <= o.outer_end for o in quotations if o is not q):
            continue
        words = len(WORD.findall(text[q.start:q.end]))
        verb = has_verb(ctx, (q.start, q.end))
        fragment = any(c.content and c.content[0] <= q.open and q.outer_end <= c.content[1]
                       and meaningful_outside(ctx, c.content) for c in cues)
        if cue is not None and not verb and _named_work(text[q.start:q.end]):
            keep = False  # "said on “Fox News Sunday.”", "sang “A Change Is Gonna Come”": a title, not speech
        elif cue is not None and how in ("colon", "after", "before", "split", "continued", "floating") and not fragment:
            keep = words >= lex["min_words"] or verb
        elif cue is not None:  # a fragment inside reported speech
            keep = words >= lex["min_words"]
        else:
            # no speaker anywhere: only a clause-like quotation that reads as one (not a title,
            # a nickname or a fragment cut by stray marks)
            keep = verb and words >= lex["min_words"] + 1 and (text[q.start].isalnum() or text[q.start] in "“‘\"'«") \
                and not title_case(text[q.start:q.end])
        if keep:
            items.append(("direct", q.start, q.end, q, cue, how))
    return items


def _indirect_items(ctx, cues, direct) -> list[tuple]:
    text = ctx.text
    items = []
    for cue in cues:
        if cue.content is None or cue.speaker is None and not cue.sourceless:
            continue
        start, end = cue.content
        carried = any(start <= it[3].open and it[3].outer_end <= end for it in direct if it[0] == "direct")
        if carried and (content_words(ctx, cue.content) < 2 or not meaningful_outside(ctx, cue.content)):
            continue  # the reported content is a quotation: the direct quote carries it
        if len(WORD.findall(text[start:end])) < 2:
            continue
        items.append(("indirect", start, end, None, cue, "cue"))
    return items


class _Speakers:
    """Describes the speaker of each item in text order, remembering what later items lean on: the
    last organisation that spoke (for a bare "a statement said") and the outlet a person was quoted by."""

    def __init__(self, ctx, result):
        self.ctx = ctx
        self.result = result
        self.last_org: dict | None = None
        self.last_person: tuple[dict, int] | None = None  # (speaker, paragraph)
        self.via_memory: dict[str, list[dict]] = {}

    def of(self, cue) -> tuple[dict, list, str | None]:
        """(speaker, via, medium) of a cue."""
        ctx = self.ctx
        if cue is None or cue.speaker is None:
            return unresolved(None, None), [], cue.medium if cue is not None else None
        if cue.form == "label":
            return label_speaker(ctx, cue), [], None
        speaker = joint(ctx, cue.speaker, fallback=self.last_org)
        para = ctx.tok_para[cue.speaker]
        if not speaker.get("name"):
            speaker = self._last_person_for(speaker, para)
        elif speaker.get("kind") == "person":
            self.last_person = (speaker, para)
        via = [via_of(ctx, self.result, h) for h in cue.via]
        key = speaker.get("entity") or speaker.get("name")
        if cue.lemma == "quote" and via and key:
            self.via_memory[key] = via
        if not via and cue.passive_quote and key in self.via_memory:
            via = [dict(v) for v in self.via_memory[key]]
        if speaker.get("name") and anonymous_source(ctx, cue):
            speaker = dict(speaker)
            speaker["anonymous"] = True  # "a senior official, speaking on condition of anonymity, said …"
        if speaker.get("name") and speaker.get("kind") in ("organisation", "media", "country"):
            self.last_org = speaker
        return speaker, via, cue.medium

    def _last_person_for(self, speaker: dict, para: int) -> dict:
        """An unresolved "he"/"she" is the person who spoke last, within two paragraphs, when the
        pronoun's gender does not rule that person out."""
        word = (speaker.get("unresolved") or "").lower()
        info = self.ctx.lex["pronouns"].get(word)
        if self.last_person is None or info is None or info.get("number") != "sg" or info.get("gender") not in ("m", "f"):
            return speaker
        last, last_para = self.last_person
        gender = (self.ctx.profile(last["entity"]) if last.get("entity") else {}).get("gender")
        if para - last_para > 2 or gender and gender != info["gender"]:
            return speaker
        out = dict(last)
        out["mention"] = speaker.get("mention")
        out["resolved_from"] = speaker.get("unresolved")
        return out


def render_items(ctx, result, items) -> list[dict]:
    """The contract's ``quotes[]`` objects of ``items`` (as :func:`select_items` gives them)."""
    text = ctx.text
    speakers = _Speakers(ctx, result)
    out = []
    for kind, start, end, q, cue, how in items:
        speaker, via, medium = speakers.of(cue)
        para = ctx.para_of(start)
        parts = [(q.open, q.outer_end)] if q is not None else [(start, end)]
        if cue is not None:
            parts.append(cue.cue)
            if speaker.get("mention"):
                m = speaker["mention"]
                parts.append((m["start"], m["end"]))
        ev_start, ev_end = evidence_span(ctx, parts, para) if q is None or cue is not None else (q.open, q.outer_end)
        item = {
            "kind": kind,
            "text": text[start:end],
            "start": start,
            "end": end,
            "speaker": speaker,
            "cue": result.evidence(*cue.cue) if cue is not None else None,
            "via": [v for v in via if v],
            "medium": medium,
            "paragraph": para,
            "evidence": result.evidence(ev_start, ev_end),
            "attribution": how or None,
        }
        item["class"] = cue.cls if cue is not None else "speech"
        if cue is not None and cue.negated:
            item["negated"] = True
        if kind == "indirect":
            item["quoted"] = [result.evidence(x.start, x.end) for x in ctx.quotations
                              if start <= x.open and x.outer_end <= end]
        out.append(item)
    _speaker_sectors(ctx, result, out)
    _mark_parts(out)
    return out


def _speaker_sectors(ctx, result, out: list[dict]) -> None:
    """Every named speaker carries the PLOVER ``sector`` an event actor of the same words would
    have ("police commissioner V K Gupta" → COP): read from its mention (the actor resolver), else
    from its role's words, else from an earlier mention of the same speaker ("he added")."""
    from ...resolve.actors import resolve_token, tables
    from ...resolve.speakers.lexicon import PRONOUN_WORDS
    known: dict[str, str] = {}
    t = tables()
    for item in out:
        sp = item.get("speaker")
        if not sp or not sp.get("name"):
            continue
        key = sp.get("entity") or sp["name"].lower()
        sector = None
        m = sp.get("mention")
        if m and m.get("text", "").lower() not in PRONOUN_WORDS and not sp.get("resolved_from"):
            toks = list(ctx.tokens_between(m["start"], m["end"]))
            if toks:
                actor = resolve_token(ctx.doc, ctx.doc[toks[-1]], result)
                sector = actor.get("sector") if actor else None
        if sector is None:
            for w in reversed(((sp.get("role") or "") + " " + ((m or {}).get("text") or "")).lower().split()):
                sector = t.modifiers.get(w, (None,))[0] or t.agents.get(w) or t.titles.get(w)
                if sector:
                    break
        sector = sector or known.get(key)
        if sector:
            known[key] = sector
        sp["sector"] = sector


def _mark_parts(out: list[dict]) -> None:
    """A direct quote that is a fragment of a reported speech of the same speaker ("said the
    situation is “more than dramatic.”") gets ``part_of`` (the index of that item; the stage turns it
    into its id): a reader counting quotes counts one of the two."""
    for item in out:
        if item["kind"] != "direct":
            continue
        for k, other in enumerate(out):
            if other["kind"] == "indirect" and other["start"] <= item["start"] - 1 and item["end"] + 1 <= other["end"] \
                    and _same_speaker(item["speaker"], other["speaker"]):
                item["part_of"] = k
                break


def _same_speaker(a: dict, b: dict) -> bool:
    return bool(a.get("name")) and (a.get("entity") or a.get("name")) == (b.get("entity") or b.get("name"))
