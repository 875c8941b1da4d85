"""The development scripts' own logic (they read ../shared when run; these tests do not)."""
import importlib.util
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


def load(name):
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def compare():
    return load("compare_outputs")


@pytest.fixture(scope="module")
def split():
    return load("split_score")


def test_differences_name_every_changed_leaf(compare):
    old = {"events": [{"type": "ASSAULT", "actor": [{"name": "Police"}]}], "quotes": []}
    new = {"events": [{"type": "ASSAULT", "actor": [{"name": "Kosovo"}]}, {"type": "PROTEST"}], "quotes": []}
    diffs = list(compare.differences(old, new))
    assert diffs == [("events[0].actor[0].name", "Police", "Kosovo"), ("events[1]", "<absent>", {"type": "PROTEST"})]
    assert list(compare.differences(old, old)) == []


def test_an_int_is_not_a_float_nor_a_bool(compare):
    assert list(compare.differences({"n": 1}, {"n": 1.0})) == [("n", 1, 1.0)]
    assert list(compare.differences({"n": 1}, {"n": True})) == [("n", 1, True)]


def test_ignored_paths_match_fields_at_any_index(compare):
    assert compare.ignored("events[3].magnitude.dead", ("events.magnitude",))
    assert not compare.ignored("events[3].mode", ("events.magnitude",))


def test_split_is_stable_balanced_and_keeps_items_in_place(split):
    ids = [f"ITEM-{i:04d}" for i in range(2000)]
    halves = split.split(ids, 2)
    assert sorted(halves[0] + halves[1]) == list(range(2000))
    assert 900 < len(halves[0]) < 1100
    assert split.split(ids, 2) == halves
    # a new item does not move the others
    more = split.split(ids + ["NEW-ITEM"], 2)
    assert [i for i in more[0] if i < 2000] == halves[0]
    assert split.part_names(2) == ("tune", "held-out") and split.part_names(3) == ("part1", "part2", "part3")
    assert all(0 <= split.part_of(i, 5) < 5 for i in ids)


def test_split_ignores_the_low_bits_of_the_hash(split):
    """Ids whose sha256 all end in an even digit still fall in both halves."""
    import hashlib
    even = [i for i in (f"X{n}" for n in range(4000)) if hashlib.sha256(i.encode()).digest()[-1] % 2 == 0]
    sizes = [len(p) for p in split.split(even, 2)]
    assert min(sizes) > len(even) * 0.4
