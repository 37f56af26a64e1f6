"""Compiling a rule table entry into a fast `Rule`.

Python's regex engine scans quickly only for patterns that begin with literal text; a leading
`\\b` or lookbehind makes it try every position (20-30x slower on a review). So at load time:

- a leading `\\b` is removed and checked afterwards on the character before the match;
- leading negative lookbehinds `(?<![...])` / `(?<!word )` are removed and checked the same way;
- a pattern starting with `(?m)^` (an info-box line) is only tried at line starts;
- a rule may list literals it `requires`: when none occurs in the text, it is skipped;
- a rule that lists `requires` and sets a `window` (without an `anchor`) uses the occurrences
  of those literals as its anchors;
- a rule may name an `anchor` (a literal-led pattern such as its unit words) and a `window`:
  the full pattern then runs only within `window` characters around each anchor hit;
- a pattern or anchor that must start with one of several literals (or a digit) is tried only
  where they occur, found once per review by the shared `TextScan` (see `starts.py`).
The meaning of every pattern stays the same; tests compare both ways of matching.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .starts import StartSet, TextScan, finditer_scan, start_set

_LOOKBEHIND = re.compile(r"\(\?<!(\[(?:\\.|[^\]\\])+\]|[^()\[\]\\|*+?{}]+)\)")


class RuleError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Rule:
    """One pattern for one field, with the weight its matches get."""

    id: str
    field: str
    pattern: re.Pattern[str]
    weight: float = 1.0
    case: bool = False  # match against the original text instead of the lowercased one
    tags: frozenset[str] = frozenset()
    value: Any = None  # a constant the rule stands for (e.g. a work type)
    full: re.Pattern[str] | None = None  # the pattern as written (reference for tests)
    not_after_chars: re.Pattern[str] | None = None  # the char before a match must not match
    not_after_words: tuple[str, ...] = ()  # the text before a match must not end so
    line_start: bool = False
    anchor: re.Pattern[str] | None = None
    window: int = 80
    requires: tuple[str, ...] = ()  # the rule can only match where one of these occurs
    literal_anchor: bool = False  # the `requires` literals, found by str.find, are the anchors
    starts: StartSet | None = None  # where matches of `pattern` can begin (None: anywhere)
    anchor_starts: StartSet | None = None  # the same for `anchor`

    def finditer(self, s: str, line_starts: list[int] | None = None,
                 scan: TextScan | None = None) -> list[re.Match[str]]:
        """Matches of the rule in `s`, as `self.full.finditer(s)` would give them.

        `scan` holds the literal positions of `s` that all rules share (one per review text).
        A list, not a generator: callers read every match, and fifty rules per review made the
        generators' set-up a cost of its own.
        """
        if scan is None:
            scan = TextScan(s)
        if self.requires:
            has = scan.has
            for r in self.requires:
                if has(r):
                    break
            else:  # no required literal occurs: the rule cannot match
                return []
        if self.line_start:
            match = self.pattern.match
            return [m for pos in (line_starts if line_starts is not None else _line_starts(s))
                    if (m := match(s, pos)) is not None]
        if self.literal_anchor:
            hits = scan.literal_hits(self.requires)
        elif self.anchor_starts is not None:
            hits = [m.span() for m in finditer_scan(
                self.anchor, self.anchor_starts, scan, 0, len(s))]  # type: ignore[arg-type]
        elif self.anchor is not None:
            hits = [a.span() for a in self.anchor.finditer(s)]
        else:
            found = finditer_scan(self.pattern, self.starts, scan, 0, len(s))
            if not self.guarded:
                return list(found)
            return [m for m in found if self._prev_ok(s, m.start())]
        return self._in_windows(s, hits) if hits else []

    @property
    def guarded(self) -> bool:
        """Whether a match must pass the check of the text before it (a removed guard)."""
        return self.not_after_chars is not None or bool(self.not_after_words)

    def _in_windows(self, s: str, hits: list[tuple[int, int]]) -> list[re.Match[str]]:
        """The matches within `window` characters of the anchor `hits`."""
        out: list[re.Match[str]] = []
        n = len(s)
        last_end = 0
        pattern = self.pattern
        match = pattern.match
        window = self.window
        guarded = self.guarded
        for a_start, a_end in hits:
            if a_end <= last_end:
                continue
            lo = a_start - window
            if lo < last_end:
                lo = last_end
            hi = a_end + window
            if hi > n:
                hi = n
            # a window is short: the engine scans it faster than literals could be looked up
            for w in [w.start() for w in pattern.finditer(s, lo, hi)]:
                # match again on the whole text: the window's end must not cut a match short
                m = match(s, w)
                if m and w >= last_end and (not guarded or self._prev_ok(s, w)):
                    e = m.end()
                    last_end = e if e > w else e + 1
                    out.append(m)
        return out

    def _prev_ok(self, s: str, start: int) -> bool:
        if start == 0:
            return True
        if self.not_after_chars is not None and self.not_after_chars.match(s, start - 1):
            return False
        return not any(s.endswith(w, 0, start) for w in self.not_after_words)


def _line_starts(s: str) -> list[int]:
    return [0, *(m.end() for m in re.finditer("\n", s))]


def _strip_leading_guards(src: str) -> tuple[str, str | None, tuple[str, ...]]:
    """Remove a leading \\b and negative lookbehinds; return them as checks."""
    chars: list[str] = []
    words: list[str] = []
    while True:
        if src.startswith(r"\b"):
            chars.append(r"\w")
            src = src[2:]
            continue
        m = _LOOKBEHIND.match(src)
        if not m:
            break
        inner = m.group(1)
        if inner.startswith("["):
            chars.append(inner[1:-1])
        else:
            words.append(inner.replace("\\", ""))
        src = src[m.end():]
    return src, ("[" + "".join(chars) + "]" if chars else None), tuple(words)


def compile_rule(entry: dict[str, Any], fname: str, src: str, anchor: str | None,
                 where: str) -> Rule:
    """Build a `Rule` from an expanded pattern `src` (placeholders already filled in)."""
    try:
        full = re.compile(src)
    except re.error as exc:
        raise RuleError(f"{where}: bad pattern: {exc}") from exc
    if full.fullmatch(""):
        raise RuleError(f"{where}: pattern matches the empty string")
    line_start = src.startswith("(?m)^")
    fast_src, chars, words = (src, None, ()) if line_start else _strip_leading_guards(src)
    try:
        fast = re.compile(fast_src)
        anchor_rx = re.compile(anchor) if anchor else None
    except re.error as exc:
        raise RuleError(f"{where}: bad pattern after guard removal: {exc}") from exc
    starts = None if line_start else _literal_starts(fast)
    if anchor_rx is not None and anchor_rx.fullmatch(""):
        raise RuleError(f"{where}: anchor matches the empty string")
    return Rule(
        id=entry["id"], field=fname, pattern=fast, weight=float(entry.get("weight", 1.0)),
        case=bool(entry.get("case", False)), tags=frozenset(entry.get("tags", ())),
        value=entry.get("value"), full=full,
        not_after_chars=re.compile(chars) if chars else None, not_after_words=words,
        line_start=line_start, anchor=anchor_rx, window=int(entry.get("window", 80)),
        requires=tuple(entry.get("requires", ())),
        literal_anchor=bool(entry.get("requires")) and "window" in entry and not anchor,
        starts=starts, anchor_starts=_literal_starts(anchor_rx),
    )


def _literal_starts(rx: re.Pattern[str] | None) -> StartSet | None:
    """The start set worth a shared lookup: not one lone literal, which the engine itself finds
    as fast as `str.find` (it scans for a pattern's literal prefix)."""
    found = start_set(rx) if rx is not None else None
    if found is None or (len(found.literals) == 1 and not found.digits):
        return None
    return found
