"""Words of the review being read, looked up by position, and its per-review scratch space.

The opinion modules ask for the words of many overlapping ranges (sentences, clauses, trimmed
items). The review is tokenised once (`Doc.words`, a `text.WordIndex`) and each range is found by
bisecting; results worth remembering while the review is read (clause splits, clause polarity,
quotations) go into that index's `memo`. All of that belongs to the `Doc`: threads and workers
never share or overwrite it. The one state shared across reviews and threads is the lexicon's
memo of word lookups (`Lexicon.profiles`, used by `reading`): bounded, emptied when full, and
never read back after a possible clear (see `reviewextract.lang.lexicon_model`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import compress
from typing import Any, NamedTuple

from ..lang.lexicon import Lexicon, Profile
from ..lang.starts import finditer_scan, start_set
from ..text import Doc


def spans(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the words lying wholly inside `text[start:end]`."""
    ix = doc.words
    i, j = ix.inside(start, end)
    return list(zip(ix.starts[i:j], ix.ends[i:j], strict=True))


def words(doc: Doc, start: int, end: int) -> list[str]:
    """The (lowercased) words lying wholly inside `text[start:end]`."""
    ix = doc.words
    i, j = ix.inside(start, end)
    return ix.words[i:j]


def count(doc: Doc, start: int, end: int) -> int:
    """How many words lie wholly inside `text[start:end]`."""
    i, j = doc.words.inside(start, end)
    return j - i


def first(doc: Doc, start: int, end: int) -> str:
    """The first word wholly inside `text[start:end]`, or ""."""
    i, j = doc.words.inside(start, end)
    return doc.words.words[i] if i < j else ""


# a quotation may not contain its own opening mark: keeps the search linear on "„„„„…". Quoted
# speech of any length, on one line; the title's quoted *names* are another thing, with their
# own pattern (fields/title_marked.py: at most 80 characters, single marks too)
_QUOTED = re.compile(r"„[^„“”\"\n]*[“”\"]|»[^»«\n]*«|«[^«»\n]*»|\"[^\"\n]*\"")
_QUOTED_STARTS = start_set(_QUOTED)


def quoted(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) of every quotation in the text („…“, »…«, "…"), found once per review."""
    cache = memo(doc)
    if "quoted" not in cache:
        # tried only where an opening mark stands (the review's shared literal positions): the
        # engine's scan of the four alternatives tests every character (26 -> 14 us on the seed
        # with fresh positions, less once the title has looked them up)
        cache["quoted"] = [m.span() for m in finditer_scan(_QUOTED, _QUOTED_STARTS, doc.text_scan,
                                                           0, len(doc.text))]
    return cache["quoted"]


def quote_runs(doc: Doc) -> list[tuple[int, int]]:
    """Index ranges [i, j) of the words inside each quotation, in text order.

    A word is quoted when a quotation opens before it and ends after it. The words of one
    quotation are a run of the (sorted) word list, found by bisecting, so this is linear in the
    words plus the quotations, never words x quotes.
    """
    ix = doc.words
    runs: list[tuple[int, int]] = []
    for qs, qe in quoted(doc):
        i = bisect_right(ix.starts, qs)
        j = bisect_left(ix.ends, qe, lo=i)
        if i < j:
            runs.append((i, j))
    return runs


class Reading(NamedTuple):
    """What the clause reader needs per word of the review (see `reading`)."""

    profiles: list[Profile | None]  # the lexicon profile of each word, None for a plain word
    quoted: list[bool] | None  # whether each word is quoted; None when nothing is
    quote_firsts: list[int]  # first word index of each quoted run
    quote_ends: list[int]  # end word index of each quoted run
    live: list[int]  # indices of the words that can make a unit


def reading(doc: Doc, lex: Lexicon) -> Reading:
    """What the clause reader needs per word of the review, found once per review: its lexicon
    profile (None for a plain word), whether it is quoted (None when nothing is), the runs of
    quoted words (`quote_runs`, as a list of first and a list of end indices), and the indices
    of the *live* words, those that can make a unit.

    A live word is one with a role of its own (polarity, negator, modifier …) or the start of
    a phrase that can match here: a separable verb, a phrase of two words whose second is the
    next word of the review or the clause end. The other profiled words begin phrases that do
    not follow, so they read as plain words: a clause without a live word scores nothing."""
    cache = memo(doc)
    key = ("reading", lex.code)
    if key not in cache:
        words = doc.words.words
        profs = lex.profiles(words)
        runs = quote_runs(doc)
        flags: list[bool] | None = None
        if runs:
            flags = [False] * len(words)
            for i, j in runs:
                flags[i:j] = [True] * (j - i)
        pairs, anywhere = lex.phrase_lengths, lex.live_starts
        last = len(words) - 1
        live: list[int] = []
        for k in compress(range(len(words)), profs):
            if not profs[k].inert:  # type: ignore[union-attr]
                live.append(k)
                continue
            w = words[k]
            if w in anywhere or (k < last and (w, words[k + 1]) in pairs):
                live.append(k)
        cache[key] = Reading(profs, flags, [i for i, _ in runs], [j for _, j in runs], live)
    return cache[key]


def has_live(doc: Doc, lex: Lexicon, start: int, end: int) -> bool:
    """Whether a live word (see `reading`) lies wholly inside `text[start:end]`. Without one no
    clause of the range has a polarity, so a sentence need not be split into clauses to tell
    that it holds no praise or blame (about half the sentences of the corpus reviews)."""
    i, j = doc.words.inside(start, end)
    live = reading(doc, lex).live
    k = bisect_left(live, i)
    return k < len(live) and live[k] < j


def memo(doc: Doc) -> dict[Any, Any]:
    """A scratch dict that lives as long as the review's `Doc` (per-review results)."""
    return doc.words.memo
