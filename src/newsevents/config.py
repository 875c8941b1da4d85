"""Run-time limits and settings, overridable from the environment (``NEWSEVENTS_*``) or the CLI."""
from __future__ import annotations

import os
from dataclasses import dataclass, field


def _env_int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


def _env_float(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, default))
    except ValueError:
        return default


@dataclass
class Config:
    max_bytes: int = field(default_factory=lambda: _env_int("NEWSEVENTS_MAX_BYTES", 5_000_000))
    max_chars: int = field(default_factory=lambda: _env_int("NEWSEVENTS_MAX_CHARS", 1_000_000))
    time_budget: float = field(default_factory=lambda: _env_float("NEWSEVENTS_TIME_BUDGET", 60.0))
    n_process: int = field(default_factory=lambda: _env_int("NEWSEVENTS_PROCESSES", 1))
    batch_size: int = field(default_factory=lambda: _env_int("NEWSEVENTS_BATCH_SIZE", 16))
    model: str | None = field(default_factory=lambda: os.environ.get("NEWSEVENTS_MODEL") or None)
