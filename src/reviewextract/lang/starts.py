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
(an optional first item, a wide character class, case-insensitive parts) makes it give up, and the
rule keeps the engine's own scan.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from re import _constants as C  # type: ignore[attr-defined]  # private: no stubs
from re import _parser  # type: ignore[attr-defined]
from typing import Any

_DENSE: list[int] = []  # marks a cached "too many to list" (compared by identity)
_DENSE_MIN, _DENSE_EVERY = 64, 8
_MAX_LITERALS = 48  # beyond this many strings a prefix stops growing (shorter is still safe)
_MAX_CLASS = 24  # a character class of more characters is not expanded into literals
_IGNORECASE = re.IGNORECASE.value
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)


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


def _lead_class(av: list[tuple[Any, Any]]) -> _Lead | None:
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
    return _Lead(chars)


def _lead_item(op: Any, av: Any) -> _Lead | None:
    if op is C.LITERAL:
        return _Lead({chr(av)})
    if op is C.IN:
        return _lead_class(av)
    if op in _ZERO_WIDTH:
        return _Lead({""})  # consumes nothing: the match starts with what follows
    if op is C.BRANCH:
        parts = [_lead_seq(alt.data) for alt in av[1]]
        if any(p is None for p in parts):
            return None
        return _Lead({x for p in parts for x in p.prefixes},  # type: ignore[union-attr]
                     digits=any(p.digits for p in parts),  # type: ignore[union-attr]
                     complete=all(p.complete and not p.digits for p in parts))  # type: ignore[union-attr]
    if op is C.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        return None if add_flags & _IGNORECASE else _lead_seq(sub.data)
    if op is C.ATOMIC_GROUP:
        return _lead_seq(av.data)
    if op in _REPEATS:
        lo, _hi, sub = av
        inner = _lead_seq(sub.data) if lo >= 1 else None
        return None if inner is None else _Lead(inner.prefixes, inner.digits, complete=False)
    return None


def _lead_seq(items: list[tuple[Any, Any]]) -> _Lead | None:
    """The prefixes every match of the sequence `items` starts with."""
    prefixes = {""}
    for op, av in items:
        step = _lead_item(op, av)
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
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # a parser detail that differs between versions: keep the engine's scan
        return None
    if parsed.state.flags & _IGNORECASE or parsed.getwidth()[0] == 0:
        return None  # an empty match would need finditer's own rules for what follows it
    lead = _lead_seq(parsed.data)
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


def _digit_item(op: Any, av: Any) -> bool:
    """Whether every match of this one item holds a digit."""
    if op is C.LITERAL:
        return chr(av).isdecimal()
    if op is C.IN:
        lead = _lead_class(av)
        if lead is None:
            return False
        return lead.digits or (bool(lead.prefixes) and all(c.isdecimal() for c in lead.prefixes))
    if op is C.BRANCH:
        return all(_needs_digit(alt.data) for alt in av[1])
    if op is C.SUBPATTERN:
        return _needs_digit(av[3].data)
    if op is C.ATOMIC_GROUP:
        return _needs_digit(av.data)
    if op in _REPEATS:
        return av[0] >= 1 and _needs_digit(av[2].data)
    return False


def _needs_digit(items: list[tuple[Any, Any]]) -> bool:
    return any(_digit_item(op, av) for op, av in items)


def needs_digit(pattern: re.Pattern[str]) -> bool:
    """True when every match of `pattern` holds a decimal digit (a text stretch without one
    cannot match); False when that is not certain."""
    try:
        return _needs_digit(_parser.parse(pattern.pattern, pattern.flags).data)
    except Exception:  # a parser detail that differs between versions: claim nothing
        return False


class TextScan:
    """Where literals occur in one text, found once with `str.find` and shared by all rules.

    Fifty rules used to scan the review fifty times; most of them look for the same few words
    ("staffel", "folgen", a digit). Each literal is now looked up once per text, on first use.
    """

    __slots__ = ("_digits", "_found", "_hits", "_present", "_starts", "s")

    def __init__(self, s: str) -> None:
        self.s = s
        self._found: dict[str, list[int]] = {}
        self._present: dict[str, bool] = {}
        self._starts: dict[Any, list[int]] = {}
        self._hits: dict[tuple[str, ...], list[tuple[int, int]]] = {}
        self._digits: list[int] | None = None

    def has(self, lit: str) -> bool:
        present = self._present.get(lit)
        if present is None:
            present = self._present[lit] = lit in self.s
        return present

    def positions(self, lit: str) -> list[int]:
        """Every start of `lit` in the text, overlapping ones included, in order."""
        out = self._found.get(lit)
        if out is None:
            out = self._found[lit] = []
            if self._present.get(lit) is not False:  # a literal known absent needs no scan
                find = self.s.find
                i = find(lit)
                while i >= 0:
                    out.append(i)
                    i = find(lit, i + 1)
                self._present[lit] = bool(out)
        return out

    def _dense(self, count: int) -> bool:
        """More candidates than one per few characters (adversarial input such as a run of
        digits): the engine's own scan, in C, is then cheaper than a Python loop over them."""
        return count > _DENSE_MIN + len(self.s) // _DENSE_EVERY

    def digits(self) -> list[int] | None:
        """Every position of a character `\\d` matches (a decimal digit of any script), or None
        where digits are dense.

        A regex pass for `\\d` costs as much as ten rules; `bytes.find` is a C memchr. In the
        Latin-1 encoding of the text the only decimal digits are 0-9, and every character
        beyond Latin-1 (where the other scripts' digits are) becomes "?", checked one by one.
        """
        if self._digits is None:
            data = self.s.encode("latin-1", "replace")
            limit = _DENSE_MIN + len(self.s) // _DENSE_EVERY
            found: list[int] = []
            for byte in b"0123456789?":
                i = data.find(byte)
                while i >= 0:
                    found.append(i)
                    if len(found) > limit:  # too many to list: give up early
                        self._digits = _DENSE
                        return None
                    i = data.find(byte, i + 1)
            s = self.s
            self._digits = sorted(i for i in found if s[i].isdecimal())
        return None if self._digits is _DENSE else self._digits

    def starts(self, key: StartSet) -> list[int] | None:
        """Sorted positions where one of `key.literals` (or a digit) begins; None where they are
        dense (then the caller lets the engine scan)."""
        out = self._starts.get(key)
        if out is None:
            found: set[int] = set()
            digits = self.digits() if key.digits else []
            if digits is not None:
                found.update(digits)
                for lit in key.literals:
                    found.update(self.positions(lit))
            out = self._starts[key] = (_DENSE if digits is None or self._dense(len(found))
                                       else sorted(found))
        return None if out is _DENSE else out

    def literal_hits(self, lits: tuple[str, ...]) -> list[tuple[int, int]]:
        """(start, end) of every occurrence of each literal, sorted."""
        out = self._hits.get(lits)
        if out is None:
            out = self._hits[lits] = sorted(
                (i, i + len(lit)) for lit in lits for i in self.positions(lit))
        return out
