#!/usr/bin/env python3
"""Generate the bad-input corpus used by the reliability tests.

    python scripts/make_bad_inputs.py OUT_DIR            # the whole corpus (~60 MB, takes a second)
    python scripts/make_bad_inputs.py OUT_DIR --small    # without the 50 MB file

Every file is something a crawler or a careless export really produces: empty files, binaries
saved as ``.txt``, wrong encodings, giant files and lines, hostile HTML, odd Unicode, broken JSONL.
Nothing here is committed: the tests call :func:`make_corpus` into a temporary folder.
:data:`INPUTS` counts how many inputs (files, or JSONL lines) each file holds, so a test can check
that every input comes out as a document or a coded error: none lost, none duplicated.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import struct
import sys
import zlib
from pathlib import Path

# A short, ordinary news paragraph (written for these tests) used as the "good part" of many files.
GOOD = ("Police arrested two men in Mitrovica on Tuesday, the interior ministry said in a statement. "
        "\"We will not allow violence in the north,\" minister Xhelal Svecla told reporters in Pristina. "
        "Three officers were injured during the operation, according to the ministry.")

BIG_BYTES = 50 * 1024 * 1024
ONE_LINE_BYTES = 1024 * 1024
NESTED_DIVS = 100_000

# name -> number of inputs inside (JSONL lines that are not blank count one each; other files one).
INPUTS: dict[str, int] = {}


def _png() -> bytes:
    """A real 1x1 PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"\x00\xff\x00\x00"
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _jsonl(*records) -> bytes:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    return ("\n".join(lines) + "\n").encode("utf-8")


def files(small: bool = False) -> dict[str, bytes]:
    """The corpus as ``{file name: bytes}`` (deterministic)."""
    rng = random.Random(7)
    out: dict[str, bytes] = {}

    def add(name: str, data: bytes, inputs: int = 1) -> None:
        out[name] = data
        INPUTS[name] = inputs

    # --- empty and near-empty
    add("empty.txt", b"")
    add("whitespace-only.txt", b" \n\t\r\n   \xc2\xa0\n\xe2\x80\x83 \n")
    add("control-chars-only.txt", b"\x01\x02\x03\x1b[0m\x7f\x08\n")
    # --- binaries saved under an article name
    add("binary-png.txt", _png())
    add("binary-gzip.txt", gzip.compress((GOOD * 20).encode(), mtime=1_700_000_000))
    add("binary-pdf.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(rng.randrange(256) for _ in range(2000)))
    add("binary-random", bytes(rng.randrange(256) for _ in range(4096)))
    add("binary-zip.txt", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(rng.randrange(1, 256) for _ in range(500)))
    # --- encodings
    add("invalid-utf8.txt", GOOD[:120].encode() + b" \xff\xfe\xc3\x28 \xa0\xa1 " + GOOD[120:].encode())
    add("utf16-bom.txt", ("Kosovo: " + GOOD).encode("utf-16"))  # Python's utf-16 writes a BOM
    add("utf16-be-bom.txt", b"\xfe\xff" + ("Serbia: " + GOOD).encode("utf-16-be"))
    add("utf16-truncated.txt", ("Broken: " + GOOD).encode("utf-16")[:-1])  # odd length
    add("utf32-bom.txt", ("Wide: " + GOOD).encode("utf-32"))
    add("utf8-bom.txt", b"\xef\xbb\xbf" + GOOD.encode())
    add("latin1.txt", ("Police in Priština and São Paulo arrested a café owner. " + GOOD).encode("latin-1", "replace"))
    add("cp1252-smart-quotes.txt", ("\u201cWe are ready,\u201d the minister said \u2013 " + GOOD).encode("cp1252"))
    # --- size
    if not small:
        line = (GOOD + "\n").encode()
        add("huge-50mb.txt", line * (BIG_BYTES // len(line) + 1))
    words = (GOOD.replace("\n", " ") + " ").encode()
    add("one-line-1mb.txt", (words * (ONE_LINE_BYTES // len(words) + 1))[:ONE_LINE_BYTES])
    add("one-word-200k.txt", b"x" * 200_000)
    add("repeated-parens.txt", b"(" * 30_000 + b" " + GOOD.encode())  # quadratic for naive tokenizers
    # --- hostile HTML
    body = f"<p>{GOOD}</p>"
    add("nested-divs.html", (f"<!doctype html><html><head><title>Nested</title></head><body>"
                             + "<div>" * NESTED_DIVS + body + "</div>" * NESTED_DIVS + "</body></html>").encode())
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
              + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10))
              + "]>")
    add("entity-bomb.html", (laughs + "<html><body><p>&lol9;</p><p>" + "&amp;&lt;&#x41;&eacute;&#1234567;" * 100_000
                             + f"</p>{body}</body></html>").encode())
    add("html-empty-body.html", b"<!doctype html><html><head><title>Nothing</title></head><body></body></html>")
    add("html-script-only.html", b"<html><body><script>document.write('x'.repeat(1e6))</script><style>p{}</style></body></html>")
    add("html-truncated.html", f"<!doctype html><html><body><article>{body}<p>And then the pa".encode())
    add("html-xss.html", (f"<!doctype html><html><head><title>X</title></head><body><article>{body}"
                          "<script>alert('xss')</script><img src=x onerror=alert(1)>"
                          "<p>&lt;script&gt;alert(2)&lt;/script&gt; was printed by the attackers, police said.</p>"
                          "</article></body></html>").encode())
    add("html-not-really.html", b"just some words that claim to be HTML but have no tags at all, police said")
    # --- pathological text
    add("quotes-10k.txt", ('"' * 10_000 + "\n" + GOOD + "\n" + ' "a"' * 2_000).encode())
    add("unbalanced-quotes.txt", ('"We will not surrender, the commander said. ' + GOOD
                                  + ' He added: \u201cthe talks are over. \u201cNo deal\u201d.').encode())
    add("only-numbers.txt", " ".join(str(rng.randrange(10 ** 9)) for _ in range(3000)).encode())
    add("right-to-left.txt", ("\u0642\u0627\u0644\u062a \u0627\u0644\u0634\u0631\u0637\u0629 \u0625\u0646 "
                              "\u0645\u0633\u0644\u062d\u064a\u0646 \u0647\u0627\u062c\u0645\u0648\u0627 "
                              "\u0627\u0644\u0642\u0631\u064a\u0629. \u05d4\u05de\u05e9\u05d8\u05e8\u05d4 "
                              "\u05e2\u05e6\u05e8\u05d4 \u05e9\u05e0\u05d9 \u05d7\u05e9\u05d5\u05d3\u05d9\u05dd. "
                              "\u202eDlrow olleh\u202c " + GOOD).encode())
    add("emoji.txt", ("\U0001F525\U0001F1FD\U0001F1F0 Breaking \U0001F6A8: " + GOOD.replace(" ", " \U0001F44D\U0001F3FD ", 5)
                      + " \U0001F468\u200D\U0001F469\u200D\U0001F467 " * 50).encode())
    add("control-chars.txt", (GOOD[:50] + "\x00\x01\x07\x1b[31m" + GOOD[50:] + "\x0b\x0c\x7f\r\nEnd.\rMore.").encode())
    add("nul-after-4k.txt", (GOOD * 30 + "\x00\x00" + GOOD).encode())
    add("zero-width-and-bidi.txt", GOOD.replace(" ", " \u200b", 10).replace("Police", "Pol\u00adice\u2066").encode())
    add("crlf-and-cr.txt", GOOD.replace(". ", ".\r\n").replace(",", ",\r").encode())
    add("no-sentences.txt", (("word " * 5000).strip()).encode())
    add("via-only.txt", b"Via https://example.org/story\n")
    # --- file names that are not UTF-8 (a Latin-1 file system, a broken unzip)
    add(os.fsdecode(b"name-not-utf8-caf\xe9.txt"), GOOD.replace("two", "three").encode())
    add(os.fsdecode(b"name-not-utf8-\xff\xfe.txt"), _png())
    # --- sidecar metadata problems
    add("bad-sidecar.txt", GOOD.encode())
    out["bad-sidecar.meta.json"] = b"{not json"
    add("sidecar-not-object.txt", GOOD.encode())
    out["sidecar-not-object.meta.json"] = b"[1, 2, 3]"
    add("non-date-published.txt", GOOD.encode())
    out["non-date-published.meta.json"] = json.dumps({"published": "the day after the big storm-ish", "title": "T"}).encode()
    # --- JSONL
    add("not-json.jsonl", _jsonl({"id": "nj-1", "text": GOOD}, "{this is not json", {"id": "nj-3", "text": GOOD + " Again."}), 3)
    add("missing-text.jsonl", _jsonl({"id": "mt-1", "title": "no text here"}, {"id": "mt-2", "text": GOOD}), 2)
    add("non-date-published.jsonl", _jsonl({"id": "nd-1", "text": GOOD, "published": "not a date at all"},
                                           {"id": "nd-2", "text": GOOD + " Later.", "published": "2021-02-30"},
                                           {"id": "nd-3", "text": GOOD + " Much later.", "published": 12}), 3)
    add("jsonl-wrong-types.jsonl", _jsonl("[1, 2, 3]", "42", "null", '"a string"', {"id": "wt-5", "text": 17},
                                          {"id": "wt-6", "text": "   "}, {"id": "wt-7", "text": GOOD, "via": "nope", "title": {"a": 1}},
                                          "{\"id\": \"wt-8\", \"text\": NaN}"), 8)
    add("jsonl-deep-nesting.jsonl", ("[" * 100_000 + "]" * 100_000 + "\n" + json.dumps({"id": "dn-2", "text": GOOD}) + "\n").encode(), 2)
    add("jsonl-lone-surrogate.jsonl", b'{"id": "ls-1", "text": "Police \\ud800 said \\udfff the talks failed in Pristina."}\n', 1)
    add("jsonl-invalid-utf8.jsonl", b'{"id": "iu-1", "text": "Caf\xe9 owner arrested in Pri\xb9tina, police said."}\n'
        + _jsonl({"id": "iu-2", "text": GOOD}), 2)
    add("jsonl-bom.jsonl", b"\xef\xbb\xbf" + _jsonl({"id": "bom-1", "text": GOOD}), 1)
    add("jsonl-blank-lines.jsonl", b"\n\n   \n" + _jsonl({"id": "bl-1", "text": GOOD}) + b"\n\t\n", 1)
    add("jsonl-html-record.jsonl", _jsonl({"id": "hr-1", "html": f"<html><body>{body}</body></html>"},
                                          {"id": "hr-2", "html": "<html><body></body></html>"}), 2)
    add("jsonl-long-line.jsonl", _jsonl({"id": "ll-1", "text": "x " * 3_000_000}, {"id": "ll-2", "text": GOOD}), 2)
    add("jsonl-crlf.jsonl", (json.dumps({"id": "cr-1", "text": GOOD}) + "\r\n" + json.dumps({"id": "cr-2", "text": GOOD + " B."})
                             + "\r\n").encode(), 2)
    add("jsonl-truncated.jsonl", _jsonl({"id": "tr-1", "text": GOOD}) + b'{"id": "tr-2", "text": "Police sa', 2)
    return out


def make_corpus(folder: str | Path, *, small: bool = False) -> dict[str, int]:
    """Write the corpus into ``folder``; returns ``{file name: inputs in it}``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    corpus = files(small=small)
    for name, data in corpus.items():
        (folder / name).write_bytes(data)
    made = {name: INPUTS[name] for name in corpus if name in INPUTS}
    link = folder / "dangling-link.txt"  # a symbolic link to nowhere (a moved or half-synced file)
    if not link.is_symlink():
        link.symlink_to(folder / "does-not-exist.txt")
    made[link.name] = 1
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", help="folder to write into")
    parser.add_argument("--small", action="store_true", help="leave out the 50 MB file")
    args = parser.parse_args(argv)
    made = make_corpus(args.out, small=args.small)
    print(f"{len(made)} article files ({sum(made.values())} inputs) written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
