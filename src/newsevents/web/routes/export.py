"""Streaming export endpoints: ``GET /api/export/{table}/{format}`` with the table's filters.

Each response streams the export as it is read, page by page (memory stays bounded whatever its
size), as a download (``Content-Disposition: attachment``). The pages' download buttons link here
with their current filters. Formats and their columns: docs/exports.md.
"""
from __future__ import annotations

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import StreamingResponse

from ...errors import NewsEventsError
from ...export import FORMATS, check_table, formats, get_format, stream
from ...filters import TABLES, Selection
from .api import ERRORS, selection_of, store_of

router = APIRouter(prefix="/api/export", tags=["export"])


def _endpoint(table: str):
    def download(request: Request, fmt: str = Path(..., alias="format", description="csv, jsonl, gdelt, "
                 "gdelt-mentions, acled, plover, geojson or parquet (those that write this table)"),
                 selection: Selection = Depends(selection_of(table))):
        if fmt not in formats():
            raise NewsEventsError("E021", name="format", reason=f"'{fmt}' is not one of: {', '.join(formats())}")
        chosen = get_format(fmt)
        try:
            check_table(chosen, table, name="format")
        except NewsEventsError:
            usable = [name for name, f in sorted(FORMATS.items()) if table in f.tables]
            raise NewsEventsError("E021", name="format", reason=f"'{fmt}' does not write {table} "
                                                                f"(formats for {table}: {', '.join(usable)})") from None
        filename = f"newsevents-{table}.{chosen.extension}"
        return StreamingResponse(stream(store_of(request), fmt, selection), media_type=chosen.media_type,
                                 headers={"Content-Disposition": f'attachment; filename="{filename}"',
                                          "Cache-Control": "no-store"})

    download.__name__ = f"export_{table}"
    return download


for _table in TABLES:
    router.add_api_route(f"/{_table}/{{format}}", _endpoint(_table), methods=["GET"], responses=ERRORS,
                         response_class=StreamingResponse,
                         summary=f"Download the {_table} selected by the filters, streamed, in one of the export formats")
