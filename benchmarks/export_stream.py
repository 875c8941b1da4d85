"""Exports stream in bounded memory: time and peak RSS of ``newsevents export`` on a large store.

Builds (once, then reuses) the synthetic stores of ``api_latency.py`` — articles of ten events with
varied types, actors, places and dates — at two sizes, and runs each export format as a user would,
``/usr/bin/time -v newsevents export -f FORMAT -o FILE``, on both. Bounded memory means the peak
RSS does not grow with the number of events: the larger store's peak stays within a few MB of the
smaller one's while it writes ten times the rows.

    python benchmarks/export_stream.py                      # 100,000 and 10,000 events
    python benchmarks/export_stream.py --events 50000 --formats csv,parquet

Prints one line per format and size: rows, seconds, peak RSS (MB), bytes written.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from api_latency import build_store  # noqa: E402

FORMATS = ("csv", "gdelt", "gdelt-mentions", "acled", "plover", "geojson", "parquet", "jsonl")


def run(db: Path, fmt: str, out: Path) -> dict:
    command = ["/usr/bin/time", "-v", str(Path(sys.executable).parent / "newsevents"), "export", "-f", fmt,
               "--db", str(db), "-o", str(out)]
    if fmt in ("parquet", "jsonl"):
        command += ["--what", "events"]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)[1])
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", done.stderr)[1]
    seconds = sum(float(part) * 60 ** i for i, part in enumerate(reversed(wall.split(":"))))
    rows = re.search(r"^(\d+) rows", done.stderr, flags=re.MULTILINE)
    return {"rss_mb": rss / 1024, "seconds": seconds, "rows": int(rows[1]) if rows else None,
            "bytes": out.stat().st_size}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--dir", type=Path, default=Path(tempfile.gettempdir()) / "newsevents-export-bench")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    sizes = [args.events // 10, args.events]
    for size in sizes:
        build_store(args.dir / f"events-{size}.db", size)
    print(f"{'format':<15} {'events':>8} {'rows':>8} {'seconds':>8} {'peak RSS MB':>12} {'MB written':>11}")
    for fmt in args.formats.split(","):
        for size in sizes:
            result = run(args.dir / f"events-{size}.db", fmt, args.dir / f"out.{fmt}")
            print(f"{fmt:<15} {size:>8,} {result['rows'] or 0:>8,} {result['seconds']:>8.1f} {result['rss_mb']:>12.1f} "
                  f"{result['bytes'] / 1e6:>11.1f}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
