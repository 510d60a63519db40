"""What a `mkdocs serve` rebuild can take from the one before: pages finished alike, templates compiled.

An edit changes a few pages; MkDocs still renders every page again. Two costs of each rebuild do not
need to be paid twice for the same input:

- finishing a page (`join_numbers`, `tune_page`, the references it makes) is a pure function of the
  page's HTML, so a page whose HTML did not change gets the output of the rebuild before (a fifth of
  the example's rebuild time went there);
- MkDocs makes a new Jinja environment on every build, which compiles the theme's templates again;
  `TEMPLATES` keeps their compiled code for the life of the process, checked against each template's
  source as Jinja always does.

Only `serve` uses them (plugin.py): a one-off build sees every page once, and holding its pages
would only cost memory.
"""

from __future__ import annotations

import hashlib
from typing import Callable

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class FinishedPages:
    """Each page's last finished HTML and references, by destination, with the digest of its input."""

    def __init__(self) -> None:
        self._pages: dict[str, tuple[bytes, str, frozenset[str]]] = {}

    def finish(self, dest: str, html: str, work: Callable[[str], tuple[str, frozenset[str]]]) -> tuple[str, frozenset[str]]:
        """`work(html)` for `dest`, or its result of the rebuild before when `html` is the same."""
        digest = hashlib.blake2b(html.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        kept = self._pages.get(dest)
        if kept is not None and kept[0] == digest:
            return kept[1], kept[2]
        output, used = work(html)
        self._pages[dest] = (digest, output, used)
        return output, used


class _CompiledTemplates(BytecodeCache):
    """Jinja's compiled templates in memory; a template whose source changed is compiled again."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if (code := self._code.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)  # ignored by Jinja when the source's checksum differs

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


TEMPLATES = _CompiledTemplates()
