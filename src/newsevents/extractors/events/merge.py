"""Event coreference: coordinated verbs of one type and later re-reports of the same event merge
into the first mention; party lists are compared by entity, head word or words."""
from __future__ import annotations

import re

from .lexicon import REPORTING_VERBS, words

def dedupe(actors: list[dict]) -> list[dict]:
    seen, out = set(), []
    for a in actors:
        key = (a["name"].lower(), a.get("entity"))
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out




def _head_word(actor: dict) -> str:
    words = re.findall(r"[\w.'-]+", actor["name"].lower())
    w = words[-1] if words else ""
    return w[:-1] if w.endswith("s") and len(w) > 3 else w


_STOP = {"the", "of", "a", "an", "and", "in", "its", "their", "his", "her"}


def _words(actor: dict) -> set[str]:
    out = set()
    for w in re.findall(r"[\w.'-]+", actor["name"].lower()):
        w = w.strip(".")
        if w not in _STOP:
            out.add(w[:-1] if w.endswith("s") and len(w) > 3 else w)
    return out


def _parties_overlap(a: list[dict], b: list[dict], strict: bool = False) -> bool:
    """Do two party lists name the same party? Strict: the same entity or the same words
    ("representatives of Kosovo Serbs" = "Kosovo Serb representatives"); loose: also the same head."""
    a = [x for x in a if x.get("kind") != "target"]
    b = [x for x in b if x.get("kind") != "target"]
    ents = {x.get("entity") for x in a if x.get("entity")} & {x.get("entity") for x in b if x.get("entity")}
    if ents:
        return True
    if not strict and ({_head_word(x) for x in a} & {_head_word(x) for x in b}):
        return True
    for x in a:
        for y in b:
            wx, wy = _words(x), _words(y)
            if wx and wy and (wx == wy if strict else len(wx & wy) / len(wx | wy) >= 0.5):
                return True
    return False


def _definite(tok) -> bool:
    """"the attack", "this attack", "the camp": an anaphoric mention."""
    return any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their") for c in tok.children)


def _new_incident(tok) -> bool:
    """"an attack on a village … killed five people", "another blast killed …": the clause
    introduces an incident of its own."""
    for c in tok.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN":
            if any(d.dep_ == "det" and d.lower_ in ("a", "an", "another") for d in c.children):
                return True
    return False


def _same_target(a: list[dict], b: list[dict]) -> bool:
    """Physical targets named with the same head word and no conflicting words ("the camp",
    "a military camp"; not "the camp in Boni" vs "the camp in Kidal")."""
    ta = [x for x in a if x.get("kind") == "target"]
    tb = b  # the earlier mention may have typed it ("a military camp" → MIL)
    if not ta or len(ta) != len(a):
        return False
    for x in ta:
        for y in tb:
            if _head_word(x) == _head_word(y) and (_words(x) <= _words(y) or _words(y) <= _words(x)):
                return True
    return False


def same_event(result, event: dict, tok, token_event: dict) -> dict | None:
    """An earlier event this one repeats, or None."""
    base = (event.get("recast_from") or {}).get("type", event["type"])
    head = tok.head
    for prev in result.events:
        pbase = (prev.get("recast_from") or {}).get("type", prev["type"])
        if prev["negated"] != event["negated"]:
            continue
        # coordinated verbs in one sentence: "killed 20 militants and destroyed eight vehicles"
        # (also through a coordinated reporting verb: "rejected a plan, and said they also opposed …")
        coord = head
        if tok.dep_ == "ccomp" and head.dep_ == "conj" and head.lemma_.lower() in REPORTING_VERBS:
            coord = head.head
        if (tok.dep_ == "conj" or coord.i != head.i) and token_event.get(coord.i) == prev["id"] and \
                (pbase == base or prev["type"] == event["type"]):
            if not event["actor"] or not prev["actor"] or _parties_overlap(event["actor"], prev["actor"]):
                return prev
        # a participial result of the same action: "fired at protesters, killing three" is one
        # assault (its casualties link to it)
        main_ids = {token_event.get(head.i)} | {token_event.get(c.i) for c in head.children if c.dep_ in ("dobj", "attr")}
        if tok.dep_ == "advcl" and tok.tag_ == "VBG" and prev["id"] in main_ids and \
                (pbase == base or prev["type"] == event["type"]) and \
                (not event["actor"] or not prev["actor"] or _parties_overlap(event["actor"], prev["actor"])):
            return prev
        if pbase != base or prev["sentence"] == event["sentence"]:
            continue
        # a later re-report: same (or no) actor and the same recipients
        if event["actor"] and not (prev["actor"] and _parties_overlap(event["actor"], prev["actor"])):
            continue
        if not event["recipient"]:
            continue
        if not event["actor"] and _new_incident(tok):
            continue  # "an attack on a village in the south killed five" is another attack
        if _parties_overlap(event["recipient"], prev["recipient"], strict=bool(event["actor"])):
            return prev
        if not event["actor"] and base == "ASSAULT" and _definite(tok) and _same_target(event["recipient"], prev["recipient"]):
            return prev  # "the attack on the camp …" after "attacked a military camp" (not "an attack on a camp")
        if not event["actor"] and base == "ASSAULT" and all(_head_word(r) in words("generic_person_heads") for r in event["recipient"]) \
                and not _new_incident(tok):
            return prev  # "one person was seriously injured" after the incident was reported
    return None


def fold_nominals(kept) -> list:
    """A nominal trigger inside a verbal trigger of the same type (up to three heads up) is the
    same event ("killed in a roadside *blast*" under "killed"): drop the noun."""
    final = []
    for tok, trig in kept:
        if trig.pos == "N":
            merged = False
            for vt, vtrig in kept:
                if vtrig.pos == "V" and vtrig.type == trig.type and vt.i != tok.i and \
                        (tok in vt.subtree) and (tok.head.i == vt.i or tok.head.head.i == vt.i or tok.head.head.head.i == vt.i):
                    merged = True
                    break
            if merged:
                continue
        final.append((tok, trig))
    return final
