"""HTML pages. Each is a static shell (layout, filters, empty containers) rendered by Jinja with
autoescaping; the page's script fills it from the JSON API, writing data with ``textContent`` only.
No page embeds article data in HTML, so nothing an article says can become markup.
"""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from ..app import WEB_DIR

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(WEB_DIR / "templates"))

NAV = (("dashboard", "/", "Dashboard"), ("map", "/map", "Map"), ("events", "/events", "Events"),
       ("articles", "/articles", "Articles"), ("quotes", "/quotes", "Quotes"), ("stories", "/stories", "Stories"))


def page(request: Request, name: str, active: str, title: str, **context) -> HTMLResponse:
    return templates.TemplateResponse(request, f"{name}.html",
                                      {"nav": NAV, "active": active, "title": title, **context})


@router.get("/", response_class=HTMLResponse)
def dashboard(request: Request):
    return page(request, "dashboard", "dashboard", "Dashboard")


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request):
    return page(request, "map", "map", "Map")


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request):
    return page(request, "events", "events", "Events")


@router.get("/events/{key:path}", response_class=HTMLResponse)
def event_page(request: Request, key: str):
    return page(request, "event", "events", "Event", key=key)


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request):
    return page(request, "articles", "articles", "Articles")


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str):
    return page(request, "article", "articles", "Article", article_id=article_id)


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request):
    return page(request, "quotes", "quotes", "Quotes")


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request):
    return page(request, "stories", "stories", "Stories")


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str):
    return page(request, "story", "stories", "Story", story_id=story_id)
