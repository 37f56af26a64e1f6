"""How far a match of a pattern can reach past its start (for matching around anchors).

A rule matched only around its anchors finds every match when the window covers the longest
match that holds an anchor. A pattern without `+`, `*` or `{n,}` has a fixed longest match.
An unbounded repeat is bounded by the text: a repeat that never consumes white space stays
inside one run of non-space characters (a "token"), one of only white space inside one run of
white space, and one of only non-word characters (`[\\s-]*`) inside one run of those. So the
reach is `fixed + tokens * longest token + spaces * longest space run + gaps * longest
non-word run`, read from the pattern once and from the text's runs once per review (where
neighbouring parts read one stretch of non-space characters, they count as one token). A
repeat that may consume both words and white space (a list of names, of adverbs) is bounded
only when each round holds one of some literals (its separator, its words): by the longest
cluster of those in the review. Otherwise the pattern has no reach, and its rule runs over the
whole review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from . import regex_tree as C
from .starts import REPEATS, ZERO_WIDTH, StartSet, interned, lead_item

if TYPE_CHECKING:
    from .textscan import TextScan

_SPACES = [chr(c) for c in range(0x3001) if chr(c).isspace()]  # none beyond U+3000
_SPACE_RX = re.compile(r"\s")
_WORD_RX = re.compile(r"\w")
_CATEGORY_TEST = {
    C.CATEGORY_DIGIT: re.compile(r"\d"), C.CATEGORY_NOT_DIGIT: re.compile(r"\D"),
    C.CATEGORY_SPACE: _SPACE_RX, C.CATEGORY_NOT_SPACE: re.compile(r"\S"),
    C.CATEGORY_WORD: _WORD_RX, C.CATEGORY_NOT_WORD: re.compile(r"\W"),
}
_SPACE_KIND, _WORD_KIND, _OTHER_KIND = 1, 2, 4  # what a character item may consume


@dataclass(frozen=True, slots=True)
class Reach:
    """The most characters after a match's start that a pattern reads (consumes or looks
    ahead at): `fixed` plus one longest run of the text per unbounded repeat, plus, for a
    repeat whose every round holds one of some literals (a list of adverbs, of names after
    commas), as many rounds as the longest cluster of those literals in the text."""

    fixed: int
    tokens: int = 0  # repeats within one run of non-space characters
    spaces: int = 0  # repeats within one run of white space
    gaps: int = 0  # repeats within one run of non-word characters
    rounds: tuple[tuple[StartSet, Reach], ...] = ()  # (what a round holds, a round's reach)

    def __add__(self, other: Reach) -> Reach:
        return Reach(self.fixed + other.fixed, self.tokens + other.tokens,
                     self.spaces + other.spaces, self.gaps + other.gaps,
                     self.rounds + other.rounds)

    def times(self, n: int) -> Reach:
        return Reach(self.fixed * n, self.tokens * n, self.spaces * n, self.gaps * n,
                     self.rounds * n)

    def most(self, other: Reach) -> Reach:
        return Reach(max(self.fixed, other.fixed), max(self.tokens, other.tokens),
                     max(self.spaces, other.spaces), max(self.gaps, other.gaps),
                     self.rounds + other.rounds)  # the sum: no less than the larger

    @property
    def bounded(self) -> bool:
        return not (self.tokens or self.spaces or self.gaps or self.rounds)

    def in_text(self, scan: TextScan, limit: int) -> int | None:
        """The reach in the text of `scan`, or None when it is over `limit` (kept per scan)."""
        known = scan.reaches.get(self, scan)  # the scan itself marks "not known yet"
        if known is not scan:
            return known  # type: ignore[return-value]
        out = self._in_text(scan, limit)
        scan.reaches[self] = out
        return out

    def _in_text(self, scan: TextScan, limit: int) -> int | None:
        out = self.fixed
        if self.tokens:
            out += self.tokens * scan.longest_token()
        if self.spaces:
            out += self.spaces * scan.longest_space()
        if self.gaps:
            out += self.gaps * scan.longest_gap()
        for key, body in self.rounds:
            if out > limit:
                return None
            each = body._in_text(scan, limit)
            if each is None:
                return None
            if not each:
                continue
            # every round holds one of the literals, no more than `each` characters on from
            # the last round's: the rounds' literals lie in one cluster of places whose
            # neighbours are at most 2 * `each` apart
            count = scan.s.count  # C: a common literal is refused before it is listed
            if sum(count(lit) for lit in key.literals) > limit:
                return None
            places = scan.starts(key)
            if places is None:
                return None
            rounds = longest_cluster(places, 2 * each)
            if out + each * rounds > limit:
                return None
            out += rounds * each
        return out if out <= limit else None


_CATEGORY_KINDS = {  # the kinds of non-space character a category holds
    C.CATEGORY_SPACE: 0, C.CATEGORY_NOT_WORD: _OTHER_KIND, C.CATEGORY_DIGIT: _WORD_KIND,
    C.CATEGORY_WORD: _WORD_KIND, C.CATEGORY_NOT_DIGIT: _WORD_KIND | _OTHER_KIND,
    C.CATEGORY_NOT_SPACE: _WORD_KIND | _OTHER_KIND,
}


def _char_kinds(op: Any, av: Any) -> int:
    """Which kinds of character (space, word, other) one character item may consume; a safe
    answer, not a tight one."""
    if op is C.LITERAL:
        ch = chr(av)
        return _SPACE_KIND if ch.isspace() else _WORD_KIND if _WORD_RX.match(ch) else _OTHER_KIND
    if op is C.CATEGORY:
        av = [(op, av)]
    elif op is not C.IN:  # ANY, NOT_LITERAL
        return _SPACE_KIND | _WORD_KIND | _OTHER_KIND
    kinds = 0
    for iop, iav in av:
        if iop is C.LITERAL or (iop is C.RANGE and iav[1] - iav[0] < 512):
            lo, hi = (iav, iav) if iop is C.LITERAL else iav
            for c in range(lo, hi + 1):
                ch = chr(c)
                kinds |= (_SPACE_KIND if ch.isspace() else
                          _WORD_KIND if _WORD_RX.match(ch) else _OTHER_KIND)
        elif iop is C.CATEGORY and iav in _CATEGORY_KINDS:
            kinds |= _CATEGORY_KINDS[iav] | (
                _SPACE_KIND if any(_CATEGORY_TEST[iav].match(c) for c in _SPACES) else 0)
        else:  # NEGATE, a wide range, anything else: any kind
            return _SPACE_KIND | _WORD_KIND | _OTHER_KIND
    return kinds


def _reach_seq(items: Any) -> tuple[Reach, int] | None:
    """The reach of a sequence and the kinds of character it may consume; None: no bound.

    Neighbouring items that consume no white space read one stretch of non-space characters
    together, so an unbounded stretch of them counts as one token, however many repeats it
    holds (the digits and the thousands groups of "1.000")."""
    total = Reach(0)
    kinds = 0
    stretch = Reach(0)  # the items since the last one that may consume or look at white space
    for op, av in items:
        step = _reach_item(op, av)
        if step is None:
            return None
        part, part_kinds = step
        kinds |= part_kinds
        if part_kinds and not part_kinds & _SPACE_KIND:
            stretch = stretch + part
            continue
        total = total + _one_token(stretch) + part
        stretch = Reach(0)
    return total + _one_token(stretch), kinds


def _one_token(stretch: Reach) -> Reach:
    """A stretch of non-space characters: at most one token long."""
    return stretch if stretch.bounded else Reach(0, tokens=1)


def _reach_item(op: Any, av: Any) -> tuple[Reach, int] | None:
    if op in (C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN, C.CATEGORY):
        return Reach(1), _char_kinds(op, av)
    if op is C.AT:
        return Reach(1), 0  # \b, $: they look at the next character
    if op in (C.ASSERT, C.ASSERT_NOT):
        direction, sub = av
        if direction < 0:
            return Reach(0), 0  # a lookbehind reads before the start
        found = _reach_seq(sub.data)
        return None if found is None else (found[0], 0)
    if op is C.BRANCH or op is C.GROUPREF_EXISTS:
        alts = [a.data for a in av[1]] if op is C.BRANCH else \
            [av[1].data, av[2].data if av[2] is not None else []]
        parts = [_reach_seq(a) for a in alts]
        if any(p is None for p in parts):
            return None
        best = Reach(0)
        kinds = 0
        for r, k in parts:  # type: ignore[misc]
            best, kinds = best.most(r), kinds | k
        return best, kinds
    if op is C.SUBPATTERN:
        return _reach_seq(av[3].data)
    if op is C.ATOMIC_GROUP:
        return _reach_seq(av.data)
    if op in REPEATS:
        _lo, hi, sub = av
        found = _reach_seq(sub.data)
        if found is None:
            return None
        inner, kinds = found
        if hi < C.MAXREPEAT:
            return inner.times(hi), kinds
        if not kinds & _SPACE_KIND:  # never white space: within one token
            return Reach(0, tokens=1), kinds
        if kinds == _SPACE_KIND:
            return Reach(0, spaces=1), kinds
        if not kinds & _WORD_KIND:  # white space and punctuation: within one non-word run
            return Reach(0, gaps=1), kinds
        # words and white space: a list of any length, but each round holds one of some
        # literals (its separator, its first words): bounded by where those stand in a text
        key = _held_literals(sub.data)
        return None if key is None else (Reach(0, rounds=((key, inner),)), kinds)
    return None  # a back reference, anything unknown: no bound


def _held_literals(items: Any) -> StartSet | None:
    """Literals one of which every match of the sequence holds: the start literals of its
    first item that must match once or more and consumes (a separator, a list of words)."""
    for op, av in items:
        if op in ZERO_WIDTH or (op in REPEATS and av[0] == 0):
            continue
        lead = lead_item(op, av)
        if lead is None or lead.digits or not lead.prefixes or "" in lead.prefixes:
            continue
        minimal: list[str] = []
        for p in sorted(lead.prefixes, key=len):
            if not any(p.startswith(q) for q in minimal):
                minimal.append(p)
        return interned(tuple(sorted(minimal)))
    return None


def longest_cluster(places: list[int], gap: int) -> int:
    """The most sorted places in a row whose neighbours are at most `gap` apart."""
    best = run = 1 if places else 0
    for a, b in pairwise(places):
        run = run + 1 if b - a <= gap else 1
        if run > best:
            best = run
    return best


def reach(pattern: re.Pattern[str]) -> Reach | None:
    """How far past a match's start the pattern can read, or None when the text gives no bound
    (see above). Safe, not tight: a larger reach only costs time."""
    try:
        found = _reach_seq(C.parse(pattern).seq.data)
    except C.Unsupported:  # syntax the reader does not know: claim no bound
        return None
    return None if found is None else found[0]
