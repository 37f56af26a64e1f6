"""Word spans of the current review, found once and looked up by position.

The opinion modules ask for the words of many overlapping ranges (sentences, clauses, trimmed
items). Tokenising the lowercased text once and bisecting is much cheaper than running the word
pattern again for every range. Only the most recent text is kept, so nothing grows.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Any

from ..text import word_spans

_last: tuple[str, list[int], list[int], dict[Any, Any]] | None = None


def _index(low: str) -> tuple[str, list[int], list[int], dict[Any, Any]]:
    global _last
    cached = _last
    if cached is not None and cached[0] is low:
        return cached
    spans = word_spans(low, 0, len(low))
    cached = (low, [s for s, _ in spans], [e for _, e in spans], {})
    _last = cached
    return cached


def spans(low: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the words lying wholly inside `low[start:end]`."""
    _, starts, ends, _ = _index(low)
    i = bisect_left(starts, start)
    j = bisect_right(ends, end, lo=i)
    return list(zip(starts[i:j], ends[i:j], strict=True))


def count(low: str, start: int, end: int) -> int:
    """How many words lie wholly inside `low[start:end]`."""
    _, starts, ends, _ = _index(low)
    i = bisect_left(starts, start)
    return max(0, bisect_right(ends, end, lo=i) - i)


def first(low: str, start: int, end: int) -> str:
    """The first word wholly inside `low[start:end]`, or ""."""
    _, starts, ends, _ = _index(low)
    i = bisect_left(starts, start)
    return low[starts[i]:ends[i]] if i < len(starts) and ends[i] <= end else ""


# a quotation may not contain its own opening mark: keeps the search linear on "„„„„…"
_QUOTED = re.compile(r"„[^„“”\"\n]*[“”\"]|»[^»«\n]*«|«[^«»\n]*»|\"[^\"\n]*\"")


def quoted(text: str, low: str) -> list[tuple[int, int]]:
    """(start, end) of every quotation in `text` („…“, »…«, "…"), found once per review."""
    cache = memo(low)
    if "quoted" not in cache:
        cache["quoted"] = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    return cache["quoted"]  # type: ignore[no-any-return]


def memo(low: str) -> dict[Any, Any]:
    """A scratch dict that lives as long as `low` is the current text (per-review results)."""
    return _index(low)[3]
