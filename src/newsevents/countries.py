"""Countries: demonyms and country names → ISO 3166 codes, one lookup for every stage.

Data: ``data/demonyms.tsv`` (the one demonym table; rows read ``actors`` are the readings actor
coding adds: metonyms such as "Kremlin", ethnonyms that name no country such as "Kurd") and
``data/actors/countries.tsv`` (country names, adjectives and capitals, PETRARCH2 country blocks).

* :func:`country_of` — the country a word or phrase names ("Serbian", "Serbs", "Kosovo’s",
  "the Netherlands", "Belgrade"), as alpha-2 (default) or alpha-3;
* :func:`demonyms` / :func:`demonym_rows` — the demonym table itself (every stage's rows);
* :func:`alpha2` / :func:`alpha3` — code conversion (Kosovo: XK / XKX).
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import datafiles

NOT_COUNTRIES = ("IGO", "NGO", "IMG", "MNC", "UNO", "EUR")  # CAMEO actor codes in the alpha-3 slot
_POSSESSIVE = re.compile(r"(?:'s|')$")


@lru_cache(maxsize=1)
def _codes() -> tuple[dict[str, str], dict[str, str]]:
    """(alpha-3 → alpha-2, alpha-2 → alpha-3), ISO 3166 from pycountry plus Kosovo."""
    import pycountry
    to2 = {c.alpha_3: c.alpha_2 for c in pycountry.countries}
    to2["XKX"] = "XK"
    return to2, {a2: a3 for a3, a2 in to2.items()}


def alpha2(a3: str | None) -> str | None:
    """ISO alpha-2 of an alpha-3 code (None for the CAMEO IGO/NGO/… codes and unknown ones)."""
    if not a3 or a3 in NOT_COUNTRIES:
        return None
    return _codes()[0].get(a3)


def alpha3(a2: str | None) -> str | None:
    return _codes()[1].get(a2) if a2 else None


@lru_cache(maxsize=1)
def demonym_rows() -> tuple[tuple[str, str], ...]:
    """(demonym as written, alpha-2) of the rows every stage reads."""
    return tuple((row["demonym"], row["alpha2"]) for row in datafiles.table("demonyms.tsv")
                 if not row["reading"] and row["alpha2"])


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """lower-cased demonym → alpha-2 ("serbian" → RS, "kosovo serbs" → XK)."""
    return {name.lower(): a2 for name, a2 in demonym_rows()}


@lru_cache(maxsize=1)
def _tables():
    names = {row["alias"]: (row["alpha3"], row["alpha2"]) for row in datafiles.table("actors/countries.tsv")}
    readings = {row["demonym"].lower(): row["alpha2"] for row in datafiles.table("demonyms.tsv")
                if row["reading"] == "actors"}
    return names, readings


def country_of(text: str, ent_type: str = "", *, code: str = "alpha2") -> str | None:
    """The country ``text`` names: a demonym, an adjective, a country name or a capital, in any
    case, with or without "the" and a possessive ("Serbian", "Serbs", "Kosovo’s", "Belgrade").

    In order: the actor readings of the demonym table ("Kremlin" → RU, "Kurd" → none) and the
    country names, for the phrase and its singular forms; then the demonym table (the phrase or
    its plural); then, for a GPE or NORP entity (``ent_type``), pycountry's names and codes."""
    key = _POSSESSIVE.sub("", text.lower().replace("’", "'").strip())
    if key.startswith("the "):
        key = key[4:]
    if not key:
        return None
    names, readings = _tables()
    found = None
    for k in (key, key[:-1] if key.endswith("s") else None, key[:-2] if key.endswith("es") else None):
        if not k:
            continue
        if k in readings:
            found = readings[k] or ""
            break
        if k in names:
            found = names[k][1]
            break
    if found is None:
        table = demonyms()
        for k in (key, key + "s"):
            if k in table:
                found = table[k]
                break
    if found is None and ent_type in ("GPE", "NORP"):
        try:
            import pycountry
            found = pycountry.countries.lookup(key).alpha_2
        except LookupError:
            found = None
    if not found:
        return None
    return found if code == "alpha2" else alpha3(found)
