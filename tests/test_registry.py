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
