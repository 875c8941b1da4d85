"""``newsevents stories``: list stories, show one, or group a store's articles into stories."""
from __future__ import annotations

import json
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from . import app
from ._common import err_console
from ._options import open_existing
from ..errors import NewsEventsError
from ..store import DEFAULT_DB

stories_app = typer.Typer(help="Stories: one real-world event across many articles (docs/stories.md).",
                          no_args_is_help=True)
app.add_typer(stories_app, name="stories")

DB_HELP = "SQLite file, sqlite:///PATH, or postgresql://HOST/DB[?schema=NAME]."


def _clip(text, width: int) -> str:
    text = "" if text is None else " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


@stories_app.command("list")
def list_stories(
    db: str = typer.Option(DEFAULT_DB, "--db", help=DB_HELP),
    disputed: Optional[bool] = typer.Option(None, "--disputed/--undisputed", help="Only stories whose reports dispute a fact / none."),
    q: Optional[str] = typer.Option(None, "--search", "-q", help="Title contains this."),
    min_articles: int = typer.Option(1, "--min-articles", min=1, max=1_000_000_000, help="Only stories of at least this many articles."),
    limit: int = typer.Option(20, "--limit", "-l", help="Rows per page."),
    cursor: Optional[str] = typer.Option(None, "--cursor", help="Continue from the cursor printed after a page."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON ({items, next_cursor, total})."),
) -> None:
    """List stories, largest first: articles, outlets, story events, first report, disputed."""
    store = open_existing(db)
    try:
        page = store.stories(cursor=cursor, limit=limit, disputed=disputed, q=q, min_articles=min_articles)
    finally:
        store.close()
    if as_json:
        typer.echo(json.dumps({"items": page.items, "next_cursor": page.next_cursor, "total": page.total},
                              ensure_ascii=False, indent=2))
        return
    table = Table(show_edge=False)
    for column in ("id", "articles", "sources", "events", "first report", "disputed", "title"):
        table.add_column(column)
    for s in page.items:
        table.add_row(s["id"], str(s["n_articles"]), str(s["n_sources"]), str(s["n_events"]), s.get("first_report") or "",
                      "yes" if s.get("disputed") else "", _clip(s.get("title"), 60))
    Console(highlight=False, soft_wrap=True).print(table)
    if page.next_cursor:
        err_console.print(f"more: --cursor {page.next_cursor}")


@stories_app.command("show")
def show_story(
    story_id: str = typer.Argument(..., metavar="STORY_ID", help="A story id (st-…)."),
    db: str = typer.Option(DEFAULT_DB, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print the whole story as JSON."),
) -> None:
    """One story: its reports in time order, its story events with counts, the disputed facts."""
    store = open_existing(db)
    try:
        story = store.story(story_id)
    finally:
        store.close()
    if story is None:
        raise NewsEventsError("E022", what=f"story '{story_id}'")
    if as_json:
        typer.echo(json.dumps(story, ensure_ascii=False, indent=2))
        return
    console = Console(highlight=False, soft_wrap=True)
    console.print(f"[bold]{story['id']}[/bold]  {story.get('title') or ''}")
    console.print(f"{story['n_articles']} articles, {story['n_sources']} sources, {story['n_events']} story events; "
                  f"first report {story.get('first_report') or '?'}")
    reports = Table(title="Reports", title_justify="left", show_edge=False)
    for column in ("published", "outlet", "article", "copies"):
        reports.add_column(column)
    for r in story["reports"]:
        reports.add_row(r.get("published") or "", r.get("outlet") or "", r["article"],
                        ", ".join(v["name"] for v in r.get("via") or []))
    console.print(reports)
    events = Table(title="Story events", title_justify="left", show_edge=False)
    for column in ("id", "type", "mentions", "articles", "sources", "first report", "disputed"):
        events.add_column(column)
    for e in story["events"]:
        events.add_row(e["id"], e["type"], str(e["n_mentions"]), str(e["n_articles"]), str(e["n_sources"]),
                       e.get("first_report") or "", ", ".join(e["disputed"]))
    console.print(events)
    for dispute in story.get("disputes") or []:
        facts = story["facts"] if dispute["event"] is None else \
            next(e["facts"] for e in story["events"] if e["id"] == dispute["event"])
        console.print(f"[bold]disputed {dispute['fact']}[/bold]" + (f" ({dispute['event']})" if dispute["event"] else ""))
        for value in facts[dispute["fact"]]:
            who = "; ".join(f"{w.get('outlet') or w['article']}" + (f" quoting {w['speaker']}" if w.get("speaker") else "")
                            for w in value["reports"])
            console.print(f"  {json.dumps(value['value'], ensure_ascii=False)}: {who}")


@stories_app.command("build")
def build_stories(
    db: str = typer.Option(DEFAULT_DB, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Group every stored article that is not in a story yet (ingest does this as it stores;
    use it for a store filled another way). Idempotent."""
    from ..stories import update

    store = open_existing(db)
    try:
        summary = update(store)
    finally:
        store.close()
    if as_json:
        typer.echo(json.dumps(summary.as_dict(), ensure_ascii=False, indent=2))
    else:
        typer.echo(f"{summary.articles} articles grouped, {summary.stories_changed} stories written "
                   f"in {summary.seconds:.2f} s")
