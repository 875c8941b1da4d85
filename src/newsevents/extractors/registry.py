"""The extractor registry.

An extractor is a plain function ``fn(doc, result) -> None`` that reads a parsed spaCy ``Doc``
and appends items to the :class:`newsevents.contract.Result`. Register it with the decorator; the
runner orders extractors by their ``requires`` and never needs editing when one is added::

    @extractor("quotes", requires=("entities",))
    def extract_quotes(doc, result): ...

Modules inside ``newsevents.extractors`` and ``newsevents.resolve`` are imported automatically;
third-party packages can add extractors through the ``newsevents.extractors`` entry-point group.
A name is registered once: a second extractor under the same name is the coded error [E032]
(as spaCy refuses a second factory of one name). A plugin that fails to import is skipped with the
coded warning [W010] naming it (a ``NewsEventsWarning``), and the built-in stages still run.
"""
from __future__ import annotations

import importlib
import pkgutil
import warnings
from dataclasses import dataclass, field
from typing import Callable

from ..errors import ConfigError, NewsEventsWarning


@dataclass(frozen=True)
class Extractor:
    name: str
    func: Callable
    requires: tuple[str, ...] = ()
    after: tuple[str, ...] = ()  # soft ordering: run after these when they are registered
    doc: str = field(default="", compare=False)

    def __call__(self, doc, result):
        return self.func(doc, result)


_REGISTRY: dict[str, Extractor] = {}
_DISCOVERED = False


def extractor(name: str, *, requires: tuple[str, ...] | list[str] = (), after: tuple[str, ...] | list[str] = ()):
    """Decorator registering ``fn`` as the extractor ``name``.

    ``requires`` must be registered (and are pulled in when ``name`` is asked for); ``after`` only
    orders: when those extractors run too, ``name`` runs after them."""

    def wrap(fn):
        known = _REGISTRY.get(name)
        if known is not None and _where(known.func) != _where(fn):
            raise ConfigError("E032", name=name, first=_where(known.func), second=_where(fn))
        _REGISTRY[name] = Extractor(name, fn, tuple(requires), tuple(after), (fn.__doc__ or "").strip())
        return fn

    return wrap


def discover() -> None:
    """Import every module of the built-in stages and the entry-point plugins, once."""
    global _DISCOVERED
    if _DISCOVERED:
        return
    for package_name in ("newsevents.extractors", "newsevents.resolve"):
        package = importlib.import_module(package_name)
        for info in pkgutil.iter_modules(package.__path__):
            if not info.name.startswith("_"):
                importlib.import_module(f"{package_name}.{info.name}")
    from importlib.metadata import entry_points
    for ep in entry_points(group="newsevents.extractors"):
        try:
            ep.load()
        except ConfigError:
            raise  # a plugin registering a name twice is a configuration error, not a broken import
        except Exception as exc:  # a broken plugin is reported and skipped; the built-in stages still run
            warnings.warn(NewsEventsWarning("W010", name=ep.name, target=ep.value,
                                            reason=f"{type(exc).__name__}: {exc}"), stacklevel=2)
    _DISCOVERED = True


def _where(fn) -> str:
    """``module.qualname`` of an extractor function: the same function imported again is no duplicate."""
    return f"{getattr(fn, '__module__', '?')}.{getattr(fn, '__qualname__', repr(fn))}"


def registered() -> dict[str, Extractor]:
    discover()
    return dict(_REGISTRY)


def ordered(names: list[str] | tuple[str, ...] | None = None) -> list[Extractor]:
    """The extractors ``names`` (default: all) plus what they require, dependencies first."""
    reg = registered()
    wanted = list(reg) if names is None else list(names)
    for name in wanted:
        if name not in reg:
            raise ConfigError("E011", name=name, known=", ".join(sorted(reg)))
    selected = _closure(reg, wanted)
    out: list[Extractor] = []
    state: dict[str, int] = {}

    def visit(name: str, chain: tuple[str, ...]):
        if state.get(name) == 2:
            return
        if state.get(name) == 1:
            raise ConfigError("E013", names=" -> ".join(chain + (name,)))
        state[name] = 1
        for dep in reg[name].requires:
            if dep not in reg:
                raise ConfigError("E012", name=name, missing=dep)
            visit(dep, chain + (name,))
        for dep in reg[name].after:
            if dep in selected:
                visit(dep, chain + (name,))
        state[name] = 2
        out.append(reg[name])

    for name in sorted(selected, key=lambda n: list(reg).index(n)):
        visit(name, ())
    return out


def _closure(reg: dict[str, Extractor], wanted: list[str]) -> set[str]:
    """``wanted`` plus everything they transitively require."""
    seen: set[str] = set()
    stack = list(wanted)
    while stack:
        name = stack.pop()
        if name in seen or name not in reg:
            continue
        seen.add(name)
        stack.extend(reg[name].requires)
    return seen
