"""Clause splitting: the one way the opinion steps cut a sentence into clauses.

A clause ends at ; : , dashes and brackets (a comma between digits, "7,5", does not split), at a
spaced dash, and before a split word ("aber") or a coordinator that opens a new subject ("und
die Musik …") when at least `MIN_SIDE` words stand on each side. The marks and split words are
found once per review (`Reader`, kept in the `Doc`'s memo); each sentence takes its share by
bisecting. Clauses come as (start, end, opener) tuples, their edges trimmed of white space and
sentence marks; a stretch without a letter or digit is no clause.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import compress

from ..lang.lexicon import Lexicon
from ..text import Doc

_CLAUSE_MARKS = ";:,–—()"
_ALNUM = re.compile(r"[^\W_]")
_CLAUSE_EDGE = ".!?…"  # stripped off a clause's edges with white space
MIN_SIDE = 3  # words on each side of a split word

ClauseSpan = tuple[int, int, str]  # (start, end, opener)


@dataclass(frozen=True, slots=True)
class Clause:
    """A part of a sentence between clause boundaries; `opener` is the boundary that began it."""

    start: int
    end: int
    text: str
    opener: str = ""


class Reader:
    """Per-review positions for the clause splitter, built once and kept in the `Doc`'s memo."""

    __slots__ = ("cues", "dashes", "ix", "low", "mark_cuts", "marks", "splitters", "text")

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        low = self.low = doc.low
        self.text, self.ix = doc.text, doc.words
        # the marks from the review's shared literal positions (`Doc.low_scan`, found with
        # str.find): a pattern scan for the class would test every character (about 2 % of a
        # call on the seed with the dashes and words below, bench/run.py)
        scan = doc.low_scan
        marks = sorted(s for ch in _CLAUSE_MARKS for s in scan.positions(ch)
                       if not _is_decimal_comma(low, s))
        # each mark as the cut it makes: (start, start of the next clause, opener)
        self.marks, self.mark_cuts = marks, [(s, s + 1, low[s]) for s in marks]
        # the start of every spaced dash (white space, "-", white space), overlapping ones too
        # (see `clauses`)
        self.dashes = [p - 1 for p in scan.positions("-")
                       if low[p - 1:p].isspace() and low[p + 1:p + 2].isspace()]
        words = self.ix.words
        # the split words and the words that can open a verdict cue ("fazit", "alles in allem")
        self.splitters = _indices(words, lex.clause_splitters)
        self.cues = _indices(words, lex.cue_starts)

    def cue_words(self, i: int, j: int) -> list[int]:
        """Indices of the words i..j that can open a verdict cue."""
        cues = self.cues
        return cues[bisect_left(cues, i):bisect_left(cues, j)]

    def clauses(self, lex: Lexicon, start: int, end: int) -> list[ClauseSpan]:
        """The clauses of `text[start:end]` as (start, end, opener) tuples."""
        a = bisect_left(self.marks, start)
        cuts = self.mark_cuts[a:bisect_left(self.marks, end, a)]
        # spaced dashes may overlap (" - - "): taken left to right, each after the last one's end
        taken = start
        for q in self.dashes[bisect_left(self.dashes, start):]:
            if q + 3 > end:
                break
            if q >= taken:
                cuts.append((q, q + 3, "-"))
                taken = q + 3
        cuts += self._split_word_cuts(lex, start, end)
        cuts.sort()
        cuts.append((end, end, ""))  # the last clause ends where the range does
        out: list[ClauseSpan] = []
        pos, opener = start, ""
        for cut_start, next_start, next_opener in cuts:
            s, e = _trim(self.text, pos, cut_start)
            if e > s and _ALNUM.search(self.text, s, e):
                out.append((s, e, opener))
            pos, opener = next_start, next_opener
        return out

    def _split_word_cuts(self, lex: Lexicon, start: int, end: int) -> list[ClauseSpan]:
        """Cuts before split words ("aber") and before coordinators that open a new subject.
        A word cut by the range's edge counts as a word on its side."""
        ix = self.ix
        i = bisect_right(ix.ends, start)
        j = bisect_left(ix.starts, end, lo=i)
        sp = self.splitters
        out: list[ClauseSpan] = []
        for k in sp[bisect_left(sp, i + MIN_SIDE):bisect_left(sp, j - MIN_SIDE)]:
            w = ix.words[k]
            if w in lex.split_words or (w in lex.coordinators
                                        and ix.words[k + 1] in lex.subject_starts):
                ws = ix.starts[k]
                if not self.low[ix.ends[k - 1]:ws].strip():  # after punctuation the cut is there
                    out.append((ws, ws, w))
        return out


def _indices(words: list[str], wanted: frozenset[str]) -> list[int]:
    """Indices of the words in `wanted`, by a membership test in C (`map`), not a loop."""
    return list(compress(range(len(words)), map(wanted.__contains__, words)))


def _is_decimal_comma(low: str, s: int) -> bool:
    """ "7,5": a comma between digits is part of a number, not a clause mark."""
    return low[s] == "," and 0 < s < len(low) - 1 and low[s - 1].isdigit() and \
        low[s + 1].isdigit()


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """`text[s:e]` without white space and sentence marks at its edges."""
    while s < e and (text[s].isspace() or text[s] in _CLAUSE_EDGE):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in _CLAUSE_EDGE):
        e -= 1
    return s, e


def reader(doc: Doc, lex: Lexicon) -> Reader:
    """The review's `Reader`, built on first use and kept as long as the `Doc`."""
    memo = doc.words.memo
    key = ("reader", lex.code)
    r = memo.get(key)
    if r is None:
        r = memo[key] = Reader(doc, lex)
    return r
