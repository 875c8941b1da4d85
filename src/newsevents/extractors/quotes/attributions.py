"""Attributions beyond the speech constructions: what a source believes, shows, supports or
criticises, intends — each with its source, cue and content, and a ``class``.

The cue verbs are the rows of ``data/reporting_verbs.tsv`` with a ``class`` and ``frames``; the cue
nouns are ``data/attribution_nouns.tsv``. A verb's content is, in this order, the first its frames
allow: its clause ("investigators believe (that) …"; ``wh``: "asked whether …", "described how …"),
its to-infinitive ("wants to …", "decided to …"), its object with the prepositional phrases of its
row ("criticised Obama for …", "cited the election as a reason"), or the object of one of its
prepositions ("complained about …", "called for …"). Its source is the subject that can speak (for
``evidence`` any noun: "a review of records indicates …"), the agent of a passive ("has been endorsed
by …"), or the noun a participle modifies ("polls showing …"). A noun cue's content is its
that-clause ("allegations that …"), its infinitive ("his plan to …") or its prepositional object
("his announcement of …", "support for …"); its source is its possessor or a by/from phrase, else the
attribution has no source (speaker ``unresolved: "none"``).

A cue the speech constructions already found (:mod:`.cues`) keeps its speaker; when it found no
content, the frames give it one. A negated cue ("does not think so", "did not respond to …") is
kept with ``negated`` (the speech constructions themselves never take a negated verb).
"""
from __future__ import annotations

from ...resolve.speakers import speakerish
from .cues import SUBJ, Cue, clause_source, subject_of
from .spans import has_quote_in, prep_object, sentence_region, span_of, subtree

FORM_CLASS = {"directive": "stance", "commissive": "intent"}


def cue_class(ctx, cue: Cue) -> str:
    """The class of a cue of the speech constructions: its form's (a directive is a stance, a
    commitment an intent), else its verb's row, else speech."""
    if cue.form in FORM_CLASS:
        return FORM_CLASS[cue.form]
    row = ctx.lex["frames"].get(cue.lemma)
    return row[0] if row else "speech"


def broaden(ctx, cues: list[Cue]) -> list[Cue]:
    """``cues`` with their class, contents the frames give to those without one, and the
    attribution cues of the other verbs and nouns of the lexicon, in text order."""
    lex = ctx.lex
    doc = ctx.doc
    by_verb = {c.verb: c for c in cues}
    for cue in cues:
        cue.cls = cue_class(ctx, cue)
    added = []
    fills = []
    for v in doc:
        if ctx.tok_quote[v.i] >= 0:
            continue
        lemma = v.lemma_.lower()
        if v.pos_ in ("VERB", "AUX"):
            row = lex["frames"].get(lemma)
            if row is None or not row[1]:
                continue
            cue = by_verb.get(v.i)
            if cue is not None:
                if cue.content is None and cue.form == "clausal":
                    fills.append((cue, v, row))
                continue
            new = _verb_attribution(ctx, v, lemma, row)
        elif v.pos_ == "NOUN" and lemma in lex["noun_cues"]:
            new = _noun_attribution(ctx, v, lemma, lex["noun_cues"][lemma])
        else:
            continue
        if new is not None:
            added.append(new)
    for cue, v, row in fills:
        # a verb whose speech constructions judged its object already takes only a wh-content here
        judged = cue.lemma in lex["object"] | lex["directive"] | lex["commissive"]
        frames = "wh" if judged else row[1]
        content = _verb_content(ctx, v, (row[0], frames, row[2])) if "wh" in row[1].split() or not judged else None
        if content is not None and not _nested(cue, cues + added):
            cue.content, cue.form, cue.cls = content, "frame", row[0]
    # reported speech inside reported speech is part of it ("said the UK has announced sanctions")
    added = [c for c in added if c.cls != "speech" or not _nested(c, cues + added)]
    return sorted(cues + added, key=lambda c: c.cue[0])


def _nested(cue: Cue, cues: list[Cue]) -> bool:
    """Is the cue inside the content of another one?"""
    return any(o is not cue and o.content and o.content[0] <= cue.cue[0] < o.content[1] for o in cues)


def _negated(v) -> bool:
    return any(c.dep_ == "neg" for c in v.children)


def _verb_attribution(ctx, v, lemma: str, row) -> Cue | None:
    cls, frames, preps = row
    negated = _negated(v)
    source = _verb_source(ctx, v, cls)
    if source is None:
        return _passive_attribution(ctx, v, lemma, row, negated)
    content = _verb_content(ctx, v, row, exclude=source)
    if content is None:
        return None
    return Cue(v.i, (v.idx, v.idx + len(v)), source.i, content, ctx.tok_para[v.i], lemma=lemma, form="frame",
               cls=cls, negated=negated)


def _passive_attribution(ctx, v, lemma: str, row, negated: bool) -> Cue | None:
    """A passive without agent: an attribution with no source, its content the passive subject and
    what the verb says of it ("Clinton is expected to win", "peacekeepers have been blamed for …")."""
    cls, frames, preps = row
    subj = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
    if subj is None or any(c.dep_ == "agent" for c in v.children) or ctx.tok_quote[subj.i] >= 0 \
            or subj.lower_ in ctx.lex["relative_pronouns"] or subj.pos_ == "PRON":
        return None
    rest = [c for c in v.children if c.i > v.i and (c.dep_ in ("xcomp", "ccomp", "oprd")
                                                       or c.dep_ == "prep" and (c.lower_ in preps or c.lower_ == "as"))]
    if not rest:
        return None
    toks = subtree(subj) + [i for c in rest for i in subtree(c)]
    content = span_of(ctx, toks, sentence_region(ctx, v))
    if content is None:
        return None
    return Cue(v.i, (v.idx, v.idx + len(v)), None, content, ctx.tok_para[v.i], lemma=lemma, form="frame", cls=cls,
               negated=negated, sourceless=True)


def _verb_source(ctx, v, cls: str):
    """The token heading the source of an attribution verb, or None."""
    lex = ctx.lex
    subj = subject_of(ctx.doc, v)
    if subj is not None and subj.dep_ == "nsubjpass":
        agent = next((c for c in v.children if c.dep_ == "agent"), None)
        subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    if subj is None and v.dep_ == "acl" and v.tag_ == "VBG" and v.head.pos_ in ("NOUN", "PROPN"):
        subj = v.head  # "polls showing Trump ahead"
    if subj is None and v.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in v.children) \
            and v.head.pos_ in ("VERB", "AUX"):
        subj = subject_of(ctx.doc, v.head)  # "went on to discuss …", "travelled to Ohio to promote …"
    if subj is None or ctx.tok_quote[subj.i] >= 0 or ctx.tok_para[subj.i] != ctx.tok_para[v.i]:
        return None
    if subj.lower_ in lex["non_speaker_subjects"] and cls == "speech":
        return None  # the writer's "I say": no reported speech (but "I think", "we recognize" are attributions)
    if speakerish(ctx, subj) or subj.lower_ in lex["non_speaker_subjects"]:
        return subj
    if cls == "evidence" and subj.pos_ in ("NOUN", "PROPN"):
        return subj
    if clause_source(ctx, subj.head if subj.head.i != v.i and subj.dep_ not in SUBJ else v, subj):
        return subj
    return None


def _verb_content(ctx, v, row, exclude=None) -> tuple[int, int] | None:
    """The content span of an attribution verb by the first of its frames that applies."""
    lex = ctx.lex
    _cls, frames, preps = row
    frames = frames.split()
    region = sentence_region(ctx, v)
    children = list(v.children)
    cut = set(subtree(exclude)) - set(subtree(v)) if exclude is not None else set()  # not the participle's own

    def span(toks):
        s = span_of(ctx, [i for i in toks if i not in cut], region)
        if s is None or s[1] <= s[0] or any(q.open <= s[0] and s[1] <= q.outer_end for q in ctx.quotations):
            return None  # inside a quotation: the direct quote carries it
        return s

    comp = next((c for c in children if c.dep_ == "ccomp" and c.i > v.i), None)
    if comp is not None:
        wh = any(c.dep_ == "mark" and c.lower_ in lex["wh_words"] for c in comp.children) \
            or ctx.doc[comp.left_edge.i].lower_ in lex["wh_words"]
        if ("wh" if wh else "clause") in frames:
            return span(subtree(comp))
    xcomp = next((c for c in children if c.dep_ == "xcomp" and c.i > v.i
                  and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    if xcomp is not None and "infinitive" in frames:
        return span(subtree(xcomp))
    dobj = next((c for c in children if c.dep_ in ("dobj", "attr") and c.i > v.i), None)
    if dobj is None and "object" in frames and exclude is not None:
        # "has been endorsed by X": the passive subject is what is attributed
        pass_subj = next((c for c in children if c.dep_ == "nsubjpass"), None)
        if pass_subj is not None and pass_subj.i != exclude.i and exclude.i > v.i:
            return span(subtree(pass_subj))
    own_preps = [c for c in children if c.dep_ == "prep" and c.lower_ in preps and c.i > v.i]
    if dobj is not None and "object" in frames:
        toks = subtree(dobj)
        for c in children:
            if c.i > dobj.i and (c.dep_ in ("oprd", "acomp", "ccomp", "xcomp") or c in own_preps
                                 or c.dep_ == "prep" and c.lower_ == "as"
                                 or _cls == "evidence" and c.dep_ == "advmod" and c.i == dobj.right_edge.i + 1):
                toks += subtree(c)  # "called it a disgrace", "cited X as a reason", "shows Clinton ahead by 3 points"
        return span(toks)
    if own_preps and "prep" in frames:
        return span(sum((prep_object(p) for p in own_preps[:1]), []))
    return None


def _governor_subject(ctx, n):
    """The source of a noun cue that is the object of a verb: the verb's subject ("Trump voiced
    concerns about …", "the senator renewed her call for …")."""
    head = n.head
    if n.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    if n.dep_ not in ("dobj", "pobj") or head.pos_ not in ("VERB", "AUX"):
        return None
    subj = subject_of(ctx.doc, head)
    if subj is None or subj.dep_ == "nsubjpass" or not speakerish(ctx, subj) or ctx.tok_quote[subj.i] >= 0:
        return None
    return subj


def _noun_attribution(ctx, n, lemma: str, row) -> Cue | None:
    cls, preps = row
    region = sentence_region(ctx, n)
    content = None
    for c in n.children:
        if c.i < n.i:
            continue
        if c.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            content = span_of(ctx, subtree(c), region)  # "allegations that …"
        elif c.dep_ in ("acl", "relcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) \
                and not any(m.dep_ in SUBJ for m in c.children):
            content = span_of(ctx, subtree(c), region)  # "his plan to …"
        elif c.dep_ == "prep" and c.lower_ in preps:
            content = span_of(ctx, prep_object(c), region)  # "support for …", "his announcement of …"
        if content is not None:
            break
    if content is None or content[1] <= content[0]:
        return None
    source = next((c for c in n.children if c.dep_ == "poss" and speakerish(ctx, c)), None)
    if source is None:
        for c in n.children:
            if c.dep_ == "prep" and c.lower_ in ("by", "from") and c.i > n.i:
                pobj = next((x for x in c.children if x.dep_ == "pobj"), None)
                if pobj is not None and speakerish(ctx, pobj):
                    source = pobj
    if source is None:
        source = _governor_subject(ctx, n)
    if source is not None and source.lower_ in ctx.lex["non_speaker_subjects"]:
        return None
    return Cue(n.i, (n.idx, n.idx + len(n)), source.i if source is not None else None, content, ctx.tok_para[n.i],
               lemma=lemma, form="noun", cls=cls, sourceless=source is None)
