"""Quotes: every quotation and every reported claim, with its speaker, cue and intermediaries.

Two passes over one article:

1. **Cues** (dependency rules): a speech verb from ``data/quote_cues.json`` outside quotation
   marks, its speaker (subject; "said Petkovic"; the object of "quoted Elek as saying"; the object
   of "according to") and its content (the clausal complement "X said (that) …", a trailing or
   parenthetical cue "…, X said." / "In Syria, X said, …", the object and infinitive of a
   directive "urged NATO to step in", the object of "demanded/denied …", "accused X of …").
2. **Quotations** (a character scan of the marks, :mod:`newsevents.extractors.quotemarks`), each
   attributed by the first rule that applies: a cue right after it ("“…,” Brnabic said"), a cue
   right before it ("He added, “…”", "X said:" ending the previous paragraph), the reported
   speech it is part of ("demanded “quick reaction”"), the quotation before it in the same
   paragraph (a quote split by its cue), the last speaker of the previous paragraph (a floating
   quote); otherwise the speaker is explicitly unresolved.

Output (``result.quotes``): ``kind`` ("direct" inside marks, "indirect" for reported speech, also
when it contains quoted fragments, which are listed in ``quoted``), ``text`` with ``start``/``end``
(content without the marks), ``cue`` (the verb, or "according to"), ``speaker`` (see
:func:`newsevents.resolve.speakers.describe`), ``via`` (outlets the words reached us through:
"The Kosovo Online news portal quoted …"), ``medium`` ("Twitter" for "he tweeted"), ``paragraph``
and ``evidence`` — the span from the first to the last of quotation (with marks) / content, cue
and speaker mention when they are in the same or the previous paragraph, else the quotation.
The article's own republication chain ("Via southfront.org") stays in ``article.via``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import datelines
from ..resolve.speakers import describe, article_index, np_left, speakerish, unresolved
from .registry import extractor

_WORD = re.compile(r"\w+")
_WH = {"whether", "if", "how", "what", "why", "when", "where", "who", "which"}
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
    form: str = "clausal"            # clausal | trailing | directive | object | commissive | according | quoting


# ---------------------------------------------------------------------------------------------
# cues

def _subject(doc, v, depth: int = 0):
    subjects = [c for c in v.children if c.dep_ in SUBJ]
    if len(subjects) > 1:
        # "BEIJING (AP) — China's military said": a dateline parsed as a second subject; the nearest wins
        before = [c for c in subjects if c.i < v.i]
        subjects = [max(before, key=lambda c: c.i)] if before else subjects[:1]
    for c in subjects:
        if c.dep_ in SUBJ:
            if c.lower_ in ("who", "which", "that") and v.dep_ == "relcl":
                return v.head
            if c.dep_ == "nsubjpass" and v.lemma_.lower() in ("say", "believe", "report") and \
                    any(x.dep_ == "xcomp" for x in v.children):
                return None  # "X is said to have fled": X is not a speaker
            return c
    if depth < 3 and v.dep_ in ("advcl", "conj", "xcomp") and v.head.i != v.i and v.head.pos_ in ("VERB", "AUX"):
        if v.dep_ == "conj" or v.tag_ in ("VBG", "VBN") or v.dep_ == "xcomp":
            return _subject(doc, v.head, depth + 1)
    if v.dep_ in ("acl", "relcl") and v.head.pos_ in ("NOUN", "PROPN") and v.head.i < v.i and v.tag_ == "VBD":
        return v.head  # "The Kosovo Online news portal quoted …" parsed as a reduced relative
    return None


def _span_of(ctx, toks: list[int], region: range) -> tuple[int, int] | None:
    """Char span from the first to the last token of ``toks`` kept inside ``region``."""
    doc = ctx.doc
    keep = [i for i in toks if i in region]
    if not keep:
        return None
    a, b = min(keep), max(keep)
    while a <= b and (doc[a].is_punct and doc[a].text not in "“„«\"‘'" or doc[a].is_space
                      or doc[a].lower_ == "that" and doc[a].dep_ == "mark" or doc[a].dep_ == "cc" and a < b):
        a += 1
    while b >= a and (doc[b].is_space or doc[b].is_punct and doc[b].text not in "”»\"’'"):
        b -= 1
    if b < a:
        return None
    start, end = doc[a].idx, doc[b].idx + len(doc[b])
    dateline = datelines.match(ctx.text, start, end)
    if dateline:
        start = dateline.end  # "KYIV, March 3 (Reuters) - " (a wire dateline opening a paragraph) is not part of the claim
    return _close_marks(ctx, start, end)


def _close_marks(ctx, start: int, end: int) -> tuple[int, int]:
    """Extend a content span so that it never cuts a quotation in two."""
    for q in ctx.quotations:
        if start <= q.open < end < q.outer_end:
            end = q.outer_end
        if q.open < start < q.outer_end <= end:
            start = q.open
    text = ctx.text
    while end > start and text[end - 1] in " ,;:\n\t":
        end -= 1
    return start, end


def _subtree(tok) -> list[int]:
    return [t.i for t in tok.subtree]


def _region(ctx, v) -> range:
    return ctx.sentence_range(v.i)


def _content_words(ctx, span) -> int:
    """Words of ``span`` outside quotation marks."""
    start, end = span
    inside = 0
    for q in ctx.quotations:
        if q.open >= start and q.outer_end <= end:
            inside += len(_WORD.findall(ctx.text[q.start:q.end]))
    return len(_WORD.findall(ctx.text[start:end])) - inside


def _meaningful_outside(ctx, span) -> int:
    """Content words of ``span`` outside quotation marks (no stop words, dates or times)."""
    n = 0
    for i in ctx.tokens_between(*span):
        t = ctx.doc[i]
        if ctx.tok_quote[i] < 0 and t.is_alpha and not t.is_stop and t.ent_type_ not in ("DATE", "TIME"):
            n += 1
    return n


def _has_verb_outside(ctx, span) -> bool:
    """Does ``span`` hold a clause verb outside quotation marks (a proposition, not a noun phrase
    — "including" and participles modifying a noun do not count)?"""
    return any(ctx.doc[i].pos_ == "VERB" and ctx.tok_quote[i] < 0
               and ctx.doc[i].dep_ in ("pcomp", "xcomp", "ccomp", "advcl", "csubj", "ROOT")
               for i in ctx.tokens_between(*span))


def _has_verb(ctx, span) -> bool:
    return any(ctx.doc[i].pos_ in ("VERB", "AUX") for i in ctx.tokens_between(*span))


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
    region = _region(ctx, v)
    head = v.head
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head  # "Carter thanked Abadi … and noted …, according to the release": the whole claim
    if v.dep_ not in ("prep",) or head.i == v.i:
        # fronted "According to X, …": the clause is the rest of the sentence
        toks = [i for i in region if i not in set(_subtree(v)) and i != v.i]
    else:
        cut = set(_subtree(v))
        toks = [i for i in _subtree(head) if i not in cut]
        # keep the contiguous run on the side of the clause head
        toks = _contiguous(toks, head.i)
    content = _span_of(ctx, toks, region)
    if content is None or _content_words(ctx, content) < 3:
        content = None
    cue_span = (v.idx, to.idx + len(to))
    return Cue(v.i, cue_span, pobj.i, content, ctx.tok_para[v.i], lemma="according to", form="according")


def _contiguous(toks: list[int], anchor: int) -> list[int]:
    """The run of consecutive indices in ``toks`` that contains (or is nearest to) ``anchor``."""
    if not toks:
        return toks
    toks = sorted(set(toks))
    runs, cur = [], [toks[0]]
    for i in toks[1:]:
        if i == cur[-1] + 1:
            cur.append(i)
        else:
            runs.append(cur)
            cur = [i]
    runs.append(cur)
    for run in runs:
        if run[0] <= anchor <= run[-1]:
            return run
    return max(runs, key=len)


def _verb_cue(ctx, v, lemma: str) -> Cue | None:
    doc = ctx.doc
    lex = ctx.lex
    region = _region(ctx, v)
    para = ctx.tok_para[v.i]
    cue_span = (v.idx, v.idx + len(v))
    medium = lex["media_verbs"].get(lemma) or _platform(ctx, v)

    # "X quoted Y as saying …" / "Y was quoted as saying …"
    if lemma in lex["quoting"]:
        return _quoting_cue(ctx, v, region, cue_span)

    subj = _subject(doc, v)
    if (subj is None or ctx.tok_quote[subj.i] >= 0) and v.i > 0 and ctx.tok_quote[_prev_word(doc, v.i)] >= 0:
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
    target = None  # the addressee of a passive directive ("NATO was urged by X to …")
    if subj is None or ctx.tok_quote[subj.i] >= 0 or ctx.tok_para[subj.i] != para:
        return None
    if subj.lower_ in ("i", "we", "you"):
        return None
    if subj.dep_ == "nsubjpass" and lemma not in lex["clausal"] - lex["object"] - lex["directive"]:
        # "Karbouly was accused of …", "NATO was urged to …": the subject is the target, not the speaker
        agent = next((c for c in v.children if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if pobj is None:
            return None
        target, subj = subj, pobj
    if not speakerish(ctx, subj) and (subj.pos_ == "PRON" or lemma not in lex["strong"]):
        return None  # "Today's ceremony underscores …", "those reject …": not a speaker
    children = list(v.children)
    comp = next((c for c in children if c.dep_ == "ccomp" and ctx.tok_para[c.i] == para
                 and not _is_trailing_cue(c, lex)), None)
    if comp is None:
        # "told Reuters in an interview that …": the that-clause hangs on the interview/statement
        # "told reporters on a conference call that …", "said at a news conference that …": any
        # prepositional object the parse hung a that-clause on (a complementiser, with its own subject)
        for p in children:
            if p.dep_ == "prep" and p.lower_ in ("in", "during", "on", "at", "after", "before", "via", "through"):
                for n in p.children:
                    if n.dep_ == "pobj":
                        comp = next((a for a in n.children if a.dep_ in ("acl", "relcl", "ccomp") and a.i > n.i
                                     and any(m.dep_ == "mark" and m.lower_ == "that" for m in a.children)
                                     and any(m.dep_ in SUBJ and m.lower_ != "that" for m in a.children)), comp)
    content = None
    form = "clausal"
    if comp is not None and not any(c.dep_ == "mark" and c.lower_ in _WH for c in comp.children) \
            and not (comp.i > v.i and doc[comp.left_edge.i].lower_ in _WH):
        toks = _subtree(comp)
        mark = next((m for m in comp.children if m.dep_ == "mark" and m.lower_ == "that" and m.i > v.i), None)
        if mark is None and comp.ent_type_ and comp.i > v.i:
            # a name parsed as the clause's verb ("told the agency WAFA that …", WAFA read as a verb)
            mark = next((doc[i] for i in toks if doc[i].dep_ == "mark" and doc[i].lower_ == "that"
                         and comp.i < i <= comp.i + 3), None)
        if mark is not None:
            toks = [i for i in toks if i > mark.i]  # the clause starts at "that"
        content = _span_of(ctx, toks, region)
    elif lemma in lex["weak"] and lemma not in lex["directive"] | lex["object"]:
        content = None
    else:
        dobj = next((c for c in children if c.dep_ in ("dobj", "dative") and ctx.tok_para[c.i] == para), target)
        xcomp = next((c for c in children if c.dep_ == "xcomp" and c.i > v.i), None)
        preps = [c for c in children if c.dep_ == "prep" and c.lower_ in lex["object_preps"].get(lemma, ())
                 and not any(x.ent_type_ in ("DATE", "TIME") for x in c.children)]  # not "on Sunday"
        if lemma in lex["directive"] and xcomp is not None and (dobj is not None or preps):
            toks = _subtree(xcomp) + (_subtree(dobj) if dobj is not None and dobj is not target else []) \
                + sum((_prep_object(p) for p in preps), [])
            content = _span_of(ctx, toks, region)
            form = "directive"
        elif lemma in ("call", "appeal") and preps:
            toks = sum((_prep_object(p) for p in preps), []) \
                + (_subtree(xcomp) if xcomp is not None else [])
            content = _span_of(ctx, toks, region)
            form = "directive"
        elif lemma in lex["object"] and dobj is not None and dobj.pos_ not in ("PRON",):
            toks = _subtree(dobj) + sum((_subtree(p) for p in preps), [])
            content = _span_of(ctx, toks, region)
            form = "object"
            if content is not None and lemma not in lex["claim_objects"] and not _has_verb_outside(ctx, content):
                content = None  # "demanded the release of the prisoners": a request, not a proposition
        elif lemma in lex["object"] and dobj is None and preps:
            content = _span_of(ctx, sum((_prep_object(p) for p in preps), []), region)  # "warned of …"
            form = "object"
        elif lemma in lex["commissive"] and xcomp is not None and dobj is None:
            content = _span_of(ctx, _subtree(xcomp), region)  # "vowed to press on"
            form = "commissive"
    if content is None and (v.dep_ == "parataxis" or v.dep_ in ("advcl", "ccomp") and v.i > v.head.i) \
            and lemma in lex["clausal"] and lemma not in lex["weak"] and v.i > v.head.i - 40 and v.tag_ != "VBG":
        # trailing or parenthetical cue: "…, X said." / "In Syria, X said, …"
        cut = set(_subtree(v))
        toks = [i for i in _subtree(v.head) if i not in cut]
        run = _contiguous([i for i in toks if i in region], v.head.i)
        if run and (v.dep_ == "parataxis" or _comma_between(doc, run, v)):
            content = _span_of(ctx, run, region)
            form = "trailing"
    if content is not None and any(q.start <= content[0] and content[1] <= q.end for q in ctx.quotations):
        content = None  # the parse put the complement inside the quotation: the direct quote carries it
    if content is not None:
        words = _content_words(ctx, content)
        if words < 2 and not _has_quote_in(ctx, content):
            content = None
        elif form == "object" and words <= 2 and not _has_quote_in(ctx, content) and \
                ctx.text[content[0]:content[1]].split()[0].lower() in ("the", "this", "these", "those", "that", "such", "it"):
            content = None  # "Hamas denied the claim": the claim is told elsewhere
        elif lemma in lex["clausal"] and comp is not None and not _has_verb(ctx, content):
            content = None
    via = []
    if lemma == "tell":
        # "told Reuters": the outlet the words were given to
        obj = next((c for c in children if c.dep_ in ("dobj", "dative") and ctx.tok_para[c.i] == para), None)
        if obj is not None:
            via.extend(_outlets(ctx, obj))
    via.extend(i for i in _interview_outlets(ctx, v) if i not in via)
    # a cue with neither content nor a quotation next to it is still kept: direct quotes look for it
    return Cue(v.i, cue_span, subj.i, content, para, via=via, medium=medium, lemma=lemma, form=form)


def _platform(ctx, v) -> str | None:
    """The social platform a cue names: "said on Telegram", "wrote on its Facebook page", "said in
    a post on X", "via WhatsApp"."""
    platforms = ctx.lex["platforms"]
    for c in v.children:
        if c.dep_ != "prep" or c.lower_ not in ("on", "via", "in"):
            continue
        for p in c.children:
            if p.dep_ != "pobj":
                continue
            words = [p] + [x for x in p.lefts if x.dep_ in ("compound", "poss", "nmod")]
            words += [y for x in p.rights if x.dep_ == "prep" and x.lower_ in ("on", "to")
                      for y in x.children if y.dep_ == "pobj"]  # "in a post on X"
            for w in words:
                if w.text.lower() in platforms and (c.lower_ != "in" or w is not p):
                    return platforms[w.text.lower()]
    return None


def _outlet(ctx, tok) -> bool:
    return ctx.label_of(tok.i) == "ORG" or tok.lemma_.lower() in ctx.lex["media"]


def _outlets(ctx, tok) -> list[int]:
    """``tok`` if it is an outlet, else the outlet that owns it: "the BBC's Today programme"."""
    if ctx.label_of(tok.i) == "ORG":
        return [tok.i]
    owners = [c.i for c in tok.lefts if c.dep_ == "poss" and ctx.label_of(c.i) == "ORG"]
    if owners:
        return owners[:1]
    return [tok.i] if tok.lemma_.lower() in ctx.lex["media"] else []


def _interview_outlets(ctx, v) -> list[int]:
    """"said in an interview with the BBC", "Speaking to Al Jazeera, X said": the outlet."""
    out = []
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ == "in":
            for p in c.children:
                if p.dep_ == "pobj" and p.lemma_.lower() in ("interview", "conversation"):
                    for w in p.children:
                        if w.dep_ == "prep" and w.lower_ in ("with", "to"):
                            out += [i for x in w.children if x.dep_ == "pobj" for i in _outlets(ctx, x)]
                    out += [x.i for x in p.lefts if x.dep_ in ("compound", "poss") and _outlet(ctx, x)]
        if c.dep_ in ("advcl", "prep") and c.lemma_.lower() in ("speak", "talk") and c.tag_ == "VBG":
            for w in c.children:
                if w.dep_ == "prep" and w.lower_ in ("to", "with"):
                    out += [i for x in w.children if x.dep_ == "pobj" for i in _outlets(ctx, x)]
    return out


def _prev_word(doc, i: int) -> int:
    j = i - 1
    while j > 0 and doc[j].is_space:
        j -= 1
    return j


def _is_trailing_cue(c, lex) -> bool:
    """"The UK has announced sanctions, the Foreign Office said": the parse makes the trailing cue
    the complement of the main verb; it is the cue of the sentence, not its content."""
    return c.lemma_.lower() in lex["clausal"] and c.i > c.head.i and any(x.dep_ in SUBJ for x in c.children) \
        and not any(x.dep_ == "ccomp" for x in c.children) and any(t.text == "," for t in c.head.subtree
                                                                       if c.head.i < t.i < c.left_edge.i + 1)


def _prep_object(p) -> list[int]:
    """The subtree of a preposition without the preposition ("on both sides" → "both sides")."""
    return [i for i in _subtree(p) if i != p.i]


def _comma_between(doc, run: list[int], v) -> bool:
    lo, hi = (run[-1], v.i) if run[-1] < v.i else (v.i, run[0])
    return any(doc[k].text in (",", "—", "–", "-") for k in range(lo, hi + 1))


def _has_quote_in(ctx, span) -> bool:
    return any(span[0] <= q.open and q.outer_end <= span[1] for q in ctx.quotations)


def _quoting_cue(ctx, v, region, cue_span) -> Cue | None:
    doc = ctx.doc
    para = ctx.tok_para[v.i]
    obj = next((c for c in v.children if c.dep_ == "dobj"), None)
    as_prep = next((c for c in v.children if c.dep_ == "prep" and c.lower_ == "as"), None)
    saying = None
    if as_prep is not None:
        saying = next((c for c in as_prep.children if c.dep_ in ("pcomp", "pobj")), None)
    via = []
    passive = False
    if obj is not None:
        speaker = obj
        src = _subject(doc, v)
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
            content = _span_of(ctx, _subtree(comp), region)
            if content is not None and _content_words(ctx, content) < 2 and not _has_quote_in(ctx, content):
                content = None
    if saying is None and obj is None:
        return None
    return Cue(v.i, cue_span, speaker.i, content, para, via=via, lemma="quote", passive_quote=passive, form="quoting")


# ---------------------------------------------------------------------------------------------
# attribution of quotations

def _only_punct(ctx, a: int, b: int) -> bool:
    """Are the tokens in [a, b) only punctuation and blanks?"""
    doc = ctx.doc
    return all(doc[k].is_punct or doc[k].is_space for k in range(a, b))


def _after_cue(ctx, q, cues_by_verb, next_open: int | None) -> Cue | None:
    """"“…,” Brnabic said" / "“…,” said Petkovic" / "“…,” Elek was quoted as saying"."""
    doc = ctx.doc
    toks = ctx.tokens_between(q.outer_end, next_open if next_open is not None else ctx.paras[q.para][1])
    first = None
    for k in toks:
        if not (doc[k].is_punct or doc[k].is_space):
            first = k
            break
    if first is None:
        return None
    sid = ctx.sent_id[first]
    for k in toks:
        if k < first:
            continue
        if ctx.sent_id[k] != sid and k > first:
            break
        cue = cues_by_verb.get(k)
        if cue is None or cue.speaker is None:
            continue
        sp = doc[cue.speaker]
        left = min(np_left(doc, sp.i), sp.i)
        lead = min(left, k)
        if lead >= first and (lead == first or _only_punct(ctx, first, lead) or _aux_only(doc, first, k)):
            return cue
        return None
    return None


def _aux_only(doc, a: int, b: int) -> bool:
    return all(doc[k].pos_ in ("AUX", "PART", "PUNCT", "SPACE") for k in range(a, b))


def _before_cue(ctx, q, cues_by_verb, prev_close: int | None) -> Cue | None:
    """"He added, “…”", "X said: “…”", "adding that “…”", "X said in a statement: “…”"."""
    doc = ctx.doc
    para_start = ctx.paras[q.para][0]
    lo = max(para_start, prev_close or para_start)
    toks = list(ctx.tokens_between(lo, q.open))
    if not toks:
        return None
    first_in = next(iter(ctx.tokens_between(q.start, q.end)), None)
    sid = ctx.sent_id[toks[-1]]
    for k in reversed(toks):
        if ctx.sent_id[k] != sid:
            break
        cue = cues_by_verb.get(k)
        if cue is None or cue.speaker is None:
            continue
        between = range(k + 1, toks[-1] + 1)
        v = doc[k]
        ok = all(doc[j].is_punct or doc[j].is_space or doc[j].lower_ in ("that", "as", "saying")
                 or _ancestor(doc[j], v) and not _in_comp(doc[j], v) for j in between)
        if ok or first_in is not None and _ancestor(doc[first_in], v):
            return cue
        return None
    return None


def _ancestor(tok, anc) -> bool:
    cur = tok
    for _ in range(40):
        if cur.i == anc.i:
            return True
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _in_comp(tok, v) -> bool:
    """Is ``tok`` inside the clausal complement or object of ``v``?"""
    cur = tok
    for _ in range(40):
        if cur.head.i == v.i:
            return cur.dep_ in ("ccomp", "dobj", "xcomp")
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _colon_cue(ctx, q, cues) -> Cue | None:
    """A speaker introduced before a colon, the quotation opening the next paragraph."""
    text = ctx.text
    if q.para == 0:
        return None
    ps = ctx.paras[q.para][0]
    if q.open != ps:
        return None
    prev_start, prev_end = ctx.paras[q.para - 1]
    if text[prev_end - 1] != ":":
        return None
    best = None
    for cue in cues:
        if cue.para == q.para - 1 and cue.speaker is not None and prev_start <= cue.cue[0] < prev_end:
            best = cue
    if best is None:
        # "X provided the following statement on the advance:" — a statement introduced by its issuer
        doc = ctx.doc
        last = ctx.token_at(prev_end - 1)
        for i in ctx.sentence_range(last):
            t = doc[i]
            if t.dep_ == "dobj" and (t.lemma_.lower() in ctx.lex["document"] or t.lemma_.lower() == "remark"):
                subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
                if subj is not None and speakerish(ctx, subj):
                    v = t.head
                    return Cue(v.i, (v.idx, v.idx + len(v)), subj.i, None, q.para - 1, lemma=v.lemma_.lower())
    return best


# ---------------------------------------------------------------------------------------------
# the stage

def _evidence_span(ctx, parts: list[tuple[int, int] | None], anchor_para: int) -> tuple[int, int]:
    spans = [p for p in parts if p is not None and ctx.para_of(p[0]) in (anchor_para, anchor_para - 1)]
    return min(s[0] for s in spans), max(s[1] for s in spans)


def extract(doc, result) -> list[dict]:
    ctx = article_index(doc, result)
    lex = ctx.lex
    text = ctx.text
    cues = find_cues(ctx)
    cues_by_verb = {c.verb: c for c in cues}
    quotations = ctx.quotations

    # 1. attribute every quotation
    attributed: list[tuple[object, Cue | None, str]] = []
    for qi, q in enumerate(quotations):
        nxt = quotations[qi + 1] if qi + 1 < len(quotations) and quotations[qi + 1].para == q.para else None
        prv = quotations[qi - 1] if qi > 0 and quotations[qi - 1].para == q.para else None
        how = ""
        cue = _colon_cue(ctx, q, cues)
        if cue is not None:
            how = "colon"
        if cue is None and _ends_sentence(ctx, q):
            # "X said: “We need help.” He added …": the cue before wins over the next sentence's
            cue = _before_cue(ctx, q, cues_by_verb, prv.outer_end if prv else None)
            how = "before" if cue else how
        if cue is None and not q.continued:
            cue = _after_cue(ctx, q, cues_by_verb, nxt.open if nxt else None)
            how = "after" if cue else how
        if cue is None:
            cue = _before_cue(ctx, q, cues_by_verb, prv.outer_end if prv else None)
            how = "before" if cue else how
        if cue is None:
            for c in cues:
                if c.content and c.content[0] <= q.open and q.outer_end <= c.content[1] and c.speaker is not None:
                    cue, how = c, "inside"
                    break
        attributed.append([q, cue, how])

    # 2. split quotes, continued paragraphs and floating quotes inherit the last attribution
    #    before them: in the same paragraph, or in the previous one when they open their paragraph
    events = sorted([(c.cue[0], c) for c in cues if c.speaker is not None], key=lambda e: e[0])
    for qi, item in enumerate(attributed):
        q, cue, how = item
        if cue is not None:
            continue
        opens_para = text[ctx.paras[q.para][0]:q.open].strip() == ""
        best = None
        for pos, c in events:
            if pos >= q.open:
                break
            if c.para == q.para or opens_para and c.para == q.para - 1:
                best = (pos, c)
        for pq, pcue, _ in attributed[:qi]:
            if pcue is not None and (pq.para == q.para or opens_para and pq.para == q.para - 1) \
                    and (best is None or pq.open > best[0]):
                best = (pq.open, pcue)
        if best is None:
            continue
        if ctx.para_of(best[0]) == q.para:
            item[1], item[2] = best[1], "split"
        else:
            prev = [x for x in attributed[:qi] if x[0].para == q.para - 1]
            if prev and not (prev[-1][0].continued or _para_ends_with(ctx, prev[-1][0])):
                continue
            item[1], item[2] = best[1], "floating"
    # a multi-paragraph quotation whose cue is in its last paragraph
    for qi in range(len(attributed) - 2, -1, -1):
        q, cue, how = attributed[qi]
        if cue is None and q.continued and attributed[qi + 1][1] is not None:
            attributed[qi][1], attributed[qi][2] = attributed[qi + 1][1], "continued"

    # 3. build items in text order, describing speakers as we go
    items = []
    for q, cue, how in attributed:
        if any(o.open < q.open and q.outer_end <= o.outer_end for o in quotations if o is not q):
            continue
        words = len(_WORD.findall(text[q.start:q.end]))
        verb = _has_verb(ctx, (q.start, q.end))
        fragment = any(c.content and c.content[0] <= q.open and q.outer_end <= c.content[1]
                       and _meaningful_outside(ctx, c.content) for c in cues)
        if cue is not None and how in ("colon", "after", "before", "split", "continued", "floating") and not fragment:
            keep = words >= lex["min_words"] or verb
        elif cue is not None:  # a fragment inside reported speech
            keep = words >= lex["min_words"]
        else:
            # no speaker anywhere: only a clause-like quotation that reads as one (not a title,
            # a nickname or a fragment cut by stray marks)
            keep = verb and words >= lex["min_words"] + 1 and (text[q.start].isalnum() or text[q.start] in "“‘\"'«") \
                and not _title_case(text[q.start:q.end])
        if keep:
            items.append(("direct", q.start, q.end, q, cue, how))
    for cue in cues:
        if cue.content is None or cue.speaker is None:
            continue
        start, end = cue.content
        carried = any(start <= it[3].open and it[3].outer_end <= end for it in items if it[0] == "direct")
        if carried and (_content_words(ctx, cue.content) < 2 or not _meaningful_outside(ctx, cue.content)):
            continue  # the reported content is a quotation: the direct quote carries it
        if len(_WORD.findall(text[start:end])) < 2:
            continue
        items.append(("indirect", start, end, None, cue, "cue"))
    statement = _statement_paragraphs(ctx, cues, items)
    if statement:
        # reported speech inside an unquoted statement is part of the statement ("The UK calls on …"),
        # and so is the first sentence the parse took as the cue's complement ("said: The UK has …")
        inside = [(it[1], it[2]) for it in statement]
        items = [it for it in items if it[0] != "indirect" or not any(a <= it[1] and it[2] <= b for a, b in inside)]
        items.extend(statement)
    items.sort(key=lambda it: (it[1], it[0]))

    out = []
    last_org: dict | None = None
    via_memory: dict[str, list[dict]] = {}
    for kind, start, end, q, cue, how in items:
        if cue is None:
            speaker = unresolved(None, None)
            cue_ev = None
            via = []
            medium = None
        else:
            speaker = describe(ctx, cue.speaker, fallback=last_org)
            cue_ev = result.evidence(*cue.cue)
            via = [_via(ctx, result, h) for h in cue.via]
            key = speaker.get("entity") or speaker.get("name")
            if cue.lemma == "quote" and via and key:
                via_memory[key] = via
            if not via and cue.passive_quote and key in via_memory:
                via = [dict(v) for v in via_memory[key]]
            medium = cue.medium
        if cue is not None and speaker.get("name") and _anonymous(ctx, cue):
            speaker = dict(speaker)
            speaker["anonymous"] = True  # "a senior official, speaking on condition of anonymity, said …"
        if speaker.get("name") and speaker.get("kind") in ("organisation", "media", "country") and cue is not None:
            last_org = speaker
        para = ctx.para_of(start)
        if q is not None:
            parts = [(q.open, q.outer_end)]
        else:
            parts = [(start, end)]
        if cue is not None:
            parts.append(cue.cue)
            if speaker.get("mention"):
                m = speaker["mention"]
                parts.append((m["start"], m["end"]))
        ev_start, ev_end = _evidence_span(ctx, parts, para) if q is None or cue is not None else (q.open, q.outer_end)
        item = {
            "kind": kind,
            "text": text[start:end],
            "start": start,
            "end": end,
            "speaker": speaker,
            "cue": cue_ev,
            "via": [v for v in via if v],
            "medium": medium,
            "paragraph": para,
            "evidence": result.evidence(ev_start, ev_end),
            "attribution": how or None,
        }
        if kind == "indirect":
            item["quoted"] = [result.evidence(x.start, x.end) for x in quotations
                              if start <= x.open and x.outer_end <= end]
        out.append(item)
    return out


_END = (".", "!", "?", "…", ".”", ".\"", "?”", "!”")


def _statement_paragraphs(ctx, cues, items) -> list[tuple]:
    """Press-release style: "The Foreign Secretary Philip Hammond said:" closing its paragraph,
    then the statement in the next paragraphs without quotation marks. Each such paragraph is a
    direct quote of that speaker, up to a paragraph with quotation marks, a new attribution, a
    heading (no final punctuation) or eight paragraphs. "Philip Hammond said: The UK has …" (the
    statement after the colon in the same paragraph) is one too."""
    text = ctx.text
    doc = ctx.doc
    out = []
    taken = {(it[1], it[2]) for it in items}
    for cue in cues:
        if cue.speaker is None or cue.form != "clausal" or doc[cue.verb].lemma_.lower() not in ctx.lex["strong"]:
            continue
        colon = _colon_after(ctx, cue.verb)
        if colon is None:
            continue
        pi = cue.para
        ps, pe = ctx.paras[pi]
        rest_start = doc[colon].idx + 1
        while rest_start < pe and text[rest_start].isspace():
            rest_start += 1
        if rest_start < pe:
            body = text[rest_start:pe]
            if not _quoted_inside(ctx, rest_start, pe) and body.rstrip().endswith(_END) and len(_WORD.findall(body)) >= 6 \
                    and (rest_start, pe) not in taken:
                out.append(("direct", rest_start, pe, None, cue, "colon"))
            continue
        for pj in range(pi + 1, min(pi + 9, len(ctx.paras))):
            qs, qe = ctx.paras[pj]
            body = text[qs:qe]
            if _quoted_inside(ctx, qs, qe) or not body.rstrip().endswith(_END) \
                    or len(_WORD.findall(body)) < 6:
                break
            first_sentence = ctx.sent_id[ctx.token_at(qs)]
            if any(c.para == pj and c.speaker is not None and c.content is not None
                   and c.form in ("clausal", "trailing", "according", "quoting")
                   and ctx.sent_id[c.verb] == first_sentence and doc[c.speaker].lower_ not in ("i", "we")
                   for c in cues):
                break  # a new attribution: the statement is over
            if (qs, qe) not in taken:
                out.append(("direct", qs, qe, None, cue, "colon"))
    return out


def _quoted_inside(ctx, start: int, end: int) -> bool:
    """Does ``[start, end)`` open with a quotation or hold a quotation of a sentence's length (so it
    is not an unquoted statement; scare quotes like Assad's “war” do not count)?"""
    for q in ctx.quotations:
        if start <= q.open < end and (q.open == start or len(_WORD.findall(ctx.text[q.start:q.end])) >= 6):
            return True
    return False


def _colon_after(ctx, v: int) -> int | None:
    """The colon that closes a cue ("said:", "said in a statement:"), outside quotation marks."""
    doc = ctx.doc
    verb = doc[v]
    for j in range(v + 1, min(v + 10, len(doc))):
        t = doc[j]
        if ctx.tok_para[j] != ctx.tok_para[v] or ctx.tok_quote[j] >= 0:
            return None
        if t.text == ":":
            return j
        if not _ancestor(t, verb) or _in_comp(t, verb):
            return None
    return None


def _title_case(text: str) -> bool:
    """"Where the Wild Things Are": a title, not speech (most words capitalised, no full stop)."""
    words = _WORD.findall(text)
    caps = sum(1 for w in words if w[:1].isupper())
    return len(words) >= 2 and caps / len(words) >= 0.6 and not text.rstrip("”\"'’»").endswith((".", "!", "?"))


def _ends_sentence(ctx, q) -> bool:
    """Does the quotation end with a full stop and the text after it start a new sentence?"""
    text = ctx.text
    if not text[q.start:q.end].endswith((".", "…")):
        return False
    rest = text[q.outer_end:ctx.paras[q.para][1]].lstrip()
    return bool(rest) and rest[0].isupper()


def _anonymous(ctx, cue) -> bool:
    rng = ctx.sentence_range(cue.verb)
    doc = ctx.doc
    sentence = ctx.text[doc[rng[0]].idx: doc[rng[-1]].idx + len(doc[rng[-1]])].lower()
    return any(p in sentence for p in ctx.lex["anonymity"])


def _para_ends_with(ctx, q) -> bool:
    """Does the quotation end its paragraph, or only its cue follow it?"""
    tail = ctx.text[q.outer_end:ctx.paras[q.para][1]]
    return len(_WORD.findall(tail)) <= 12


def _via(ctx, result, head: int) -> dict | None:
    sp = describe(ctx, head)
    name = sp.get("name")
    if not name:
        return None
    m = sp.get("mention")
    return {"name": name, "url": None, "kind": "outlet" if sp.get("kind") in ("media", "organisation") else "relay",
            "entity": sp.get("entity"), "evidence": m}


@extractor("quotes", requires=("entities", "coref"))
def extract_quotes(doc, result) -> None:
    """Direct quotes and reported speech with speaker, cue, via chain and paragraph."""
    for item in extract(doc, result):
        result.add("quotes", item)
