"""Finding place mentions: NER places, places the tagger labelled otherwise (PERSON, ORG, NORP,
PRODUCT), and a guarded gazetteer scan of spans NER missed after explicit cues."""
from __future__ import annotations

import re

from .cues import (LEADING_CUE, LOCATIVE_PREPS, LOCATIVE_WORDS, NAME_PARTICLES, OTHER_LABELS, PLACE_LABELS,
                   SCAN_CUES, SCAN_SUFFIX_INDEX, TITLES, cues)
from .context import PlaceContext
from .mention import Mention, make_mention
from ...resolve.gazetteer import demonyms, normalize


ORG_TAIL = re.compile(r"^\s+and\s+(?:the\s+)?$")


def inside_org_name(orgs, start: int, text: str) -> bool:
    """"Islamic State of Iraq and the Levant": NER splits the name; the tail is no place."""
    return any(end <= start and ORG_TAIL.match(text[end:start]) for end in orgs)


def after_name_word(doc, start: int, entity_spans) -> bool:
    """The mention follows a person's name, or a capitalised word or name particle that belongs to
    no entity ("Kenzo Oshima", "Hans Van den Broek"): likely a surname NER took for a place."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    prev = doc[span.start - 1]
    if prev.lower_ in LOCATIVE_PREPS or prev.lower_ in LOCATIVE_WORDS:
        return False  # "Near Mosul, five strikes …"
    if prev.ent_type_ == "PERSON":
        return True  # "Kenzo Oshima" split by NER into PERSON "Kenzo" + GPE "Oshima"
    if any(s <= prev.idx < e for s, e in entity_spans):
        return False
    if prev.is_sent_start:  # "Kenzo Oshima, the UN coordinator, …" at the start of a sentence
        return prev.pos_ == "PROPN" and prev.is_title and not prev.is_stop
    return (prev.pos_ == "PROPN" and prev.is_title) or prev.lower_ in NAME_PARTICLES


def ner_mentions(doc, result, gaz, ctx: PlaceContext) -> list[Mention]:
    out = []
    orgs = [e.end_char for e in doc.ents if e.label_ == "ORG" and " of " in e.text]
    entity_spans = [(e.start_char, e.end_char) for e in doc.ents]
    for entity in result.entities:
        if entity["label"] not in PLACE_LABELS:
            continue
        for mention in entity["mentions"]:
            if inside_org_name(orgs, mention["start"], result.text):
                continue
            m = make_mention(result.text, mention["start"], mention["end"], "ner", gaz, ctx, entity["id"])
            if m is not None:
                m.surname_like = after_name_word(doc, m.start, entity_spans)
                out.append(m)
                ctx.taken.append((m.start, m.end))
    return out




def person_mentions(result, gaz, ctx: PlaceContext, mentions, doc=None) -> list[Mention]:
    """PERSON/ORG/NORP/PRODUCT entities that are really places ("the mad policies conducted by
    Pristina", "cities such as Aleppo"); accepted later only with context (see :func:`_accept`)."""
    out = []
    place_starts = {m.start for m in mentions}
    text = result.text
    table = demonyms()
    ner_label = {e.start_char: e.label_ for e in doc.ents} if doc is not None else {}
    orgs = [e.end_char for e in doc.ents if e.label_ == "ORG" and " of " in e.text] if doc is not None else []
    for entity in result.entities:
        if entity["label"] not in OTHER_LABELS:
            continue
        spans = entity["mentions"]
        if entity["label"] == "PERSON" and any(
                len(normalize(m["text"]).split()) != len(normalize(entity["name"]).split()) for m in spans):
            continue  # a full name with a surname alone elsewhere: a person
        if any(TITLES.search(text[max(0, m["start"] - 30):m["start"]]) for m in spans):
            continue
        if entity["label"] == "NORP" and normalize(entity["name"]) in table:
            continue
        for span in spans:
            start, end = span["start"], span["end"]
            lead = LEADING_CUE.match(text[start:end])
            if lead:  # "Near Palmyra" tagged PERSON at the start of a sentence
                start += lead.end()
            name = text[start:end]
            if name.isupper() and len(name) <= 5:
                continue  # acronyms: SDF, ISF
            if len(name.split()) > 1 and name.split()[-1].lower() in cues()["agent_heads"]:
                continue  # an organisation named after a place: "the Kurdistan Regional Government"
            if inside_org_name(orgs, start, text):
                continue  # "Islamic State of Iraq and the Levant"
            m = make_mention(text, start, end, "person", gaz, ctx, None if lead else entity["id"])
            if m is not None and m.start not in place_starts:
                m.label = ner_label.get(span["start"], entity["label"])  # this mention's own NER label
                m.cued = bool(lead)
                out.append(m)
    return out


def scan_mentions(doc, result, gaz, ctx: PlaceContext, mentions) -> list[Mention]:
    """Gazetteer lookup of spans NER missed, after explicit cues only."""
    text = result.text
    blocked = [(e.start_char, e.end_char) for e in doc.ents  # "in Odesa" tagged LANGUAGE is no name of anything else
               if e.label_ not in PLACE_LABELS and e.label_ != "LANGUAGE" and not LEADING_CUE.match(e.text)]
    taken = [(m.start, m.end) for m in mentions]
    out = []
    seen = set()
    for index, pattern in enumerate(SCAN_CUES):
        for match in pattern.finditer(text):
            start, end = match.span(1)
            words = text[start:end].split()
            for n in range(len(words), 0, -1):  # longest prefix (suffix before "province") known
                span_text = " ".join(words[-n:] if index == SCAN_SUFFIX_INDEX else words[:n])
                s = end - len(span_text) if index == SCAN_SUFFIX_INDEX else start
                e = s + len(span_text)
                if text[s:e] != span_text:
                    break
                if (s, e) in seen or any(a < e and s < b for a, b in taken):
                    break
                if any(a < e and s < b for a, b in blocked):
                    continue
                m = make_mention(text, s, e, "scan", gaz, ctx)
                if m is not None:
                    seen.add((s, e))
                    out.append(m)
                    taken.append((s, e))
                    break
    return out


# ---------------------------------------------------------------------------------------------
