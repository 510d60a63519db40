"""The inverted index: a query fetches the positions of its own tokens, and little else.

Files under `site/search/` (read by `generator/theme/assets/javascripts/search-core.js`):

- `t/<name>`: the postings of one token: for each page (ascending) the page-id gap, the number of
  positions and the position gaps, all as unsigned LEB128 varints. `<name>` is the token itself
  when it is `[_a-z0-9]`, else `~` and the hex of its UTF-8 bytes (`token_file`).
- `b/<n>`: the many rare tokens (postings up to `SMALL` bytes) share bucket files of about 1 KB,
  chosen by `bucket_of` (32-bit FNV-1a of the UTF-8 token): each entry is the token's length, the
  token, the postings' length and the postings. Hundreds of files instead of thousands keep the
  build and the upload quick; a rare token costs a 1 KB fetch instead of a few bytes.
- `v/<key>.json`: the tokens that start with one character, most frequent first, with their page
  counts, for a word still being typed (`vocabulary_key`).
- `manifest.json.gz`: page count, title and page lengths in tokens (for ranking), the tokens that
  have their own file with its size (the browser skips big ones when a phrase allows), the bucket
  count, a bitmap of the Thai bigrams that occur (a Thai query with a bigram no page has is
  answered without a fetch), and what the caller adds: the filters.

A page's positions are its title's tokens, then one unused position (a phrase never runs from the
title into the text), then its headings' tokens and another unused position, then the text's. The
manifest's `titles` and `heads` give where the title and the headings end, for ranking: a page whose
title or headings hold the query is about it; one whose text does only mentions it.
"""

from __future__ import annotations

import base64
import gzip
import json
import re
from collections import defaultdict
from pathlib import Path

from generator.search.normalize import THAI_FIRST, THAI_LAST, tokens

_SAFE = re.compile(r"[_a-z0-9]+")
_CODES = THAI_LAST - THAI_FIRST + 1  # Thai characters a bigram can be made of
_BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz"
SMALL = 256         # postings up to this many bytes go into a bucket
BUCKET_BYTES = 1024  # the size buckets are aimed at


def token_file(token: str) -> str:
    """The file name of a token's postings (the browser computes the same)."""
    return token if _SAFE.fullmatch(token) else "~" + token.encode().hex()


def vocabulary_key(token: str) -> str:
    """The vocabulary file a token is listed in: by its first Thai character or its first character."""
    first = token[:3] if token.startswith("_") else token[:1]
    return first if _SAFE.fullmatch(first) else "~" + first.encode().hex()


def bucket_of(token: str, buckets: int) -> int:
    """The bucket of a rare token (the browser computes the same)."""
    h = 0x811C9DC5
    for byte in token.encode():
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h % buckets


_TABLE = [bytes([n]) if n < 0x80 else bytes([(n & 0x7F) | 0x80, n >> 7]) for n in range(1 << 14)]


def _varint(n: int) -> bytes:
    """One unsigned LEB128 varint; numbers below 16384 (nearly all) come from a table."""
    if n < 16384:
        return _TABLE[n]
    out = bytearray()
    while n > 0x7F:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


def _varints(numbers: list[int]) -> bytes:
    return b"".join(map(_varint, numbers))


def _gaps(positions: list[int]) -> bytes:
    """The positions of a token on one page as varint gaps (the first from 0).

    The first is often beyond 127 (a word far into the page), the rest mostly below: those are then
    one byte each and `bytes()` writes them at once.
    """
    first = _varint(positions[0])
    if len(positions) == 1:  # most tokens of most pages
        return first
    gaps = [b - a for a, b in zip(positions, positions[1:])]
    return first + (bytes(gaps) if max(gaps) < 0x80 else _varints(gaps))


def _write_gzip(path: Path, data: bytes) -> int:
    """Write postings gzip-compressed and return the bytes written (what a query will transfer).

    Varint postings of a common token repeat small numbers and shrink to a third or less; hosts do
    not compress binary files themselves. Every token and bucket file is gzip, so the browser
    (search-core.js, which inflates anything that starts with the gzip magic) never has to guess.
    """
    blob = gzip.compress(data, 6, mtime=0)
    path.write_bytes(blob)
    return len(blob)


def _code(pair: str) -> int:
    """Index of a Thai character from its two base-36 digits."""
    return _BASE36.index(pair[0]) * 36 + _BASE36.index(pair[1]) - (THAI_FIRST - 0x0E00)


class _Token:
    """One token's postings so far: already encoded, with the last page that had it."""

    __slots__ = ("data", "last", "pages")

    def __init__(self) -> None:
        self.data, self.last, self.pages = bytearray(), 0, 0


class Postings:
    """Token → encoded postings, filled page by page.

    Each page's positions are encoded the moment the page is added (page gap, count, position gaps
    appended to the token's bytes), so the index never holds a site's position lists: on a
    4,600-page office those were 19 million Python integers in lists, most of the indexer's memory.
    """

    def __init__(self) -> None:
        self.tokens: dict[str, _Token] = {}
        self.title_lengths: list[int] = []
        self.head_ends: list[int] = []
        self.lengths: list[int] = []

    def add(self, title: str, text: str, heads: str = "") -> int:
        """Index one page; returns its id (0, 1, 2, ... in the order added)."""
        page = len(self.lengths)
        head = tokens(title)
        headings = tokens(heads)
        # "" holds the unused positions between title, headings and text
        stream = head + [""] + (headings + [""] if headings else []) + tokens(text)
        here: dict[str, list[int]] = defaultdict(list)
        for position, token in enumerate(stream):
            here[token].append(position)
        here.pop("")
        known = self.tokens
        for token, positions in here.items():
            if (entry := known.get(token)) is None:
                entry = known[token] = _Token()
            entry.data += _varint(page - entry.last) + _varint(len(positions)) + _gaps(positions)
            entry.last = page
            entry.pages += 1
        self.title_lengths.append(len(head))
        self.head_ends.append(len(head) + 1 + (len(headings) + 1 if headings else 0))
        self.lengths.append(len(stream))
        return page

    def write(self, out: Path, extra: dict[str, object]) -> None:
        """Write token files, buckets, vocabularies and the manifest (with `extra` in it) into `out`."""
        for folder in ("t", "b", "v"):
            (out / folder).mkdir(parents=True)
        encoded = {token: entry.data for token, entry in self.tokens.items()}
        large = sorted(token for token, data in encoded.items() if len(data) > SMALL)
        sizes = {}
        for token in large:
            sizes[token] = _write_gzip(out / "t" / token_file(token), bytes(encoded[token]))
        small = sorted(token for token, data in encoded.items() if len(data) <= SMALL)
        buckets = max(1, sum(len(encoded[t]) for t in small) // BUCKET_BYTES)
        contents = [bytearray() for _ in range(buckets)]
        for token in small:
            name, data = token.encode(), encoded[token]
            contents[bucket_of(token, buckets)] += _varints([len(name)]) + name + _varints([len(data)]) + data
        for n, content in enumerate(contents):
            _write_gzip(out / "b" / str(n), bytes(content))
        self._write_vocabulary(out / "v")
        manifest = {"version": 1, "pages": len(self.lengths), "titles": self.title_lengths,
                    "heads": self.head_ends,
                    "lengths": self.lengths, "large": sizes, "buckets": buckets,
                    "bigrams": self._bigram_bitmap(), **extra}
        body = json.dumps(manifest, ensure_ascii=False, separators=(",", ":")).encode()
        (out / "manifest.json.gz").write_bytes(gzip.compress(body, 9, mtime=0))

    def _write_vocabulary(self, folder: Path) -> None:
        vocabulary: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for token, entry in self.tokens.items():
            vocabulary[vocabulary_key(token)].append((token, entry.pages))
        for key, entries in vocabulary.items():
            entries.sort(key=lambda e: (-e[1], e[0]))
            (folder / f"{key}.json").write_text(json.dumps(entries, ensure_ascii=False, separators=(",", ":")),
                                                encoding="utf-8")

    def _bigram_bitmap(self) -> str:
        """Base64 bits, row-major over (first, second) Thai character: does this bigram occur?"""
        bits = bytearray((_CODES * _CODES + 7) // 8)
        for token in self.tokens:
            if token.startswith("_") and len(token) == 5:
                n = _code(token[1:3]) * _CODES + _code(token[3:5])
                bits[n // 8] |= 1 << (n % 8)
        return base64.b64encode(bytes(bits)).decode()
