"""Thai-aware text normalisation and the token stream the search index is built from.

Thai is written without spaces between words, and no segmenter agrees with every other one, so the
index does not segment at all. A Thai run is indexed as its overlapping character bigrams; a query is
turned into the same bigrams and searched as a phrase, which makes a match an exact substring match
(ของขวัญ inside ไม่รับของขวัญ, and a prefix such as จัดซื้อจ while typing). Latin words and numbers stay
whole words. The browser does exactly the same in `generator/theme/assets/javascripts/search-core.js`
(`normalise` and `tokens`); `tests/search/normalise.yml` pins both to the same answers.

A token is also a file name (`postings.py`), so a bigram is written in ASCII: `_` followed by two
base-36 digits per Thai character. The `_` keeps Thai tokens apart from Latin words and numbers;
the fixed width makes the token of a single character (`_` + 2 digits) a prefix of every bigram
that starts with it, which is how a lone Thai character typed so far is looked up.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

THAI_FIRST, THAI_LAST = 0x0E01, 0x0E4E  # consonants, vowels, tone marks, ๆ and ฯ; not ๏ ๚ ๛
_THAI_DIGIT = re.compile("[\u0e50-\u0e59]")
# Zero-width characters and the soft hyphen: invisible, but they would split a run.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# NFKC writes sara am (ำ) as nikhahit + sara aa; so do people typing on some keyboards. Join them back.
_SARA_AM = re.compile("\u0e4d\u0e32")
# A dot between digits separates numbers (9.1, 1.5); any other dot belongs to an abbreviation
# (สพป., พ.ศ., e.g.) and is dropped, so that สพป. and สพป match.
_DECIMAL_DOT = re.compile(r"(?<=\d)\.(?=\d)")
_BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz"
MAX_WORD = 32  # longer words are cut: a token is also a file name


def normalise(text: str) -> str:
    """Text as the index sees it: NFKC, lower case, Arabic digits, no invisible marks, no abbreviation dots."""
    # Sara am is set aside during NFKC: it would take Python's slow path for nearly every Thai text,
    # and NFKC would only split it for the line below to join it again.
    text = unicodedata.normalize("NFKC", text.replace("\u0e33", "\ue000")).replace("\ue000", "\u0e33").lower()
    text = _THAI_DIGIT.sub(lambda d: chr(ord(d[0]) - 0x0E50 + 0x30), text)
    text = _SARA_AM.sub("\u0e33", _INVISIBLE.sub("", text))
    return _DECIMAL_DOT.sub(" ", text).replace(".", "")


def thai_code(char: str) -> str:
    """Two base-36 digits for one Thai character."""
    n = ord(char) - 0x0E00
    return _BASE36[n // 36] + _BASE36[n % 36]


_THAI = [chr(n) for n in range(THAI_FIRST, THAI_LAST + 1)]
_PAIRS = {a + b: "_" + thai_code(a) + thai_code(b) for a in _THAI for b in _THAI}  # 78 × 78 tokens, made once


def thai_tokens(run: str) -> list[str]:
    """A Thai run as overlapping bigram tokens; a single character stays a one-character token."""
    if len(run) == 1:
        return ["_" + thai_code(run)]
    return [_PAIRS[run[i:i + 2]] for i in range(len(run) - 1)]


# A Thai run (spaces between Thai letters join it), or a word of any other letters and digits.
_PIECE = re.compile(r"(?P<thai>[\u0e01-\u0e4e]+(?:[ \t]+[\u0e01-\u0e4e]+)*)|(?P<word>[^\W_\u0e01-\u0e4e]+)")
_BLANKS = re.compile(r"[ \t]+")


def runs(text: str) -> Iterator[tuple[str, str]]:
    """Split normalised text into `("thai", run)` and `("word", word)` pieces, in order.

    Spaces between Thai letters join the two sides into one run, so that a phrase typed without
    spaces still matches text written with them; a newline (a block boundary) or any punctuation
    ends a run. A word is a run of letters and digits of other scripts (Unicode L and N).
    """
    for match in _PIECE.finditer(text):
        if match.lastgroup == "thai":
            yield "thai", _BLANKS.sub("", match[0])
        else:
            yield "word", match[0]


def tokens(text: str) -> list[str]:
    """The index tokens of `text` (normalised here): Thai bigrams and whole words (cut at 32 letters)."""
    out: list[str] = []
    for kind, piece in runs(normalise(text)):
        out.extend(thai_tokens(piece) if kind == "thai" else [piece[:MAX_WORD]])
    return out
