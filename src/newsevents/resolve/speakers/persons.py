"""People in speaker phrases: whether a phrase can speak, whether a proper name is a person, and a
person's role, rank, country and gender from the titles and appositions around the name."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import DETS, in_lexicon, lexicon
from .phrases import clean_span, country_token, np_left, proper_name_start

if TYPE_CHECKING:
    from .index import ArticleIndex


def speakerish(ctx, tok) -> bool:
    """Can the phrase headed by ``tok`` speak: a person, organisation, outlet, document, anonymous
    source, named entity, or a personal pronoun?"""
    if tok.lower_ in ctx.lex["pronouns"]:
        return True
    if tok.pos_ == "PRON":
        return False
    if ctx.entity_of(tok.i) is not None or tok.pos_ == "PROPN":
        return True
    return any(in_lexicon(tok, k) for k in ("person", "organisation", "media", "document", "anonymous"))


def appositive(doc, head: int):
    """The apposition of the phrase headed by ``head``: "the mayor, Ivan Petrov"; also a name the parse
    hangs on the phrase's prepositional object ("The United Nations envoy to Sudan, Volker Perthes")."""
    for child in doc[head].rights:
        if child.dep_ == "appos" and child.pos_ in ("NOUN", "PROPN"):
            return child
    frontier = [doc[head]]
    for _ in range(2):  # "envoy to Sudan, X", "head of the office in Gaza, X"
        nxt = []
        for tok in frontier:
            for prep in tok.rights:
                if prep.dep_ != "prep":
                    continue
                for pobj in prep.children:
                    if pobj.dep_ != "pobj":
                        continue
                    for child in pobj.rights:
                        if child.dep_ == "appos" and child.pos_ == "PROPN" and comma_before(doc, child) \
                                and (child.ent_type_ == "PERSON" or looks_like_person_name(doc, child)):
                            return child
                    nxt.append(pobj)
        frontier = nxt
    return None


def comma_before(doc, tok) -> bool:
    i = tok.left_edge.i - 1
    return i >= 0 and doc[i].text in (",", "—", "–", "(")


def collective(tok) -> bool:
    """A word that names a person or a body ("guard", "monitor") names the body when a noun or a
    country modifies it: "the Philippine coast guard", "a war monitor" (not "a guard said")."""
    if not (in_lexicon(tok, "person") and in_lexicon(tok, "organisation")):
        return False
    return any(c.dep_ in ("compound", "amod", "poss") and (c.pos_ in ("NOUN", "PROPN") or c.text[:1].isupper())
               for c in tok.lefts)


def person_evidence(doc, tok) -> bool:
    """Structural evidence that a proper name is a person, whatever the NER label: an apposition
    with a person noun ("Marko Djuric, Serbia's foreign minister"), being the apposition of one
    ("Its commander, Major General Ozkan Ulutas"), or a title before it ("President Vucic")."""
    lex = lexicon()
    if tok.pos_ != "PROPN":
        return False
    for c in tok.children:
        if c.dep_ == "appos" and c.pos_ == "NOUN" and in_lexicon(c, "person") and not collective(c):
            return True
    if tok.dep_ == "appos" and tok.head.pos_ == "NOUN" and in_lexicon(tok.head, "person") \
            and not collective(tok.head):
        return True
    names = 0
    for i in range(tok.i, max(-1, tok.i - 8), -1):
        t = doc[i]
        if t.head.i != tok.i and i != tok.i and t.dep_ != "compound" or t.dep_ not in ("compound", "nsubj", "nsubjpass",
                                                                                      "appos", "pobj", "dobj", "ROOT") and i != tok.i:
            break
        word = t.lower_.rstrip(".")
        if i != tok.i and word in lex["person_titles"] and t.text[:1].isupper():
            return word not in lex["ambiguous_titles"] or names >= 2
        if t.pos_ == "PROPN":
            names += 1
    return False


def looks_like_person_name(doc, tok) -> bool:
    """A proper-noun phrase the NER missed that reads as a person's name: two or more capitalised
    name tokens ("Ana Brnabic") or one after a personal title ("Mr Vucic"), no organisation word."""
    lex = lexicon()
    if person_evidence(doc, tok):
        return True
    if tok.ent_type_ and tok.ent_type_ != "PERSON":
        return False
    names = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and c.text[:1].isupper()
             and c.i == tok.i - 1]
    words = {c.lower_.rstrip(".") for c in tok.lefts}
    if words & (lex["organisation"] | lex["media"] | lex["document"]):
        return False
    chain = {doc[i].lower_ for i in range(proper_name_start(doc, tok.i), tok.i + 1)}
    if chain & lex["org_name_words"]:
        return False  # "Human Rights Watch", "Doctors Without Borders"
    if tok.lower_ in lex["organisation"] or not tok.text[:1].isupper() or tok.text.isupper():
        return False
    prev = doc[tok.i - 1] if tok.i > 0 else None
    if prev is not None and prev.lower_.rstrip(".") in (lex["title_male"] | lex["title_female"] | lex["person"]):
        return True
    return bool(names) and all(not c.ent_type_ or c.ent_type_ == "PERSON" for c in names)


def strip_titles(doc, left: int, head: int) -> int:
    """First token of a personal name after the titles, ranks and forms of address before it
    ("Col. Souleymane Dembele" → "Souleymane", "Sheikh Tamim …" → "Tamim")."""
    lex = lexicon()
    words = lex["person_titles"] | lex["ranks"] | lex["honorifics"]
    while left < head and (doc[left].lower_.rstrip(".") in words or doc[left].text in (".", "-")):
        left += 1
    return left


def rank_run(ctx: "ArticleIndex", first: int, stop: int) -> tuple[list[int], list[int], int]:
    """Ranks and forms of address written right before a name (token ``first``), scanning left
    down to ``stop``: (rank tokens, honorific tokens, first token of the run)."""
    doc = ctx.doc
    lex = ctx.lex
    ranks, hon = [], []
    j = first - 1
    while j >= stop:
        t = doc[j]
        w = t.lower_.rstrip(".")
        if t.text == "." and j - 1 >= stop and doc[j - 1].lower_ in lex["ranks"] | lex["honorifics"]:
            j -= 1
            continue
        if j - 1 >= stop and doc[j - 1].text in ("-", "‐", "–") and not doc[j - 1].whitespace_:
            break  # "Secretary-General": the end of a hyphenated title, not a rank
        if w in lex["ranks"] and t.text[:1].isupper():
            ranks.append(j)
        elif w in lex["honorifics"] and t.text[:1].isupper():
            hon.append(j)
        else:
            break
        j -= 1
    # a rank modifier alone is no rank ("Vice President" stops before it anyway)
    if ranks and all(doc[k].lower_ in lex["rank_modifiers"] for k in ranks):
        ranks = []
    return sorted(ranks), sorted(hon), j + 1


def person_attributes(ctx: ArticleIndex, head: int, mstart: int, mend: int):
    """(role, country, role words, gender, rank) of a person mention from the title before it, an
    apposition after it ("X, the head of …"), or the phrase it is the apposition of ("Mali's
    transitional president, Col. Assimi Goita"). Ranks ("Col.", "Lt. Gen.") go to ``rank``; forms of
    address ("Mr", "Dr", "Sheikh") are neither."""
    doc = ctx.doc
    lex = ctx.lex
    left = np_left(doc, head)
    first = ctx.token_at(mstart)
    if first > head or first < left:
        first = head
    title_toks, rank_toks, hon_toks, run_start, country, gender = _titles_before(ctx, head, left, first, mstart, mend)
    role = None
    rank = join_tokens(ctx, rank_toks) if rank_toks else None
    words = {doc[i].lower_.rstrip(".") for i in title_toks + rank_toks + hon_toks}
    words |= {lex["title_words"][w] for w in words if w in lex["title_words"]}  # "Gen." → "the general"
    if title_toks:
        role = ctx.text[doc[title_toks[0]].idx: doc[title_toks[-1]].idx + len(doc[title_toks[-1]])]
        if lex["title_male"] & {role.lower().rstrip(".")} or lex["title_female"] & {role.lower().rstrip(".")}:
            role = None  # "Mr" is not a role
    found = _apposition_role(ctx, head, mstart, mend)
    if found is not None:
        app_role, app_country, app_words, app_gender = found
        role = app_role if app_role is not None else role
        country = country or app_country
        words |= app_words
        gender = gender or app_gender
    if role is None:
        found = _description_role(ctx, head, run_start if rank_toks or hon_toks else np_left(doc, head))
        if found is not None:
            role, desc_country, desc_words, desc_gender = found  # role is None before: it stays None or takes this one
            country = country or desc_country
            words |= desc_words
            gender = gender or desc_gender
    if role is None and not rank and hon_toks and any(doc[i].lower_ in lex["person_titles"] - lex["plain_address"]
                                                      and doc[i].lower_ not in lex["scholarly_address"]
                                                      for i in hon_toks):
        role = join_tokens(ctx, hon_toks)  # "Sheikh", "Emir", "King" with nothing else said of the person
    return role, country, words, gender, rank


def _titles_before(ctx: ArticleIndex, head: int, left: int, first: int, mstart: int, mend: int):
    """The words before a name (token ``first``) inside its noun phrase: (title tokens, rank tokens,
    honorific tokens, first token of the rank run, country, gender)."""
    doc = ctx.doc
    lex = ctx.lex
    country = None
    gender = None
    rank_toks, hon_toks, run_start = rank_run(ctx, first, left)
    if hon_toks and run_start - 1 >= left and doc[run_start - 1].text[:1].isupper() \
            and doc[run_start - 1].pos_ in ("PROPN", "NOUN", "ADJ") and not country_token(ctx, run_start - 1) \
            and not in_lexicon(doc[run_start - 1], "person") \
            and doc[run_start - 1].lower_.rstrip(".") not in lex["person_titles"] | lex["ranks"]:
        # "Crown Prince", "Grand Mufti": the form of address is part of the title before it
        run_start = max(rank_toks) + 1 if rank_toks else first
        rank_toks = [i for i in rank_toks if i < run_start]
        hon_toks = []
    skip = set(range(run_start, first))
    title_toks = []
    for i in range(left, head + 1):
        t = doc[i]
        if mstart <= t.idx < mend:
            continue
        if t.lower_.rstrip(".") in lex["title_male"]:
            gender = "m"
        elif t.lower_.rstrip(".") in lex["title_female"]:
            gender = "f"
        if i in skip:
            continue
        c = country_token(ctx, i)
        if c:
            country = country or c
            continue
        if t.dep_ == "case" or t.is_punct and t.text not in (".", "-") or t.lower_ in DETS:
            continue
        title_toks.append(i)
    return title_toks, rank_toks, hon_toks, run_start, country, gender


def _apposition_role(ctx: ArticleIndex, head: int, mstart: int, mend: int):
    """(role, country, words, gender) from the apposition after a name ("X, the head of …"), or None."""
    doc = ctx.doc
    lex = ctx.lex
    app = appositive(doc, head)
    if app is None or mstart <= app.idx < mend:
        return None
    country = None
    gender = None
    sub = [t.i for t in app.subtree if ctx.tok_para[t.i] == ctx.tok_para[head]]
    kept = []
    dropped = set()
    for i in sub:
        c = country_token(ctx, i) if doc[i].dep_ in ("amod", "compound", "poss") and doc[i].head.i == app.i \
            or not kept and i < app.i else None
        if c:
            country = country or c
            dropped.add(i)
            continue
        if doc[i].dep_ == "case" and (doc[i].head.i in dropped or not kept):
            continue  # the "'s" of "Serbia's foreign minister"
        if not kept and (doc[i].lower_ in DETS or doc[i].is_punct):
            continue
        kept.append(i)
    if not kept:
        return None if country is None else (None, country, set(), None)
    span = clean_span(doc, kept[0], kept[-1])
    if not (span and doc[kept[0]].i <= app.i):
        return None if country is None else (None, country, set(), None)
    if app.lower_ in lex["title_male"]:
        gender = "m"
    elif app.lower_ in lex["title_female"]:
        gender = "f"
    return ctx.text[span[0]:span[1]], country, {doc[i].lower_ for i in kept}, gender


def _description_role(ctx: ArticleIndex, head: int, name_left: int):
    """(role, country, words, gender) from the person-noun phrase a name is the apposition of, or None."""
    doc = ctx.doc
    lex = ctx.lex
    described = _described_by(ctx, head, name_left)
    if described is None:
        return None
    country = None
    gender = None
    a, b = described
    while a <= b and (doc[a].lower_ in DETS or doc[a].dep_ == "case" or doc[a].is_punct or country_token(ctx, a)):
        c = country_token(ctx, a)
        if c:
            country = country or c
        a += 1
    span = clean_span(doc, a, b)
    if not span:
        return None if country is None else (None, country, set(), None)
    noun = doc[b] if doc[b].pos_ == "NOUN" else None
    if noun is not None and noun.lower_ in lex["title_male"]:
        gender = "m"
    elif noun is not None and noun.lower_ in lex["title_female"]:
        gender = "f"
    return ctx.text[span[0]:span[1]], country, {doc[i].lower_ for i in range(a, b + 1)}, gender


def join_tokens(ctx: ArticleIndex, toks: list[int]) -> str:
    doc = ctx.doc
    a, b = toks[0], toks[-1]
    if b + 1 < len(doc) and doc[b + 1].text == "." and not doc[b].whitespace_:
        b += 1  # "Col" "." split by the tokenizer
    return ctx.text[doc[a].idx: doc[b].idx + len(doc[b])]


def _described_by(ctx: ArticleIndex, head: int, name_left: int) -> tuple[int, int] | None:
    """The person-noun phrase a name is the apposition of: "Mali's transitional president, Col.
    Assimi Goita", "The United Nations envoy to Sudan, Volker Perthes" → the token span of the
    description (up to the comma before the name)."""
    doc = ctx.doc
    tok = doc[head]
    if tok.dep_ != "appos":
        return None
    anchor = tok.head
    for _ in range(3):  # the parse may hang the name on the description's prepositional object
        if in_lexicon(anchor, "person") and anchor.pos_ in ("NOUN", "PROPN"):
            break
        if anchor.dep_ == "pobj" and anchor.head.dep_ == "prep" and anchor.head.head.i != anchor.head.i:
            anchor = anchor.head.head
        else:
            return None
    else:
        return None
    if not in_lexicon(anchor, "person") or anchor.i >= head or ctx.tok_para[anchor.i] != ctx.tok_para[head]:
        return None
    b = name_left - 1
    while b > anchor.i and (doc[b].is_punct or doc[b].is_space):
        b -= 1
    if b < anchor.i or b - anchor.i > 12:
        return None
    return np_left(doc, anchor.i), b
