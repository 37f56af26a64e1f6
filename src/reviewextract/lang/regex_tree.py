"""A regular expression read into a tree, for the analyses of `starts.py` and `reach.py`.

The engine's own parser is a private module (`re._parser`) whose output may change with any
Python release. This reader knows the part of the syntax the language data uses (literals and
escapes, classes, groups, lookarounds, atomic groups, alternation, greedy, lazy and possessive
repeats, inline flags) and refuses the rest (`Unsupported`: back references, conditionals,
verbose or ASCII mode): a pattern it refuses keeps the engine's full scan, so the analyses stay
safe. Its nodes are `(op, argument)` pairs:

- `LITERAL`, `NOT_LITERAL`: a code point; `ANY`: None; `CATEGORY`: one of the categories below;
- `IN`: a list of `LITERAL`, `RANGE` (lo, hi), `CATEGORY` and a leading `NEGATE`;
- `AT`: "^", "$", "\\b", "\\B", "\\A", "\\Z" (zero width);
- `ASSERT`, `ASSERT_NOT`: (direction, Seq), 1 for a lookahead, -1 for a lookbehind;
- `BRANCH`: (None, [Seq, ...]); `SUBPATTERN`: (group, add_flags, del_flags, Seq);
- `ATOMIC_GROUP`: Seq; `MAX_REPEAT`, `MIN_REPEAT`, `POSSESSIVE_REPEAT`: (lo, hi, Seq), hi
  `MAXREPEAT` when unbounded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

LITERAL, NOT_LITERAL, ANY, IN, RANGE, NEGATE, CATEGORY = (
    "LITERAL", "NOT_LITERAL", "ANY", "IN", "RANGE", "NEGATE", "CATEGORY")
AT, ASSERT, ASSERT_NOT, BRANCH, SUBPATTERN, ATOMIC_GROUP = (
    "AT", "ASSERT", "ASSERT_NOT", "BRANCH", "SUBPATTERN", "ATOMIC_GROUP")
MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT = "MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"
MAXREPEAT = 1 << 32
GROUPREF_EXISTS = "GROUPREF_EXISTS"  # never read here (conditionals are refused)
CATEGORY_DIGIT, CATEGORY_NOT_DIGIT = "DIGIT", "NOT_DIGIT"
CATEGORY_SPACE, CATEGORY_NOT_SPACE = "SPACE", "NOT_SPACE"
CATEGORY_WORD, CATEGORY_NOT_WORD = "WORD", "NOT_WORD"
IGNORECASE = re.IGNORECASE.value

_CATEGORIES = {"d": CATEGORY_DIGIT, "D": CATEGORY_NOT_DIGIT, "s": CATEGORY_SPACE,
               "S": CATEGORY_NOT_SPACE, "w": CATEGORY_WORD, "W": CATEGORY_NOT_WORD}
_CONTROLS = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_FLAGS = {"i": IGNORECASE, "m": re.MULTILINE.value, "s": re.DOTALL.value, "u": re.UNICODE.value}
_REPEAT = re.compile(r"\{(\d*)(,?)(\d*)\}")

Node = tuple[str, Any]


class Unsupported(ValueError):
    """Syntax this reader does not know: the caller gives up its analysis."""


@dataclass
class Seq:
    """A sequence of nodes (`data`), as the analyses walk it; `offsets`: where each node starts
    in the pattern's source (a sequence read from the source; empty for one built here)."""

    data: list[Node] = field(default_factory=list)
    offsets: list[int] = field(default_factory=list)


@dataclass
class Tree:
    """A parsed pattern: its top sequence and the flags that hold for all of it."""

    seq: Seq
    flags: int


def parse(pattern: re.Pattern[str]) -> Tree:
    """The tree of a compiled pattern; `Unsupported` for syntax outside the known part."""
    if pattern.flags & (re.VERBOSE | re.ASCII | re.LOCALE):
        raise Unsupported("verbose, ASCII or locale mode")
    reader = _Reader(pattern.pattern, pattern.flags)
    seq = reader.alternation()
    if reader.i != len(reader.src):
        raise Unsupported(f"unbalanced ')' at {reader.i}")
    return Tree(seq, reader.flags)


def min_width(items: list[Node]) -> int:
    """The fewest characters a match of the sequence consumes."""
    total = 0
    for op, av in items:
        if op in (LITERAL, NOT_LITERAL, ANY, IN, CATEGORY):
            total += 1
        elif op is BRANCH:
            total += min(min_width(alt.data) for alt in av[1])
        elif op is SUBPATTERN:
            total += min_width(av[3].data)
        elif op is ATOMIC_GROUP:
            total += min_width(av.data)
        elif op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT):
            total += av[0] * min_width(av[2].data)
    return total


class _Reader:
    def __init__(self, src: str, flags: int) -> None:
        self.src, self.i, self.flags, self.groups = src, 0, flags, 0

    def _peek(self, s: str) -> bool:
        return self.src.startswith(s, self.i)

    def alternation(self) -> Seq:
        alts = [self.sequence()]
        while self._peek("|"):
            self.i += 1
            alts.append(self.sequence())
        return alts[0] if len(alts) == 1 else Seq([(BRANCH, (None, alts))])

    def sequence(self) -> Seq:
        items: list[Node] = []
        offsets: list[int] = []
        while self.i < len(self.src) and self.src[self.i] not in "|)":
            at = self.i
            atom = self.atom()
            if atom is not None:
                items.append(self.repeat(atom))
                offsets.append(at)
        return Seq(items, offsets)

    def repeat(self, atom: Node) -> Node:
        src, i = self.src, self.i
        if i >= len(src):
            return atom
        c = src[i]
        if c in "*+?":
            lo, hi = {"*": (0, MAXREPEAT), "+": (1, MAXREPEAT), "?": (0, 1)}[c]
            self.i += 1
        elif c == "{" and (m := _REPEAT.match(src, i)) and (m.group(1) or m.group(3)):
            lo = int(m.group(1) or 0)
            hi = lo if not m.group(2) else int(m.group(3)) if m.group(3) else MAXREPEAT
            self.i = m.end()
        else:
            return atom
        if atom[0] in (AT, ASSERT, ASSERT_NOT):
            raise Unsupported("a repeated zero-width item")
        kind = MAX_REPEAT
        if self._peek("?"):
            kind, self.i = MIN_REPEAT, self.i + 1
        elif self._peek("+"):
            kind, self.i = POSSESSIVE_REPEAT, self.i + 1
        body = Seq([atom])
        if atom[0] is SUBPATTERN and atom[1][:3] == (None, 0, 0):
            body = atom[1][3]  # "(?:ab)*": the group's items are what repeats
        return kind, (lo, hi, body)

    def atom(self) -> Node | None:
        src = self.src
        c = src[self.i]
        self.i += 1
        if c == "(":
            return self.group()
        if c == "[":
            return IN, self.char_class()
        if c == "\\":
            return self.escape(in_class=False)
        if c == ".":
            return ANY, None
        if c in "^$":
            return AT, c
        if c in "*+?":
            raise Unsupported(f"nothing to repeat at {self.i - 1}")
        return LITERAL, ord(c)

    def _close(self, node: Node) -> Node:
        if not self._peek(")"):
            raise Unsupported(f"missing ')' at {self.i}")
        self.i += 1
        return node

    def group(self) -> Node | None:
        if not self._peek("?"):
            self.groups += 1
            return self._close((SUBPATTERN, (self.groups, 0, 0, self.alternation())))
        self.i += 1
        for opener, op, direction in (("=", ASSERT, 1), ("!", ASSERT_NOT, 1),
                                      ("<=", ASSERT, -1), ("<!", ASSERT_NOT, -1)):
            if self._peek(opener):
                self.i += len(opener)
                return self._close((op, (direction, self.alternation())))
        if self._peek(":"):
            self.i += 1
            return self._close((SUBPATTERN, (None, 0, 0, self.alternation())))
        if self._peek(">"):
            self.i += 1
            return self._close((ATOMIC_GROUP, self.alternation()))
        if self._peek("P<"):
            end = self.src.index(">", self.i)
            self.i = end + 1
            self.groups += 1
            return self._close((SUBPATTERN, (self.groups, 0, 0, self.alternation())))
        if self._peek("#"):
            self.i = self.src.index(")", self.i) + 1
            return None
        return self.flag_group()

    def flag_group(self) -> Node | None:
        m = re.compile(r"([a-zA-Z]*)(?:-([a-zA-Z]*))?([:)])").match(self.src, self.i)
        if m is None:
            raise Unsupported(f"unknown group at {self.i}")  # (?P=name), (?(1)…), …
        add, remove = self._flags(m.group(1)), self._flags(m.group(2) or "")
        self.i = m.end()
        if m.group(3) == ")":  # global flags: they hold for the whole pattern
            self.flags |= add
            return None
        return self._close((SUBPATTERN, (None, add, remove, self.alternation())))

    @staticmethod
    def _flags(letters: str) -> int:
        out = 0
        for ch in letters:
            if ch not in _FLAGS:
                raise Unsupported(f"flag {ch!r}")
            out |= _FLAGS[ch]
        return out

    def escape(self, in_class: bool) -> Node:
        src = self.src
        if self.i >= len(src):
            raise Unsupported("a trailing backslash")
        c = src[self.i]
        self.i += 1
        if c in _CATEGORIES:
            return (IN, [(CATEGORY, _CATEGORIES[c])]) if not in_class else (CATEGORY,
                                                                            _CATEGORIES[c])
        if c in "bBAZ" and not in_class:
            return AT, "\\" + c
        if c == "b":
            return LITERAL, 8  # in a class: backspace
        if c in _CONTROLS:
            return LITERAL, ord(_CONTROLS[c])
        for letter, size in (("x", 2), ("u", 4), ("U", 8)):
            if c == letter:
                digits = src[self.i:self.i + size]
                self.i += size
                return LITERAL, int(digits, 16)
        if c.isdigit() or c.isalpha():  # back references, octal, \N{…}: not read here
            raise Unsupported(f"escape \\{c}")
        return LITERAL, ord(c)

    def char_class(self) -> list[Node]:
        src = self.src
        items: list[Node] = []
        if self._peek("^"):
            items.append((NEGATE, None))
            self.i += 1
        first = True
        while True:
            if self.i >= len(src):
                raise Unsupported("an unclosed class")
            c = src[self.i]
            if c == "]" and not first:
                self.i += 1
                return items
            first = False
            if c == "[" and src.startswith(("[:", "[=", "[."), self.i):
                raise Unsupported("a nested set")
            self.i += 1
            node = self.escape(in_class=True) if c == "\\" else (LITERAL, ord(c))
            if node[0] is LITERAL and self._peek("-") and not src.startswith("-]", self.i):
                self.i += 1
                hi_c = src[self.i]
                self.i += 1
                hi = self.escape(in_class=True) if hi_c == "\\" else (LITERAL, ord(hi_c))
                if hi[0] is not LITERAL:
                    raise Unsupported("a range to a category")
                items.append((RANGE, (node[1], hi[1])))
            else:
                items.append(node)
