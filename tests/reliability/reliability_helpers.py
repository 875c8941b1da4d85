"""Helpers of the reliability suite: many distinct short articles, and the CLI in a child process."""
from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

PEOPLE = ["Maria Lopez", "Ahmed Karimi", "John Whitfield", "Elena Petrova", "Samuel Okafor", "Li Wei",
          "Fatima Haddad", "Pierre Dubois", "Anna Kowalska", "Tomas Novak", "Grace Mensah", "Omar Farouk"]
PLACES = ["Mitrovica", "Aleppo", "Kharkiv", "Mosul", "Gao", "Kabul", "Goma", "Tripoli", "Idlib", "Sanaa",
          "Mogadishu", "Benghazi", "Donetsk", "Kirkuk", "Juba"]
GROUPS = ["police", "soldiers", "protesters", "rebels", "militants", "border guards", "the army"]
VERBS = ["arrested", "attacked", "detained", "met", "criticised", "accused", "shelled", "blocked"]


def short_articles(n: int, seed: int = 1) -> list[tuple[str, str]]:
    """``n`` distinct short news-like articles as ``(id, text)`` (templated; every one different)."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        who, where = rng.choice(PEOPLE), rng.choice(PLACES)
        text = (f"{rng.choice(GROUPS).capitalize()} {rng.choice(VERBS)} {rng.randint(2, 40)} people in {where} "
                f"on Monday, officials said. \"The situation is under control,\" {who} told reporters "
                f"in {rng.choice(PLACES)}. Report number {i}.")
        out.append((f"art{i:04d}", text))
    return out


def write_articles(folder: Path, articles) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for article_id, text in articles:
        (folder / f"{article_id}.txt").write_text(text, encoding="utf-8")
    return folder


def cli(*args: str, env: dict | None = None, **kw) -> subprocess.Popen:
    """Start ``newsevents ARGS`` in a child process (the installed entry point's module)."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.Popen([sys.executable, "-c", "from newsevents.cli import main; main()", *args],
                            env=full_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)
