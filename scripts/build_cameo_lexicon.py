#!/usr/bin/env python3
"""Build ``data/events/cameo_verbs.tsv`` from PETRARCH2's CAMEO verb dictionary and CAMEO2PLOVER.

    scripts/build_cameo_lexicon.py [--dictionary CAMEO.2.0.txt] [--mapping CAMEO2PLOVER-2021.txt]

The CAMEO verb dictionary (Open Event Data Alliance, MIT) groups verbs in blocks; each pattern
``- * OBJECT (PREP NOUN) [code]  # VERB`` gives the CAMEO code of a verb with that object or
prepositional phrase, and a verb written ``VERB [code]`` in a block has that code by default.
CAMEO2PLOVER (the table published with the PLOVER manual, CC BY-SA 4.0) maps each code to a
PLOVER type, mode and context. Each pattern becomes one row of our frame language:

* the object → ``obj:word`` (a ``{A B}`` phrase → ``obj:a_b``; a ``&SET`` → every member),
* ``(PREP NOUN)`` → ``prep:PREP pobj:noun``, ``(PREP)`` alone → ``prep:PREP``,

always with ``subjactor`` (the doer must be actor-like), for the verb the pattern was found with
(the ``# VERB`` comment), not for every synonym of its block: synonym blocks come from WordNet and
over-code. Patterns that constrain the words *before* the verb, codes without a PLOVER type (public
statements, 01x) and the neutral ``[---]`` are left out; appeals (02x) are REQUEST. Rows are
written sorted and de-duplicated, with the CAMEO code in the last column, so a rebuild diffs
cleanly. The curated ``plover_triggers.tsv`` is consulted first; these rows are its fallback.
A development script: it reads the dictionaries from ../shared.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
OUT = ROOT / "src" / "newsevents" / "data" / "events" / "cameo_verbs.tsv"

# words of the dictionary that are no heads we can match as objects
SKIP_WORDS = {"$", "+", "%", "^", "&", "*"}
# the PLOVER types our lexicon uses
TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
# PLOVER modes of our contract (CAMEO2PLOVER also names some retired ones: ease, return, ban …)
MODES = {"AGREE": set(), "CONSULT": {"visit", "phone", "third-party", "multilateral"}, "SUPPORT": set(),
         "CONCEDE": set(), "COOPERATE": set(), "AID": set(),
         "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
         "REQUEST": {"assist", "change", "yield", "meet"}, "ACCUSE": {"disapprove", "investigate", "allege"},
         "REJECT": {"assist", "change", "yield", "meet"},
         "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
         "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
         "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
         "MOBILIZE": {"troops", "weapons", "police", "militia"},
         "COERCE": {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
                    "misinformation", "cyber"},
         "ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
                     "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
                     "unconventional"}}


def read_mapping(path: Path) -> dict[str, tuple[str, str, str]]:
    """CAMEO code → (type, mode, context)."""
    out = {}
    for line in path.read_text("utf-8").splitlines():
        m = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*),?([^#]*)", line)
        if not m:
            continue
        code, typ, mode, context = m.group(1), m.group(2), m.group(3).strip(), m.group(4).strip()
        if typ not in TYPES:
            continue
        mode = mode if mode in MODES[typ] else ""
        context = ";".join(c.strip() for c in context.split(";") if c.strip())
        out[code] = (typ, mode, context)
    return out


def plover_of(code: str, mapping) -> tuple[str, str, str] | None:
    code = code.split(":")[0].strip()
    if not code.isdigit():
        return None
    if code.startswith("02"):
        return ("REQUEST", "", "")  # appeals: CAMEO2PLOVER lists only the demands (10x)
    for k in (code, code[:3]):
        if k in mapping:
            return mapping[k]
    return None


def word(w: str) -> str:
    """A dictionary word → our lemma form ("CHARGES" → "charge", "CASH_" → "cash")."""
    w = w.strip("_").lower().replace("_", " ")
    if " " in w:
        return w
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    name = None
    for line in lines:
        if line.startswith("####### VERB PATTERNS"):
            break
        if line.startswith("&"):
            name = line.split()[0]
            sets[name] = []
        elif line.startswith("+") and name:
            w = line[1:].split("#")[0].strip()
            if w and not w.startswith("&"):
                sets[name].append(word(w))
    return sets


def head_forms(item: str, sets) -> list[str]:
    """An object item (word, {phrase}, &SET) → lemma forms for ``obj:``."""
    if item.startswith("{"):
        words = [w for w in item.strip("{}").split() if w not in SKIP_WORDS]
        if not words or any(w.startswith("&") for w in words):
            return []
        return ["_".join(word(w) for w in words[-2:])] if len(words) > 1 else [word(words[0])]
    if item.startswith("&"):
        return [w.split()[-1] for w in sets.get(item, [])]
    if not re.match(r"^[A-Z][A-Z'-]*_?$", item):
        return []
    return [word(item)]


def verb_lemma(form: str) -> str | None:
    """A block line's verb ("GIVE", "+SET_FREE", "RE_ARM") → our lemma ("give", "set free")."""
    form = form.strip()
    if form.startswith("+"):
        form = form[1:]
    if not re.match(r"^[A-Z][A-Z_-]*$", form) or form.startswith("RE_") or form.endswith("_"):
        return None
    words = form.lower().split("_")
    if len(words) > 2 or (len(words) == 2 and words[1] in ("and", "or", "to", "determined")) or words[0] in ("is", "be", "are"):
        return None
    return " ".join(words)


def parse_pattern(body: str, sets) -> list[str] | None:
    """The words after ``*`` → frame conditions, or None when the pattern cannot be expressed."""
    conds: list[str] = []
    objs: list[str] = []
    items = re.findall(r"\([^)]*\)|\{[^}]*\}|\S+", body)
    for item in items:
        if item in SKIP_WORDS:
            continue
        if item.startswith("("):
            words = [w for w in item.strip("()").split() if w not in SKIP_WORDS]
            if not words or not re.match(r"^[A-Z]+$", words[0]):
                return None
            prep = words[0].lower()
            conds.append(f"prep:{prep}")
            rest = [w for w in words[1:] if not w.startswith("{")]
            if rest:
                forms = head_forms(rest[-1], sets)
                if not forms:
                    return None
                conds.append("pobj:" + "|".join(sorted(set(forms))))
            continue
        if objs:
            continue  # the first object word is the head we check
        forms = head_forms(item, sets)
        if not forms:
            return None
        objs = forms
    if objs:
        conds.insert(0, "obj:" + "|".join(sorted(set(f.replace(" ", "_") for f in objs))))
    return conds


def build(dictionary: Path, mapping_path: Path) -> list[tuple]:
    lines = dictionary.read_text("utf-8", errors="replace").splitlines()
    sets = read_synsets(lines)
    mapping = read_mapping(mapping_path)
    start = next(i for i, l in enumerate(lines) if l.startswith("####### VERB PATTERNS"))
    rows = set()
    forms: dict[str, str] = {}  # a verb's forms in its block ("GAVE", "GIVEN") → its lemma
    for line in lines[start + 1:]:
        text = line.split("#")[0].rstrip()
        if line.startswith("---"):
            forms = {}
            continue
        if not text.strip():
            continue
        if not line.startswith("- "):
            m = re.match(r"^(\+?[A-Z][A-Z_-]*)\s*(?:\{([^}]*)\})?", text.strip())
            if m and verb_lemma(m.group(1)):
                base = m.group(1).lstrip("+")
                for f in [base] + (m.group(2) or "").split():
                    forms[f.lstrip("+")] = verb_lemma(base)
                for suffix in ("S", "ES", "ED", "D", "ING"):
                    forms.setdefault(base + suffix, verb_lemma(base))
                if base.endswith("E"):
                    forms.setdefault(base[:-1] + "ING", verb_lemma(base))
        if line.startswith("- "):
            m = re.match(r"^-\s+(.*?)\*(.*?)\[([^\]]*)\]", text)
            comment = (line.split("#", 1)[1].split() or [""])[0] if "#" in line else ""
            if not m or not comment:
                continue
            pre, body, code = m.group(1).strip(), m.group(2).strip(), m.group(3)
            if pre:
                continue  # words before the verb: not expressible as a frame here
            lemma = forms.get(comment)
            plover = plover_of(code, mapping)
            if lemma is None or plover is None:
                continue
            conds = parse_pattern(body, sets)
            if conds is None or not conds:
                continue
            typ, mode, context = plover
            rows.add((lemma, "V", typ, mode, " ".join(["subjactor"] + conds), context, code.split(":")[0]))
            continue
        # a verb's own default code ("ENDORSE [051]") is left out: without an object it
        # over-codes ("want", "expect" → AGREE), and the curated lexicon holds the verbs whose
        # bare use is an event
    # one reading per verb and frame (the data file's key): the lowest CAMEO code
    best: dict[tuple, tuple] = {}
    for row in sorted(rows, key=lambda r: (r[0], r[1], r[4], r[6])):
        best.setdefault((r := row)[0:2] + (r[4],), row)
    return sorted(best.values())


HEADER = """# Verb frames derived from PETRARCH2's CAMEO verb dictionary (CAMEO.2.0.txt, Open Event Data
# Alliance, MIT licence) mapped to PLOVER with CAMEO2PLOVER-2021.txt (PLOVER manual, CC BY-SA 4.0).
# Generated by scripts/build_cameo_lexicon.py: do not edit by hand; curate plover_triggers.tsv,
# which is consulted first (these rows are its fallback). Same columns as plover_triggers.tsv,
# plus the CAMEO code the row comes from.
lemma	pos	type	mode	frame	context	cameo
"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dictionary", type=Path, default=SHARED / "dictionaries" / "petrarch2" / "CAMEO.2.0.txt")
    ap.add_argument("--mapping", type=Path, default=SHARED / "ontology" / "CAMEO2PLOVER-2021.txt")
    ap.add_argument("-o", "--output", type=Path, default=OUT)
    a = ap.parse_args(argv)
    rows = build(a.dictionary, a.mapping)
    a.output.write_text(HEADER + "".join("\t".join(r) + "\n" for r in rows), "utf-8")
    print(f"{a.output}: {len(rows)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
