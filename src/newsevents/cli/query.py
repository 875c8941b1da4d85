"""``newsevents query``: read back what the store holds, as a table or JSON."""
from __future__ import annotations

import json
from dataclasses import asdict
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from . import app
from ._common import err_console
from ._options import open_existing, selection, with_filters
from ..errors import NewsEventsError
from ..filters import COUNT_BY, FILTERS, counts as count_events, page
from ..store import DEFAULT_DB

LISTS = ("events", "articles", "quotes", "places", "casualties", "entities")
WHATS = (*LISTS, "errors", "counts", "stats", "article", "event")


def _clip(text, width: int = 70) -> str:
    text = "" if text is None else " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _names(event: dict, role: str) -> str:
    return "; ".join(a.get("name", "") for a in event.get(role) or [] if isinstance(a, dict))


def _speaker(quote: dict) -> str:
    speaker = quote.get("speaker")
    return (speaker or {}).get("name") or "" if isinstance(speaker, dict) else ""


# Table columns per list: (header, function of the item).
COLUMNS = {
    "events": [("key", lambda e: e["key"]), ("type", lambda e: e["type"]), ("mode", lambda e: e.get("mode") or ""),
               ("actor", lambda e: _clip(_names(e, "actor"), 30)), ("recipient", lambda e: _clip(_names(e, "recipient"), 30)),
               ("place", lambda e: (e.get("resolved") or {}).get("place") or ""),
               ("date", lambda e: (e.get("resolved") or {}).get("date_start") or ""),
               ("evidence", lambda e: _clip(e["evidence"]["text"], 60))],
    "articles": [("id", lambda a: a["id"]), ("published", lambda a: a.get("published") or ""),
                 ("title", lambda a: _clip(a.get("title"), 50)), ("entities", lambda a: a["n_entities"]),
                 ("events", lambda a: a["n_events"]), ("quotes", lambda a: a["n_quotes"]),
                 ("places", lambda a: a["n_places"])],
    "quotes": [("key", lambda q: q["key"]), ("speaker", lambda q: _clip(_speaker(q), 30)), ("kind", lambda q: q["kind"]),
               ("text", lambda q: _clip(q["text"], 80))],
    "places": [("key", lambda p: p["key"]), ("name", lambda p: p["name"]), ("country", lambda p: p.get("country") or ""),
               ("lat", lambda p: p.get("lat") if p.get("lat") is not None else ""),
               ("lon", lambda p: p.get("lon") if p.get("lon") is not None else ""),
               ("feature", lambda p: p.get("feature") or "")],
    "casualties": [("key", lambda c: c["key"]), ("kind", lambda c: c["kind"]),
                   ("count", lambda c: c.get("count") if c.get("count") is not None else ""),
                   ("who", lambda c: _clip(c.get("who"), 40)), ("event", lambda c: c.get("event") or ""),
                   ("evidence", lambda c: _clip(c["evidence"]["text"], 50))],
    "entities": [("key", lambda n: n["key"]), ("name", lambda n: n["name"]), ("label", lambda n: n["label"]),
                 ("mentions", lambda n: len(n.get("mentions") or []))],
    "errors": [("when", lambda r: r["created_at"]), ("code", lambda r: r["code"]),
               ("article", lambda r: _clip(r.get("article"), 40)), ("message", lambda r: _clip(r["message"], 80))],
}


@app.command()
@with_filters
def query(
    what: str = typer.Argument("events", metavar="WHAT", help="events, articles, quotes, places, casualties, entities, errors, counts, stats; "
                                              "or article ID / event ARTICLE_ID/evtN for one in full."),
    target: Optional[str] = typer.Argument(None, metavar="TARGET", help="The article id or event key, with 'article' / 'event'."),
    db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite file, sqlite:///PATH, or postgresql://HOST/DB[?schema=NAME] to read."),
    by: str = typer.Option("type", "--by", help=f"counts: group events by {', '.join(COUNT_BY)}."),
    limit: int = typer.Option(20, "--limit", "-l", help="Rows per page."),
    cursor: Optional[str] = typer.Option(None, "--cursor", help="Continue from the cursor printed after a page."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON ({items, next_cursor, total} for lists)."),
    filters: dict = None,
) -> None:
    """Read back stored events, articles, quotes, places, casualties, entities, errors or counts.

    Filters are the API's (same names and syntax); each names the tables it applies to, and one that does not apply to WHAT is an error."""
    if what not in WHATS:
        raise NewsEventsError("E021", name="what", reason=f"expected one of: {', '.join(WHATS)}")
    if what in LISTS or what == "counts":
        chosen = selection("events" if what == "counts" else what, filters)
    else:
        given = [spec.flag for spec in FILTERS if filters.get(spec.name) not in (None, [], ())]
        if given:
            raise NewsEventsError("E021", name=given[0], reason=f"filters do not apply to '{what}'")
    store = open_existing(db)
    try:
        if what in ("article", "event"):
            if not target:
                raise NewsEventsError("E021", name="target", reason=f"give the {what} id after '{what}'")
            found = store.article(target) if what == "article" else store.event(target)
            if found is None:
                raise NewsEventsError("E022", what=f"{what} '{target}'")
            typer.echo(json.dumps(found, ensure_ascii=False, indent=2))
        elif what == "stats":
            _print_pairs(store.stats(), as_json, ("table", "rows"))
        elif what == "counts":
            rows = count_events(store, by, chosen, surface="cli")
            if as_json:
                typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
            else:
                _print_pairs({row["key"]: row["count"] for row in rows}, False, (by, "events"))
        elif what == "errors":
            rows = store.errors(limit=limit)
            typer.echo(json.dumps(rows, ensure_ascii=False, indent=2)) if as_json else _print_table(what, rows)
        else:
            found = page(store, chosen, cursor=cursor, limit=limit)
            if as_json:
                typer.echo(json.dumps(asdict(found), ensure_ascii=False, indent=2))
            else:
                _print_table(what, found.items, found.total)
                if found.next_cursor:
                    err_console.print(f"more: --cursor {found.next_cursor}", soft_wrap=True)
    finally:
        store.close()


def _console() -> Console:
    """A console on stdout; wide when stdout is a file or a pipe, so rows stay on one line."""
    console = Console(highlight=False)
    return console if console.is_terminal else Console(highlight=False, width=200)


def _print_table(what: str, items: list[dict], total: int | None = None) -> None:
    console = _console()
    caption = f"{len(items)} of {total}" if total is not None else f"{len(items)}"
    table = Table(title=f"{what} ({caption})", title_justify="left", show_edge=False)
    for header, _ in COLUMNS[what]:
        table.add_column(header, overflow="fold", no_wrap=header in ("key", "id", "date", "published"))
    for item in items:
        table.add_row(*(str(fn(item)) for _, fn in COLUMNS[what]))
    console.print(table)


def _print_pairs(pairs: dict, as_json: bool, headers: tuple[str, str]) -> None:
    if as_json:
        typer.echo(json.dumps(pairs, ensure_ascii=False, indent=2))
        return
    table = Table(show_edge=False)
    table.add_column(headers[0], style="bold")
    table.add_column(headers[1], justify="right")
    for key, value in pairs.items():
        table.add_row(str(key), str(value))
    _console().print(table)
