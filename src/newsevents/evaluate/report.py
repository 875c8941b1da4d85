"""Render evaluation reports as rich tables (the JSON form is :meth:`Report.to_dict`)."""
from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .run import Report


def fmt(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _label(field: str, name: str) -> str:
    return field if name == "all" else f"{field} · {name}"


def prf_table(report: Report) -> Table:
    table = Table(title=f"{report.name}: precision / recall / F1 ({report.count} {_unit(report)})", title_justify="left")
    for column in ("field", "P", "R", "F1", "TP", "FP", "FN"):
        table.add_column(column, justify="left" if column == "field" else "right")
    for field, score in report.fields.items():
        for name, prf in score.prf.items():
            d = prf.to_dict()
            table.add_row(_label(field, name), fmt(prf.precision), fmt(prf.recall), fmt(prf.f1),
                          str(d["tp"]), str(d["fp"]), str(d["fn"]))
    overall = report.overall()
    if overall is not None:
        d = overall.to_dict()
        table.add_row("[bold]overall (micro)[/bold]", fmt(overall.precision), fmt(overall.recall), fmt(overall.f1),
                      str(d["tp"]), str(d["fp"]), str(d["fn"]), end_section=False)
        table.add_row("overall (macro F1)", "", "", fmt(report.macro_f1()), "", "", "")
    return table


def attribute_table(report: Report) -> Table | None:
    rows = []
    for field, score in report.fields.items():
        for name, acc in score.acc.items():
            rows.append((field, name, fmt(acc.value), f"{acc.right}/{acc.total}"))
        for name, mean in score.mean.items():
            rows.append((field, f"{name} (mean)", fmt(mean.value, 2), f"n={mean.n}"))
    if not rows:
        return None
    table = Table(title=f"{report.name}: accuracies", title_justify="left")
    for column in ("field", "measure", "value", "right/n"):
        table.add_column(column, justify="left" if column in ("field", "measure") else "right")
    for row in rows:
        table.add_row(*row)
    return table


def article_table(report: Report) -> Table | None:
    """F1 of each field per article (gold-file evaluations with several articles)."""
    if len(report.articles) < 2:
        return None
    fields = [f for f in report.fields]
    table = Table(title=f"{report.name}: F1 per article", title_justify="left")
    table.add_column("article")
    for name in fields:
        table.add_column(name, justify="right")
    for article, scores in report.articles.items():
        table.add_row(article, *(fmt(scores[f].prf["all"].f1) if f in scores else "" for f in fields))
    return table


def print_details(report: Report, console: Console, width: int = 160) -> None:
    """One line per miss / false positive / wrong attribute: readable in a terminal and in a pipe."""
    console.print(f"[bold]{report.name}: misses and false positives ({len(report.issues)})[/bold]")
    for issue in report.issues:
        text = issue.text if len(issue.text) <= width else issue.text[: width - 1] + "…"
        note = f"  [dim]({escape(issue.note)})[/dim]" if issue.note else ""
        console.print(f"{escape(issue.article)} · {issue.field} · [yellow]{escape(issue.kind)}[/yellow]: "
                      f"{escape(repr(text))}{note}", soft_wrap=True, highlight=False)


def _unit(report: Report) -> str:
    return {"plover": "sentences", "re3d": "documents"}.get(report.name, "articles")


def print_report(report: Report, console: Console | None = None, details: bool = False) -> None:
    console = console or Console()
    for error in report.errors:
        console.print(f"[red]error[/red] {error}", soft_wrap=True, highlight=False)
    console.print(prf_table(report))
    attrs = attribute_table(report)
    if attrs is not None:
        console.print(attrs)
    per_article = article_table(report)
    if per_article is not None:
        console.print(per_article)
    for note in report.notes:
        console.print(f"[dim]note: {note}[/dim]", soft_wrap=True, highlight=False)
    if details:
        print_details(report, console)
