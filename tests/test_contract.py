from newsevents import validate
from newsevents.contract import iter_spans


def test_reference_article_validates(kosovo):
    validate(kosovo)
    assert kosovo["schema"] == "newsevents/1"
    for key in ("entities", "places", "events", "quotes", "casualties", "dates", "warnings"):
        assert isinstance(kosovo[key], list)


def test_every_span_slices_the_text(kosovo):
    spans = list(iter_spans({k: v for k, v in kosovo.items() if k != "text"}))
    assert spans, "expected evidence spans"
    for span in spans:
        assert kosovo["text"][span["start"]:span["end"]] == span["text"]


def test_via_line_is_provenance_not_text(kosovo):
    assert "southfront.org/kosovo-police" not in kosovo["text"]
    assert not kosovo["text"].rstrip().endswith("/")
    assert kosovo["article"]["via"][0]["url"].startswith("https://southfront.org/kosovo-police-clash")
    assert kosovo["article"]["published"] == "2021-10-13"


def test_entities_merge_people(kosovo):
    by_name = {e["name"]: e for e in kosovo["entities"]}
    for name in ("Albin Kurti", "Ana Brnabic", "Petar Petkovic", "Aleksandar Vucic", "Josep Borrell",
                 "Zlatan Elek", "NATO", "KFOR", "Kosovo Online"):
        assert name in by_name, name
    brnabic = by_name["Ana Brnabic"]
    assert brnabic["label"] == "PERSON"
    assert {m["text"] for m in brnabic["mentions"]} >= {"Ana Brnabic", "Brnabic"}
    assert sum(1 for e in kosovo["entities"] if "Brnabic" in e["name"]) == 1
