"""Where literals occur in one text, and how long its runs of white space, word and other
characters are: found once per review with C string calls and shared by all rules."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .reach import Reach
    from .starts import StartSet

_DENSE: list[int] = []  # marks a cached "too many to list" (compared by identity)
_DENSE_MIN, _DENSE_EVERY = 64, 8
_WORD_RX = re.compile(r"\w")


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
