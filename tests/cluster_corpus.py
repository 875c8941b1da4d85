"""A synthetic corpus for the distributed-ingest tests and benchmarks: N short articles, each two
paragraphs of the bundled sample articles (samples/, public domain / OGL) in a different pairing,
so that every text (and so its SHA-256) differs. Deterministic: the same N gives the same lines."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def paragraphs(max_chars: int = 400) -> list[str]:
    """The samples' paragraphs that are whole sentences and short, in a fixed order."""
    out: list[str] = []
    for path in sorted((ROOT / "samples").rglob("*.txt")):
        for para in path.read_text("utf-8").split("\n\n"):
            para = " ".join(para.split())
            if 60 <= len(para) <= max_chars and para[-1] in ".”\"" and para not in out:
                out.append(para)
    return out


def articles(n: int, *, max_chars: int = 400) -> list[dict]:
    """``n`` JSONL records (id, title, published, outlet, text) with distinct texts."""
    pool = paragraphs(max_chars)
    records, seen = [], set()
    step = 1
    i = 0
    while len(records) < n:
        first = pool[i % len(pool)]
        second = pool[(i + step) % len(pool)]
        i += 1
        if i % len(pool) == 0:
            step += 1
            if step >= len(pool):
                raise ValueError(f"only {len(records)} distinct articles from {len(pool)} paragraphs")
        text = f"{first}\n\n{second}"
        sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if first == second or sha in seen:
            continue
        seen.add(sha)
        k = len(records)
        records.append({"id": f"syn-{k:05d}", "title": first[:60], "published": f"2021-{k % 12 + 1:02d}-{k % 28 + 1:02d}",
                        "outlet": f"outlet{k % 7}.example", "text": text})
    return records


def write_jsonl(path: Path, n: int, **kwargs) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for record in articles(n, **kwargs):
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
