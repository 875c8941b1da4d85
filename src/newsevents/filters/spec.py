"""The filters, declared once: name, command-line flag, help text, the tables each applies to and
how its values are parsed. The CLI (``query``, ``export``) builds its options from :data:`FILTERS`
and the API its query parameters, so both accept the same filters with the same syntax.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable

from . import values as v

TABLES = ("events", "articles", "quotes", "places", "casualties", "entities")
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
QUOTE_KINDS = ("direct", "indirect", "mixed")
CASUALTY_KINDS = ("killed", "injured", "arrested", "missing")
ENTITY_LABELS = ("PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
                 "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL")
# PLOVER manual, "Sector Codes" (frequent and less frequent), plus the codes our actor tables use.
MANUAL_SECTORS = ("COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS",
                  "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC")
COUNT_BY = ("day", "type", "country", "actor_country", "sector", "place")


@lru_cache(maxsize=1)
def sectors() -> tuple[str, ...]:
    """Every sector code an actor can carry: the manual's and those of the actor tables."""
    from importlib import resources

    found = list(MANUAL_SECTORS)
    folder = resources.files("newsevents").joinpath("data/actors")
    for name, column in (("agents.tsv", 1), ("named_actors.tsv", 3), ("igos.tsv", 3)):
        for line in folder.joinpath(name).read_text("utf-8").splitlines():
            cells = line.split("\t")
            if line.startswith("#") or len(cells) <= column:
                continue
            code = cells[column].strip().upper()
            if len(code) == 3 and code.isalpha() and code != "SECTOR" and code not in found:
                found.append(code)
    return tuple(found)


@dataclass(frozen=True)
class Filter:
    """One filter. ``parse(name, raw_values, table)`` turns what the user typed (a list: the
    option may be repeated) into the value the store takes; ``name`` is the user's spelling."""
    name: str                          # API parameter, and the key of parsed values
    flag: str                          # command-line option
    help: str
    tables: tuple[str, ...]
    parse: Callable[[str, list[str], str], Any]
    multiple: bool = False             # a list: comma-separated and/or repeated
    boolean: bool = False              # a flag pair on the CLI (--disputed/--undisputed)
    short: str | None = None
    example: str | None = None
    off_flag: str | None = None        # a boolean's "false" option (default: --un + the flag's name)

    def label(self, surface: str) -> str:
        return self.flag if surface == "cli" else self.name


def _one(fn):
    """A single-valued parser: giving the option twice is an error."""
    def parse(name: str, raw: list[str], table: str):
        items = [r for r in raw if r is not None and str(r).strip() != ""]
        if len(items) > 1:
            raise v.bad(name, "give it once")
        return fn(name, items[0] if items else None)
    return parse


def _choices(valid: Callable[[str], tuple[str, ...]], what: Callable[[str], str], case=None):
    def parse(name: str, raw: list[str], table: str):
        items = v.choice(name, v.split(name, raw), valid(table), what(table))
        return items or None
    return parse


def _listed(fn):
    def parse(name: str, raw: list[str], table: str):
        return fn(name, v.split(name, raw)) or None
    return parse


def _modes(name: str, raw: list[str], table: str):
    items = [m.lower() for m in v.split(name, raw)]
    for mode in items:
        if not all(part.isalnum() for part in mode.split("-")):
            raise v.bad(name, f"'{mode}' is not a PLOVER mode (lower-case words joined by '-', e.g. firearms, crowd-control)")
    return items or None


def _kinds(table: str) -> tuple[str, ...]:
    return QUOTE_KINDS if table == "quotes" else CASUALTY_KINDS


FILTERS: tuple[Filter, ...] = (
    Filter("type", "--type", "PLOVER event type(s): ASSAULT, COERCE, PROTEST …", ("events",),
           _choices(lambda t: PLOVER_TYPES, lambda t: "a PLOVER event type"), multiple=True, short="-t",
           example="ASSAULT,COERCE"),
    Filter("mode", "--mode", "PLOVER mode(s) of the type: firearms, arrest, demonstrate …", ("events",),
           _modes, multiple=True, example="firearms"),
    Filter("actor", "--actor", "an actor's or recipient's name contains this", ("events",),
           _one(v.text), example="police"),
    Filter("sector", "--sector", "an actor or recipient of this PLOVER sector: GOV, MIL, COP, REB, CVL …", ("events",),
           _choices(lambda t: sectors(), lambda t: "a PLOVER sector code"), multiple=True, example="COP"),
    Filter("country", "--country", "where: ISO 3166-1 code(s) of the event's place (XK = Kosovo); places: their country",
           ("events", "places"), _listed(v.countries), multiple=True, example="XK"),
    Filter("actor_country", "--actor-country",
           "who: an actor or recipient from this country (ISO alpha-2 or alpha-3) or IGO, UNO, EUR, NGO …",
           ("events",), _listed(v.actor_countries), multiple=True, example="RS"),
    Filter("place", "--place", "place name(s), exact but case-insensitive", ("events", "places"),
           _listed(lambda name, items: items), multiple=True, example="Mitrovica"),
    Filter("date_from", "--from", "on or after this day, month or year (YYYY[-MM[-DD]])", ("events",),
           _one(v.date), example="2021-10"),
    Filter("date_to", "--to", "on or before this day, month or year (YYYY[-MM[-DD]]; a month or year counts whole)",
           ("events",), _one(lambda name, value: v.date(name, value, end=True)), example="2021"),
    Filter("bbox", "--bbox", "min_lon,min_lat,max_lon,max_lat (min_lon > max_lon crosses the antimeridian)",
           ("events", "places"), _one(v.bbox), example="20,42,21.5,43.5"),
    Filter("q", "--search", "full-text search (events: evidence, trigger, actors, place; articles and quotes: text)",
           ("events", "articles", "quotes"), _one(v.text), short="-q", example="grenade"),
    Filter("disputed", "--disputed", "only events whose facts are disputed (true) or undisputed (false)", ("events",),
           _one(v.boolean), boolean=True),
    Filter("story", "--story", "events of this story (st-…, see docs/stories.md)", ("events",), _one(v.text),
           example="st-147a2376ec66"),
    Filter("story_events", "--story-events", "one event per story event, its first mention: count incidents, not "
           "the reports of them (false: every mention)", ("events",), _one(v.boolean), boolean=True,
           off_flag="--all-mentions"),
    Filter("article", "--article", "article id(s)", TABLES, _listed(lambda name, items: items), multiple=True,
           example="kosovo-mitrovica"),
    Filter("speaker", "--speaker", "the speaker's name contains this", ("quotes",), _one(v.text), example="Kurti"),
    Filter("kind", "--kind", "quotes: direct, indirect or mixed; casualties: killed, injured, arrested or missing",
           ("quotes", "casualties"), _choices(_kinds, lambda t: "a quote kind" if t == "quotes" else "a casualty kind"),
           multiple=True, example="killed"),
    Filter("label", "--label", "spaCy entity label(s): PERSON, ORG, GPE …", ("entities",),
           _choices(lambda t: ENTITY_LABELS, lambda t: "a spaCy entity label"), multiple=True, example="PERSON"),
    Filter("name", "--name", "the entity's name contains this", ("entities",), _one(v.text), example="Kurti"),
)
BY_NAME = {f.name: f for f in FILTERS}


def applicable(table: str) -> tuple[Filter, ...]:
    return tuple(f for f in FILTERS if table in f.tables)
