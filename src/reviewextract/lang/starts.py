"""Where a pattern's matches can begin: the literals every match starts with, or a digit.

Python's regex engine scans fast only when a pattern begins with one literal string; a pattern that
begins with an alternation of words, a group or `\\d` is tried at every position of the text. For
such patterns the loader works out, from the parsed pattern, a `StartSet`: a few literal strings
such that every match starts with one of them (and/or: every match starts with a digit). The
occurrences of those literals are found once per review with `str.find` (`text.TextScan`, shared by
all rules), and the pattern is then tried only there, with `Pattern.match(s, pos, endpos)`, which
gives exactly the matches `Pattern.finditer(s, pos, endpos)` gives (see `finditer_at`).

The analysis only has to be safe, not tight: a shorter literal than necessary ("seri" for
"serie|serien") or a digit marker for `[0-9]` just means more positions are tried. Zero-width
parts (`\\b`, lookarounds) are skipped, because they consume nothing; anything it cannot bound
(an optional first item, a wide character class, case-insensitive parts, syntax `regex_tree`
does not read) makes it give up, and the rule keeps the engine's own scan.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from . import regex_tree as C

if TYPE_CHECKING:
    from .textscan import TextScan

_MAX_LITERALS = 48  # beyond this many strings a prefix stops growing (shorter is still safe)
_MAX_CLASS = 24  # a character class of more characters is not expanded into literals
_MIN_TAIL_LITERAL = 3  # `required_tail`: shorter start literals find too many places
_IGNORECASE = re.IGNORECASE.value
ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)
REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)


@dataclass(frozen=True, slots=True, eq=False)
class StartSet:
    """Every match starts with one of `literals`, or (when `digits`) with a `\\d` character.

    Compared by identity (a cheap dictionary key per review): `start_set` hands out one object
    per distinct content, so rules with the same start literals share their positions.
    """

    literals: tuple[str, ...]
    digits: bool = False


@cache
def interned(literals: tuple[str, ...], digits: bool = False) -> StartSet:
    """The one `StartSet` with this content."""
    return StartSet(literals, digits)


@dataclass(slots=True)
class _Lead:
    prefixes: set[str]
    digits: bool = False
    complete: bool = True  # the whole part is literal: what follows extends the prefixes


def _lead_class(av: list[tuple[Any, Any]], fold: bool = False) -> _Lead | None:
    chars: set[str] = set()
    digit_only = True
    any_digit = False  # \d: any Unicode digit, not a list of characters
    for op, arg in av:
        if op is C.LITERAL:
            chars.add(chr(arg))
            digit_only = digit_only and chr(arg) in "0123456789"
        elif op is C.RANGE:
            lo, hi = arg
            if hi - lo > _MAX_CLASS:
                return None
            chars.update(chr(c) for c in range(lo, hi + 1))
            digit_only = digit_only and chr(lo) >= "0" and chr(hi) <= "9"
        elif op is C.CATEGORY and arg is C.CATEGORY_DIGIT:
            any_digit = True
        else:  # NEGATE, other categories: too wide
            return None
    if digit_only and (any_digit or len(chars) > 4):  # "[0-9]": the digit scan; "[89]": literals
        return _Lead(set(), digits=True, complete=False)
    if any_digit or len(chars) > _MAX_CLASS:
        return None
    if fold:
        if not all(c.isascii() for c in chars):
            return None
        chars = {c.lower() for c in chars}
    return _Lead(chars)


def lead_item(op: Any, av: Any, fold: bool = False) -> _Lead | None:
    """The prefixes every match of one parsed item starts with; with `fold`, case-insensitive
    parts are read too and every prefix is lowercased ASCII (`folded_start_set`)."""
    if op is C.LITERAL:
        if not fold:
            return _Lead({chr(av)})
        return _Lead({chr(av).lower()}) if chr(av).isascii() else None
    if op is C.IN:
        return _lead_class(av, fold)
    if op in ZERO_WIDTH:
        return _Lead({""})  # consumes nothing: the match starts with what follows
    if op is C.BRANCH:
        parts = [_lead_seq(alt.data, fold) for alt in av[1]]
        if any(p is None for p in parts):
            return None
        return _Lead({x for p in parts for x in p.prefixes},  # type: ignore[union-attr]
                     digits=any(p.digits for p in parts),  # type: ignore[union-attr]
                     complete=all(p.complete and not p.digits for p in parts))  # type: ignore[union-attr]
    if op is C.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        return None if add_flags & _IGNORECASE and not fold else _lead_seq(sub.data, fold)
    if op is C.ATOMIC_GROUP:
        return _lead_seq(av.data, fold)
    if op in REPEATS:
        lo, _hi, sub = av
        inner = _lead_seq(sub.data, fold) if lo >= 1 else None
        return None if inner is None else _Lead(inner.prefixes, inner.digits, complete=False)
    return None


def _lead_seq(items: list[tuple[Any, Any]], fold: bool = False) -> _Lead | None:
    """The prefixes every match of the sequence `items` starts with."""
    prefixes = {""}
    for op, av in items:
        step = lead_item(op, av, fold)
        if step is None:
            break
        if step.digits:
            if prefixes == {""}:
                return _Lead(step.prefixes, digits=True, complete=False)
            break  # "ab\d": "ab" is enough
        grown = {p + x for p in prefixes for x in step.prefixes}
        if len(grown) > _MAX_LITERALS:
            break
        prefixes = grown
        if not step.complete:
            break
    else:
        return _Lead(prefixes)
    if "" in prefixes:
        return None
    return _Lead(prefixes, complete=False)


def start_set(pattern: re.Pattern[str]) -> StartSet | None:
    """The `StartSet` of `pattern`, or None when its matches may start anywhere."""
    try:
        tree = C.parse(pattern)
    except C.Unsupported:  # syntax the reader does not know: keep the engine's scan
        return None
    return _items_start_set(tree.seq.data, tree.flags)


def _items_start_set(items: list[C.Node], flags: int, fold: bool = False) -> StartSet | None:
    """The `StartSet` of a sequence of parsed items under the pattern's `flags`."""
    if (flags & _IGNORECASE and not fold) or C.min_width(items) == 0:
        return None  # an empty match would need finditer's own rules for what follows it
    lead = _lead_seq(items, fold)
    if lead is None or "" in lead.prefixes:
        return None
    # a literal that starts with a digit is covered by the digit positions (cheap to find:
    # digits are rare in prose); "serie" already covers "serien": keep the shortest literals
    digits = lead.digits or any(p[0].isdecimal() for p in lead.prefixes)
    kept = sorted((p for p in lead.prefixes if not p[0].isdecimal()), key=len)
    minimal: list[str] = []
    for p in kept:
        if not any(p.startswith(q) for q in minimal):
            minimal.append(p)
    return interned(tuple(sorted(minimal)), digits)


# the characters beyond ASCII that the engine's IGNORECASE takes for an ASCII character
# ("İ" "ı" for i, "ſ" for s, the Kelvin sign for k); tests/test_rules.py checks the list
_ASCII_FOLD_TRAPS = re.compile("[\u0130\u0131\u017f\u212a]")


def folded_start_set(pattern: re.Pattern[str]) -> StartSet | None:
    """A `StartSet` of lowercase ASCII literals for a pattern with case-insensitive parts, to be
    looked up in the lowercased twin of a text (`Doc.low_scan`), or None when its matches may
    start anywhere or with a character beyond ASCII.

    In a text without `_ASCII_FOLD_TRAPS`, a character the pattern takes for an ASCII one,
    in any case, is that ASCII letter or mark, so the lowercased twin holds the lowercased
    literal where the text holds a match's start (`finditer_folded`)."""
    try:
        tree = C.parse(pattern)
    except C.Unsupported:
        return None
    return _items_start_set(tree.seq.data, tree.flags, fold=True)


@cache
def _pattern_folded_start_set(pattern: re.Pattern[str]) -> StartSet | None:
    return folded_start_set(pattern)


def finditer_folded(pattern: re.Pattern[str], text: str, low_scan: TextScan
                    ) -> Iterable[re.Match[str]]:
    """`pattern.finditer(text)`, tried only where `folded_start_set` says a match can start,
    found in `low_scan` (the scan of the lowercased twin of `text`, the same length). The
    engine's own scan of `title_inline_label` (case-insensitive cue words led by `\\b`) tried
    every position of the review: 83 us on the seed, 2 % of a call."""
    key = _pattern_folded_start_set(pattern)
    cands = low_scan.starts(key) if key is not None else None
    if cands is None or _ASCII_FOLD_TRAPS.search(text) is not None:
        return pattern.finditer(text)
    return finditer_at(pattern, text, cands, 0, len(text))


def required_tail(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], StartSet] | None:
    """A part every match of `pattern` holds that starts with known literals: the pattern from
    the first of its top-level items after the first whose matches start with a `StartSet` of
    words (no literal shorter than `_MIN_TAIL_LITERAL`: a comma or a letter stands everywhere),
    compiled, and that set; None when no such item follows.

    A pattern whose matches may start anywhere is tried at every position of the review (or of
    the windows around its anchors); its tail is looked for only where its literals stand, so
    a review without it is told cheaply that the pattern cannot match there (`occurs`)."""
    try:
        tree = C.parse(pattern)
    except C.Unsupported:
        return None
    for k, at in enumerate(tree.seq.offsets[1:], 1):
        # read from the parsed items (compiling each tail cost the language's loading 0.1 s)
        key = _items_start_set(tree.seq.data[k:], tree.flags)
        if key is not None and key.literals and min(map(len, key.literals)) >= _MIN_TAIL_LITERAL:
            return re.compile(pattern.pattern[at:], pattern.flags), key
    return None


def occurs(pattern: re.Pattern[str], key: StartSet, scan: TextScan) -> bool:
    """Whether `pattern` matches anywhere in the text of `scan`; `key` is its `StartSet`."""
    cands = scan.starts(key)
    if cands is None:  # dense: the engine's own scan
        return pattern.search(scan.s) is not None
    match, s = pattern.match, scan.s
    return any(match(s, p) is not None for p in cands)


@cache
def _pattern_start_set(pattern: re.Pattern[str]) -> StartSet | None:
    """`start_set`, read once per pattern (the language's patterns are few)."""
    return start_set(pattern)


def search_scan(pattern: re.Pattern[str], scan: TextScan) -> bool:
    """Whether `pattern.search(scan.s)` finds a match: tried only where one can start, if that
    is known and sparse. A pattern led by a lookbehind and an alternation of words is tried at
    every position by the engine: `season_whole_run` cost 63 us on the seed that way (2 % of
    a call), a few `str.find` scans shared with the rules and one `match` per place instead."""
    key = _pattern_start_set(pattern)
    if key is None:
        return pattern.search(scan.s) is not None
    return occurs(pattern, key, scan)


def finditer_scan(pattern: re.Pattern[str], key: StartSet | None, scan: TextScan, pos: int,
                  endpos: int) -> Iterable[re.Match[str]]:
    """`pattern.finditer(scan.s, pos, endpos)`, tried only at the start positions of `key`
    where those are known and sparse, else by the engine."""
    cands = scan.starts(key) if key is not None else None
    if cands is None:
        return pattern.finditer(scan.s, pos, endpos)
    return finditer_at(pattern, scan.s, cands, pos, endpos)


def finditer_at(pattern: re.Pattern[str], s: str, starts: list[int], pos: int,
                endpos: int) -> list[re.Match[str]]:
    """The matches of `pattern.finditer(s, pos, endpos)`, trying only the sorted candidate
    positions `starts`.

    finditer tries each position from `pos` on and, after a match, goes on at its end; a
    position where no match can begin gives nothing, so skipping those changes nothing. The
    pattern cannot match the empty string (checked by `start_set`), so a match always moves on.
    A list rather than a generator: every caller reads all of them.
    """
    out: list[re.Match[str]] = []
    last = pos
    match = pattern.match
    for p in starts[bisect_left(starts, pos):]:
        if p >= endpos:
            break
        if p >= last:
            m = match(s, p, endpos)
            if m is not None:
                last = m.end()
                out.append(m)
    return out
