"""What every field module shares: the `Finding` a rule produces and helpers to run rules."""

from __future__ import annotations

import re
from dataclasses import dataclass
from dataclasses import field as dc_field
from typing import Any

from ..lang.base import Rule
from ..text import Doc

_WORD = re.compile(r"[\w./:-]+")
_OPENING_QUOTES = "„“\"»«'"
_CLOSING_QUOTES = "“”\"'»«"
_QUOTE_REACH = 100  # characters from one quote mark of a name in which the other is sought


@dataclass(slots=True)
class Finding:
    """One candidate value for a field, with the span that states it and how it was found."""

    field: str
    value: Any
    start: int
    end: int
    rule: str
    weight: float
    tags: frozenset[str] = frozenset()
    # `dc_field`: the attribute `field` above would shadow the name for a type checker
    spans: list[tuple[int, int]] = dc_field(default_factory=list)  # further evidence spans
    # named features for a fitted scorer (lang/scorer.py); a field that has one sets
    # `probability` from them and the confidence is that probability
    features: dict[str, float] = dc_field(default_factory=dict)
    probability: float | None = None

    @property
    def confidence(self) -> float:
        """The fitted probability where a scorer gave one; else a 0..1 reading of the weight
        (weights run from about 0.5 to 5)."""
        if self.probability is not None:
            return round(min(0.99, self.probability), 2)
        return round(min(0.99, 0.35 + self.weight / 8), 2)


def matches(doc: Doc, rule: Rule) -> list[re.Match[str]]:
    """Run one rule over the review (lowercased unless the rule is case-sensitive)."""
    if rule.case:
        return rule.finditer(doc.text, doc.line_starts, doc.text_scan, doc.low_scan)
    return rule.finditer(doc.low, doc.line_starts, doc.low_scan)


def words_before(low: str, pos: int, n: int = 3) -> list[str]:
    """The last `n` words before `pos`, lowercased, nearest last; stops at sentence ends."""
    left = low[max(0, pos - 80):pos]
    # the words after the last stop of any kind (no stop can start inside another one, so the
    # last of each kind decides); one `max` instead of cutting the tail six times
    i = max(left.rfind(". "), left.rfind("! "), left.rfind("? "), left.rfind(": "),
            left.rfind("; "))
    cut = max(i + 2 if i >= 0 else 0, left.rfind("\n") + 1)
    if cut:
        left = left[cut:]
    # only the last words are wanted: read a short tail, longer while it may cut one of them
    # (more than `n` words in the tail means the last `n` lie wholly inside it)
    k = 8 * (n + 1)
    while k < len(left):
        words = _WORD.findall(left, len(left) - k)
        if len(words) > n:
            return words[-n:]
        k *= 2
    return _WORD.findall(left)[-n:]


def words_after(low: str, pos: int, n: int = 3) -> list[str]:
    right = low[pos:pos + 80]
    for stop in (".", "!", "?", "\n", ";"):
        i = right.find(stop)
        if i >= 0:
            right = right[:i]
    return _WORD.findall(right)[:n]


def ends_with_phrase(words: list[str], phrases: frozenset[str]) -> bool:
    """True when the words (nearest last) end with one of the phrases."""
    return any(len(words) >= k and " ".join(words[-k:]) in phrases for k in (1, 2, 3))


def starts_with_phrase(words: list[str], phrases: frozenset[str]) -> bool:
    return any(len(words) >= k and " ".join(words[:k]) in phrases for k in (1, 2, 3))


def group_span(m: re.Match[str], *names: str) -> tuple[str, int, int] | None:
    """The first of the named groups that matched: (name, start, end)."""
    for name in names:
        if name in m.re.groupindex and m.group(name) is not None:
            return name, m.start(name), m.end(name)
    return None


@dataclass(slots=True)
class Rejected:
    """A value the text states that cannot be true (year 9999, "11 von 10"): reported, not kept."""

    field: str
    value: object
    start: int
    end: int


def best(findings: list[Finding]) -> Finding | None:
    """The highest weight; among equals the earliest in the text."""
    if not findings:
        return None
    return max(findings, key=lambda f: (f.weight, -f.start))


def quoted_before(text: str, pos: int) -> str | None:
    """The quoted name whose closing mark stands right before `pos` (blanks between), on one
    line: "Die Brücke" in `„Die Brücke“ (2011)` before the bracket; else None."""
    close = pos
    while close > 0 and text[close - 1] in " \t":
        close -= 1
    if close == 0 or text[close - 1] not in _CLOSING_QUOTES:
        return None
    close -= 1
    floor = max(0, close - _QUOTE_REACH)
    floor = max(floor, text.rfind("\n", floor, close) + 1)
    opening = max(text.rfind(c, floor, close) for c in _OPENING_QUOTES)
    return text[opening + 1:close] if opening >= 0 else None


def quoted_after(text: str, pos: int) -> str | None:
    """The quoted name whose opening mark stands right before `pos`, on one line: "Casino" in
    `Martin Scorseses „Casino“` after the mark; else None."""
    if pos == 0 or text[pos - 1] not in _OPENING_QUOTES:
        return None
    end = min(len(text), pos + _QUOTE_REACH)
    line_end = text.find("\n", pos, end)
    if line_end >= 0:
        end = line_end
    closes = [i for i in (text.find(c, pos, end) for c in _CLOSING_QUOTES) if i >= 0]
    return text[pos:min(closes)] if closes else None


def names_other_work(name: str, title: str) -> bool:
    """Is the quoted `name` another work than the review's `title` (neither holds the other,
    case and spaces folded)?"""
    a, b = (" ".join(x.casefold().split()) for x in (name, title))
    return bool(a) and a not in b and b not in a
