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


@app.command()
def extract(
    files: List[str] = typer.Argument(..., help="Files, folders, globs, or - for stdin."),
    published: Optional[str] = typer.Option(None, "--published", help="Publication date when the input has none (ISO)."),
    fmt: str = typer.Option("json", "--format", "-f", help="json (one document, or a list) or jsonl (one per line)."),
    input_format: str = typer.Option("auto", "--input-format", "-i", help="auto, text, html or jsonl."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of stdout."),
    processes: int = typer.Option(1, "--processes", "-n", help="spaCy worker processes."),
    validate: bool = typer.Option(False, "--validate", help="Validate each output against the JSON Schema."),
) -> None:
    """Extract entities, events, quotes, places, dates and casualties as newsevents/1 JSON.

    With --input-format jsonl, one output line is written per input line, in order, carrying its id;
    a line that fails gives an error line ({"id", "error"}) so the line numbers still match.
    """
    if fmt not in ("json", "jsonl"):
        raise NewsEventsError("E019", fmt=fmt, expected="json, jsonl")
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
