"""Run-time limits and settings, overridable from the environment (``NEWSEVENTS_*``) or the CLI.

The limits are what keeps one hostile article from stopping a batch (see ``docs/reliability.md``):

* ``max_bytes`` – a file (or one JSONL line, or stdin text) larger than this is refused with ``E004``
  before it is read into memory;
* ``max_chars`` / ``max_tokens`` – longer texts are cut (``W005``) before spaCy parses them, which
  bounds the parse time (about 0.2 ms per token on one core);
* ``time_budget`` – seconds the extractors may spend on one article; when it runs out the
  running extractor is interrupted where the platform allows it (main thread, POSIX) and the remaining
  ones are skipped, with ``E015`` in the article's warnings.

A malformed ``NEWSEVENTS_*`` value raises ``E021`` instead of being silently ignored.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields

from .errors import ConfigError


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw.strip().replace("_", ""))
    except ValueError:
        raise ConfigError("E021", name=name, reason=f"{raw!r} is not an integer") from None


def _env_float(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return float(raw.strip())
    except ValueError:
        raise ConfigError("E021", name=name, reason=f"{raw!r} is not a number") from None


@dataclass
class Config:
    max_bytes: int = field(default_factory=lambda: _env_int("NEWSEVENTS_MAX_BYTES", 5_000_000))
    max_chars: int = field(default_factory=lambda: _env_int("NEWSEVENTS_MAX_CHARS", 300_000))
    max_tokens: int = field(default_factory=lambda: _env_int("NEWSEVENTS_MAX_TOKENS", 60_000))
    time_budget: float | None = field(default_factory=lambda: _env_float("NEWSEVENTS_TIME_BUDGET", 60.0))
    n_process: int = field(default_factory=lambda: _env_int("NEWSEVENTS_PROCESSES", 1))
    batch_size: int = field(default_factory=lambda: _env_int("NEWSEVENTS_BATCH_SIZE", 16))
    model: str | None = field(default_factory=lambda: os.environ.get("NEWSEVENTS_MODEL") or None)

    def __post_init__(self) -> None:
        for f in fields(self):
            if f.name == "model" or (f.name == "time_budget" and self.time_budget is None):
                continue
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ConfigError("E021", name=f.name, reason=f"{value!r} is not a number")
            if value != value or value <= 0:  # NaN or not positive
                raise ConfigError("E021", name=f.name, reason=f"{value!r} must be greater than 0")
