"""The PLOVER trigger lexicon and its frames, compiled once per process from data files.

``data/events/plover_triggers.tsv`` maps a lemma + part of speech + syntactic frame to a PLOVER
type/mode; ``classes.tsv`` holds the word classes frames refer to (``obj:@crowdctl``);
``codes.tsv`` and ``acled_map.tsv`` give CAMEO/QuadClass/Goldstein and ACLED codes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ... import datafiles
from ...vocabulary import reporting_verbs



@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """The word list ``name`` of ``data/events/word_lists.tsv`` (one list per notion)."""
    lists = _word_lists()
    if name not in lists:
        raise KeyError(f"no word list {name!r} in data/events/word_lists.tsv")
    return lists[name]


@lru_cache(maxsize=1)
def _word_lists() -> dict[str, frozenset[str]]:
    return {row["list"]: frozenset(row["words"]) for row in datafiles.table("events/word_lists.tsv")}


REPORTING_VERBS = set(reporting_verbs("events"))  # data/reporting_verbs.tsv, use "events"


def lemma_forms(tok) -> set[str]:
    """The token's lemma plus guesses from its form, for lemmatizer slips ("staged" → "stag")."""
    low = tok.lower_
    out = {tok.lemma_.lower(), low}
    if low.endswith("ed"):
        out |= {low[:-1], low[:-2]}
        if len(low) > 4 and low[-3] == low[-4]:
            out.add(low[:-3])  # "stopped" → "stop"
    elif low.endswith("ing"):
        out |= {low[:-3], low[:-3] + "e"}
    elif low.endswith("es"):
        out |= {low[:-1], low[:-2]}
    elif low.endswith("s"):
        out.add(low[:-1])
    return out


def is_light_verb(tok) -> bool:
    return bool(lemma_forms(tok) & words("light_verbs"))


@dataclass(frozen=True)
class Trigger:
    lemma: str
    particle: str | None
    pos: str
    type: str
    mode: str | None
    context: tuple[str, ...]
    conds: tuple[tuple[str, str], ...] = field(default=())
    content: bool = False
    theme: bool = False
    swap: bool = False  # host/receive: the visitor (object) is the actor, the host the recipient
    derived: bool = False  # a row of cameo_verbs.tsv (the CAMEO dictionary), not a curated one


# The frame language (docs/events.md, "Frame keys"): key → what its value is. "none": the key takes
# no value; "optional"/"required": a value after ':' ('|'-separated words, '@class' names).
FRAME_KEYS: dict[str, str] = {
    "any": "none", "obj": "required", "noobj": "required", "nodobj": "none", "objactor": "none",
    "objgpe": "none", "objperson": "none", "objpeople": "none", "objtarget": "none",
    "dobj": "none", "objnotgpe": "none", "obj_or_subj": "required", "toactor": "none",
    "noxcomp": "none", "xcomp": "optional", "prep": "required", "noprep": "required", "underprep": "required",
    "frompobj": "required", "pobj": "required", "comp": "required", "conjsubj": "none", "subjactor": "none",
    "subjpeople": "none", "subj": "required", "advmod": "required", "amod": "required",
    "noamod": "required", "arg": "optional", "argstrict": "none", "lightverb": "optional", "kills": "none",
}
FRAME_FLAGS = ("content", "theme", "swap")  # properties of the entry, not conditions on the parse


def parse_frame(frame: str, path: str, line: int, classes=None) -> tuple[tuple[tuple[str, str], ...], set[str]]:
    """``(conditions, flags)`` of a frame string; an unknown key [E029], a missing or unexpected
    value or an unknown ``@class`` (when ``classes`` is given) [E030] is refused, naming the file and line."""
    conds, flags = [], set()
    for part in frame.split():
        key, _, val = part.partition(":")
        if key in FRAME_FLAGS and not val:
            flags.add(key)
            continue
        kind = FRAME_KEYS.get(key)
        if kind is None:
            raise datafiles.DataFileError("E029", path=path, line=line, key=key,
                                          expected=", ".join(sorted((*FRAME_KEYS, *FRAME_FLAGS))))
        if kind == "none" and val:
            raise datafiles.DataFileError("E030", path=path, line=line, reason=f"frame key '{key}' takes no value ({part!r})")
        if kind == "required" and not val:
            raise datafiles.DataFileError("E030", path=path, line=line, reason=f"frame key '{key}' needs a value ('{key}:...')")
        for alt in val.split("|"):
            if alt.startswith("@") and classes is not None and alt[1:] not in classes:
                raise datafiles.DataFileError("E030", path=path, line=line,
                                              reason=f"frame key '{key}': no word class '{alt}' in data/events/classes.tsv")
        conds.append((key, val))
    return tuple(conds), flags


class Lexicon:
    def __init__(self):
        self.classes: dict[str, set[str]] = {}
        for row in datafiles.table("events/classes.tsv"):
            self.classes[row["class"]] = set(row["lemmas"])
        self.verbs: dict[str, list[Trigger]] = {}
        self.adjectives: dict[str, list[Trigger]] = {}
        self.nouns: dict[str, list[Trigger]] = {}
        self.noun_phrases: dict[tuple[str, str], list[Trigger]] = {}  # ("air", "strike")
        tables = [("events/plover_triggers.tsv", False), ("events/cameo_verbs.tsv", True)]
        rows = [(row, derived, name, line) for name, derived in tables
                for row, line in zip(datafiles.table(name), datafiles.table(name).lines)]
        for row, derived, name, line in rows:
            lemma, pos, typ, mode, frame = (row[k] for k in ("lemma", "pos", "type", "mode", "frame"))
            lemma_words = lemma.split()
            conds, flags = parse_frame(frame, f"data/{name}", line, self.classes)
            content, theme, swap = ("content" in flags), ("theme" in flags), ("swap" in flags)
            particle = None
            if pos == "V" and len(lemma_words) == 2:
                lemma, particle = lemma_words
            trig = Trigger(lemma if pos == "V" else lemma_words[-1], particle, pos, typ, mode or None,
                           tuple(row["context"]), conds, content, theme, swap, derived)
            if pos == "V":
                self.verbs.setdefault(lemma, []).append(trig)
            elif pos == "A":
                self.adjectives.setdefault(lemma, []).append(trig)
            elif len(lemma_words) == 2:
                self.noun_phrases.setdefault((lemma_words[0], lemma_words[1]), []).append(trig)
            else:
                self.nouns.setdefault(lemma_words[0], []).append(trig)
        # every word a trigger can start from, for a set lookup before matching
        self.trigger_words: set[str] = set(self.verbs) | set(self.adjectives) | set(self.nouns) | \
            {w for pair in self.noun_phrases for w in pair} | \
            {v.split("-", 1)[1] for v in self.verbs if "-" in v}  # "lathi-charged": the word after the hyphen
        self.codes: dict[str, tuple[str, int, float]] = {}
        for row in datafiles.table("events/codes.tsv"):
            self.codes[row["key"]] = (row["cameo"], row["quad_class"], row["goldstein"])
        self.acled: list[tuple] = []
        for row in datafiles.table("events/acled_map.tsv"):
            self.acled.append((row["type"], row["mode"], set(row["actor"]), set(row["recipient"]),
                               row["acled_event_type"], row["acled_sub_event_type"]))
        self.modality: dict[str, list[tuple[str, str]]] = {}
        for row in datafiles.table("events/modality.tsv"):
            self.modality.setdefault(row["where"], []).append((row["cue"], row["kind"]))
        self.assault_modes: dict[str, str] = {}
        for row in datafiles.table("events/assault_modes.tsv"):
            self.assault_modes[row["word"]] = row["mode"]
        self.mobilize_modes: dict[str, str] = {}
        for row in datafiles.table("events/mobilize_modes.tsv"):
            self.mobilize_modes[row["word"]] = row["mode"]
        self.contexts: list[tuple[str, str]] = []
        for row in datafiles.table("events/contexts.tsv"):
            self.contexts.append((row["stem"], row["context"]))
        self.context_re = re.compile(r"\b(" + "|".join(re.escape(stem) for stem, _ in self.contexts) + r")", re.I)
        self._context_of = {stem: ctx for stem, ctx in self.contexts}
        self.quantities: dict[str, tuple[int, bool]] = {}
        for row in datafiles.table("events/quantities.tsv"):
            self.quantities[row["word"]] = (row["count"], row["approximate"])

    def in_class(self, token, spec: str) -> bool:
        """Does ``token`` (a noun) match ``a|b|@class`` ("tear gas" matches ``tear_gas``)?"""
        lemma = token.lemma_.lower()
        if token.ent_type_ == "MONEY" and "@aid" in spec.split("|"):
            return True  # "granted $100 million in aid": money given
        from ...resolve.actors import of_member
        member = of_member(token)
        if member is not None and member.i != token.i:
            return self.in_class(member, spec)
        if lemma in words("measure_nouns") or token.like_num:
            # "700 kg of medicine", "part of a stronghold", "a series of bombs"
            for c in token.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            return self.in_class(p, spec)
        comp = [c for c in token.children if c.dep_ in ("compound", "amod")]
        comp_lemmas = {c.lemma_.lower() for c in comp}
        phrase = "_".join([c.lower_ for c in comp[-1:]] + [lemma]) if comp else None
        for alt in spec.split("|"):
            if alt == "*":
                return True  # any object
            if alt.startswith("@"):
                members = self.classes.get(alt[1:], set())
                if lemma in members or token.lower_ in members or (phrase and phrase in members):
                    return True
                if alt == "@place" and token.ent_type_ in ("GPE", "LOC", "FAC"):
                    return True
            elif alt == lemma or alt == token.lower_ or (phrase and alt == phrase) or \
                    (lemma in words("modifier_named_heads") and alt in comp_lemmas):
                return True
        return False

    def contexts_in(self, text: str) -> list[str]:
        """PLOVER contexts whose cue words occur in ``text``, in order of appearance."""
        out = []
        for m in self.context_re.finditer(text):
            ctx = self._context_of.get(m.group(1).lower())
            if ctx and ctx not in out:
                out.append(ctx)
        return out

    def codes_for(self, typ: str, mode: str | None) -> tuple[str, int, float]:
        return self.codes.get(f"{typ}:{mode}") or self.codes.get(typ) or ("", 0, 0.0)

    def acled_for(self, typ: str, mode: str | None, actor_sectors: set, recipient_sectors: set):
        for t, m, a, r, etype, sub in self.acled:
            if t != typ or (m != "*" and m != mode):
                continue
            if "*" not in a and not (a & actor_sectors):
                continue
            if "*" not in r and not (r & recipient_sectors):
                continue
            return etype, sub
        return None, None

    def event_codes(self, typ: str, mode: str | None, actors, recipients) -> dict:
        """An event's ``codes`` (CAMEO root, QuadClass, Goldstein, ACLED type and sub-type) from its
        PLOVER type and mode and its actors' and recipients' sectors; an ASSAULT no row maps is
        ACLED's "Violence against civilians / Attack"."""
        cameo, quad, gold = self.codes_for(typ, mode)
        a_sec = {a.get("sector") for a in actors or [] if isinstance(a, dict) and a.get("sector")}
        r_sec = {a.get("sector") for a in recipients or [] if isinstance(a, dict) and a.get("sector")}
        etype, sub = self.acled_for(typ, mode or "", a_sec, r_sec)
        if typ == "ASSAULT" and etype is None:
            etype, sub = "Violence against civilians", "Attack"
        return {"cameo": cameo or None, "quad_class": quad or None, "goldstein": gold,
                "acled_event_type": etype, "acled_sub_event_type": sub}


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon()
