"""Write endpoints: ``POST /api/extract`` (article in, contract out) and ``POST /api/articles``
(extract and store). Both need the bearer token when the app has one; both load spaCy on first use.
``POST /extract`` and ``POST /articles`` are aliases kept for clients that do not use the prefix.
"""
from __future__ import annotations

import hashlib
import threading
from concurrent.futures import ThreadPoolExecutor

from fastapi import APIRouter, Depends, Request

from ..app import check_token
from .. import models
from .api import DOCUMENT, store_of

router = APIRouter(tags=["write"], dependencies=[Depends(check_token)])

WRITE_ERRORS = {
    400: {"model": models.ErrorMessage, "description": "invalid body or article (E021, E002, E003, E009 ...)"},
    401: {"model": models.ErrorMessage, "description": "token missing or wrong (E023)"},
    413: {"model": models.ErrorMessage, "description": "body larger than the server's limit (E024)"},
}


def build_article(body: models.ArticleIn, default_id: str | None):
    """The :class:`~newsevents.ingest.article.Article` for a request body (text or HTML)."""
    if body.html is not None:
        from ...ingest.html import article_from_html
        article = article_from_html(body.html, id=body.id or "article", published=body.published,
                                    title=body.title, outlet=body.outlet, url=body.url)
    else:
        from ...ingest.text import article_from_text
        article = article_from_text(body.text, id=body.id or "article", published=body.published,
                                    title=body.title, outlet=body.outlet, url=body.url)
    if not body.id:
        article.id = default_id or f"article-{hashlib.sha256(article.text.encode('utf-8')).hexdigest()[:12]}"
    return article


def extract_document(request: Request, body: models.ArticleIn, default_id: str | None) -> dict:
    import newsevents  # spaCy itself is only loaded by the first extraction

    article = build_article(body, default_id)
    with request.app.state.write_lock:  # one extraction at a time: CPU-bound, and keeps memory flat
        return newsevents.extract(article)


async def on_write_thread(request: Request, function, *args):
    """Run ``function`` on the app's single write thread. A write waiting for its turn waits in that
    executor's queue, not on a thread of the pool that serves reads."""
    import asyncio

    return await asyncio.get_running_loop().run_in_executor(write_executor(request.app), function, *args)


_EXECUTOR_LOCK = threading.Lock()


def write_executor(app) -> ThreadPoolExecutor:
    """The app's one write thread, made on first use (and again after the app was shut down)."""
    with _EXECUTOR_LOCK:
        if app.state.write_executor is None:
            app.state.write_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsevents-write")
        return app.state.write_executor


def _store_article(request: Request, body: models.ArticleIn) -> dict:
    doc = extract_document(request, body, default_id=None)
    outcome = store_of(request).save(doc)
    return {"article_id": outcome.article_id, "status": outcome.status, "counts": outcome.counts or {},
            "error": outcome.error, "warnings": doc.get("warnings", [])}


@router.post("/api/extract", responses={**WRITE_ERRORS, **DOCUMENT}, response_model=None, summary="Extract one article: text or HTML in, newsevents/1 out")
async def extract(request: Request, body: models.ArticleIn) -> dict:
    return await on_write_thread(request, extract_document, request, body, "article")


@router.post("/api/articles", response_model=models.IngestOut, responses=WRITE_ERRORS, status_code=201,
             summary="Extract one article and store it (idempotent by the text's SHA-256)")
async def ingest(request: Request, body: models.ArticleIn):
    return await on_write_thread(request, _store_article, request, body)


router.add_api_route("/extract", extract, methods=["POST"], include_in_schema=False, response_model=None)
router.add_api_route("/articles", ingest, methods=["POST"], include_in_schema=False, status_code=201,
                     response_model=models.IngestOut)
