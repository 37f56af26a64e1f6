"""Line kinds of a plain text: page chrome, meta lines, headings and body.

Text pulled out of a web page keeps the page's chrome: breadcrumbs, section labels ("DVD-Kritik"),
categories and genre names, forum post headers, user statistics, shop lines, buttons, tag lists,
bylines and datelines. This module tells those lines from the review's own lines, using the
language's data (`lines.toml`), so the field code can

- read a heading as a title candidate (a short line that is neither chrome nor a sentence);
- leave a dateline's year to the post date instead of the work (`meta` lines);
- keep chrome and headings out of pros, cons and the verdict.

Kinds: "chrome" (not the review), "meta" (byline or dateline: who wrote it, when), "info" (an
info-box line such as "Regie: X" or "FSK: 12"), "heading" (a short line standing alone, no
sentence end), "body".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .text import Doc

MAX_HEADING_WORDS = 14
MAX_HEADING_CHARS = 120
_END_MARKS = (".", ";", ",")
_ARROWS = "←→«»‹›<>↑↓⇒⇐▶◀•·|-–— "
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_SENTENCE_BREAK = re.compile(r"[^\W\d_]{2}[.!?]\s+\S")


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int
    kind: str  # "chrome" | "meta" | "info" | "heading" | "body"


def _is_chrome(low: str, doc: Doc) -> bool:
    pages = doc.lang.pages
    bare = low.strip().strip(_ARROWS).rstrip(":").strip()
    if bare in pages.chrome_labels:
        return True
    if pages.chrome_line.fullmatch(bare):
        return True
    # a tag or category line: every part a label, a tag word or a count
    parts = [p.strip(" «»<>-–—:") for p in _split_tags(bare)]
    parts = [p for p in parts if p]
    if len(parts) >= 2:
        labels = pages.chrome_labels
        tags = pages.chrome_tag_words
        form = pages.chrome_line
        return all(p in labels or _is_count(p, tags) or form.fullmatch(p) for p in parts)
    return False


def _split_tags(s: str) -> list[str]:
    for sep in ("·", "|", "•", ","):
        s = s.replace(sep, "\n")
    return s.split("\n")


def _is_count(part: str, tags: frozenset[str]) -> bool:
    words = part.split()
    return bool(words) and all(w.isdigit() or w in tags for w in words)


def _is_heading(line: str) -> bool:
    """A short line that is no sentence: no end mark (but a short "Vaterfreuden."), no sentence
    break inside it, at most one comma."""
    words = line.split()
    if not words or len(words) > MAX_HEADING_WORDS or len(line) > MAX_HEADING_CHARS:
        return False
    if line.endswith(",") or _BRACKETED.sub("", line).count(",") > 1:
        return False  # a list or a sentence; commas inside brackets ("(94 min, 2022)") aside
    if line.endswith(_END_MARKS) and not line.endswith("...") and len(words) > 2:
        return False
    return _SENTENCE_BREAK.search(line) is None


def _continues(doc: Doc, end: int, nxt: tuple[int, int] | None) -> bool:
    """True when the next line goes on with the same sentence: a hard-wrapped paragraph (no
    blank line between, this line's last word and the next line's first in lower case)."""
    if nxt is None or "\n\n" in doc.text[end:nxt[0]]:
        return False
    first = doc.text[nxt[0]:nxt[0] + 1]
    words = doc.text[:end].rsplit(None, 1)
    last = words[-1][:1] if words else ""
    return first.isalpha() and first.islower() and last.isalpha() and last.islower()


def classify(doc: Doc) -> list[Line]:
    """The kind of every non-empty line of the review, in text order."""
    pages = doc.lang.pages
    meta = pages.meta_line
    out: list[Line] = []
    lines = doc.lines
    info = pages.info_line
    info_labels = pages.info_labels
    for i, (s, e) in enumerate(lines):
        low = doc.low[s:e]
        label = info.match(low)
        if _is_chrome(low, doc):
            kind = "chrome"
        elif len(low.split()) <= 16 and meta.fullmatch(low.strip()):
            kind = "meta"
        elif label and label.group("label").strip() in info_labels:
            kind = "info"
        elif (len(lines) > 1 and _is_heading(doc.text[s:e].strip())
              and not _continues(doc, e, lines[i + 1] if i + 1 < len(lines) else None)):
            kind = "heading"
        else:
            kind = "body"
        out.append(Line(s, e, kind))
    return out


def line_at(lines: list[Line], starts: list[int], pos: int) -> Line | None:
    """The line that holds `pos` (`starts`: the lines' starts), by bisection."""
    i = bisect_right(starts, pos) - 1
    if i < 0:
        return None
    line = lines[i]
    return line if line.start <= pos < max(line.end, line.start + 1) else None


LISTING_MIN = 3  # entries before a text counts as a listing page
MAX_ITEM_WORDS = 16


def listing_items(doc: Doc) -> list[int]:
    """Starts of the entry headings of a listing page (at least three), else []. A numbered
    entry must stand alone as a heading; an entry ending in a bracket with a year may run on."""
    pattern = doc.lang.pages.listing_item
    starts = []
    for line in doc.line_kinds:
        if line.kind not in ("heading", "body"):
            continue
        text = doc.text[line.start:line.end]
        if len(text.split()) > MAX_ITEM_WORDS:
            continue
        m = pattern.search(text)
        if m is None or (m.start() == 0 and text[:1] in "0123456789#" and line.kind != "heading"):
            continue
        starts.append(line.start)
    return starts if len(starts) >= LISTING_MIN else []


def first_entry(text: str, items: list[int]) -> str:
    """The text with everything but the first entry of a listing blanked out: same length and
    line breaks, so every position still points into the original."""
    start, end = items[0], items[1]
    def blank(part: str) -> str:
        return "".join(c if c == "\n" else " " for c in part)
    return blank(text[:start]) + text[start:end] + blank(text[end:])
