"""Near-duplicates and republished copies, by MinHash over word shingles (datasketch).

Two texts are *copies* when the estimated Jaccard similarity of their sets of ``SHINGLE``-word
shingles is at least ``COPY_JACCARD``: a wire story republished with another headline, a trailing
line or a paragraph cut stays above 0.5; two outlets writing their own report of the same incident
share a few phrases and stay far below (0.02–0.15 on the ECB+ stories, whose 772 articles hold no
pair between 0.3 and 0.5). A copy joins the story of its original and counts as one source with it;
the original is the earliest published (then the smallest text hash) of a group of copies.

The signature's bands (``BANDS`` of ``ROWS`` values) are also blocking keys: copies always share
one (a pair at Jaccard 0.5 collides in at least one band with probability 0.98).
"""
from __future__ import annotations

import hashlib
import zlib
from functools import lru_cache

NUM_PERM = 64
BANDS, ROWS = 16, 4
SHINGLE = 4
COPY_JACCARD = 0.5


def shingles(tokens: list[str]) -> set[bytes]:
    if len(tokens) < SHINGLE:
        return {" ".join(tokens).encode("utf-8")} if tokens else set()
    return {" ".join(tokens[i:i + SHINGLE]).encode("utf-8") for i in range(len(tokens) - SHINGLE + 1)}


@lru_cache(maxsize=1)
def _template():
    from datasketch import MinHash
    return MinHash(num_perm=NUM_PERM, seed=1, hashfunc=zlib.crc32)


def signature(tokens: list[str]) -> list[int]:
    """The MinHash signature (``NUM_PERM`` integers) of a token list; [] for an empty text.
    Shingles are hashed with CRC-32 (in C); the permutations are made once."""
    from datasketch import MinHash

    grams = shingles(tokens)
    if not grams:
        return []
    template = _template()
    mh = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=zlib.crc32, permutations=template.permutations,
                 scheme=template.scheme)
    mh.update_batch(sorted(grams))
    return [int(v) for v in mh.hashvalues]


def jaccard(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    if not a or not b or len(a) != len(b):
        return 0.0
    return sum(x == y for x, y in zip(a, b)) / len(a)


def band_keys(sig: list[int]) -> list[str]:
    """LSH band keys of a signature (``m:`` + band number + a short hash of its rows)."""
    keys = []
    for band in range(BANDS if sig else 0):
        rows = sig[band * ROWS:(band + 1) * ROWS]
        digest = hashlib.blake2b(",".join(map(str, rows)).encode(), digest_size=6).hexdigest()
        keys.append(f"m:{band}:{digest}")
    return keys


def is_copy(a: dict, b: dict) -> bool:
    """Whether two articles' features make one a copy of the other."""
    return jaccard(a.get("minhash") or [], b.get("minhash") or []) >= COPY_JACCARD
