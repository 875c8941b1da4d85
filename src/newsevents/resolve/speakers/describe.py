"""Who a speaker phrase is: the contract's ``speaker`` object for the head token of the phrase."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ...countries import country_of
from .lexicon import DETS, PRON_FIRST_SECOND, PRONOUN_WORDS, in_lexicon
from .persons import appositive, collective, looks_like_person_name, person_attributes, person_evidence, speakerish, strip_titles
from .persons import join_tokens, rank_run
from .phrases import (clean_span, mention_of, modifier_entity, np_country, np_left, np_name, np_right, proper_name,
                      proper_name_start)

if TYPE_CHECKING:
    from .index import ArticleIndex


def conjuncts(doc, head: int) -> list[int]:
    """The heads of a coordination of sources joined by "and" ("Mr. Grassley and Mr. Leahy", "Joseph
    and other community members", "Russia, China and Iran"), the first included; ``[head]`` when the
    phrase is not coordinated ("and" is a joint source; "or" names no one source, and is left as it is)."""
    tok = doc[head]
    out = [tok]
    frontier = [tok]
    while frontier:
        nxt = [c for t in frontier for c in t.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN", "PRON")]
        out.extend(nxt)
        frontier = nxt
    if len(out) < 2 or not any(c.dep_ == "cc" and c.lower_ in ("and", "&") for t in out for c in t.children):
        return [head]
    return sorted(t.i for t in out)


def joint(ctx: ArticleIndex, head: int, *, fallback: dict | None = None) -> dict:
    """The ``speaker`` of the phrase headed by ``head``; for a coordination of sources ("Mr. Grassley
    and Mr. Leahy say …") one speaker of kind ``group`` whose name joins its members' names ("Charles
    E. Grassley and Patrick J. Leahy") and whose ``members`` are each of them."""
    heads = conjuncts(ctx.doc, head)
    if len(heads) == 1:
        return describe(ctx, head, fallback=fallback)
    members = [describe(ctx, h, fallback=fallback) for h in heads]
    names = [m.get("name") or ctx.doc[h].text for m, h in zip(members, heads)]
    name = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    left = np_left(ctx.doc, heads[0])
    right = max(ctx.doc[h].right_edge.i for h in heads[-1:])
    right = max(heads[-1], min(right, np_right(ctx, heads[-1])))
    countries = {m.get("country") for m in members}
    return {"name": name, "entity": None, "role": None, "country": countries.pop() if len(countries) == 1 else None,
            "kind": "group", "members": members, "mention": mention_of(ctx, left, right)}


def unresolved(word: str | None, mention: dict | None) -> dict:
    return {"name": None, "entity": None, "role": None, "country": None, "kind": "unknown",
            "unresolved": word or "none", "mention": mention}


def describe(ctx: ArticleIndex, head: int, *, depth: int = 0, fallback: dict | None = None) -> dict:
    """The ``speaker`` object for the phrase headed by token ``head`` (never named by a pronoun)."""
    out = _describe(ctx, head, depth=depth, fallback=fallback)
    name = out.get("name")
    if name and name.lower() in PRONOUN_WORDS:
        return unresolved(name, out.get("mention"))
    return out


def _describe(ctx: ArticleIndex, head: int, *, depth: int = 0, fallback: dict | None = None) -> dict:
    """The ``speaker`` object for the phrase headed by token ``head``: the first reading that applies,
    in order — a pronoun, an office or a possession of someone, a part of a group, a named entity, a
    document, an outlet, an anonymous source, a person noun, a name the NER missed.

    ``fallback`` is the last non-person speaker before this one (used for a bare "a statement")."""
    doc = ctx.doc
    lex = ctx.lex
    tok = doc[head]
    low = tok.lower_
    left = np_left(doc, head)
    mention = mention_of(ctx, left, head)
    if depth > 4:
        return unresolved(tok.text, mention)
    group = _group(ctx, tok, left, mention)
    if group is not None:
        return group
    if low in lex["pronouns"] or low in PRON_FIRST_SECOND or tok.pos_ == "PRON":
        return _pronoun(ctx, tok, depth, fallback)
    lemma = tok.lemma_.lower()
    for reading in (_office_of, _possessed, _part_of_group):
        out = reading(ctx, tok, left, mention, depth, fallback)
        if out is not None:
            return out
    ent = ctx.entity_of(head)
    if ent is not None and tok.pos_ in ("PROPN", "NOUN", "ADJ", "NUM", "X"):
        if ent["label"] != "PERSON" and person_evidence(doc, tok):
            return describe_person(ctx, ent, head, mention)
        return describe_entity(ctx, ent, head, mention)
    if lemma in lex["document"] or low in lex["document"]:
        return _describe_document(ctx, head, left, mention, depth, fallback)
    if lemma in lex["media"] or low in lex["media"]:
        return _media(ctx, tok, left, mention)
    if lemma in lex["anonymous"] or low in lex["anonymous"]:
        return _anonymous(ctx, tok, left, mention, depth, fallback)
    if (lemma in lex["person"] or low in lex["person"]) and not collective(tok):
        return _person_noun(ctx, tok, left, mention, depth, fallback)
    return _name(ctx, tok, left, mention, depth, fallback)


def _antecedent(ctx: ArticleIndex, head: int, mention, depth: int, fallback, limit: int = 4) -> dict | None:
    """The speaker ``coref`` resolved the phrase at ``head`` to, with this mention, or None."""
    ante = ctx.antecedent.get(head)
    if ante is None or ante.head == head or depth >= limit:
        return None
    out = describe(ctx, ante.head, depth=depth + 1, fallback=fallback)
    if not out.get("name"):
        return None
    out = dict(out)
    out["mention"] = mention
    return out


def _pronoun(ctx: ArticleIndex, tok, depth: int, fallback) -> dict:
    """Whatever coref found for the pronoun, else explicitly unresolved."""
    head = tok.i
    ante = ctx.antecedent.get(head)
    if ante is None:
        return unresolved(tok.text, mention_of(ctx, head, head))
    out = describe(ctx, ante.head, depth=depth + 1, fallback=fallback)
    if out.get("name") is None:
        return unresolved(tok.text, mention_of(ctx, head, head))
    out = dict(out)
    out["mention"] = mention_of(ctx, head, head)
    out["resolved_from"] = tok.text
    return out


def _group(ctx: ArticleIndex, tok, left: int, mention) -> dict | None:
    """A group of people named by what modifies it, as written: a pronoun that stands for people
    with its modifier ("Those close to him", "many in the party"), or a noun of amount or
    collection whose of-phrase names people ("A majority of voters", "A chorus of prominent
    Republicans", "73 percent of registered voters")."""
    doc = ctx.doc
    lex = ctx.lex
    low = tok.lower_
    if low in lex["pronouns"] or low in PRON_FIRST_SECOND:
        return None
    right = np_right(ctx, tok.i)
    if low in lex["group_pronouns"] and tok.pos_ in ("PRON", "DET", "NUM", "ADJ") and right > tok.i:
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.rights):
            return None  # "one of the sources": the part-of-group reading
    elif tok.pos_ in ("NOUN", "NUM") and not speakerish(ctx, tok) and tok.lemma_.lower() not in lex["office_nouns"]:
        of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if whole is None or whole.pos_ == "PRON" or not (speakerish(ctx, whole) or whole.tag_ in ("NNS", "NNPS")):
            return None  # "61 percent of respondents": a plural whole is a group of people or bodies
        right = max(right, whole.i)
    else:
        return None
    name = np_name(ctx, left, right)
    if doc[left].lower_ in lex["articles"]:
        name = np_name(ctx, left + 1, right)
    return {"name": name, "entity": None, "role": None, "country": np_country(ctx, left, right), "kind": "group",
            "mention": mention_of(ctx, left, right)}


def _office_of(ctx: ArticleIndex, tok, left: int, mention, depth: int, fallback) -> dict | None:
    """"the office of the regional governor": the governor's office speaks."""
    lemma = tok.lemma_.lower()
    if any(c.dep_ == "poss" for c in tok.children) or lemma not in ctx.lex["office_nouns"] \
            or any(c.dep_ in ("compound", "amod") for c in tok.lefts):
        return None
    of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    owner_tok = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if owner_tok is None or not speakerish(ctx, owner_tok) or depth >= 4:
        return None
    owner = describe(ctx, owner_tok.i, depth=depth + 1, fallback=fallback)
    if not owner.get("name"):
        return None
    owner = dict(owner)
    owner["kind"] = "office"
    owner["mention"] = mention_of(ctx, left, owner_tok.i)
    return owner


def _possessed(ctx: ArticleIndex, tok, left: int, mention, depth: int, fallback) -> dict | None:
    """"his office", "Vucic's office", "the ministry's statement": the possessor speaks ("Britain's
    Foreign Office" is a body of its own)."""
    lex = ctx.lex
    lemma = tok.lemma_.lower()
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    if poss is None:
        return None
    named = any(c.dep_ in ("compound", "amod") and c.text[:1].isupper() for c in tok.lefts) \
        or ctx.entity_of(tok.i) is not None
    if not (lemma in lex["entourage_nouns"] and not named or lemma in lex["document"]):
        return None
    owner = describe(ctx, poss.i, depth=depth + 1, fallback=fallback)
    if owner.get("name"):
        owner = dict(owner)
        if lemma not in lex["document"]:
            owner["kind"] = "office"
        owner["mention"] = mention
        return owner
    return unresolved(ctx.doc[poss.i].text + " " + tok.text, mention)


def _part_of_group(ctx: ArticleIndex, tok, left: int, mention, depth: int, fallback) -> dict | None:
    """"one of the sources said", "two of the officials said": a part of the group speaks."""
    lex = ctx.lex
    low = tok.lower_
    if not (tok.pos_ in ("NUM", "PRON") or low in lex["quantifiers"]) or low in lex["pronouns"]:
        return None
    part = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((c for c in part.children if c.dep_ == "pobj"), None) if part is not None else None
    if whole is None or not speakerish(ctx, whole) or whole.pos_ == "PRON":
        return None
    out = dict(describe(ctx, whole.i, depth=depth + 1, fallback=fallback))
    if out.get("name") and out.get("kind") in ("anonymous", "unnamed"):
        out["name"] = np_name(ctx, left, whole.i)
        out["role"] = out.get("role") and out["name"]
    out["mention"] = mention_of(ctx, left, whole.i)
    return out


def _media(ctx: ArticleIndex, tok, left: int, mention) -> dict:
    """An outlet: "the state news agency SUNA", "the broadcaster NHK", "Serbian state TV"."""
    doc = ctx.doc
    head = tok.i
    app = appositive(doc, head)
    nxt = head + 1
    if app is None and nxt < len(doc) and ctx.tok_para[nxt] == ctx.tok_para[head] and doc[nxt].pos_ == "PROPN" \
            and ctx.tok_entity[nxt] is not None and ctx.tok_entity[nxt][1] == doc[nxt].idx \
            and ctx.entity_of(nxt)["label"] in ("ORG", "PERSON", "GPE", "PRODUCT", "WORK_OF_ART"):
        # "the state news agency SUNA", "the broadcaster NHK": the name right after the description
        ent = ctx.entity_of(nxt)
        last = ctx.token_at(ctx.tok_entity[nxt][2] - 1)
        return {"name": ent["name"], "entity": ent["id"], "role": None, "country": np_country(ctx, left, head),
                "kind": "media", "mention": mention_of(ctx, left, last)}
    if app is not None and app.pos_ == "PROPN":  # "the state news agency IRNA"
        ent = ctx.entity_of(app.i)
        return {"name": ent["name"] if ent else np_name(ctx, np_left(doc, app.i), app.i),
                "entity": ent["id"] if ent else None, "role": None, "country": np_country(ctx, left, head),
                "kind": "media", "mention": mention_of(ctx, left, app.i)}
    name_ent = modifier_entity(ctx, head, left, ("ORG",))
    country = np_country(ctx, left, head)
    if name_ent is not None:
        return {"name": name_ent["name"], "entity": name_ent["id"], "role": None, "country": country,
                "kind": "media", "mention": mention}
    return {"name": np_name(ctx, left, head), "entity": None, "role": None, "country": country,
            "kind": "media", "mention": mention}


def _anonymous(ctx: ArticleIndex, tok, left: int, mention, depth: int, fallback) -> dict:
    """"sources said", "a security source"; "the source said" goes back to the one introduced before."""
    head = tok.i
    out = _antecedent(ctx, head, mention, depth, fallback)
    if out is not None:
        return out
    return {"name": np_name(ctx, left, np_right(ctx, head)), "entity": None, "role": None,
            "country": np_country(ctx, left, head), "kind": "anonymous", "anonymous": True, "mention": mention}


def _person_noun(ctx: ArticleIndex, tok, left: int, mention, depth: int, fallback) -> dict:
    """"The minister, Ivica Dacic, said", "the spokesman said" (the one named before), "a police spokesman"."""
    doc = ctx.doc
    head = tok.i
    app = appositive(doc, head)
    if app is not None and app.pos_ == "PROPN":
        # "The minister, Ivica Dacic, said": the name in apposition is the speaker
        out = describe(ctx, app.i, depth=depth + 1, fallback=fallback)
        if out.get("name"):
            out = dict(out)
            out["role"] = out.get("role") or np_name(ctx, left, head, drop_countries=True)
            out["country"] = out.get("country") or np_country(ctx, left, head)
            out["mention"] = mention
            return out
    out = _antecedent(ctx, head, mention, depth, fallback)
    if out is not None:
        return out
    name = np_name(ctx, left, head)
    role = np_name(ctx, left, head, drop_countries=True)
    return {"name": name, "entity": None, "role": role, "country": np_country(ctx, left, head),
            "kind": "unnamed", "mention": mention}


def _name(ctx: ArticleIndex, tok, left: int, mention, depth: int, fallback) -> dict:
    """Anything else: a surname of a person named in full before, an organisation noun or name, a
    name the NER missed that reads as a person's, or the phrase as written."""
    doc = ctx.doc
    lex = ctx.lex
    head = tok.i
    low = tok.lower_
    lemma = tok.lemma_.lower()
    if tok.pos_ == "PROPN" and tok.text in ctx.person_names() and ctx.entity_of(head) is None:
        full, ent_id = ctx.person_names()[tok.text]  # "Djuric told RTS" after "Marko Djuric, Serbia's foreign minister"
        prof = ctx.profile(ent_id) if ent_id else {}
        return {"name": full, "entity": ent_id, "role": prof.get("role"), "country": prof.get("country"),
                "kind": "person", "mention": mention}
    kind = "organisation" if (lemma in lex["organisation"] or low in lex["organisation"]) else "other"
    if kind == "other" and tok.pos_ == "PROPN" and \
            {doc[i].lower_ for i in range(proper_name_start(doc, head), head + 1)} & lex["org_name_words"]:
        kind = "organisation"  # "Human Rights Watch"
    if kind == "organisation":
        out = _antecedent(ctx, head, mention, depth, fallback, limit=99)  # "the ministry" → the one named before
        if out is not None:
            return out
    if kind == "other" and tok.pos_ == "PROPN" and looks_like_person_name(doc, tok):
        first = strip_titles(doc, proper_name_start(doc, head), head)
        role, country, _, _, rank = person_attributes(ctx, head, doc[first].idx, tok.idx + len(tok))
        out = {"name": np_name(ctx, first, head), "entity": None, "role": role,
               "country": country or np_country(ctx, left, head), "kind": "person", "mention": mention}
        if rank:
            out["rank"] = rank
        return out
    return {"name": np_name(ctx, left, head, drop_adjectives=kind == "organisation"), "entity": None, "role": None,
            "country": np_country(ctx, left, head), "kind": kind, "mention": mention}


def describe_person(ctx: ArticleIndex, ent: dict, head: int, mention) -> dict:
    hit = ctx.tok_entity[head]
    role, country, _, _, rank = person_attributes(ctx, head, hit[1], hit[2])
    prof = ctx.profile(ent["id"])
    name = ctx.person_name(ent)
    if ent["label"] != "PERSON":
        # an NER label other than PERSON: the mention may carry the title ("Major General Ozkan Ulutas")
        left = strip_titles(ctx.doc, proper_name_start(ctx.doc, head), head)
        name = np_name(ctx, left, head)
        if not role and not rank:
            a = ctx.token_at(hit[1])
            ranks, _, start = rank_run(ctx, left, a)
            rank = join_tokens(ctx, ranks) if ranks else None
            if not rank:
                role = _title_before(ctx, left, hit[1])
    out = {"name": name, "entity": ent["id"], "role": role or prof.get("role"),
           "country": country or prof.get("country"), "kind": "person", "mention": mention}
    if rank or prof.get("rank"):
        out["rank"] = rank or prof.get("rank")
    return out


def _title_before(ctx: ArticleIndex, left: int, mstart: int) -> str | None:
    doc = ctx.doc
    a = ctx.token_at(mstart)
    toks = [i for i in range(a, left) if doc[i].lower_.rstrip(".") in ctx.lex["person_titles"] or doc[i].pos_ == "PROPN"]
    if not toks:
        return None
    return ctx.text[doc[toks[0]].idx: doc[toks[-1]].idx + len(doc[toks[-1]])]


def describe_entity(ctx: ArticleIndex, ent: dict, head: int, mention) -> dict:
    label = ent["label"]
    hit = ctx.tok_entity[head]
    if label == "PERSON":
        return describe_person(ctx, ent, head, mention)
    left = np_left(ctx.doc, head)
    country = np_country(ctx, left, head)
    name = ent["name"]
    if label == "ORG" and left < hit[1] and any(ctx.doc[i].dep_ == "poss" for i in range(left, head)) \
            and not proper_name(ctx.text[hit[1]:hit[2]]):
        span = clean_span(ctx.doc, left, ctx.token_at(hit[2] - 1))
        name = ctx.text[span[0]:span[1]] if span else name  # "Russia's defence ministry"
    app = appositive(ctx.doc, head)
    if app is not None and app.pos_ == "NOUN" and (in_lexicon(app, "media") or in_lexicon(app, "organisation")):
        # "Xinhua, the official news agency, reported": the apposition says what the name is
        return {"name": name, "entity": ent["id"], "role": None, "country": country,
                "kind": "media" if in_lexicon(app, "media") else "organisation", "mention": mention}
    if label in ("GPE",):
        country = country or country_of(ent["name"], "GPE")
        kind = "country"
    elif label == "NORP":
        country = country or country_of(ent["name"], "NORP")
        kind = "group"
    else:
        kind = "organisation"
    return {"name": name, "entity": ent["id"], "role": None, "country": country, "kind": kind,
            "mention": mention}


def _describe_document(ctx: ArticleIndex, head: int, left: int, mention, depth: int, fallback) -> dict:
    """A statement/release speaks for whoever issued it."""
    doc = ctx.doc
    lex = ctx.lex
    rights = list(doc[head].rights)
    rights += [c for a in rights if a.dep_ == "acl" and a.tag_ == "VBN" for c in a.children if c.dep_ == "agent"]
    for child in rights:  # "a statement from the Ukrainian air force", "a report by the UN", "emails released by X"
        if child.dep_ in ("prep", "agent") and child.lower_ in ("from", "by", "of") and ctx.tok_para[child.i] == ctx.tok_para[head]:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and speakerish(ctx, pobj):
                out = dict(describe(ctx, pobj.i, depth=depth + 1, fallback=fallback))
                if out.get("name"):
                    out["mention"] = ctx.result.evidence(doc[left].idx, pobj.idx + len(pobj)) \
                        if clean_span(doc, left, pobj.i) is None else mention_of(ctx, left, pobj.i)
                    out["channel"] = doc[head].lemma_.lower()
                    return out
    tok = doc[head]
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in lex["issuing"]:
        # "The army issued a statement": the statement speaks for the army
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and speakerish(ctx, subj) and depth < 4:
            out = dict(describe(ctx, subj.i, depth=depth + 1, fallback=fallback))
            if out.get("name"):
                out["mention"] = mention
                out["channel"] = tok.lemma_.lower()
                return out
    issuer = []
    for i in range(left, head):
        t = doc[i]
        if t.lower_ in DETS or t.is_punct and t.text != "-" or t.lower_ in lex["document_modifiers"] \
                or t.pos_ == "PRON" or t.lower_ in PRONOUN_WORDS \
                or t.lower_ in lex["document"] or t.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL") \
                or t.pos_ in ("NUM", "ADV") or t.pos_ == "ADJ" and not t.text[:1].isupper():
            if issuer:
                break
            continue
        issuer.append(i)
    if issuer:
        ihead = issuer[-1]
        ent = ctx.entity_of(ihead)
        if ent is not None:
            out = describe_entity(ctx, ent, ihead, mention)
        else:
            span = clean_span(doc, issuer[0], issuer[-1])
            name = ctx.text[span[0]:span[1]]
            kind = "organisation" if doc[ihead].lemma_.lower() in lex["organisation"] or doc[ihead].pos_ == "PROPN" \
                else "other"
            out = {"name": name, "entity": None, "role": None, "country": np_country(ctx, issuer[0], ihead),
                   "kind": kind, "mention": mention}
        out["channel"] = doc[head].lemma_.lower()
        return out
    ante = ctx.antecedent.get(head)
    if ante is not None and ante.head != head:
        out = describe(ctx, ante.head, depth=depth + 1, fallback=fallback)
        if out.get("name"):
            out = dict(out)
            out["mention"] = mention
            return out
    if fallback is not None and fallback.get("name") and not in_lexicon(doc[head], "data_documents"):
        out = dict(fallback)
        out["mention"] = mention
        out["channel"] = doc[head].lemma_.lower()
        return out
    # a study, a poll, records: the document itself is the source ("a 2014 study", "federal data")
    return {"name": np_name(ctx, left, np_right(ctx, head)), "entity": None, "role": None, "country": None,
            "kind": "document", "mention": mention}
