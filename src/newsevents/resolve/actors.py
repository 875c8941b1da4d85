"""Actors: turn a noun phrase of the parse into a typed PLOVER actor.

``{name, entity, sector, country, country2, role, evidence}``: "Kosovo police" → COP/XKX,
"Serbian President Aleksandar Vucic" → GOV/SRB with role "President", "NATO" → IGO, "protesters"
→ a generic CVL actor. Tables (countries, demonyms, IGOs, agent nouns, titles, named actors) are
data files under ``newsevents/data/actors/`` loaded once.
"""
from __future__ import annotations

from functools import lru_cache

from .. import countries, datafiles, datelines

PERSONAL_PRONOUNS = {"he", "she", "they", "we", "i", "it", "him", "her", "them", "us", "me"}
RELATIVE_PRONOUNS = {"who", "that", "which", "whom"}
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
NP_MODIFIERS = {"compound", "amod", "nmod", "poss", "nummod", "quantmod", "npadvmod", "case"}
OF_HEADS = {"representative", "member", "head", "leader", "group", "chief", "official", "delegation",
            "people", "government", "minister", "president", "ministry", "army", "parliament", "court",
            "town", "city", "village", "province", "region", "district", "port", "camp", "enclave",
            "committee", "council", "association", "federation", "syndicate", "union", "body"}


class Tables:
    """All actor lookup tables, loaded once per process."""

    def __init__(self):
        self.igos: dict[str, tuple[str, str, str]] = {}
        for row in datafiles.table("actors/igos.tsv"):
            self.igos[row["alias"]] = (row["canonical"], row["code"], row["sector"])
        self.agents: dict[str, str] = {}
        self.titles: dict[str, str] = {}
        for row in datafiles.table("actors/agents.tsv"):
            (self.titles if row["kind"] == "title" else self.agents)[row["lemma"]] = row["sector"]
        for row in datafiles.table("actors/phoenix_agents.tsv"):  # the Phoenix agents, after the curated ones
            if row["lemma"] not in self.titles:
                self.agents.setdefault(row["lemma"], row["sector"])
        self.modifiers: dict[str, tuple[str, bool]] = {}
        for row in datafiles.table("actors/modifiers.tsv"):
            self.modifiers[row["lemma"]] = (row["sector"], row["override"])
        self.named: dict[str, tuple[str, str, str]] = {}
        for row in datafiles.table("actors/named_actors.tsv"):
            self.named[row["name"]] = (row["country3"], row["country2"], row["sector"])

    def alpha2(self, a3: str | None) -> str | None:
        return countries.alpha2(a3)

    def country_of(self, text: str) -> str | None:
        """Alpha-3 of a country name, adjective, demonym or capital ("Serbian", "Serbs", "Belgrade")."""
        return countries.country_of(text, code="alpha3")

    def igo_of(self, text: str) -> tuple[str, str, str] | None:
        key = text.lower().strip()
        if key.startswith("the "):
            key = key[4:]
        return self.igos.get(key)


@lru_cache(maxsize=1)
def tables() -> Tables:
    return Tables()


def is_title(token) -> bool:
    t = tables()
    return token.lower_ in t.titles or token.lemma_.lower() in t.titles


def _lemma(token) -> str:
    return token.lemma_.lower()


def np_tokens(token) -> list:
    """The head with its pre-modifiers (compounds, adjectives, possessors, numbers), in order."""
    out = [token]
    stack = [token]
    while stack:
        t = stack.pop()
        for child in t.children:
            if child.i < token.i and child.text[:1].isupper() and datelines.covers(child):
                continue  # "ALGIERS, Algeria - Police have arrested": the dateline is no modifier
            if child.dep_ in NP_MODIFIERS and child.i < token.i + 1:
                out.append(child)
                stack.append(child)
            elif child.dep_ == "flat" or (child.dep_ == "compound" and child.i > token.i):
                out.append(child)
                stack.append(child)
    return sorted(set(out), key=lambda t: t.i)


def _entity_span(doc, token):
    """The NER span holding ``token`` (walks the IOB tags instead of scanning ``doc.ents``)."""
    if not token.ent_type_:
        return None
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I" and doc[start - 1].ent_type_ == token.ent_type_:
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    from spacy.tokens import Span
    return Span(doc, start, end, label=token.ent_type_)


QUANTITY_HEADS = {"hundreds", "thousands", "dozens", "scores", "millions", "tens", "member", "members", "some",
                  "many", "one", "group", "part", "most", "all", "both", "none", "each", "several", "number",
                  "majority", "handful", "batch", "patch", "contingent", "team", "unit", "delegation", "personnel", "squad",
                  "series", "wave", "spate", "string", "barrage", "volley", "round"}
ORG_HEADS = {"forum", "network", "movement", "coalition", "front", "council", "committee", "agency", "commission",
             "union", "organization", "organisation", "group", "body", "party", "alliance", "league", "mission",
             "delegation", "administration", "authority", "office", "service", "unit", "brigade", "battalion",
             "corporation", "bank", "ministry", "department", "bureau", "board", "cabinet", "junta", "regime",
             "bulldozer", "vessel", "ship", "boat", "convoy", "patrol", "camp", "faction", "wing", "cell",
             "court", "tribunal", "parliament", "assembly", "senate", "congress", "government", "state"}
POSSESSIVE_PRONOUNS = {"their", "his", "her", "its", "our", "my"}
MONTHS_AND_DAYS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                   "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
NOT_ACTOR_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}


def of_member(token):
    """"Hundreds of people", "members of the Association" → the noun after "of" (else None)."""
    if token.lower_ in QUANTITY_HEADS or token.lemma_.lower() in QUANTITY_HEADS or token.like_num:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for p in child.children:
                    if p.dep_ == "pobj":
                        return p
    return None


def actor_like(token, result=None, _depth: int = 0) -> bool:
    """Can ``token`` head an actor phrase (person, organisation, state, group noun, pronoun)?
    Memoised per token of the doc (trigger frames ask it many times)."""
    memo = token.doc.user_data.setdefault("_newsevents_actor_like", {})
    key = token.i * 4 + _depth  # int keys: user_data stays serialisable
    if key not in memo:
        memo[key] = _actor_like(token, result, _depth)
    return memo[key]


def _actor_like(token, result=None, _depth: int = 0) -> bool:
    t = tables()
    low = token.lower_
    member = of_member(token)
    if member is not None and _depth < 2:
        return actor_like(member, result, _depth + 1)
    if low in ("thousands", "hundreds", "dozens", "scores", "tens", "millions") and token.dep_ in ("nsubj", "nsubjpass"):
        return True  # "Thousands rallied"
    if token.ent_type_ in NOT_ACTOR_ENTS and not token.like_num:
        return False
    if token.pos_ == "PRON":
        return low in PERSONAL_PRONOUNS or low in RELATIVE_PRONOUNS or low in POSSESSIVE_PRONOUNS
    if token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if token.pos_ == "PROPN" and not token.ent_type_ and token.tag_ == "NNP" and token.lower_ not in MONTHS_AND_DAYS:
        return True  # a name the small NER model missed ("Trump and Putin agreed", "the ELN declared")
    lemma = _lemma(token)
    if lemma in t.agents or lemma in t.titles or low in t.agents or (low.endswith("s") and low[:-1] in t.agents):
        return True
    if t.igo_of(token.text) or t.country_of(token.text):
        return True
    # the compound name: "Human Rights Watch"
    comp = [c for c in token.subtree if c.dep_ == "compound" and c.i < token.i]
    if comp:
        phrase = token.doc[min(c.i for c in comp): token.i + 1].text
        if t.igo_of(phrase) or phrase.lower() in t.named or t.country_of(phrase):
            return True
    # "APEC forum", "al-Qaeda terror network": a named modifier on an organisation-like noun
    if low in ORG_HEADS or token.lemma_.lower() in ORG_HEADS or token.pos_ == "PROPN":
        for child in token.children:
            if child.dep_ in ("compound", "amod", "poss") and child.i < token.i:
                if child.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") or t.igo_of(child.text) or t.country_of(child.text) \
                        or child.lemma_.lower() in t.agents or child.lemma_.lower() in t.titles or child.lower_ in t.titles:
                    return True
    return False


def _antecedent(token):
    """Relative pronoun → the noun the relative clause attaches to."""
    head = token.head
    while head.dep_ not in ("relcl", "acl") and head.head.i != head.i:
        if head.dep_ == "ROOT":
            return None
        head = head.head
    if head.dep_ in ("relcl", "acl"):
        return head.head
    return None


def _pronoun_fallback(token):
    """A personal pronoun without coreference: the nearest preceding non-pronoun subject in
    the same sentence ("officers met resistance as they carried out …" → officers), else in the
    sentence before ("Kurti arrived in Brussels. He met Borrell.")."""
    best = None
    sent = token.sent
    window = list(sent)
    if sent.start > 0 and not any(t.i < token.i and t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN") for t in sent):
        prev = token.doc[sent.start - 1].sent
        window = list(prev) + window
    for t in window:
        if t.i >= token.i:
            break
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("NOUN", "PROPN"):
            if token.lower_ in ("he", "she") and t.ent_type_ != "PERSON" and not is_title(t) and \
                    not (t.pos_ == "PROPN" and t.ent_type_ not in ("GPE", "NORP", "LOC", "FAC") and t.tag_ == "NNP"):
                continue
            if token.lower_ in ("they", "their") and t.tag_ not in ("NNS", "NNPS") and t.ent_type_ not in ("ORG", "NORP", "GPE"):
                continue
            if token.lower_ in ("his",) and t.ent_type_ != "PERSON" and not is_title(t):
                continue
            if token.lower_ in ("it", "its") and not _organisation_like(t):
                continue  # "Japan said it had halted aid": a state or a body, never a person
            best = t
    return best


def _organisation_like(t) -> bool:
    """A singular state, organisation or body ("Japan", "the ministry", "the army")."""
    if t.ent_type_ == "PERSON" or t.tag_ in ("NNS", "NNPS"):
        return False
    if t.ent_type_ in ("GPE", "ORG", "NORP"):
        return True
    lemma = t.lemma_.lower()
    return lemma in ORG_HEADS or tables().agents.get(lemma) in ("GOV", "MIL", "COP", "IGO", "JUD", "LEG", "BUS") \
        and lemma not in tables().titles


# heads whose sector is their members' when a modifier names them ("protest leaders",
# "doctors' committee", "student group"); otherwise the head's own sector
GENERIC_BODIES = {"group", "people", "official", "force", "officer", "authority", "unit", "leader", "committee",
                  "council", "association", "body", "organisation", "organization", "federation", "representative",
                  "member", "spokesman", "spokeswoman", "spokesperson"}


def _hyphened_head(token) -> str | None:
    """"sub-inspector" comes as three tokens; the lemma of the whole word, or None."""
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_ and \
            not doc[token.i - 2].whitespace_:
        return f"{doc[token.i - 2].lower_}-{_lemma(token)}"
    return None


SECURITY_SECTORS = ("COP", "MIL")


def _police_force(token) -> bool:
    """Is a bare "the force" the police? It is when the nearest earlier security noun of the text
    ("police", "constables", "the army", "troops") is a police one."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) or \
            any(c.dep_ in ("compound", "amod", "nmod", "poss") for c in token.children) or token.tag_ == "NNS":
        return False
    t = tables()
    for prev in reversed(token.doc[:token.i]):
        lem = _lemma(prev)
        if lem == "force":
            continue
        sector = t.agents.get(lem) or t.modifiers.get(lem, (None, 0))[0]
        if sector in SECURITY_SECTORS:
            return sector == "COP"
    return False


def resolve_token(doc, token, result, speaker: dict | None = None, _depth: int = 0) -> dict | None:
    """The actor dict for the phrase headed by ``token`` (None when it is not an actor)."""
    if token is None or _depth > 3:
        return None
    low = token.lower_
    if token.pos_ == "PRON" or low in PERSONAL_PRONOUNS | RELATIVE_PRONOUNS | POSSESSIVE_PRONOUNS:
        if low in RELATIVE_PRONOUNS:
            return resolve_token(doc, _antecedent(token), result, speaker, _depth + 1) if _antecedent(token) is not None else None
        if low in ("i", "we", "me", "us") and speaker:
            out = dict(speaker)
            out["evidence"] = result.evidence(token.idx, token.idx + len(token))
            return out
        ent = _coref_entity(result, token)
        if ent is not None:
            return _from_entity(ent, result, token)
        if low in ("he", "she", "they", "him", "her", "them", "their", "his", "its", "it"):
            alt = _pronoun_fallback(token)
            if alt is not None:
                return resolve_token(doc, alt, result, speaker, _depth + 1)
        return None
    member = of_member(token)
    if member is not None:
        return resolve_token(doc, member, result, speaker, _depth + 1)
    if low in ("thousands", "hundreds", "dozens", "scores", "tens", "millions") and token.dep_ in ("nsubj", "nsubjpass"):
        # "Thousands joined a protest": a crowd
        return {"name": token.text, "entity": None, "sector": "CVL", "country": None, "country2": None,
                "role": None, "evidence": result.evidence(token.idx, token.idx + len(token))}
    if token.ent_type_ in NOT_ACTOR_ENTS and not token.like_num:
        return None
    t = tables()
    toks = np_tokens(token)
    # "representatives of Kosovo Serbs": keep the of-phrase for generic heads
    tail = []
    if _lemma(token) in OF_HEADS:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                pobj = [c for c in child.children if c.dep_ == "pobj"]
                if pobj:
                    tail = [child] + np_tokens(pobj[0])
    skip_lead = {"det", "nummod", "quantmod", "case", "predet"}
    while toks and toks[0].i != token.i and (toks[0].dep_ in skip_lead or toks[0].like_num or toks[0].pos_ in ("DET", "NUM", "PUNCT")
                                              or toks[0].lower_.endswith("-old") or toks[0].lower_ in ("year", "old", "-", "–", "dead", "more", "than", "least", "at", "about", "nearly", "over", "up", "to", "some", "almost", "around")
                                              or any(ch.isdigit() for ch in toks[0].text)):
        toks = toks[1:]
    name_toks = toks + tail
    start = name_toks[0].idx
    end = name_toks[-1].idx + len(name_toks[-1])
    ent_span = _entity_span(doc, token) if token.ent_type_ else None
    name_span = None
    sector = country = role = None
    igo = None
    entity_id = None
    # named entity as head: the name is the entity mention
    if ent_span is not None and ent_span.label_ in ENTITY_LABELS:
        from ..extractors.entities import trim
        es, ee = trim(result.text, ent_span.start_char, ent_span.end_char)
        if ee > es:
            ent = entity_at(result, es, ee) if result is not None else None
            entity_id = ent["id"] if ent else None
            name_text = result.text[es:ee]
            if ent_span.label_ == "PERSON" or (ent_span.label_ == "ORG" and token.i == ent_span.end - 1):
                name_span = (es, ee)
            igo_hit = t.igo_of(name_text)
            if ent_span.label_ in ("GPE", "NORP") and not igo_hit:
                country = t.country_of(name_text)
            elif igo_hit:
                igo = igo_hit
            else:
                named = t.named.get(name_text.lower()) or (t.named.get(ent["name"].lower()) if ent else None)
                if named:
                    country = named[0] or None
                    sector = named[2] or None
                    if named[0] == "IGO":
                        igo = ("", "IGO", named[2] or "IGO")
    # modifiers: countries, IGOs, titles, sector words
    mod_sector = None
    override = False
    role_words = []
    i = 0
    words = [tk for tk in toks if tk.i != token.i]
    igo_word = None  # "KFOR forces", "NATO troops": the organisation names the actor
    for tk in words + tail[1:]:
        text_low = tk.lower_
        lem = _lemma(tk)
        if tk.dep_ == "case" or tk.pos_ == "PUNCT":
            continue
        hit = t.igo_of(tk.text)
        if hit and tk.pos_ == "PROPN" or (hit and tk.text.isupper()):
            igo = igo or hit
            if igo_word is None and tk.dep_ in ("compound", "nmod") and tk.head.i == token.i:
                igo_word = tk
            continue
        c = t.country_of(tk.text) if (tk.pos_ in ("PROPN", "ADJ") or tk.ent_type_ in ("GPE", "NORP")) else None
        if c and not country:
            country = c
            continue
        if lem in t.titles or text_low in t.titles:
            role_words.append(tk)
            continue
        if lem in t.modifiers:
            s, ov = t.modifiers[lem]
            if ov or mod_sector is None:
                mod_sector, override = s, ov or override
            continue
        agent = t.agents.get(lem) or (t.agents.get(lem[:-1]) if lem.endswith("s") and tk.tag_ == "NNPS" else None)
        if agent and (tk.dep_ in ("compound", "poss") or (tk.dep_ == "pobj" and tk in tail)):
            mod_sector = mod_sector or agent  # "doctors' committee", "Committee of Sudanese Doctors"
    # multiword names inside the phrase: "United Nations Emergency Relief Coordinator",
    # "Ivory Coast rebels", "United States forces"
    if (not country or not igo) and len(toks) > 1:
        words = [tk for tk in toks if tk.pos_ != "PUNCT" and tk.dep_ != "case"]
        found_igo = found_country = None
        for n in range(min(5, len(words)), 1, -1):
            for i in range(0, len(words) - n + 1):
                piece = doc[words[i].i: words[i + n - 1].i + 1].text
                if not found_igo and t.igo_of(piece):
                    found_igo = t.igo_of(piece)
                if not found_country and t.country_of(piece) and piece.lower() not in t.agents:
                    found_country = t.country_of(piece)
        if found_igo and not igo:
            igo = found_igo
        if found_country and not country:
            country = found_country
    if not country:
        c = t.country_of(result.text[start:end]) if result is not None else None
        if c:
            country = c
    head_lemma = _lemma(token)
    hyphened = _hyphened_head(token)
    if hyphened is not None and (hyphened in t.agents or hyphened in t.titles):
        head_lemma = hyphened  # "sub-inspector" (three tokens): the whole word is the agent noun
    head_sector = t.agents.get(head_lemma) or t.agents.get(low) or t.titles.get(head_lemma) or \
        (t.agents.get(low[:-1]) if low.endswith("s") else None) or \
        (t.agents.get(low[:-3] + "man") if low.endswith("men") else None)  # "Policemen" read as a name
    if head_sector == "MIL" and head_lemma == "force" and mod_sector is None and _police_force(token):
        head_sector = "COP"  # "the force" of a report about the police is the police force
    if head_lemma in t.titles or low in t.titles:
        role_words.append(token)
    if not igo:
        igo = t.igo_of(result.text[start:end]) or t.igo_of(token.text)
    if role_words:
        role_words.sort(key=lambda w: w.i)
        first, last = role_words[0], role_words[-1]
        # "Prime Minister", "foreign policy chief": include the words before the title that
        # are not a country, an organisation or a name
        in_np = {tk.i for tk in toks}
        j = first.i - 1
        while j in in_np and j >= 0:
            w = doc[j]
            if w.ent_type_ in ("GPE", "NORP", "PERSON") or t.country_of(w.text) or t.igo_of(w.text) or w.dep_ in ("poss", "case", "det") or w.pos_ == "PUNCT":
                break
            first = w
            j -= 1
        role = result.text[first.idx:last.idx + len(last)]
    title_sector = t.titles.get(_lemma(role_words[-1])) or t.titles.get(role_words[-1].lower_) if role_words else None
    if override and mod_sector:
        sector = mod_sector
    elif head_sector and head_lemma not in t.titles:
        sector = mod_sector if (head_sector in ("UNK", "CVL", "GOV") and mod_sector and head_lemma in GENERIC_BODIES) else head_sector
    elif title_sector:
        sector = title_sector
    elif mod_sector and not sector:
        sector = mod_sector
    if igo:
        country_code = "IGO"
        if sector in (None, "GOV", "UNK", "IGO") or title_sector:
            sector = igo[2] if igo[2] != "IGO" or sector is None else "IGO"
            if title_sector and title_sector != "GOV":
                sector = title_sector
            elif sector is None:
                sector = "IGO"
        country = country_code
    if ent_span is None and not (head_sector or igo or country or role_words):
        # not an actor-like phrase
        if not actor_like(token, result):
            return None
    if ent_span is not None and ent_span.label_ == "PERSON" and sector is None and role_words:
        sector = title_sector
    # apposition: "Petar Petkovic, a Serbian government official", "Zlatan Elek, the head of …"
    if (sector is None or country is None or role is None) and _depth == 0:
        for child in token.children:
            if child.dep_ == "appos":
                extra = resolve_token(doc, child, result, None, _depth + 1)
                if extra:
                    sector = sector or extra.get("sector")
                    country = country or extra.get("country")
                    role = role or extra.get("role") or (child.text if is_title(child) else None)
                break
    if name_span is not None:
        start, end = name_span
    elif igo_word is not None and head_sector in ("MIL", "COP"):
        start, end = igo_word.idx, igo_word.idx + len(igo_word)  # "KFOR forces" → KFOR
    name = result.text[start:end]
    if entity_id is None and result is not None:
        ent = entity_at(result, token.idx, token.idx + len(token))
        entity_id = ent["id"] if ent else None
    out = {
        "name": name,
        "entity": entity_id,
        "sector": sector,
        "country": country,
        "country2": t.alpha2(country),
        "role": role,
        "evidence": result.evidence(start, end),
    }
    if igo and igo[1] not in ("", "IGO"):
        out["igo"] = igo[1]
    # one person keeps the type learnt from a titled mention ("President Vucic" … "Vucic")
    if entity_id and result is not None:
        cache = result.stages.cache.actor_types
        known = cache.get(entity_id)
        if known:
            for key in ("sector", "country", "role"):
                if out[key] is None and known.get(key):
                    out[key] = known[key]
            out["country2"] = t.alpha2(out["country"])
        if out["sector"] or out["country"] or out["role"]:
            cache.setdefault(entity_id, {}).update({k: out[k] for k in ("sector", "country", "role") if out[k]})
    return out


def entity_at(result, start: int, end: int) -> dict | None:
    """The entity with the longest mention overlapping ``[start, end)`` — like
    ``extractors.entities.entity_at`` but with a sorted index built once per result (long
    articles have hundreds of entities)."""
    import bisect
    cache = result.stages.cache.entity_spans
    count = sum(len(e.get("mentions", [])) for e in result.entities)
    if cache is None or cache[0] != count:
        spans = sorted(((m["start"], m["end"], e) for e in result.entities for m in e.get("mentions", [])),
                       key=lambda sp: (sp[0], sp[1]))
        cache = (count, spans, [sp[0] for sp in spans], max((sp[1] - sp[0] for sp in spans), default=0))
        result.stages.cache.entity_spans = cache
    _, spans, starts, longest = cache
    best, best_overlap = None, 0
    i = bisect.bisect_left(starts, start - longest)
    while i < len(spans) and spans[i][0] < end:
        s0, e0, ent = spans[i]
        overlap = min(end, e0) - max(start, s0)
        if overlap > best_overlap:
            best, best_overlap = ent, overlap
        i += 1
    return best


def _coref_entity(result, token):
    """An entity one of whose mentions is exactly this pronoun (added by the coref stage)."""
    if result is None:
        return None
    start, end = token.idx, token.idx + len(token)
    for entity in result.entities:
        for m in entity.get("mentions", []):
            if m["start"] == start and m["end"] == end:
                return entity
    return None


def _from_entity(entity, result, token) -> dict:
    t = tables()
    name = entity["name"]
    country = sector = None
    if entity.get("label") in ("GPE", "NORP"):
        country = t.country_of(name)
    igo = t.igo_of(name)
    named = t.named.get(name.lower())
    if igo:
        country, sector = "IGO", igo[2]
    elif named:
        country, sector = named[0] or None, named[2] or None
    return {"name": name, "entity": entity["id"], "sector": sector, "country": country,
            "country2": t.alpha2(country), "role": None,
            "evidence": result.evidence(token.idx, token.idx + len(token))}


def expand_conj(token) -> list:
    """``token`` and the tokens coordinated with it ("Hungarian and Romanian officials" → both)."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN", "PRON"):
            out.extend(expand_conj(child))
    return out


TARGET_NOUNS = set(datafiles.table("actors/target_nouns.tsv").column("lemma"))


def resolve_target(doc, token, result) -> dict | None:
    """A physical target that is not an actor ("the headquarters compound", "two al-Qaida
    vehicles"): a recipient with the name and, from its modifiers, the owner's country."""
    if token is None or token.pos_ not in ("NOUN", "PROPN") or token.lemma_.lower() not in TARGET_NOUNS:
        return None
    toks = [t for t in np_tokens(token) if t.dep_ not in ("det", "nummod", "quantmod", "predet") and not t.like_num]
    toks = [t for t in toks if t.pos_ != "PUNCT"] or [token]
    for c in token.children:  # "the Syrian town of Dabiq"
        if c.dep_ == "prep" and c.lower_ == "of":
            named = [p for p in c.children if p.dep_ == "pobj" and (p.ent_type_ in ("GPE", "LOC", "FAC", "ORG") or p.pos_ == "PROPN")]
            if named:
                toks = toks + [c] + np_tokens(named[0])
    start, end = toks[0].idx, toks[-1].idx + len(toks[-1])
    country = None
    for t in toks:
        if t.i != token.i and (t.ent_type_ in ("GPE", "NORP") or tables().country_of(t.text)):
            country = tables().country_of(t.text)
    return {"name": result.text[start:end], "entity": None, "sector": None, "country": country,
            "country2": tables().alpha2(country), "role": None, "evidence": result.evidence(start, end),
            "kind": "target"}


def resolve_phrase(doc, token, result, speaker=None, targets: bool = False) -> list[dict]:
    """Actors for a phrase head, with coordination: "KFOR and the international community" →
    two actors; "Hungarian and Romanian officials" → two actors sharing the head noun. With
    ``targets``, physical targets count too ("hit the headquarters compound")."""
    if token is None:
        return []
    actors = []
    for tok in expand_conj(token):
        actor = resolve_token(doc, tok, result, speaker)
        if actor is None and targets:
            actor = resolve_target(doc, tok, result)
        if actor:
            actors.append(actor)
    # coordinated adjectives on one head: "Hungarian and Romanian officials"
    if len(actors) == 1:
        mods = [c for c in token.children if c.dep_ in ("amod", "compound")]
        for m in mods:
            conj = [c for c in m.children if c.dep_ == "conj"]
            if conj and tables().country_of(m.text) and all(tables().country_of(c.text) for c in conj):
                base = actors[0]
                actors = []
                for adj in [m] + conj:
                    a = dict(base)
                    a3 = tables().country_of(adj.text)
                    a["country"], a["country2"] = a3, tables().alpha2(a3)
                    a["name"] = f"{adj.text} {token.text}"
                    a["evidence"] = result.evidence(adj.idx, adj.idx + len(adj))
                    a["name"] = adj.text + " " + token.text
                    actors.append(a)
                break
    return actors
