#!/usr/bin/env python3
"""Snapshot the full newsevents/1 output on the development inputs, and compare a later run with it.

A refactoring that should change no output is checked with it: take a snapshot before, then compare
after, and every document and field that differs is listed.

    scripts/compare_outputs.py snapshot DIR            # extract every set, write DIR/<set>.jsonl
    scripts/compare_outputs.py compare DIR             # extract again, compare with the snapshot in DIR
    scripts/compare_outputs.py compare DIR OTHER_DIR   # compare two snapshots, no extraction
    options: --sets samples,devgold (default: samples,devgold,plover-dev,plv-train), --show N, --ignore PATH

Sets: ``samples`` is the bundled samples/ folder read as the CLI reads a folder (with its .meta.json
sidecars); every other name is a set ``../shared/tools/score.py`` knows, fed exactly as the scorer
feeds it (its ``load()``: ``devgold`` is ../shared/examples with their .meta.json). Extraction runs
the public CLI of ./.venv (or $NEWSEVENTS_CMD), like the scorer. Exit status: 0 when everything is
identical, 1 when something differs. It reads ../shared, so it is a development script, not a test.
"""
from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_TOOLS = ROOT.parent / "shared" / "tools"
DEFAULT_SETS = ("samples", "devgold", "plover-dev", "plv-train")
# Output fields that legitimately differ between two runs of the same code. The newsevents/1 output
# has none today (no timings, no clock); add a dotted path here (or pass --ignore) if one appears.
IGNORED: tuple[str, ...] = ()


def scorer():
    sys.path.insert(0, str(SHARED_TOOLS))
    try:
        import score  # ../shared/tools/score.py
    except ImportError:
        sys.exit(f"the scorer is missing: {SHARED_TOOLS / 'score.py'}")
    return score


def command() -> list[str]:
    if os.environ.get("NEWSEVENTS_CMD"):
        return shlex.split(os.environ["NEWSEVENTS_CMD"])
    local = ROOT / ".venv" / "bin" / "newsevents"
    return [str(local)] if local.exists() else ["newsevents"]


def run_cli(args: list[str]) -> list[dict]:
    """Run ``newsevents extract ... --format jsonl`` and return one dict per output line."""
    with tempfile.TemporaryDirectory() as td:
        out = Path(td) / "out.jsonl"
        proc = subprocess.run(command() + ["extract", *args, "--format", "jsonl", "-o", str(out)],
                              capture_output=True, text=True, cwd=ROOT)
        if proc.returncode not in (0, 1) or not out.exists():
            sys.exit(f"extract failed ({proc.returncode}): {proc.stderr.strip()[-600:]}")
        return [json.loads(line) for line in out.open(encoding="utf-8")]


def extract_set(name: str) -> list[dict]:
    if name == "samples":
        return run_cli([str(ROOT / "samples")])
    score = scorer()
    if name not in score.DATASETS:
        sys.exit(f"unknown set {name!r}: 'samples' or one of {', '.join(score.DATASETS)}")
    if score.DATASETS[name][0] == "stories":
        sys.exit(f"{name}: stories sets go through the store; compare_outputs covers extraction only")
    inputs, _ = score.load(name)
    with tempfile.TemporaryDirectory() as td:
        path = Path(td) / "in.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in inputs), encoding="utf-8")
        docs = run_cli(["--input-format", "jsonl", str(path)])
    if len(docs) != len(inputs):
        sys.exit(f"{name}: {len(docs)} outputs for {len(inputs)} inputs")
    return docs


def doc_key(doc: dict, index: int) -> str:
    article = doc.get("article") or {}
    return str(article.get("id") or doc.get("id") or f"#{index}")


def keyed(docs: list[dict]) -> dict[str, dict]:
    """Documents by article id; an id seen again gets its occurrence number ('X', 'X#2')."""
    out: dict[str, dict] = {}
    for i, doc in enumerate(docs):
        key = base = doc_key(doc, i)
        n = 1
        while key in out:
            n += 1
            key = f"{base}#{n}"
        out[key] = doc
    return out


def git_head() -> str:
    proc = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT)
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True,
                           text=True, cwd=ROOT).stdout.strip()
    return (proc.stdout.strip() or "unknown") + ("+dirty" if dirty else "")


def write_snapshot(folder: Path, sets: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    manifest = {"commit": git_head(), "taken": datetime.now(timezone.utc).isoformat(timespec="seconds"), "sets": {}}
    for name in sets:
        docs = extract_set(name)
        with (folder / f"{name}.jsonl").open("w", encoding="utf-8") as fh:
            for doc in docs:
                fh.write(json.dumps(doc, ensure_ascii=False, sort_keys=True) + "\n")
        manifest["sets"][name] = len(docs)
        print(f"{name}: {len(docs)} documents", flush=True)
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(f"snapshot of {manifest['commit']} in {folder}")


def read_snapshot(folder: Path, name: str) -> list[dict] | None:
    path = folder / f"{name}.jsonl"
    if not path.exists():
        return None
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def differences(old, new, path: str = ""):
    """Yield (dotted path, old value, new value) for every leaf that differs."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(set(old) | set(new)):
            sub = f"{path}.{key}" if path else str(key)
            if key not in old:
                yield sub, "<absent>", new[key]
            elif key not in new:
                yield sub, old[key], "<absent>"
            else:
                yield from differences(old[key], new[key], sub)
    elif isinstance(old, list) and isinstance(new, list):
        for i in range(max(len(old), len(new))):
            sub = f"{path}[{i}]"
            if i >= len(old):
                yield sub, "<absent>", new[i]
            elif i >= len(new):
                yield sub, old[i], "<absent>"
            else:
                yield from differences(old[i], new[i], sub)
    elif old != new or type(old) is not type(new):
        yield path, old, new


def ignored(path: str, patterns: tuple[str, ...]) -> bool:
    bare = "".join(part.split("[")[0] + "." for part in path.split(".")).rstrip(".")
    return any(bare == p or bare.startswith(p + ".") for p in patterns)


def short(value, width: int = 100) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= width else text[:width - 1] + "…"


def compare_set(name: str, old: list[dict], new: list[dict], show: int, patterns: tuple[str, ...]) -> int:
    """Print the differences of one set; return the number of documents that differ."""
    old_by, new_by = keyed(old), keyed(new)
    differing, fields = [], {}
    for key in list(old_by) + [k for k in new_by if k not in old_by]:
        if key not in new_by or key not in old_by:
            differing.append((key, [("(document)", "present" if key in old_by else "<absent>",
                                     "present" if key in new_by else "<absent>")]))
            continue
        diffs = [d for d in differences(old_by[key], new_by[key]) if not ignored(d[0], patterns)]
        if diffs:
            differing.append((key, diffs))
            for path, _, _ in diffs:
                top = path.split("[")[0].split(".")[0]
                fields[top] = fields.get(top, 0) + 1
    if not differing:
        print(f"{name}: identical ({len(new)} documents)")
        return 0
    summary = ", ".join(f"{k} {v}" for k, v in sorted(fields.items()))
    print(f"{name}: {len(differing)} of {len(new_by)} documents differ ({summary or 'documents added/removed'})")
    for key, diffs in differing[:show]:
        print(f"  {key}: {len(diffs)} field(s)")
        for path, a, b in diffs[:8]:
            print(f"    {path}: {short(a)} -> {short(b)}")
        if len(diffs) > 8:
            print(f"    … {len(diffs) - 8} more")
    if len(differing) > show:
        print(f"  … {len(differing) - show} more documents (--show N)")
    return len(differing)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("action", choices=("snapshot", "compare"))
    ap.add_argument("folder", type=Path, help="the snapshot folder")
    ap.add_argument("other", type=Path, nargs="?", help="compare: a second snapshot instead of a fresh run")
    ap.add_argument("--sets", default=None, help=f"comma-separated (default: {','.join(DEFAULT_SETS)})")
    ap.add_argument("--show", type=int, default=10, help="documents shown per set (default 10)")
    ap.add_argument("--ignore", action="append", default=[], help="a dotted field path to ignore, e.g. article.url")
    a = ap.parse_args(argv)
    if a.action == "snapshot":
        write_snapshot(a.folder, a.sets.split(",") if a.sets else list(DEFAULT_SETS))
        return 0
    manifest = json.loads((a.folder / "manifest.json").read_text()) if (a.folder / "manifest.json").exists() else {}
    sets = a.sets.split(",") if a.sets else list(manifest.get("sets") or DEFAULT_SETS)
    patterns = IGNORED + tuple(a.ignore)
    print(f"against {a.folder} ({manifest.get('commit', '?')}), now {str(a.other) if a.other else git_head()}")
    total = 0
    for name in sets:
        old = read_snapshot(a.folder, name)
        if old is None:
            print(f"{name}: not in the snapshot")
            total += 1
            continue
        new = read_snapshot(a.other, name) if a.other else extract_set(name)
        if new is None:
            print(f"{name}: not in {a.other}")
            total += 1
            continue
        total += compare_set(name, old, new, a.show, patterns)
    print("identical" if not total else f"{total} documents differ")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
