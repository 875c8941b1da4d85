"""Channels of a cue: the platform it was published on (``medium``) and the outlets the words
reached us through (``via``: "told Reuters", "in an interview with the BBC")."""
from __future__ import annotations


def platform(ctx, v) -> str | None:
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


def outlets(ctx, tok) -> list[int]:
    """``tok`` if it is an outlet, else the outlet that owns it: "the BBC's Today programme"."""
    if ctx.label_of(tok.i) == "ORG":
        return [tok.i]
    owners = [c.i for c in tok.lefts if c.dep_ == "poss" and ctx.label_of(c.i) == "ORG"]
    if owners:
        return owners[:1]
    return [tok.i] if tok.lemma_.lower() in ctx.lex["media"] else []


def interview_outlets(ctx, v) -> list[int]:
    """"said in an interview with the BBC", "Speaking to Al Jazeera, X said": the outlet."""
    out = []
    for c in v.children:
        if c.dep_ == "prep" and c.lower_ == "in":
            for p in c.children:
                if p.dep_ == "pobj" and p.lemma_.lower() in ctx.lex["interview_nouns"]:
                    for w in p.children:
                        if w.dep_ == "prep" and w.lower_ in ("with", "to"):
                            out += [i for x in w.children if x.dep_ == "pobj" for i in outlets(ctx, x)]
                    out += [x.i for x in p.lefts if x.dep_ in ("compound", "poss") and _outlet(ctx, x)]
        if c.dep_ in ("advcl", "prep") and c.lemma_.lower() in ctx.lex["interview_verbs"] and c.tag_ == "VBG":
            for w in c.children:
                if w.dep_ == "prep" and w.lower_ in ("to", "with"):
                    out += [i for x in w.children if x.dep_ == "pobj" for i in outlets(ctx, x)]
    return out
