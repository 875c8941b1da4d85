"""Character spans of an event: the trigger (with its particle or compound) and its clause."""
from __future__ import annotations


def doc_text(doc) -> str:
    """``doc.text`` rebuilds the whole string on every access: keep it once per doc."""
    cached = doc.user_data.get("_newsevents_text")
    if cached is None:
        cached = doc.user_data["_newsevents_text"] = doc.text
    return cached


def clause_span(tok, sent) -> tuple[int, int]:
    """Character span of the trigger's clause (its subtree), inside its sentence."""
    if tok.pos_ in ("NOUN", "PROPN"):
        left, right = tok.left_edge, tok.right_edge
        head = tok.head
        if head.i != tok.i and head.pos_ in ("VERB", "AUX") and tok.dep_ in ("dobj", "nsubj", "nsubjpass", "attr"):
            left, right = head.left_edge, head.right_edge
    else:
        left, right = tok.left_edge, tok.right_edge
    start = max(left.idx, sent.start_char)
    end = min(right.idx + len(right), sent.end_char)
    text = doc_text(sent.doc)
    while end > start and text[end - 1] in " \n\t,;:":
        end -= 1
    return start, end


def trigger_span(tok, trig, lex) -> tuple[int, int]:
    """The trigger word, with its particle ("called *off*") or a compound that is part of the
    trigger ("*air* strike", "*hunger* strike")."""
    tstart, tend = tok.idx, tok.idx + len(tok)
    if trig.particle:
        prt = [c for c in tok.children if c.lower_ == trig.particle]
        if prt and prt[0].i == tok.i + 1:
            tend = prt[0].idx + len(prt[0])
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and trig.lemma == f"{doc[tok.i - 2].lower_}-{tok.lemma_.lower()}":
        tstart = doc[tok.i - 2].idx  # "lathi-charge", "sit-in"
    elif trig.pos == "N":
        comp = [c for c in tok.children if c.dep_ in ("compound",) and c.i == tok.i - 1]
        if comp and ((comp[0].lower_, tok.lemma_.lower()) in lex.noun_phrases or comp[0].lemma_.lower() == trig.lemma):
            tstart = comp[0].idx
    return tstart, tend
