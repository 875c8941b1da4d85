"""Coreference for pronouns and a few definite descriptions, by salience (no model, no network).

Walking the article in order, every noun phrase that can be talked about again becomes a
*referent*: named people and organisations (from the ``entities`` stage), and common-noun phrases
that denote a person ("a 36-year-old Serb"), an organisation ("Kosovo police"), an outlet
("Serbian state TV") or a document ("a statement"). A pronoun outside quotation marks is resolved
to the most salient compatible referent of the last few sentences:

* compatibility: he/she → a singular person (gender learnt from titles and earlier pronouns);
  it → a singular organisation, outlet, document or thing; they → a plural or an organisation;
  the subject of a speech verb ("It said", "he tweeted") must be something that can speak;
* salience: same or previous sentence, subject position, named entity, earlier mentions, and for a
  pronoun subject of a speech verb, having spoken before;
* a pronoun object cannot be the subject of its own verb ("Kurti praised him" ≠ Kurti).

Definite descriptions: "the press secretary" → the person introduced with that title ("Pentagon
Press Secretary Peter Cook"); "the release" → the release mentioned before.

Resolved pronouns are appended to their PERSON/ORG entity's ``mentions`` with ``"kind": "pronoun"``
(definite descriptions with ``"kind": "nominal"``); every resolution, also to unnamed referents,
is kept in the article index (``result.stages.cache``) for the quotes stage. Pronouns inside quotation marks are left alone:
"He is in intensive care" inside a doctor's quote is about the patient, not about anyone named.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..extractors.registry import extractor
from .speakers import collective, article_index, looks_like_person_name, np_left, person_evidence

SUBJ = ("nsubj", "nsubjpass")
SPEAKING = {"person", "org", "media", "doc", "anonymous"}
WINDOW_SENTENCES = 3
MAX_CANDIDATES = 40
GENERIC_ORG = {"group", "organisation", "organization", "movement", "faction", "body", "alliance", "coalition",
               "militia", "party", "union", "network", "outfit"}


@dataclass
class Referent:
    head: int                 # token index of the phrase head
    start: int                # char span of the mention
    end: int
    kind: str                 # person | org | media | doc | place | group | thing | anonymous
    number: str               # sg | pl
    entity: str | None
    subj: bool
    sent: int
    para: int
    speaker: bool = False     # subject of a speech verb
    definite: bool = False
    lemma: str = ""
    words: frozenset = frozenset()  # noun lemmas of a named mention ("committee", "doctor")


def _is_cue(tok, lex) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in lex["cue_verbs"]


def _speaks(tok, lex) -> bool:
    """Is ``tok`` the subject of a speech verb (also of one conjoined with its verb: "X condemned
    the move and said …"), or the name in apposition to one ("spokesman Esmaeil Baghaei said")?"""
    if tok.dep_ == "appos" and tok.head.i != tok.i and tok.head.i < tok.i:
        tok = tok.head
    return tok.dep_ in SUBJ and (_is_cue(tok.head, lex) or any(c.dep_ == "conj" and _is_cue(c, lex)
                                                                for c in tok.head.children))


def _number(tok) -> str:
    if tok.tag_ in ("NNS", "NNPS") or "Number=Plur" in str(tok.morph):
        return "pl"
    return "sg"


def _gender_of_entity(ctx, entity_id, genders) -> str | None:
    if entity_id in genders:
        return genders[entity_id]
    prof = ctx.profile(entity_id)
    return prof.get("gender")


def collect_referent(ctx, tok) -> Referent | None:
    """A referent headed by ``tok``, or None."""
    lex = ctx.lex
    doc = ctx.doc
    if ctx.tok_quote[tok.i] >= 0 or tok.pos_ not in ("PROPN", "NOUN"):
        return None
    if tok.dep_ in ("compound", "amod", "poss", "nmod", "npadvmod") and tok.head.pos_ in ("NOUN", "PROPN") \
            and tok.head.i != tok.i:
        return None
    ent = ctx.entity_of(tok.i)
    hit = ctx.tok_entity[tok.i]
    lemma = tok.lemma_.lower()
    low = tok.lower_
    kind = None
    entity = None
    if ent is not None:
        # the head of the mention only (its last token inside the mention)
        if tok.i + 1 < len(doc) and ctx.tok_entity[tok.i + 1] == hit:
            return None
        label = ent["label"]
        if label == "PERSON" or person_evidence(doc, tok):
            kind = "person"
        elif label == "ORG":
            kind = "media" if lemma in lex["media"] else "org"
        elif label in ("GPE", "LOC", "FAC"):
            kind = "place"
        elif label == "NORP" and tok.dep_ not in ("amod", "compound"):
            kind = "person" if _number(tok) == "sg" else "group"
        else:
            kind = "thing"
        entity = ent["id"] if label in ("PERSON", "ORG") or kind == "person" else None
        start, end = hit[1], hit[2]
        words = frozenset(doc[i].lemma_.lower() for i in ctx.tokens_between(start, end)
                          if doc[i].pos_ in ("NOUN", "PROPN"))
    else:
        words = frozenset()
        if lemma in lex["document"] or low in lex["document"]:
            kind = "doc"
        elif lemma in lex["media"] or low in lex["media"]:
            kind = "media"
        elif lemma in lex["anonymous"] or low in lex["anonymous"]:
            kind = "anonymous"
        elif (lemma in lex["person"] or low in lex["person"]) and not collective(tok):
            if tok.dep_ == "appos" and tok.head.pos_ == "PROPN":
                return None  # "Marko Djuric, Serbia's foreign minister": the name is the referent
            if any(c.dep_ == "appos" and c.pos_ == "PROPN" and ctx.label_of(c.i) == "PERSON" for c in tok.rights):
                return None  # "spokesman Esmaeil Baghaei": the name is the referent
            kind = "person"
        elif lemma in lex["organisation"] or low in lex["organisation"]:
            kind = "org"
        elif tok.pos_ == "PROPN" and (looks_like_person_name(doc, tok) or tok.text in ctx.person_names()):
            kind = "person"  # a name the NER missed: "Ana Brnabic"
            entity = ctx.person_names().get(tok.text, (None, None))[1]
        elif tok.dep_ in SUBJ + ("dobj", "pobj", "attr", "conj", "appos"):
            kind = "thing"
        else:
            return None
        # a media/document phrase named after an organisation: "The Kosovo Online news portal"
        for child in tok.lefts:
            cent = ctx.entity_of(child.i)
            if cent is not None and cent["label"] == "ORG" and kind in ("media", "doc", "org"):
                entity = cent["id"] if kind == "media" else None
        left = np_left(doc, tok.i)
        start, end = doc[left].idx, tok.idx + len(tok)
    number = _number(tok)
    if lemma == "police" or low == "police":
        number = "pl"
    definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.lefts)
    subj = tok.dep_ in SUBJ or kind == "person" and tok.dep_ == "appos" and tok.head.dep_ in SUBJ \
        and tok.head.i < tok.i  # "The minister, Ivica Dacic, said"
    return Referent(tok.i, start, end, kind, number, entity, subj, ctx.sent_id[tok.i],
                    ctx.tok_para[tok.i], speaker=_speaks(tok, lex), definite=definite, lemma=lemma, words=words)


def _compatible(pron: str, info: dict, ref: Referent, speaking: bool, genders, ctx) -> bool:
    number = info["number"]
    gender = info["gender"]
    if gender in ("m", "f"):
        if ref.kind != "person" or ref.number != "sg":
            return False
        if ref.entity:
            g = _gender_of_entity(ctx, ref.entity, genders)
            if g and g != gender:
                return False
        elif ref.lemma in ctx.lex["title_male"] and gender == "f" or ref.lemma in ctx.lex["title_female"] and gender == "m":
            return False
        return True
    if gender == "n":
        if ref.kind in ("person", "group", "anonymous") or ref.number != "sg":
            return False
        if speaking:  # "Serbia said … It also said …": a country that spoke before can speak again
            return ref.kind in ("org", "media", "doc") or ref.kind == "place" and ref.speaker
        return True
    # they
    if speaking:
        return (ref.number == "pl" and ref.kind in ("person", "group", "org", "anonymous", "media")) \
            or ref.kind == "org"
    return ref.number == "pl" or ref.kind == "org"


def _governor(tok):
    """The verb a pronoun object depends on (through a preposition)."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
        head = head.head
    return head


def _score(pron_tok, ref: Referent, speaking: bool, sent: int, salience) -> float:
    d = sent - ref.sent
    score = {0: 30, 1: 12, 2: 5}.get(d, 0)
    if ref.subj:
        score += 8
    if ref.entity and d > 0:
        score += 4 + 2 * min(2, salience.get(ref.entity, 0))
    if pron_tok.dep_ in SUBJ and ref.subj:
        score += 3
    if speaking and ref.speaker:
        score += 6
    if ref.kind == "thing":
        score -= 6
    score -= (pron_tok.i - ref.head) / 200.0
    return score


def antecedents(doc, result) -> dict:
    """Resolve pronouns and definite descriptions; returns ``{token index: Referent}``."""
    ctx = article_index(doc, result)
    lex = ctx.lex
    pronouns = lex["pronouns"]
    history: list[Referent] = []
    antecedent: dict[int, Referent] = {}
    genders: dict[str, str] = {}
    salience: dict[str, int] = {}
    for tok in doc:
        low = tok.lower_
        if low in pronouns and tok.pos_ == "PRON" or low in ("his", "her", "its", "their") and tok.dep_ == "poss":
            if ctx.tok_quote[tok.i] >= 0:
                continue
            info = pronouns[low]
            speaking = _speaks(tok, lex) or (tok.dep_ == "poss" and _speaks(tok.head, lex))
            sent = ctx.sent_id[tok.i]
            gov = _governor(tok)
            best, best_score = None, None
            local_subjects = set()
            if tok.dep_ in ("dobj", "iobj", "pobj", "dative") and not low.endswith(("self", "selves")):
                for ref in history[-MAX_CANDIDATES:]:
                    if ref.subj and doc[ref.head].head.i == gov.i:
                        local_subjects.add(ref.entity or ("ref", ref.head))
            for ref in reversed(history[-MAX_CANDIDATES:]):
                if sent - ref.sent > WINDOW_SENTENCES or ctx.tok_para[tok.i] - ref.para > 2:
                    break
                if ref.start <= tok.idx < ref.end:
                    continue
                if not _compatible(low, info, ref, speaking, genders, ctx):
                    continue
                # a pronoun object is not the subject of its own verb (unless reflexive/possessive)
                if (ref.entity or ("ref", ref.head)) in local_subjects:
                    continue
                s = _score(tok, ref, speaking, sent, salience)
                if best_score is None or s > best_score:
                    best, best_score = ref, s
            if best is not None:
                antecedent[tok.i] = best
                if best.entity and info["gender"] in ("m", "f"):
                    genders.setdefault(best.entity, info["gender"])
                if best.entity:
                    salience[best.entity] = salience.get(best.entity, 0) + 1
                # the pronoun itself now stands for the referent (subject position, speaker)
                history.append(Referent(tok.i, tok.idx, tok.idx + len(tok), best.kind, best.number, best.entity,
                                        tok.dep_ in SUBJ, ctx.sent_id[tok.i], ctx.tok_para[tok.i],
                                        speaker=_speaks(tok, lex), lemma=best.lemma))
            continue
        ref = collect_referent(ctx, tok)
        if ref is None:
            continue
        if ref.definite and ref.entity is None and ref.kind in ("person", "doc", "media", "org", "anonymous"):
            ante = _definite_antecedent(ctx, ref, history)
            if ante is not None:
                antecedent[tok.i] = ante
                ref.entity = ante.entity
                if ante.kind == "person":
                    ref.kind = "person"
        if ref.entity:
            salience[ref.entity] = salience.get(ref.entity, 0) + 1
        history.append(ref)
    ctx.antecedent = antecedent
    return antecedent


def _definite_antecedent(ctx, ref: Referent, history: list[Referent]) -> Referent | None:
    """"the press secretary" → the person titled so; "the release" → the release mentioned before."""
    doc = ctx.doc
    tok = doc[ref.head]
    mods = {c.lower_ for c in tok.lefts if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "ADJ", "PROPN")}
    if any(ctx.entity_of(c.i) is not None for c in tok.lefts):
        return None
    if ref.kind == "person":
        if ref.number != "sg":
            return None
        for cand in reversed(history):
            if cand.kind != "person" or not cand.entity:
                continue
            words = ctx.profile(cand.entity).get("words", set())
            if tok.lower_ in words and mods <= words:
                return cand
        # "A State Department spokesperson declined … “…,” the spokesperson said": the unnamed one before
        return next((c for c in reversed(history[-MAX_CANDIDATES:]) if c.kind == "person" and not c.entity
                     and c.lemma == ref.lemma and c.head != ref.head and not c.definite
                     and ref.para - c.para <= 2), None)
    if ref.kind == "org":
        if mods:
            return None  # "the foreign ministry" is a description of its own, "the ministry" refers back
        if ref.lemma in GENERIC_ORG:
            # "… Islamic Jihad movement rejected …, the group said": the organisation just named
            return next((c for c in reversed(history[-MAX_CANDIDATES:]) if c.kind == "org" and c.head != ref.head
                         and ref.sent - c.sent <= 3), None)
        # an organisation named once is "the ministry" for the rest of the article; a named one by any
        # of its nouns ("the committee" → "The Central Committee of Sudanese Doctors", "the ministry" →
        # "Ministry of Emergency Situations")
        return next((c for c in reversed(history[-400:]) if c.kind == "org" and c.head != ref.head
                     and (c.lemma == ref.lemma or c.entity and ref.lemma in c.words)
                     and (c.entity or not c.definite)), None)
    for cand in reversed(history[-MAX_CANDIDATES:]):
        if cand.kind == ref.kind and cand.head != ref.head and (cand.lemma == ref.lemma or ref.kind == "doc") \
                and ref.para - cand.para <= 6:
            return cand
    return None


@extractor("coref", requires=("entities",))
def extract_coref(doc, result) -> None:
    """Pronoun (he/she/it/they…) and definite-description mentions added to their entity."""
    antecedent = antecedents(doc, result)
    ctx = article_index(doc, result)
    added: dict[str, list[dict]] = {}
    for i, ref in sorted(antecedent.items()):
        if not ref.entity:
            continue
        ent = ctx.entities.get(ref.entity)
        if ent is None or ent["label"] not in ("PERSON", "ORG"):
            continue
        tok = doc[i]
        if tok.pos_ == "PRON" or tok.lower_ in ctx.lex["pronouns"]:
            start, end, kind = tok.idx, tok.idx + len(tok), "pronoun"
        else:
            left = np_left(doc, i)
            while left < i and doc[left].lower_ in ("the", "this", "that"):
                left += 1
            start, end, kind = doc[left].idx, tok.idx + len(tok), "nominal"
        mention = result.evidence(start, end)
        mention["kind"] = kind
        added.setdefault(ent["id"], []).append(mention)
    for entity_id, mentions in added.items():
        ent = ctx.entities[entity_id]
        ent["mentions"] = sorted(ent["mentions"] + mentions, key=lambda m: (m["start"], m["end"]))
