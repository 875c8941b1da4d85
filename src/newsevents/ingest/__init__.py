"""Ingest: files, HTML, JSONL, folders, stdin → :class:`Article`."""
from .article import Article

__all__ = ["Article"]
