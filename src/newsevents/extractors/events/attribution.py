"""Attribution: who reports an event — the quote's speaker or the subject of the reporting verb
whose complement holds the trigger — and the speaker as an actor (first person in quotes)."""
from __future__ import annotations

from ...resolve.actors import resolve_token
from .lexicon import REPORTING_VERBS
from .syntax import children, reporting_head
from ..quotemarks import find_quotations


def quote_spans(text: str, result) -> list[tuple[int, int, dict | None]]:
    spans = []
    for q in getattr(result, "items", {}).get("quotes", []) or []:
        s, e = q.get("start"), q.get("end")
        if isinstance(s, int) and isinstance(e, int):
            spans.append((s, e, q))
    if spans:
        return spans
    # without the quotes stage: the quotations the shared scanner finds (double marks, as written)
    return [(q.start, q.end, None) for q in find_quotations(text) if q.mark in '“"']


def _speaker_from_sentence(doc, sent, result):
    """A reporting verb's subject in ``sent`` ("…,” said Petkovic", "Kurti said:")."""
    for tok in sent:
        if tok.lemma_.lower() in REPORTING_VERBS and tok.pos_ in ("VERB", "AUX"):
            subj = children(tok, "nsubj")
            if subj and subj[0].lower_ not in ("it", "that", "this"):
                return subj[0]
            if tok.lower_ == "quoted":
                return None
    return None


def reporter(doc, tok, sent, result, quotes, sent_index, sents) -> tuple[dict | None, object | None]:
    """``(reported_by, speaker_token)`` for a trigger: quote speaker or reporting-verb subject."""
    start = tok.idx
    for s, e, q in quotes:
        if s <= start < e:
            if q is not None and q.get("speaker"):
                sp = q["speaker"] or {}
                return {"name": sp.get("name"), "entity": sp.get("entity"), "quote": q.get("id")}, None
            speaker = _speaker_from_sentence(doc, sent, result)
            if speaker is None and sent_index > 0:
                prev = sents[sent_index - 1]
                if prev.text.rstrip().endswith(":") or (s < prev.end_char):
                    speaker = _speaker_from_sentence(doc, prev, result)
            if speaker is None and sent_index + 1 < len(sents):
                nxt = sents[sent_index + 1]
                if s <= nxt.start_char < e + 3 or nxt.text.lstrip().startswith(("”", "\"")):
                    speaker = _speaker_from_sentence(doc, nxt, result)
            if speaker is not None:
                actor = resolve_token(doc, speaker, result)
                name = actor["name"] if actor else speaker.text
                return {"name": name, "entity": actor["entity"] if actor else None, "quote": None}, speaker
            return None, None
    head = reporting_head(tok)
    if head is not None:
        subj = children(head, "nsubj")
        if subj:
            actor = resolve_token(doc, subj[0], result)
            if actor is None:
                sp = subj[0]
                toks = [t for t in sp.subtree if t.dep_ not in ("det", "punct")] or [sp]
                name = doc[toks[0].i: toks[-1].i + 1].text
                return {"name": name, "entity": None, "quote": None}, None
            return {"name": actor["name"], "entity": actor["entity"], "quote": None}, subj[0]
        # "… was quoted as saying", "according to X"
    return None, None


def speaker_actor(doc, speaker_tok, result):
    if speaker_tok is None:
        return None
    return resolve_token(doc, speaker_tok, result)


def speaker_head(verb) -> list:
    """The subject of a reporting verb ("The Red Cross operating in Iraq said": Cross)."""
    subj = children(verb, "nsubj")
    if subj and subj[0].pos_ == "VERB":
        inner = children(subj[0], "nsubj")
        return inner[:1]
    return subj[:1]


def _speaker_mention_span(doc, result, reported_by):
    """The span of a quote speaker's first naming mention (the full name, not "the committee")."""
    q = result.get("quotes", reported_by.get("quote")) if reported_by.get("quote") else None
    sp = (q or {}).get("speaker") or {}
    name = reported_by.get("name") or ""
    text = result.text
    m = sp.get("mention") or {}
    pos = text.find(name) if name else -1
    if pos >= 0:
        return doc.char_span(pos, pos + len(name), alignment_mode="expand")
    if isinstance(m.get("start"), int) and isinstance(m.get("end"), int):
        return doc.char_span(m["start"], m["end"], alignment_mode="expand")
    return None


def speaker_for(doc, result, reported_by, speaker_tok):
    """The reporting party as an actor: the speaker token resolved, else the quote's speaker typed
    from its entity's first mention or, without an entity ("a doctors' committee said"), from its
    mention in the text."""
    speaker = speaker_actor(doc, speaker_tok, result) if speaker_tok is not None else None
    if speaker is not None or not (reported_by and reported_by.get("name")):
        return speaker
    speaker = {"name": reported_by["name"], "entity": reported_by.get("entity"), "sector": None,
               "country": None, "country2": None, "role": None, "evidence": None}
    if reported_by.get("entity"):
        ent = result.get("entities", reported_by["entity"])
        if ent:
            m = ent["mentions"][0]
            span = doc.char_span(m["start"], m["end"], alignment_mode="expand")
            sp = resolve_token(doc, span.root, result) if span is not None else None
            if sp:
                sp["name"] = reported_by["name"]
                speaker = sp
    else:
        span = _speaker_mention_span(doc, result, reported_by)
        sp = resolve_token(doc, span.root, result) if span is not None else None
        if sp:
            speaker.update({k: sp[k] for k in ("sector", "country", "country2", "role") if sp.get(k)})
    return speaker
