"""Offset-preserving text handling: a lowercased twin of the input, sentences and words.

Every position in a `Doc` is a position in the text the user gave. Matching happens on `low`, a
lowercased copy of exactly the same length, so a match's span can be cut from `text` directly.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate
from typing import TYPE_CHECKING, Any

from .lang.starts import finditer_scan, start_set
from .lang.textscan import TextScan

if TYPE_CHECKING:
    from .lang.base import Language
    from .lines import Line

# a run of end marks is matched from its first mark only and as a whole (possessive), so a long
# run of dots costs linear time
_SENTENCE_END = re.compile(
    r"[.!?…](?<![.!?…]{2})[.!?…]*+[\"'“”»«‘’)\]]*(?=\s)|\n\s*\n|\n(?=\s*[^\s])")
# the last white space or opening mark before a dot: only there can the rest run to the end
_LAST_STOP = re.compile(r"[\s(„\"'][^\s(„\"']*\Z")
_NEWLINE = re.compile("\n")
_SENTENCE_STARTS = start_set(_SENTENCE_END)
_MAX_TOKEN = 24
_CLOSING = "\"'“”»«‘’"  # closing quote marks after a sentence mark


def lower_same_length(text: str) -> str:
    """Lowercase `text` char by char, keeping any char whose lowercase has another length."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass
class Doc:
    """The input text with the derived views the field modules share."""

    text: str
    lang: Language
    title_hint: str | None = None
    listing: bool = False  # the first entry of a listing page, the rest blanked
    low: str = field(init=False)

    def __post_init__(self) -> None:
        self.low = lower_same_length(self.text)

    @cached_property
    def content_start(self) -> int:
        """Where the text begins after leading white space (on a listing page, the first
        entry: what comes before it is blanked)."""
        return len(self.text) - len(self.text.lstrip())

    @cached_property
    def low_scan(self) -> TextScan:
        """Literal positions in `low`, shared by the rules that match lowercased text."""
        return TextScan(self.low)

    @cached_property
    def text_scan(self) -> TextScan:
        """Literal positions in `text`, for case-sensitive rules."""
        return TextScan(self.text, runs=self.low_scan)

    @cached_property
    def sentences(self) -> list[Sentence]:
        return split_sentences(self.text, self.lang, self.text_scan)

    @cached_property
    def sentence_starts(self) -> list[int]:
        """The start of every sentence, in order (sentences do not overlap)."""
        return [s.start for s in self.sentences]

    def sentence_at(self, pos: int) -> Sentence | None:
        """The sentence that holds `pos`, found by bisection (it runs once per candidate)."""
        i = bisect_right(self.sentence_starts, pos) - 1
        if i < 0:
            return None
        s = self.sentences[i]
        return s if pos < s.end else None

    @cached_property
    def words(self) -> WordIndex:
        """Every word of the review, found once; also holds later stages' per-review results."""
        return WordIndex(self.low)

    @cached_property
    def line_kinds(self) -> list[Line]:
        """Every non-empty line with its kind: chrome, meta, heading or body (lines.py)."""
        from .lines import classify

        return classify(self)

    @cached_property
    def _line_kind_starts(self) -> list[int]:
        return [ln.start for ln in self.line_kinds]

    def line_kind_at(self, pos: int) -> str | None:
        """The kind of the line that holds `pos`, or None between lines (by bisection: it runs
        for every sentence and candidate, so it imports nothing)."""
        i = bisect_right(self._line_kind_starts, pos) - 1
        if i < 0:
            return None
        line = self.line_kinds[i]
        return line.kind if line.start <= pos < max(line.end, line.start + 1) else None

    @cached_property
    def line_starts(self) -> list[int]:
        """The offset of every line's first character (empty lines included)."""
        return [0, *(m.end() for m in _NEWLINE.finditer(self.text))]

    @cached_property
    def lines(self) -> list[tuple[int, int]]:
        """(start, end) of every non-empty line, stripped of surrounding white space."""
        out = []
        pos = 0
        for raw in self.text.split("\n"):
            s = pos + (len(raw) - len(raw.lstrip()))
            e = pos + len(raw.rstrip())
            if e > s:
                out.append((s, e))
            pos += len(raw) + 1
        return out


def is_abbreviation(text: str, dot: int, lang: Language) -> bool:
    """True when the period at `dot` ends an abbreviation or an ordinal rather than a sentence."""
    floor = max(0, dot - _MAX_TOKEN)  # abbreviations are short: never look back further
    # the token before the dot starts after the last white space or opening mark before it
    stop = _LAST_STOP.search(text, floor, dot)
    j = stop.start() + 1 if stop else floor
    token = text[j:dot + 1].lower()
    if token in lang.abbreviations:
        return True
    word = token[:-1]
    if lang.script.ordinal_period and word.isdigit() and len(word) <= 2:
        # an ordinal in a language that writes "3." ("3. Staffel", "12. März"): a following
        # capitalised word or digit continues the sentence
        nxt = text[dot + 1:dot + 3].lstrip()
        return bool(nxt) and (nxt[0].isdigit() or nxt[0].isupper())
    # initials ("Michael C. Hall") and split abbreviations ("z. B.", "u. a.")
    return len(word) == 1 and word.isalpha()


WRAPPED_LINE = 50  # characters: a line this long that ends in a word is wrapped prose


def _wrapped(text: str, nl: int) -> bool:
    """Is the line break at `nl` one of a hard-wrapped paragraph: a long line before it that
    ends in a word or a comma, and a word (or a quoted one) right after it? A heading is short,
    and a list item opens with its mark."""
    line_start = text.rfind("\n", 0, nl) + 1
    last = text[nl - 1:nl]
    nxt = text[nl + 1:nl + 2]
    return (nl - line_start >= WRAPPED_LINE and (last.isalnum() or last in ",-")
            and (nxt.isalpha() or nxt in "„\"»"))


def _continues_lowercase(text: str, end: int) -> bool:
    """True when the next word starts lowercase (in a text that capitalises sentence starts)."""
    nxt = text[end:end + 3].lstrip(" \t")
    return bool(nxt) and nxt[0].isalpha() and nxt[0].islower()


def split_sentences(text: str, lang: Language, scan: TextScan | None = None) -> list[Sentence]:
    """Split at sentence-final punctuation and line breaks, not at abbreviations and ordinals."""
    out: list[Sentence] = []
    start = 0
    all_lower = text.islower()
    # the pattern is tried only at its first characters (. ! ? … and line breaks), found with
    # str.find: the engine's own scan would try every position of the review
    for m in finditer_scan(_SENTENCE_END, _SENTENCE_STARTS, scan or TextScan(text), 0,
                           len(text)):
        end = m.end()
        mark = m.group()
        if mark[0] == ".":
            if is_abbreviation(text, m.start(), lang):
                continue
            if len(mark) > 1 and mark[1] in _CLOSING and not all_lower and _continues_lowercase(
                    text, end):
                continue  # „Jerks.“ vor allem: a title's period inside its quotes
        elif mark[0] in "!?" and not all_lower and _continues_lowercase(text, end):
            continue  # "Good Bye Lenin! ist ein Film": a title's "!" inside the sentence
        elif mark == "\n" and _wrapped(text, m.start()):
            continue  # a hard-wrapped paragraph goes on in the next line
        _append(out, text, start, end)
        start = end
    _append(out, text, start, len(text))
    return out


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    # str.strip() removes exactly the characters str.isspace() accepts, in C
    seg = text[start:end]
    body = seg.strip()
    if body:
        start += len(seg) - len(seg.lstrip())
        out.append(Sentence(start, start + len(body), body))


# --- words ----------------------------------------------------------------------------------

_WORD_SPLIT = re.compile(r"(\w+)")  # a word: letters, digits, underscore


class WordIndex:
    """The words of a (lowercased) text, found in one pass and looked up by position.

    Clauses, items and verdicts ask for the words of many overlapping ranges; bisecting one list
    is much cheaper than running the word pattern again per range. `memo` is scratch space for
    per-review results of later stages (clause splits, clause polarity), so they live and die
    with the review instead of in module state.
    """

    __slots__ = ("ends", "low", "memo", "starts", "words")

    def __init__(self, low: str) -> None:
        self.low = low
        # split keeps the words at odd places, the text between them at even ones; the running
        # sum of the parts' lengths gives every offset without a match object per word (a
        # third faster than reading matches: about 1 % of a call on the seed, bench/run.py)
        parts = _WORD_SPLIT.split(low)
        offsets = list(accumulate(map(len, parts), initial=0))
        self.words: list[str] = parts[1::2]
        self.starts: list[int] = offsets[1:2 * len(self.words):2]
        self.ends: list[int] = offsets[2::2]
        self.memo: dict[Any, Any] = {}

    def inside(self, start: int, end: int) -> tuple[int, int]:
        """Index range [i, j) of the words lying wholly inside `low[start:end]`."""
        i = bisect_left(self.starts, start)
        return i, bisect_right(self.ends, end, lo=i)
