"""Routers of the web app: ``api`` (reads), ``write`` (extract, ingest), ``pages`` (HTML)."""
