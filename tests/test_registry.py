import pytest

from newsevents.errors import ConfigError
from newsevents.extractors import registry


@pytest.fixture
def clean_registry(monkeypatch):
    monkeypatch.setattr(registry, "_REGISTRY", {})
    monkeypatch.setattr(registry, "_DISCOVERED", True)
    return registry


def test_requires_and_after_order(clean_registry):
    reg = clean_registry
    reg.extractor("c", requires=("a",), after=("b",))(lambda d, r: None)
    reg.extractor("a")(lambda d, r: None)
    reg.extractor("b", requires=("a",))(lambda d, r: None)
    assert [e.name for e in reg.ordered()] == ["a", "b", "c"]
    # asking for c alone pulls in a (required) but not b (only ordered after)
    assert [e.name for e in reg.ordered(["c"])] == ["a", "c"]


def test_missing_and_cycle_are_coded_errors(clean_registry):
    reg = clean_registry
    reg.extractor("x", requires=("nope",))(lambda d, r: None)
    with pytest.raises(ConfigError, match=r"\[E012\]"):
        reg.ordered(["x"])
    with pytest.raises(ConfigError, match=r"\[E011\]"):
        reg.ordered(["unknown"])
    reg.extractor("p", requires=("q",))(lambda d, r: None)
    reg.extractor("q", requires=("p",))(lambda d, r: None)
    with pytest.raises(ConfigError, match=r"\[E013\]"):
        reg.ordered(["p"])


def test_a_second_extractor_with_the_same_name_is_refused(clean_registry):
    reg = clean_registry

    def first(doc, result):
        pass

    def second(doc, result):
        pass

    reg.extractor("places")(first)
    reg.extractor("places")(first)  # the same function imported again: no conflict
    with pytest.raises(ConfigError, match=r"\[E032\] Extractor 'places' is registered twice") as info:
        reg.extractor("places")(second)
    assert "second" in str(info.value) and "first" in str(info.value)
    assert reg.registered()["places"].func is first  # the first one stays


class FakeEntryPoint:
    def __init__(self, name, value, load):
        self.name, self.value, self._load = name, value, load

    def load(self):
        return self._load()


def test_a_broken_plugin_gives_a_coded_warning_naming_it_and_the_rest_still_loads(monkeypatch):
    import importlib.metadata

    from newsevents.errors import NewsEventsWarning

    loaded = []

    def broken():
        import newsevents_no_such_plugin_module  # noqa: F401

    def good():
        loaded.append("good")

    points = [FakeEntryPoint("geo_plus", "newsevents_no_such_plugin_module:extract", broken),
              FakeEntryPoint("fine", "fine_plugin:extract", good)]
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda group=None: points)
    monkeypatch.setattr(registry, "_DISCOVERED", False)
    with pytest.warns(NewsEventsWarning, match=r"\[W010\] Extractor plugin 'geo_plus' "
                                               r"\(newsevents_no_such_plugin_module:extract\)") as caught:
        names = registry.registered()
    assert loaded == ["good"]
    assert "events" in names and "quotes" in names  # the built-in stages are all there
    assert [w.message.code for w in caught if isinstance(w.message, NewsEventsWarning)] == ["W010"]
