"""Compiling a rule table entry into a fast `Rule`.

Python's regex engine scans quickly only for patterns that begin with literal text; a leading
`\\b` or lookbehind makes it try every position (20-30x slower on a review). So at load time:

- a leading `\\b` is removed and checked afterwards on the character before the match;
- leading negative lookbehinds `(?<![...])` / `(?<!word )` are removed and checked the same way;
- other leading lookarounds (`(?<!\\bauf\\s)`, `(?!\\d{4}\\b)`) are removed and matched at a match's
  start (`Rule.lead`): in front they are tried at every position and hide the pattern's first
  character class from the engine;
- a pattern starting with `(?m)^` (an info-box line) is only tried at line starts;
- a rule may list literals it `requires`: when none occurs in the text, it is skipped;
- a rule that lists `requires` and sets a `window` (without an `anchor`) uses the occurrences
  of those literals as its anchors;
- a rule may name an `anchor` (a literal-led pattern such as its unit words) and a `window`:
  the full pattern then runs only around each anchor hit. The window is not a written number
  but the pattern's reach in this text (`reach.Reach`: its longest match plus what its
  lookaheads read, each unbounded repeat counted as the text's longest run of what it can
  consume), so no match that holds an anchor lies outside it. A pattern whose repeats have no
  such bound (a list of names), or whose reach in a text is over `MAX_WINDOW`, runs over the
  whole text like any other rule (a fixed window once dropped long matches silently: three
  long names before "inszeniert" gave no director);
- a pattern or anchor that must start with one of several literals (or a digit) is tried only
  where they occur, found once per review by the shared `TextScan` (see `starts.py`).
The meaning of every pattern stays the same; tests compare both ways of matching.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from . import regex_tree as C
from .reach import Reach, reach
from .starts import StartSet, finditer_at, finditer_scan, occurs, required_tail, start_set
from .textscan import TextScan

# windows wider than this cost more than one scan of the whole text could save
MAX_WINDOW = 400
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
    # the other leading lookarounds the pattern was written with ("(?<!\\bauf\\s)"): they hold
    # where this matches at a match's start
    lead: re.Pattern[str] | None = None
    line_start: bool = False
    anchor: re.Pattern[str] | None = None
    reach: Reach | None = None  # how far a match reads (None: no bound in any text)
    anchor_low: bool = False  # a case-sensitive rule's anchor is looked for in the lowercase twin
    guard_starts: StartSet | None = None  # where a guarded rule's matches can begin
    requires: tuple[str, ...] = ()  # the rule can only match where one of these occurs
    literal_anchor: bool = False  # the `requires` literals, found by str.find, are the anchors
    starts: StartSet | None = None  # where matches of `pattern` can begin (None: anywhere)
    anchor_starts: StartSet | None = None  # the same for `anchor`
    # a part every match holds (`starts.required_tail`) and where it can begin: a pattern that
    # may start anywhere is not tried in a review where that part occurs nowhere
    tail: re.Pattern[str] | None = None
    tail_starts: StartSet | None = None

    def finditer(self, s: str, line_starts: list[int] | None = None,
                 scan: TextScan | None = None,
                 low_scan: TextScan | None = None) -> list[re.Match[str]]:
        """Matches of the rule in `s`, as `self.full.finditer(s)` would give them.

        `scan` holds the literal positions of `s` that all rules share (one per review text);
        `low_scan` those of its lowercased twin (same length), where a case-sensitive rule
        whose pattern reads some words in any case looks for its lowercase anchors.
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
        if self.tail is not None and not occurs(self.tail, self.tail_starts, scan):  # type: ignore[arg-type]
            # the tail of a pattern that may start anywhere occurs nowhere: the pattern cannot
            # match (on the seed this spares three rules' scans of windows or the whole text,
            # about 6 % of a call, bench/run.py)
            return []
        if self.line_start:
            match = self.pattern.match
            return [m for pos in (line_starts if line_starts is not None else _line_starts(s))
                    if (m := match(s, pos)) is not None]
        anchored = self.literal_anchor or self.anchor is not None
        window = self.reach.in_text(scan, MAX_WINDOW) if anchored and self.reach else None
        if window is None:  # no anchors, or windows too wide to save anything
            return self._scan_all(s, scan)
        if self.anchor_low:
            if low_scan is None:  # no lowercased twin to look in: the whole text
                return self._scan_all(s, scan)
            scan = low_scan
        if self.literal_anchor:
            hits = scan.literal_hits(self.requires)
        elif self.anchor_starts is not None:
            hits = [m.span() for m in finditer_scan(
                self.anchor, self.anchor_starts, scan, 0, len(s))]  # type: ignore[arg-type]
        else:
            hits = [a.span() for a in self.anchor.finditer(scan.s)]  # type: ignore[union-attr]
        return self._in_windows(s, hits, window) if hits else []

    def _scan_all(self, s: str, scan: TextScan) -> list[re.Match[str]]:
        """Every match in the whole text, as the written pattern finds them."""
        if not self.guarded:
            return list(finditer_scan(self.pattern, self.starts, scan, 0, len(s)))
        # The written pattern checks its guard (a leading \b or lookbehind) before it reads
        # on; a match of the pattern without it that fails the guard must not hide a match
        # that starts inside it.
        bounded = self.reach is not None and self.reach.bounded
        key = self.guard_starts
        # one literal: the engine's own scan finds it as fast (see `_literal_starts`)
        if key is not None and not (bounded and len(key.literals) == 1 and not key.digits):
            cands = scan.starts(key)
            if cands is not None:  # the guard checked at each place a match can start
                ok = self._prev_ok
                return finditer_at(self.pattern, s, [p for p in cands if ok(s, p)], 0, len(s))
        if bounded:
            # a short pattern: the engine's fast scan without the guard, on from the next
            # position where a match fails the guard (each try reads a bounded stretch)
            out: list[re.Match[str]] = []
            search = self.pattern.search
            pos = 0
            while (m := search(s, pos)) is not None:
                start, end = m.span()
                if self._prev_ok(s, start):
                    out.append(m)
                    pos = end if end > start else end + 1
                else:
                    pos = start + 1
            return out
        # the engine tries every position of the pattern with its guard: a position inside a
        # run (of capitals, of digits) fails at once, where the pattern without the guard would
        # read the run again from every position of it (quadratic time)
        return list(self.full.finditer(s))  # type: ignore[union-attr]

    @property
    def guarded(self) -> bool:
        """Whether a match must pass the check of the text before it (a removed guard)."""
        return (self.not_after_chars is not None or bool(self.not_after_words)
                or self.lead is not None)

    def _in_windows(self, s: str, hits: list[tuple[int, int]],
                    window: int) -> list[re.Match[str]]:
        """The matches within `window` characters of the anchor `hits`: every match that holds
        an anchor, when `window` is the pattern's reach in `s`. Overlapping windows are joined
        first, so no stretch of the text is scanned twice."""
        out: list[re.Match[str]] = []
        n = len(s)
        last_end = 0
        search = self.pattern.search
        match = self.pattern.match
        guarded = self.guarded
        spans: list[tuple[int, int]] = []
        for a_start, a_end in hits:
            lo, hi = a_start - window, a_end + window
            if spans and lo <= spans[-1][1]:
                if hi > spans[-1][1]:
                    spans[-1] = (spans[-1][0], hi)
            else:
                spans.append((lo, hi))
        for lo, hi in spans:
            pos = lo if lo > last_end else last_end
            if hi > n:
                hi = n
            # a window is short: the engine scans it faster than literals could be looked up
            while (m := search(s, pos, hi)) is not None:
                w = m.start()
                # a match that fails the guard (the written pattern's \b or lookbehind) must
                # not hide one that starts inside it: on from the next position
                if guarded and not self._prev_ok(s, w):
                    pos = w + 1
                    continue
                # match again on the whole text: the window's end must not cut a match short
                m = match(s, w)
                if m is None:
                    pos = w + 1
                    continue
                e = m.end()
                last_end = pos = e if e > w else e + 1
                out.append(m)
        return out

    def _prev_ok(self, s: str, start: int) -> bool:
        if self.lead is not None and self.lead.match(s, start) is None:
            return False
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


def _strip_leading_lookarounds(src: str) -> tuple[str, str | None]:
    """Remove the lookarounds that still lead the pattern after `_strip_leading_guards`
    ("(?<!\\bauf\\s)", "(?!\\d{4}\\b)"); return the rest and the removed part, or `src` and
    None. A leading lookaround is tried at every position of the text, and it hides the first
    character class from the engine, which would skip the places where that cannot match:
    `directors.genitive` over the seed's whole text took 282 us with its two lookbehinds in
    place and 168 us without them (`Rule.lead` checks them at each match's start instead).
    Only lookarounds without a capturing group are removed (the groups keep their numbers),
    and only before a rest that cannot match the empty string (finditer's rules for empty
    matches would differ)."""
    if not src.startswith(("(?=", "(?!", "(?<=", "(?<!")):
        return src, None  # most patterns: no parse (it would cost the language's loading)
    try:
        tree = C.parse(re.compile(src))
    except (C.Unsupported, re.error):
        return src, None
    items, offsets = tree.seq.data, tree.seq.offsets
    k = 0
    while k < len(items) and items[k][0] in (C.ASSERT, C.ASSERT_NOT):
        k += 1
    if k == 0 or k == len(items) or offsets[0] != 0 or C.min_width(items[k:]) == 0:
        return src, None
    lead = src[:offsets[k]]
    if re.compile(lead).groups:
        return src, None
    return src[offsets[k]:], lead


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
    fast_src, lead = (fast_src, None) if line_start else _strip_leading_lookarounds(fast_src)
    try:
        fast = re.compile(fast_src)
        anchor_rx = re.compile(anchor) if anchor else None
    except re.error as exc:
        raise RuleError(f"{where}: bad pattern after guard removal: {exc}") from exc
    starts = None if line_start else _literal_starts(fast)
    tail = None if line_start or start_set(fast) is not None else required_tail(fast)
    if anchor_rx is not None and anchor_rx.fullmatch(""):
        raise RuleError(f"{where}: anchor matches the empty string")
    literal_anchor = bool(entry.get("requires")) and "window" in entry and not anchor
    # a window around the anchors is exact only when it covers the longest possible match:
    # the pattern's reach; a pattern without one runs over the whole text
    found = None if line_start else reach(fast)
    if found is not None and found.rounds and start_set(fast) is not None:
        # a list's rounds cost more to bound than the pattern costs where it can start
        found = None
    if found is None:
        anchor_rx, literal_anchor = None, False
    # a case-sensitive pattern may read a word in any case ("(?i:film)"): its lowercase anchor
    # ("ilm") is then looked for in the lowercased text, where it occurs in every match. Only
    # for an anchor of lowercase literals, whose hits in the lowercased text are a superset
    anchor_low = (bool(entry.get("case")) and anchor_rx is not None and anchor is not None
                  and anchor == anchor.lower() and "\\" not in anchor and "^" not in anchor)
    return Rule(
        id=entry["id"], field=fname, pattern=fast, weight=float(entry.get("weight", 1.0)),
        case=bool(entry.get("case", False)), tags=frozenset(entry.get("tags", ())),
        value=entry.get("value"), full=full,
        not_after_chars=re.compile(chars) if chars else None, not_after_words=words,
        line_start=line_start, anchor=anchor_rx, reach=found, anchor_low=anchor_low,
        lead=re.compile(lead) if lead else None,
        guard_starts=start_set(fast) if (chars or words or lead) and not line_start else None,
        requires=tuple(entry.get("requires", ())), literal_anchor=literal_anchor,
        starts=starts, anchor_starts=_literal_starts(anchor_rx),
        tail=tail[0] if tail else None, tail_starts=tail[1] if tail else None,
    )


def _literal_starts(rx: re.Pattern[str] | None) -> StartSet | None:
    """The start set worth a shared lookup: not one lone literal, which the engine itself finds
    as fast as `str.find` (it scans for a pattern's literal prefix)."""
    found = start_set(rx) if rx is not None else None
    if found is None or (len(found.literals) == 1 and not found.digits):
        return None
    return found
