"""Cutting the input into partitions: line ranges of JSONL files, groups of other files.

A partition is small, picklable and stable: its key names the file and the lines (or the files) it
covers, so the same input gives the same partitions in every run (a restarted client included).
Workers read their partition themselves (the input must be visible to them at the same path, as
for any Dask reader); the client only scans JSONL files for line starts, never parses them.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from ..config import Config
from ..errors import ConfigError, InputError, NewsEventsError
from ..ingest.sources import _fmt, display, expand, iter_articles
from ..ingest.jsonl import articles_from_jsonl_stream

DEFAULT_SIZE = 50          # articles per partition: one transaction each
_SCAN = 1 << 20
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


@dataclass(frozen=True)
class Partition:
    """Lines ``first_line`` … of JSONL file ``path`` (``offsets``: the byte offset where each line
    starts, then where the last one ends), or a group of ``files``."""
    key: str
    articles: int                       # how many articles it holds (non-blank lines, or files)
    path: str | None = None
    offsets: tuple[int, ...] = ()
    first_line: int = 1
    files: tuple[str, ...] = ()

    def singles(self) -> list["Partition"]:
        """One partition per article (to find the one that kills its workers)."""
        if self.path is None:
            return [Partition(f"{display(f)}", 1, files=(f,)) for f in self.files]
        out = []
        for i in range(len(self.offsets) - 1):
            number = self.first_line + i
            out.append(Partition(f"{display(self.path)}:{number}", 1, self.path, self.offsets[i:i + 2], number))
        return out

    def sources(self) -> list[str]:
        """What each article of the partition is called in messages (``file:line`` or the file)."""
        if self.path is None:
            return [display(f) for f in self.files]
        return [f"{display(self.path)}:{self.first_line + i}" for i in range(len(self.offsets) - 1)]

    def read(self, *, input_format: str = "auto", published: str | None = None,
             config: Config | None = None) -> Iterator:
        """The partition's Articles (or the coded error of each bad line or file), in order."""
        config = config or Config()
        if self.path is None:
            yield from iter_articles(list(self.files), input_format=input_format, published=published, config=config)
            return
        name = display(self.path)
        try:
            with open(self.path, "rb") as fh:
                fh.seek(self.offsets[0])
                data = fh.read(self.offsets[-1] - self.offsets[0])
        except OSError as exc:
            yield InputError("E001", path=name, reason=exc.strerror or str(exc))
            return
        stream = io.BytesIO(data)
        for item in articles_from_jsonl_stream(stream, path=name, max_line_bytes=config.max_bytes,
                                               first_line=self.first_line):
            if not isinstance(item, NewsEventsError) and published and not item.published:
                item.published = published
            yield item


def plan(paths: Iterable[str], *, input_format: str = "auto", size: int = DEFAULT_SIZE
         ) -> tuple[list[Partition], list[NewsEventsError]]:
    """The partitions of everything under ``paths`` (and the errors of paths that matched nothing)."""
    if size < 1:
        raise ConfigError("E021", name="partition size", reason="must be at least 1")
    partitions: list[Partition] = []
    errors: list[NewsEventsError] = []
    others: list[str] = []
    for item in expand(paths):
        if isinstance(item, NewsEventsError):
            errors.append(item)
            continue
        if item == "-":
            raise ConfigError("E021", name="PATHS", reason="standard input cannot be shared by a cluster's workers: "
                                                            "save it to a file first")
        path = Path(item)
        if path.is_file() and _fmt(path, input_format, b"") == "jsonl" and not _wide(path):
            try:
                partitions.extend(_jsonl_partitions(item, size))
            except OSError as exc:
                errors.append(InputError("E001", path=display(item), reason=exc.strerror or str(exc)))
        else:
            others.append(item)  # read whole on a worker (a FIFO or unreadable file is its coded error there)
    for i in range(0, len(others), size):
        group = tuple(others[i:i + size])
        key = display(group[0]) if len(group) == 1 else f"{display(group[0])} … {display(group[-1])} ({len(group)} files)"
        partitions.append(Partition(key, len(group), files=group))
    return partitions, errors


def _wide(path: Path) -> bool:
    """UTF-16/32 JSONL is decoded whole (as the one-process reader does): one file partition."""
    try:
        with path.open("rb") as fh:
            return fh.read(4).startswith(_WIDE_BOMS)
    except OSError:
        return False


def _jsonl_partitions(name: str, size: int) -> Iterator[Partition]:
    """Scan ``name`` for line starts; a partition per ``size`` non-blank lines."""
    shown = display(name)
    starts: list[int] = []    # offsets of the current partition's lines
    first = 1                 # its first line number
    number = 0                # lines so far
    filled = 0                # non-blank lines in the current partition
    position = 0
    pending_blank = True      # is the line being scanned blank so far
    line_start = 0
    with open(name, "rb") as fh:
        while True:
            chunk = fh.read(_SCAN)
            if not chunk:
                break
            index = 0
            while index < len(chunk):
                newline = chunk.find(b"\n", index)
                piece = chunk[index:] if newline < 0 else chunk[index:newline]
                if piece.strip():
                    pending_blank = False
                if newline < 0:
                    break
                # a line ends at position + newline
                number += 1
                starts.append(line_start)
                filled += 0 if pending_blank else 1
                line_start = position + newline + 1
                pending_blank = True
                index = newline + 1
                if filled >= size:
                    yield Partition(f"{shown}:{first}-{number}", filled, name, (*starts, line_start), first)
                    starts, first, filled = [], number + 1, 0
            position += len(chunk)
    if line_start < position:  # a last line without a newline
        number += 1
        starts.append(line_start)
        filled += 0 if pending_blank else 1
        line_start = position
    if starts and filled:
        yield Partition(f"{shown}:{first}-{number}", filled, name, (*starts, line_start), first)
