"""Vocabulary shared by several stages: one list per notion (reporting verbs, demonyms, countries)."""
import pytest

from newsevents import countries, vocabulary


def test_each_stage_reads_its_own_subset_of_the_one_reporting_verb_list():
    events, dates, modality = (vocabulary.reporting_verbs(u) for u in ("events", "dates", "modality"))
    assert {"say", "tell", "announce", "report"} <= modality <= events & dates
    assert "according" in events and "according" not in dates  # "according to X": events only
    assert "brief" in dates and "brief" not in events            # "briefed reporters on Monday": a reporting date
    assert "say" in vocabulary.speech_verbs("clausal") and "urge" in vocabulary.speech_verbs("directive")
    assert "urge" not in events
    assert vocabulary.content_preps()["accuse"] == {"of"}
    assert vocabulary.verb_platforms()["tweet"] == "Twitter"
    with pytest.raises(ValueError):
        vocabulary.reporting_verbs("quotes")


@pytest.mark.parametrize("word, alpha2", [
    ("Serbian", "RS"), ("Serbs", "RS"), ("Kosovo’s", "XK"), ("the Netherlands", "NL"), ("Belgrade", "RS"),
    ("Kosovo Serbs", "XK"), ("Brit", "GB"), ("Kremlin", "RU"), ("Kurd", None), ("Atlantis", None),
])
def test_country_of_names_demonyms_capitals_and_readings(word, alpha2):
    assert countries.country_of(word) == alpha2


def test_codes_and_the_demonym_table():
    assert countries.country_of("Serbian", code="alpha3") == "SRB"
    assert countries.country_of("Kosovo", code="alpha3") == "XKX"
    assert countries.alpha2("XKX") == "XK" and countries.alpha3("XK") == "XKX" and countries.alpha2("IGO") is None
    table = countries.demonyms()
    assert table["serbian"] == "RS"
    assert "kremlin" not in table and "kurd" not in table  # actor readings are not demonyms for every stage
