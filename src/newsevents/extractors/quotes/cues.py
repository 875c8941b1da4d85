"""Cues: the speech verbs (and "according to") outside quotation marks, each with its speaker and
the reported content — "X said (that) …", "…, X said.", "X urged Y to …", "X denied …",
"according to X, …", "X quoted Y as saying …"."""
from __future__ import annotations

from dataclasses import dataclass, field

from ... import datelines
from ...resolve.speakers import lexicon, speakerish
from .channels import interview_outlets, outlets, platform
from .spans import (comma_between, content_words, contiguous, has_quote_in, has_verb, has_verb_outside, prep_object,
                    prev_word, sentence_region, span_of, subtree)

SUBJ = ("nsubj", "nsubjpass")


@dataclass
class Cue:
    verb: int                        # token index of the cue verb ("according" for according to)
    cue: tuple[int, int]             # char span of the cue words
    speaker: int | None              # head token of the speaker phrase
    content: tuple[int, int] | None  # char span of the reported content, if any
    para: int
    via: list[int] = field(default_factory=list)  # head tokens of intermediaries ("X quoted Y")
    medium: str | None = None
    lemma: str = ""
    passive_quote: bool = False      # "Y was quoted as saying"
    form: str = "clausal"            # clausal | trailing | directive | object | commissive | according | quoting | frame | noun
    cls: str = "speech"              # speech | belief | evidence | stance | intent (see .attributions)
    negated: bool = False            # "does not think so"
    sourceless: bool = False         # an attribution that names no source ("allegations that …")


def subject_of(doc, v, depth: int = 0):
    """The subject of a cue verb (climbing conjuncts, participles and xcomps), or None."""
    lex = lexicon()
    subjects = [c for c in v.children if c.dep_ in SUBJ]
    if len(subjects) > 1:
        # "BEIJING (AP) — China's military said": a dateline parsed as a second subject; the nearest wins
        before = [c for c in subjects if c.i < v.i]
        subjects = [max(before, key=lambda c: c.i)] if before else subjects[:1]
    for c in subjects:
        if c.dep_ in SUBJ:
            if c.lower_ in lex["relative_pronouns"] and v.dep_ == "relcl":
                return v.head
            if c.dep_ == "nsubjpass" and v.lemma_.lower() in lex["raising"] and \
                    any(x.dep_ == "xcomp" for x in v.children):
                return None  # "X is said to have fled": X is not a speaker
            return c
    if depth < 3 and v.dep_ in ("advcl", "conj", "xcomp") and v.head.i != v.i and v.head.pos_ in ("VERB", "AUX"):
        if v.dep_ == "conj" or v.tag_ in ("VBG", "VBN") or v.dep_ == "xcomp":
            return subject_of(doc, v.head, depth + 1)
    if v.dep_ == "acl" and v.tag_ == "VBG" and v.head.pos_ == "PROPN" and v.head.i < v.i:
        return v.head  # "footage of Hillary Clinton asking, “…”"
    if v.dep_ in ("acl", "relcl") and v.head.pos_ in ("NOUN", "PROPN") and v.head.i < v.i and v.tag_ == "VBD":
        return v.head  # "The Kosovo Online news portal quoted …" parsed as a reduced relative
    return None


def takes_clause(ctx, v) -> bool:
    """Does the verb report a finite clause: a that-, zero or wh-clause complement with its own
    subject or complementiser ("argued that …", "expect Clinton will win"), or the sentence a
    trailing or parenthetical cue hangs on ("…, experts say.")?"""
    for c in v.children:
        if c.dep_ == "ccomp" and c.i > v.i and ctx.tok_para[c.i] == ctx.tok_para[v.i] and \
                any(m.dep_ in SUBJ + ("mark", "expl") for m in c.children):
            return True
    return v.dep_ in ("parataxis", "ccomp") and v.i > v.head.i and v.head.pos_ in ("VERB", "AUX") and \
        any(ctx.doc[k].text in (",", "—", "–") for k in range(v.head.i, v.i))


def clause_source(ctx, v, subj) -> bool:
    """A verb of saying or thinking that reports a finite clause selects a source that can say or
    think it (its selectional restriction): its nominal subject is a source whatever the noun ("The
    GOP presidential nominee argued that …", "A majority of voters expect …", "73 percent said …"),
    and so is a pronoun that stands for people ("Those close to him say …", "many believe …"); never
    a date, a time or a word inside a quotation."""
    row = ctx.lex["frames"].get(v.lemma_.lower())
    if row is None or row[0] not in ("speech", "belief") or not {"clause", "wh"} & set(row[1].split()):
        return False
    if ctx.tok_quote[subj.i] >= 0 or subj.ent_type_ in ("DATE", "TIME") or subj.lower_ in ctx.lex["non_speaker_subjects"]:
        return False
    if subj.pos_ == "PRON" or subj.lower_ in ctx.lex["pronoun_words"]:
        if subj.lower_ not in ctx.lex["group_pronouns"]:
            return False
    elif subj.pos_ not in ("NOUN", "PROPN", "NUM"):
        return False
    return takes_clause(ctx, v)


def find_cues(ctx) -> list[Cue]:
    doc = ctx.doc
    lex = ctx.lex
    cues: list[Cue] = []
    for v in doc:
        if ctx.tok_quote[v.i] >= 0:
            continue
        if v.lower_ == "according" and v.i + 1 < len(doc) and doc[v.i + 1].lower_ == "to":
            cue = _according_to(ctx, v)
            if cue:
                cues.append(cue)
            continue
        if v.pos_ not in ("VERB", "AUX"):
            continue
        lemma = v.lemma_.lower()
        if lemma not in lex["cue_verbs"]:
            continue
        if any(c.dep_ == "neg" for c in v.children):
            continue
        cue = _verb_cue(ctx, v, lemma)
        if cue is not None:
            cues.append(cue)
    by_verb = {c.verb: c for c in cues}
    out = []
    for cue in cues:
        # "…, he said, according to the state news agency IRNA": the agency relayed the words
        head = by_verb.get(doc[cue.verb].head.i)
        if cue.form == "according" and head is not None and head is not cue and \
                (head.content is not None or any(ctx.tok_quote[i] >= 0 for i in ctx.sentence_range(head.verb))):
            head.via.append(cue.speaker)
            continue
        # "The Foreign Office said the UK has announced sanctions": the announcement is part of the claim
        if cue.form in ("object", "commissive", "directive") and any(
                o is not cue and o.content and o.content[0] <= cue.cue[0] < o.content[1] for o in cues):
            continue
        out.append(cue)
    return out


def _according_to(ctx, v) -> Cue | None:
    doc = ctx.doc
    to = doc[v.i + 1]
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None) or \
        next((c for c in v.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    region = sentence_region(ctx, v)
    head = v.head
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head  # "Carter thanked Abadi … and noted …, according to the release": the whole claim
    if v.dep_ not in ("prep",) or head.i == v.i:
        # fronted "According to X, …": the clause is the rest of the sentence
        toks = [i for i in region if i not in set(subtree(v)) and i != v.i]
    else:
        cut = set(subtree(v))
        toks = [i for i in subtree(head) if i not in cut]
        # keep the contiguous run on the side of the clause head
        toks = contiguous(toks, head.i)
    content = span_of(ctx, toks, region)
    if content is None or content_words(ctx, content) < 3:
        content = None
    cue_span = (v.idx, to.idx + len(to))
    return Cue(v.i, cue_span, pobj.i, content, ctx.tok_para[v.i], lemma="according to", form="according")


def _verb_cue(ctx, v, lemma: str) -> Cue | None:
    lex = ctx.lex
    para = ctx.tok_para[v.i]
    cue_span = (v.idx, v.idx + len(v))
    medium = lex["media_verbs"].get(lemma) or platform(ctx, v)
    if lemma in lex["quoting"]:  # "X quoted Y as saying …" / "Y was quoted as saying …"
        return _quoting_cue(ctx, v, sentence_region(ctx, v), cue_span)
    found = _verb_speaker(ctx, v, lemma, para)
    if found is None:
        return None
    subj, target = found
    content, form = _verb_content(ctx, v, lemma, para, target)
    # a cue with neither content nor a quotation next to it is still kept: direct quotes look for it
    return Cue(v.i, cue_span, subj.i, content, para, via=_told_outlets(ctx, v, lemma, para), medium=medium,
               lemma=lemma, form=form)


def _verb_speaker(ctx, v, lemma: str, para: int):
    """``(speaker token, target token or None)`` of a speech verb, or None when it has no speaker
    that can speak (the target is the addressee of a passive directive: "NATO was urged by X to …")."""
    doc = ctx.doc
    lex = ctx.lex
    subj = subject_of(doc, v)
    if (subj is None or ctx.tok_quote[subj.i] >= 0) and v.i > 0 and ctx.tok_quote[prev_word(doc, v.i)] >= 0:
        # "“Who will pay for this?” asked a resident": the inverted subject is parsed as an object (or
        # the parse took a word inside the quotation as the subject: "“Abuses … groups,” said X")
        subj = next((c for c in v.rights if c.dep_ in SUBJ + ("dobj", "attr", "npadvmod") and c.pos_ in ("NOUN", "PROPN")
                     and ctx.tok_quote[c.i] < 0), None)
    if subj is None and v.i > 0 and ctx.tok_quote[v.i - 1] < 0 and ctx.label_of(v.i - 1) in ("PERSON", "ORG") \
            and lemma in lex["clausal"] and v.tag_ in ("VBD", "VBZ", "VBP"):
        # a misparse ("WHO chief Tedros Adhanom Ghebreyesus said" with "WHO" read as a pronoun): the
        # name right before a finite speech verb is its subject
        subj = doc[v.i - 1]
    if subj is not None and subj.pos_ == "VERB":
        # "The Red Cross operating in Iraq said": a participle parsed as the subject; its own subject speaks
        subj = next((c for c in subj.children if c.dep_ in SUBJ and c.pos_ in ("NOUN", "PROPN")), None)
    if subj is not None and datelines.covers(subj):
        # "WASHINGTON -- President Obama, dedicating …, said": the parse took the dateline as the
        # subject and the speaker as its apposition; a dateline is where the story was filed, no speaker
        subj = next((c for c in subj.children if c.dep_ == "appos" and not datelines.covers(c)), None)
    target = None
    if subj is None or ctx.tok_quote[subj.i] >= 0 or ctx.tok_para[subj.i] != para:
        return None
    if subj.lower_ in lex["non_speaker_subjects"]:
        return None
    if subj.dep_ == "nsubjpass" and lemma not in lex["clausal"] - lex["object"] - lex["directive"]:
        # "Karbouly was accused of …", "NATO was urged to …": the subject is the target, not the speaker
        agent = next((c for c in v.children if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if pobj is None:
            return None
        target, subj = subj, pobj
    if not speakerish(ctx, subj) and (subj.pos_ == "PRON" or lemma not in lex["strong"]) \
            and not clause_source(ctx, v, subj):
        return None  # "Today's ceremony underscores …", "those reject …": not a speaker
    return subj, target


def _clausal_complement(ctx, v, para: int):
    """The clause a speech verb reports: its ccomp in the paragraph (not a trailing cue the parse
    made its complement), or a that-clause the parse hung on a prepositional object ("told Reuters
    in an interview that …", "told reporters on a conference call that …", "said at a news
    conference that …": a complementiser with its own subject)."""
    lex = ctx.lex
    children = list(v.children)
    comp = next((c for c in children if c.dep_ == "ccomp" and ctx.tok_para[c.i] == para
                 and not is_trailing_cue(c, lex)), None)
    if comp is None:
        for p in children:
            if p.dep_ == "prep" and p.lower_ in lex["clause_host_preps"]:
                for n in p.children:
                    if n.dep_ == "pobj":
                        comp = next((a for a in n.children if a.dep_ in ("acl", "relcl", "ccomp") and a.i > n.i
                                     and any(m.dep_ == "mark" and m.lower_ == "that" for m in a.children)
                                     and any(m.dep_ in SUBJ and m.lower_ != "that" for m in a.children)), comp)
    return comp


def _verb_content(ctx, v, lemma: str, para: int, target) -> tuple[tuple[int, int] | None, str]:
    """``(content span or None, form)`` of a speech verb: its clause, its object or infinitive, or the
    sentence a trailing cue hangs on."""
    lex = ctx.lex
    region = sentence_region(ctx, v)
    comp = _clausal_complement(ctx, v, para)
    content = None
    form = "clausal"
    if comp is not None and not any(c.dep_ == "mark" and c.lower_ in lex["wh_words"] for c in comp.children) \
            and not (comp.i > v.i and ctx.doc[comp.left_edge.i].lower_ in lex["wh_words"]):
        content = _clause_span(ctx, v, comp, region)
    elif lemma in lex["weak"] and lemma not in lex["directive"] | lex["object"]:
        content = None
    else:
        content, form = _object_content(ctx, v, lemma, para, target, region, form)
    if content is None and (v.dep_ == "parataxis" or v.dep_ in ("advcl", "ccomp") and v.i > v.head.i) \
            and lemma in lex["clausal"] and lemma not in lex["weak"] and v.i > v.head.i - 40 and v.tag_ != "VBG":
        # trailing or parenthetical cue: "…, X said." / "In Syria, X said, …"
        cut = set(subtree(v))
        toks = [i for i in subtree(v.head) if i not in cut]
        run = contiguous([i for i in toks if i in region], v.head.i)
        if run and (v.dep_ == "parataxis" or comma_between(ctx.doc, run, v)):
            content = span_of(ctx, _around_parenthetical(ctx, v, toks, run, region), region)
            form = "trailing"
    return _checked_content(ctx, content, form, lemma, comp), form


def _around_parenthetical(ctx, v, toks: list[int], run: list[int], region) -> list[int]:
    """A parenthetical cue inside its clause ("The museum, Mr. Obama said, would make …", "Though
    that transition was seamless, he said, replacing Clinton would …"): the content is the clause on
    both sides of the cue (the span runs over the cue, set off by its commas); a cue at either end
    leaves ``run`` as it is."""
    doc = ctx.doc
    cue_left, cue_right = v.left_edge.i, v.right_edge.i
    while cue_left < v.i and doc[cue_left].is_punct:
        cue_left += 1  # the commas that set the cue off are the parse's children of the cue
    while cue_right > v.i and doc[cue_right].is_punct:
        cue_right -= 1
    before = [i for i in toks if i in region and i < cue_left]
    after = [i for i in toks if i in region and i > cue_right]
    if not before or not after or not (run[0] > cue_right or run[-1] < cue_left):
        return run
    if not (doc[cue_left - 1].text in (",", "—", "–") and cue_right + 1 < len(doc)
            and doc[cue_right + 1].text in (",", "—", "–")):
        return run
    if any(doc[i].is_punct and doc[i].text in (".", "?", "!", ";") for i in range(before[0], after[-1])):
        return run
    return before + after


def _clause_span(ctx, v, comp, region):
    doc = ctx.doc
    toks = subtree(comp)
    mark = next((m for m in comp.children if m.dep_ == "mark" and m.lower_ == "that" and m.i > v.i), None)
    if mark is None and comp.ent_type_ and comp.i > v.i:
        # a name parsed as the clause's verb ("told the agency WAFA that …", WAFA read as a verb)
        mark = next((doc[i] for i in toks if doc[i].dep_ == "mark" and doc[i].lower_ == "that"
                     and comp.i < i <= comp.i + 3), None)
    if mark is not None:
        toks = [i for i in toks if i > mark.i]  # the clause starts at "that"
    return span_of(ctx, toks, region)


def _object_content(ctx, v, lemma, para, target, region, form):
    """The content of a directive ("urged NATO to step in"), an object verb ("denied any role",
    "warned of …") or a commitment ("vowed to press on")."""
    lex = ctx.lex
    children = list(v.children)
    content = None
    dobj = next((c for c in children if c.dep_ in ("dobj", "dative") and ctx.tok_para[c.i] == para), target)
    xcomp = next((c for c in children if c.dep_ == "xcomp" and c.i > v.i), None)
    preps = [c for c in children if c.dep_ == "prep" and c.lower_ in lex["object_preps"].get(lemma, ())
             and not any(x.ent_type_ in ("DATE", "TIME") for x in c.children)]  # not "on Sunday"
    if lemma in lex["directive"] and xcomp is not None and (dobj is not None or preps):
        toks = subtree(xcomp) + (subtree(dobj) if dobj is not None and dobj is not target else []) \
            + sum((prep_object(p) for p in preps), [])
        content = span_of(ctx, toks, region)
        form = "directive"
    elif lemma in lex["prep_directives"] and preps:
        toks = sum((prep_object(p) for p in preps), []) \
            + (subtree(xcomp) if xcomp is not None else [])
        content = span_of(ctx, toks, region)
        form = "directive"
    elif lemma in lex["object"] and dobj is not None and dobj.pos_ not in ("PRON",):
        toks = subtree(dobj) + sum((subtree(p) for p in preps), [])
        content = span_of(ctx, toks, region)
        form = "object"
        if content is not None and lemma not in lex["claim_objects"] and not has_verb_outside(ctx, content):
            content = None  # "demanded the release of the prisoners": a request, not a proposition
    elif lemma in lex["object"] and dobj is None and preps:
        content = span_of(ctx, sum((prep_object(p) for p in preps), []), region)  # "warned of …"
        form = "object"
    elif lemma in lex["commissive"] and xcomp is not None and dobj is None:
        content = span_of(ctx, subtree(xcomp), region)  # "vowed to press on"
        form = "commissive"
    return content, form


def _checked_content(ctx, content, form, lemma, comp):
    """``content``, or None when it is no reported content: inside a quotation (the direct quote
    carries it), under two words, an anaphoric object ("denied the claim"), a clause without verb."""
    lex = ctx.lex
    if content is not None and any(q.start <= content[0] and content[1] <= q.end for q in ctx.quotations):
        return None  # the parse put the complement inside the quotation: the direct quote carries it
    if content is not None:
        words = content_words(ctx, content)
        if words < 2 and not has_quote_in(ctx, content):
            return None
        if form == "object" and words <= 2 and not has_quote_in(ctx, content) and \
                ctx.text[content[0]:content[1]].split()[0].lower() in lex["anaphoric_determiners"]:
            return None  # "Hamas denied the claim": the claim is told elsewhere
        if lemma in lex["clausal"] and comp is not None and not has_verb(ctx, content):
            return None
    return content


def _told_outlets(ctx, v, lemma: str, para: int) -> list[int]:
    """The outlets a cue's words were given to: "told Reuters", "in an interview with the BBC"."""
    via = []
    if lemma in ctx.lex["addressee_verbs"]:
        obj = next((c for c in v.children if c.dep_ in ("dobj", "dative") and ctx.tok_para[c.i] == para), None)
        if obj is not None:
            via.extend(outlets(ctx, obj))
    via.extend(i for i in interview_outlets(ctx, v) if i not in via)
    return via


def is_trailing_cue(c, lex) -> bool:
    """"The UK has announced sanctions, the Foreign Office said": the parse makes the trailing cue
    the complement of the main verb; it is the cue of the sentence, not its content."""
    return c.lemma_.lower() in lex["clausal"] and c.i > c.head.i and any(x.dep_ in SUBJ for x in c.children) \
        and not any(x.dep_ == "ccomp" for x in c.children) and any(t.text == "," for t in c.head.subtree
                                                                       if c.head.i < t.i < c.left_edge.i + 1)


def _quoting_cue(ctx, v, region, cue_span) -> Cue | None:
    doc = ctx.doc
    para = ctx.tok_para[v.i]
    obj = next((c for c in v.children if c.dep_ == "dobj"), None)
    as_prep = next((c for c in v.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    saying = None
    if as_prep is not None:
        saying = next((c for c in as_prep.children if c.dep_ in ("pcomp", "pobj")), None)
    if v.lemma_.lower() != "quote" and (saying is None or saying.lemma_.lower() not in ctx.lex["cue_verbs"]):
        return None  # "cited the election as a reason": no one is quoted (the attribution frames take it)
    via = []
    passive = False
    if obj is not None:
        speaker = obj
        src = subject_of(doc, v)
        if src is not None:
            via.append(src.i)
    else:
        speaker = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
        if speaker is None:
            return None
        passive = True
        agent = next((c for c in v.children if c.dep_ == "agent"), None)
        if agent is not None:
            src = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if src is not None:
                via.append(src.i)
    if ctx.tok_para[speaker.i] != para or ctx.tok_quote[speaker.i] >= 0:
        return None
    content = None
    if saying is not None:
        comp = next((c for c in saying.children if c.dep_ in ("ccomp", "dobj")), None)
        if comp is not None:
            content = span_of(ctx, subtree(comp), region)
            if content is not None and content_words(ctx, content) < 2 and not has_quote_in(ctx, content):
                content = None
    if saying is None and obj is None:
        return None
    return Cue(v.i, cue_span, speaker.i, content, para, via=via, lemma="quote", passive_quote=passive, form="quoting")
