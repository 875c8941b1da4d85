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
from ._options import build_filter, open_existing
from ..errors import NewsEventsError
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
def query(
    what: str = typer.Argument("events", help="events, articles, quotes, places, casualties, entities, errors, counts, stats; "
                                              "or article ID / event ARTICLE_ID/evtN for one in full."),
    target: Optional[str] = typer.Argument(None, help="The article id or event key, with 'article' / 'event'."),
    db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite file, sqlite:///PATH, or postgresql://HOST/DB[?schema=NAME] to read."),
    type: Optional[str] = typer.Option(None, "--type", "-t", help="Events: PLOVER type(s), comma-separated."),
    mode: Optional[str] = typer.Option(None, "--mode", help="Events: PLOVER mode."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Events: actor or recipient name contains this."),
    sector: Optional[str] = typer.Option(None, "--sector", help="Events: an actor or recipient of this sector (GOV, MIL, COP …)."),
    country: Optional[str] = typer.Option(None, "--country", help="Events: place country (alpha-2) or actor country; places: country."),
    place: Optional[str] = typer.Option(None, "--place", help="Events: place name."),
    date_from: Optional[str] = typer.Option(None, "--from", help="Events: on or after this date (YYYY[-MM[-DD]])."),
    date_to: Optional[str] = typer.Option(None, "--to", help="Events: on or before this date (YYYY[-MM[-DD]])."),
    bbox: Optional[str] = typer.Option(None, "--bbox", help="Events: min_lon,min_lat,max_lon,max_lat."),
    q: Optional[str] = typer.Option(None, "--search", "-q", help="Full-text search (events: evidence and names; articles, quotes: text)."),
    disputed: Optional[bool] = typer.Option(None, "--disputed/--undisputed", help="Events: only disputed / undisputed ones."),
    article: Optional[str] = typer.Option(None, "--article", help="Only items of this article id."),
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Quotes: speaker name contains this."),
    kind: Optional[str] = typer.Option(None, "--kind", help="Casualties: killed, injured, arrested or missing."),
    label: Optional[str] = typer.Option(None, "--label", help="Entities: spaCy label (PERSON, ORG, GPE …)."),
    by: str = typer.Option("type", "--by", help="counts: group events by day, type, country, sector or place."),
    limit: int = typer.Option(20, "--limit", "-l", help="Rows per page."),
    cursor: Optional[str] = typer.Option(None, "--cursor", help="Continue from the cursor printed after a page."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON ({items, next_cursor, total} for lists)."),
) -> None:
    """Read back stored events, articles, quotes, places, casualties, entities, errors or counts."""
    if what not in WHATS:
        raise NewsEventsError("E021", name="what", reason=f"expected one of: {', '.join(WHATS)}")
    flt = build_filter(type=type, mode=mode, actor=actor, sector=sector, country=country, place=place,
                       date_from=date_from, date_to=date_to, bbox=bbox, q=q, disputed=disputed, article=article)
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
            rows = store.counts(by, flt)
            if as_json:
                typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
            else:
                _print_pairs({row["key"]: row["count"] for row in rows}, False, (by, "events"))
        elif what == "errors":
            rows = store.errors(limit=limit)
            typer.echo(json.dumps(rows, ensure_ascii=False, indent=2)) if as_json else _print_table(what, rows)
        else:
            page = _list(store, what, flt, speaker=speaker, kind=kind, label=label, cursor=cursor, limit=limit)
            if as_json:
                typer.echo(json.dumps(asdict(page), ensure_ascii=False, indent=2))
            else:
                _print_table(what, page.items, page.total)
                if page.next_cursor:
                    err_console.print(f"more: --cursor {page.next_cursor}", soft_wrap=True)
    finally:
        store.close()


def _list(store, what: str, flt, *, speaker, kind, label, cursor, limit):
    if what == "events":
        return store.events(flt, cursor=cursor, limit=limit)
    if what == "articles":
        return store.articles(q=flt.q, cursor=cursor, limit=limit)
    if what == "quotes":
        return store.quotes(speaker=speaker, q=flt.q, article=flt.article, cursor=cursor, limit=limit)
    if what == "places":
        return store.places(country=flt.country, article=flt.article, cursor=cursor, limit=limit)
    if what == "casualties":
        return store.casualties(kind=kind, article=flt.article, cursor=cursor, limit=limit)
    return store.entities(label=label, name=flt.actor, article=flt.article, cursor=cursor, limit=limit)


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
