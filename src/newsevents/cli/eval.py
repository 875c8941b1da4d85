"""``newsevents eval``: score the pipeline against gold annotations."""
from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer

from . import app
from ..config import Config
from ..errors import NewsEventsError


@app.command("eval")
def eval_command(
    gold: List[Path] = typer.Argument(None, metavar="GOLD...", help="Gold files (*.gold.json) or folders of them; the article is ID.txt beside each."),
    articles: Optional[Path] = typer.Option(None, "--articles", "-a", help="Folder holding the articles (ID.txt, ID.meta.json)."),
    plover: Optional[Path] = typer.Option(None, "--plover", help="PLOVER gold-standard JSONL: score event type and actors per sentence."),
    re3d: Optional[Path] = typer.Option(None, "--re3d", help="re3d corpus folder: score place mentions against its Location spans."),
    min_confidence: float = typer.Option(0.5, "--min-confidence", help="re3d: lowest gold confidence counted for recall."),
    details: bool = typer.Option(False, "--details", "-d", help="List every miss, false positive and wrong attribute."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object instead of tables."),
    processes: int = typer.Option(1, "--processes", "-n", help="spaCy worker processes."),
) -> None:
    """Score the pipeline: precision, recall and F1 per field (quotes, places, casualties, events) and overall.

    Matching rules are documented in docs/evaluation.md. Exit code 1 when a gold file or line could not be used.
    """
    from ..evaluate import evaluate_gold, evaluate_plover, evaluate_re3d
    from ..evaluate.report import print_report

    if not gold and not plover and not re3d:
        raise NewsEventsError("E021", name="GOLD", reason="give gold files, --plover FILE or --re3d DIR")
    config = Config(n_process=processes)
    reports = []
    if gold:
        reports.append(evaluate_gold(gold, articles_dir=articles, config=config))
    if plover:
        reports.append(evaluate_plover(plover, config=config))
    if re3d:
        reports.append(evaluate_re3d(re3d, config=config, min_confidence=min_confidence))
    if as_json:
        payload = [r.to_dict(details=details) for r in reports]
        typer.echo(json.dumps(payload[0] if len(payload) == 1 else payload, indent=2, ensure_ascii=False))
    else:
        for report in reports:
            print_report(report, details=details)
    if any(r.errors for r in reports):
        raise typer.Exit(1)
