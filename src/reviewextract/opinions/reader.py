"""The review read once into arrays that every opinion step shares, and clause splitting on them.

`text.split_clauses` finds the clause marks, spaced dashes and split words of one sentence with
its own scans. Here they are found once for the whole review (str.find per mark, one C-level
membership pass over the words that also finds the verdict-cue openers) and each sentence takes
its share by bisecting, so splitting a sentence costs a few bisections plus its cuts. The
result is the same list of clauses as `split_clauses` with the language's split words,
coordinators and subject starts, as (start, end, opener) tuples: no clause text is cut out
that no step reads.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import compress

from ..lang.lexicon import Lexicon
from ..text import Doc, WordIndex

# the marks that close a clause in `text.split_clauses` (its `_CLAUSE_MARK`)
_CLAUSE_MARKS = ";:,–—()"
_ALNUM = re.compile(r"[^\W_]")
_CLAUSE_EDGE = ".!?…"  # stripped off a clause's edges with white space
MIN_SIDE = 3  # words on each side of a split word (`split_clauses`' default)

ClauseSpan = tuple[int, int, str]  # (start, end, opener)


class Reader:
    """Per-review arrays for the clause splitter, built once and kept in the `Doc`'s memo."""

    __slots__ = ("cues", "dashes", "ix", "low", "mark_cuts", "marks", "splitters", "text")

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        low = doc.low
        self.text, self.low, self.ix = doc.text, low, doc.words
        # str.find per mark, not the pattern: a pattern scan tests every character of the
        # review against the class, find skips to the few marks there are
        found: list[int] = []
        last = len(low) - 1
        for ch in _CLAUSE_MARKS:
            s = low.find(ch)
            while s >= 0:
                if not (ch == "," and 0 < s < last and low[s - 1].isdigit()
                        and low[s + 1].isdigit()):  # "7,5" is a number, not two clauses
                    found.append(s)
                s = low.find(ch, s + 1)
        found.sort()
        # each mark as the cut it makes (start, start of the next clause, opener): a range
        # takes its cuts as one slice
        self.marks, self.mark_cuts = found, [(s, s + 1, low[s]) for s in found]
        # start of every possible spaced dash (white space, "-", white space); a range takes
        # them left to right without overlap, as a pattern scan of that range would
        dashes: list[int] = []
        p = low.find("-", 1)
        while p > 0:
            if p + 1 < len(low) and low[p - 1].isspace() and low[p + 1].isspace():
                dashes.append(p - 1)
            p = low.find("-", p + 1)
        self.dashes = dashes
        words = self.ix.words
        splitting, anchors = lex.clause_splitters, lex.anchor_words
        # one C-level pass finds every word either list needs (a few per review); the split
        # words and the words that can open a verdict cue ("fazit", "alles in allem") are
        # then told apart among those few
        hits = list(compress(range(len(words)), map(anchors.__contains__, words)))
        self.splitters: list[int] = [k for k in hits if words[k] in splitting]
        self.cues: list[int] = [k for k in hits if words[k] in lex.cue_starts]

    def cue_words(self, i: int, j: int) -> list[int]:
        """Indices of the words i..j that can open a verdict cue."""
        cues = self.cues
        return cues[bisect_left(cues, i):bisect_left(cues, j)]

    def clauses(self, lex: Lexicon, start: int, end: int) -> list[ClauseSpan]:
        """`split_clauses(text, low, start, end, lex.split_words, coordinators=…,
        subject_starts=…)` as (start, end, opener) tuples."""
        marks = self.marks
        a = bisect_left(marks, start)
        cuts = self.mark_cuts[a:bisect_left(marks, end, a)]
        dashes = self.dashes
        if dashes:
            taken = start
            for k in range(bisect_left(dashes, start), len(dashes)):
                q = dashes[k]
                if q + 3 > end:
                    break
                if q >= taken:
                    cuts.append((q, q + 3, "-"))
                    taken = q + 3
        self._split_word_cuts(lex, start, end, cuts)
        if len(cuts) > 1:
            cuts.sort()
        cuts.append((end, end, ""))  # the last clause ends where the range does
        text = self.text
        out: list[ClauseSpan] = []
        pos, opener = start, ""
        for cs, ne, op in cuts:
            s, e = pos, cs
            # a loop, not str.strip: a clause's edge is mostly one space or none, and a strip
            # would copy the clause twice
            while s < e and (text[s].isspace() or text[s] in _CLAUSE_EDGE):
                s += 1
            while e > s and (text[e - 1].isspace() or text[e - 1] in _CLAUSE_EDGE):
                e -= 1
            # a clause mostly begins with a letter: the pattern only looks past other characters
            if e > s and (text[s].isalnum() or _ALNUM.search(text, s, e)):
                out.append((s, e, opener))
            pos, opener = ne, op
        return out

    def _split_word_cuts(self, lex: Lexicon, start: int, end: int,
                         cuts: list[tuple[int, int, str]]) -> None:
        """Cuts before split words ("aber") and before coordinators that open a new subject,
        counting the words (cut ones at the edges too) as `WordIndex.clipped` does."""
        sp = self.splitters
        if not sp:
            return
        ix: WordIndex = self.ix
        i = bisect_right(ix.ends, start)
        j = bisect_left(ix.starts, end, lo=i)
        lo, hi = bisect_left(sp, i + MIN_SIDE), bisect_left(sp, j - MIN_SIDE)
        words, starts, ends, low = ix.words, ix.starts, ix.ends, self.low
        for k in sp[lo:hi]:
            w = words[k]
            if w in lex.split_words or (w in lex.coordinators
                                        and words[k + 1] in lex.subject_starts):
                ws = starts[k]
                if not low[ends[k - 1]:ws].strip():  # after punctuation the cut is there
                    cuts.append((ws, ws, w))


def reader(doc: Doc, lex: Lexicon) -> Reader:
    """The review's `Reader`, built on first use and kept as long as the `Doc`."""
    memo = doc.words.memo
    key = ("reader", lex.code)
    r = memo.get(key)
    if r is None:
        r = memo[key] = Reader(doc, lex)
    return r
