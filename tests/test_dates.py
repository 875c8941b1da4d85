"""Dates: temporal expressions resolved against the publication date, with precision."""
from __future__ import annotations

import datetime as dt

import pytest

from newsevents.extractors.dates import resolve_date

WED = dt.date(2021, 10, 13)  # the reference article's publication day, a Wednesday


@pytest.mark.parametrize("expr,value,precision", [
    ("October 13th", "2021-10-13", "day"),
    ("last month", "2021-09", "month"),
    ("this month", "2021-10", "month"),
    ("next month", "2021-11", "month"),
    ("Thursday", "2021-10-07", "day"),           # the latest Thursday before publication
    ("on Thursday", "2021-10-07", "day"),
    ("Wednesday", "2021-10-13", "day"),          # the publication day itself
    ("last Wednesday", "2021-10-06", "day"),
    ("later in the afternoon", "2021-10-13", "day"),
    ("this morning", "2021-10-13", "day"),
    ("yesterday", "2021-10-12", "day"),
    ("today", "2021-10-13", "day"),
    ("last night", "2021-10-12", "day"),
    ("three days ago", "2021-10-10", "day"),
    ("two weeks ago", "2021-09-27", "week"),     # a week is given by its Monday
    ("this week", "2021-10-11", "week"),
    ("last year", "2020", "year"),
    ("2019", "2019", "year"),
    ("March 2020", "2020-03", "month"),
    ("5 March 2020", "2020-03-05", "day"),
    ("March 5, 2020", "2020-03-05", "day"),
    ("the 5th of March", "2021-03-05", "day"),
    ("Nov. 24", "2020-11-24", "day"),            # not after publication: last year's
    ("Oct. 15", "2021-10-15", "day"),            # two days ahead: a week's grace
    ("the 1990s", "1990", "decade"),
    ("2021-10-01", "2021-10-01", "day"),
    ("Christmas Eve", "2020-12-24", "day"),
    ("October 25-26, 2016", "2016-10-25", "day"),  # a range: its first day
    ("September 16 - 17", "2021-09-16", "day"),
])
def test_resolves_against_publication(expr, value, precision):
    got = resolve_date(expr, WED)
    assert got is not None, expr
    assert got[0] == value and got[1] == precision, got


def test_relative_flag_and_method():
    assert resolve_date("last month", WED)[2:] == (True, "relative:published")
    assert resolve_date("5 March 2020", WED)[2:] == (False, "explicit")


def test_future_cue_moves_forward():
    assert resolve_date("Thursday", WED, context="Vucic will travel to Raska on")[0] == "2021-10-14"
    assert resolve_date("next week", WED)[0] == "2021-10-18"
    assert resolve_date("January 5", WED, context="talks are scheduled for")[0] == "2022-01-05"


def test_thanksgiving_is_the_fourth_thursday():
    assert resolve_date("Thanksgiving Day", dt.date(2016, 11, 26))[0] == "2016-11-24"


@pytest.mark.parametrize("expr", ["We", "36-year-old", "two years", "the last 24 hours", "decades",
                                  "a day", "several weeks", "Sun", "Mars", "may", "the past three years", "the day"])
def test_not_points_in_time(expr):
    assert resolve_date(expr, WED) is None


def test_duration_after_for_is_not_a_date():
    assert resolve_date("three years", WED, before="jailed for ") is None
    assert resolve_date("three years ago", WED, before="jailed ") == ("2018", "year", True, "relative:published")


def test_unanchored_without_publication_date():
    assert resolve_date("last month", None) == (None, "month", True, "unanchored")
    assert resolve_date("5 March 2020", None)[0] == "2020-03-05"


def test_reference_article_dates(kosovo):
    by_text = {d["evidence"]["text"]: d for d in kosovo["dates"]}
    assert by_text["October 13th"]["value"] == "2021-10-13" and by_text["October 13th"]["precision"] == "day"
    assert by_text["last month"]["value"] == "2021-09" and by_text["last month"]["precision"] == "month"
    assert by_text["later in the afternoon"]["value"] == "2021-10-13"
    assert "36-year-old" not in by_text
    for d in kosovo["dates"]:
        assert kosovo["text"][d["evidence"]["start"]:d["evidence"]["end"]] == d["evidence"]["text"]


def test_we_is_never_a_weekday(extract_text):
    doc = extract_text("We will fight and stop the smuggling. We said so. WE agree.", published="2021-10-13",
                       extractors=["dates"])
    assert doc["dates"] == []


def test_weekday_in_text(extract_text):
    doc = extract_text("Police said on Thursday that the raids would continue in 2022.",
                       published="2021-10-13", extractors=["dates"])
    values = {d["evidence"]["text"]: (d["value"], d["precision"]) for d in doc["dates"]}
    assert values["Thursday"] == ("2021-10-07", "day")
    assert values["2022"] == ("2022", "year")


def test_dateline(extract_text):
    text = "BAGHDAD, Oct. 5 (Reuters) - Two bombs exploded in a market, police said."
    doc = extract_text(text, published="2021-10-06", extractors=["dates", "places"])
    assert doc["dates"][0]["value"] == "2021-10-05"
