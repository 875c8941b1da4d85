"""``newsevents extract``: print or write the newsevents/1 contract for articles."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from . import app
from ._common import progress, report_error
from ..config import Config
from ..errors import NewsEventsError
from ..extraction import extract_paths
from ..ingest.meta import publication_date
from ..ingest.sources import JSONL_SUFFIXES


def jsonl_input(files: List[str], input_format: str) -> bool:
    """True when every input is JSONL: --input-format jsonl, or (auto) files named *.jsonl / *.ndjson."""
    if input_format == "jsonl":
        return True
    return input_format == "auto" and bool(files) and all(Path(f).suffix.lower() in JSONL_SUFFIXES for f in files)


@app.command()
def extract(
    files: List[str] = typer.Argument(..., metavar="FILES", help="Files, folders, globs, or - for stdin."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date when the input has none: YYYY-MM-DD (or an ISO datetime), YYYY-MM or YYYY."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="json (one document, or a list) or jsonl (one per line). Default: jsonl for JSONL input or an -o FILE.jsonl, json otherwise.", show_default=False),
    input_format: str = typer.Option("auto", "--input-format", "-i", help="auto, text, html or jsonl."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    processes: int = typer.Option(1, "--processes", "-n", help="spaCy worker processes."),
    validate: bool = typer.Option(False, "--validate", help="Validate each output against the JSON Schema."),
) -> None:
    """Extract entities, events, quotes, places, dates and casualties as newsevents/1 JSON.

    JSONL in (--input-format jsonl or *.jsonl files) means JSONL out: one output line per input line,
    in order, carrying its id; a line that fails gives an error line ({"id", "error", "code"}) so the
    line numbers still match. --format json asks for one JSON document (or a list) instead.
    """
    if fmt is None:
        fmt = "jsonl" if jsonl_input(files, input_format) or (output and output.suffix.lower() in JSONL_SUFFIXES) \
            else "json"
    if fmt not in ("json", "jsonl"):
        raise NewsEventsError("E019", fmt=fmt, expected="json, jsonl")
    published = publication_date(published)
    config = Config(n_process=processes)
    out = open(output, "w", encoding="utf-8") if output else sys.stdout
    failures = 0
    documents = []
    try:
        with progress(description="extracting") as bar:
            task = bar.add_task("extract", total=None)
            for item in extract_paths(files, input_format=input_format, published=published, config=config,
                                      validate=validate):
                if isinstance(item, NewsEventsError):
                    failures += 1
                    report_error(item)
                    if fmt == "jsonl":
                        out.write(json.dumps({"id": item.article, "error": str(item), "code": item.code}) + "\n")
                    continue
                if fmt == "jsonl":
                    out.write(json.dumps(item, ensure_ascii=False) + "\n")
                else:
                    documents.append(item)
                bar.advance(task)
        if fmt == "json":
            payload = documents[0] if len(documents) == 1 else documents
            out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    finally:
        if output:
            out.close()
    if failures:
        raise typer.Exit(1)
