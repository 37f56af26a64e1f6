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
from itertools import pairwise
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


# --- how far a match can reach (for matching around anchors) --------------------------------
#
# A rule matched only around its anchors finds every match when the window covers the longest
# match that holds an anchor. A pattern without `+`, `*` or `{n,}` has a fixed longest match.
# An unbounded repeat is bounded by the text: a repeat that never consumes white space stays
# inside one run of non-space characters (a "token"), one of only white space inside one run of
# white space, and one of only non-word characters (`[\s-]*`) inside one run of those. So the
# reach is `fixed + tokens * longest token + spaces * longest space run + gaps * longest
# non-word run`, read from the pattern once and from the text's runs once per review (where
# neighbouring parts read one stretch of non-space characters, they count as one token). A
# repeat that may consume both words and white space (a list of names, of adverbs) is bounded
# only when each round holds one of some literals (its separator, its words): by the longest
# cluster of those in the review. Otherwise the pattern has no reach, and its rule runs over the
# whole review.

_SPACES = [chr(c) for c in range(0x3001) if chr(c).isspace()]  # none beyond U+3000
_SPACE_RX = re.compile(r"\s")
_WORD_RX = re.compile(r"\w")
_CATEGORY_TEST = {
    C.CATEGORY_DIGIT: re.compile(r"\d"), C.CATEGORY_NOT_DIGIT: re.compile(r"\D"),
    C.CATEGORY_SPACE: _SPACE_RX, C.CATEGORY_NOT_SPACE: re.compile(r"\S"),
    C.CATEGORY_WORD: _WORD_RX, C.CATEGORY_NOT_WORD: re.compile(r"\W"),
}
_SPACE_KIND, _WORD_KIND, _OTHER_KIND = 1, 2, 4  # what a character item may consume


def _table(members: Any, wide: bool) -> bytes:
    """A `bytes.translate` table: members (and with `wide` every non-ASCII byte) to b"x", the
    rest to b" "."""
    return bytes(ord("x") if b in members or (wide and b >= 0x80) else ord(" ")
                 for b in range(256))


_ASCII_SPACES = {b for b in range(128) if chr(b).isspace()}
_ASCII_WORD = {b for b in range(128) if _WORD_RX.match(chr(b))}
_TOKEN_TABLE = _table(set(range(128)) - _ASCII_SPACES, True)
_SPACE_WIDE_TABLE = _table(_ASCII_SPACES, True)
_GAP_TABLE = _table(set(range(128)) - _ASCII_WORD, True)
_FIRST_GUESS = {"token": 24, "space": 2, "gap": 3}  # most reviews' longest runs are shorter
_ASCII_BYTES = bytes(range(128))


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
    if op in _REPEATS:
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
        if op in _ZERO_WIDTH or (op in _REPEATS and av[0] == 0):
            continue
        lead = _lead_item(op, av)
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
        found = _reach_seq(_parser.parse(pattern.pattern, pattern.flags).data)
    except Exception:  # a parser detail that differs between versions: claim no bound
        return None
    return None if found is None else found[0]


class TextScan:
    """Where literals occur in one text, found once with `str.find` and shared by all rules.

    Fifty rules used to scan the review fifty times; most of them look for the same few words
    ("staffel", "folgen", a digit). Each literal is now looked up once per text, on first use.
    """

    __slots__ = ("_digits", "_found", "_hits", "_present", "_runs", "_starts", "_translated",
                 "_utf8", "reaches", "s")

    def __init__(self, s: str, runs: TextScan | None = None) -> None:
        """`runs`: the scan of a text with the same runs of white space, word and other
        characters (the lowercased twin), whose run lengths this one shares."""
        self.s = s
        self._found: dict[str, list[int]] = {}
        self._present: dict[str, bool] = {}
        self._starts: dict[Any, list[int]] = {}
        self._hits: dict[tuple[str, ...], list[tuple[int, int]]] = {}
        self._digits: list[int] | None = None
        self._runs: dict[str, int] = runs._runs if runs is not None else {}
        self._utf8: bytes | None = None
        self._translated: dict[bytes, bytes] = {}
        self.reaches: dict[Reach, int | None] = {}  # Reach.in_text's answers for this text

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

    def longest_token(self) -> int:
        """At least the length of the longest run of non-space characters (at most twice
        that, or 24)."""
        return self._longest("token", _TOKEN_TABLE)

    def longest_space(self) -> int:
        """At least the length of the longest run of white space."""
        out = self._runs.get("space")
        if out is None:
            # white space beyond ASCII? The distinct non-ASCII characters, from the UTF-8
            # without its ASCII bytes, are few (a regex pass would cost four times as much)
            narrow = self.s.isascii() or not any(c.isspace() for c in set(
                self._runs_data().translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")))
            # runs of white space are the runs between tokens when no byte of a non-ASCII
            # character can be white space: the tokens' translation serves both
            out = (self._longest("space", _TOKEN_TABLE, b" ") if narrow
                   else self._longest("space", _SPACE_WIDE_TABLE))
        return out

    def longest_gap(self) -> int:
        """At least the length of the longest run of non-word characters (white space too)."""
        return self._longest("gap", _GAP_TABLE)

    def _longest(self, key: str, table: bytes, member: bytes = b"x") -> int:
        """The longest run of the bytes `table` maps to `member` in the text's UTF-8 form.

        A character is one to four bytes, and every byte of a non-ASCII character is counted
        as a member of the run wherever it may be one, so the figure is never too small; C
        calls instead of a regex pass (this runs once per review)."""
        out = self._runs.get(key)
        if out is None:
            data = self._translated.get(table)
            if data is None:
                data = self._translated[table] = self._runs_data().translate(table)
            # a bound, not the exact length: the first of `first`, 2 * `first`, 4 * `first` ...
            # that no run exceeds, found with one or two C searches (`in`) where a split would
            # build an object per run
            out = _FIRST_GUESS[key]
            while member * (out + 1) in data:
                out *= 2
            self._runs[key] = out
        return out

    def _runs_data(self) -> bytes:
        data = self._utf8
        if data is None:
            data = self._utf8 = self.s.encode("utf-8", "surrogatepass")
        return data
