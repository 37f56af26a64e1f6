"""Who wrote a review and when: bylines ("Von Anna Beispiel") and datelines ("7. Februar 2008").

Works on short lines only: the first and last lines of a plain text, or the byline / date blocks
of an HTML page. A line is cut at strong separators (" · ", " | ") into segments; a segment counts
only when it is made entirely of known parts (dateline cue, weekday, date, byline cue + name,
filler words), so sentences such as "Vorlage: „Der nasse Fisch“ von Volker Kutscher" or
"Von mir gibt es 9/10" never yield an author. Dates are found with patterns built from the
language's month names and parsed by dateparser (imported only when a date was found); a date
without a day stays `YYYY-MM`, so no day is invented.
"""

from __future__ import annotations

import datetime as _dt
import re

from . import DEFAULT_LANGUAGE
from .lang.page import PageCues, page_cues
from .model import YEAR_MAX, PageMeta

__all__ = ["PageCues", "fill_from_text", "iso_date", "page_cues", "page_meta_from_text",
           "read_lines", "read_segment", "warm_up_dates"]

HEAD_LINES = 5
TAIL_LINES = 3
MAX_LINE = 100
_SEGMENT_SPLIT = re.compile(r"\s+[·|•]\s+|\s*[·|•]\s*(?=\S)")
_PUNCT = re.compile(r"[\s,;:–—/()]+")
_ISO = re.compile(r"\s*(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T\s]|$)")
_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_HANDLE = re.compile(r"(?=[\w.-]*[^\W\d_])(?=[\w.-]*[_\d])[\w.-]{3,40}")


def iso_date(value: str | None) -> str | None:
    """A machine date ("2019-06-14T09:30:00+02:00", "2019-06") as `YYYY-MM-DD` or `YYYY-MM`."""
    m = _ISO.match(value or "")
    if not m:
        return None
    year, month, day = int(m.group(1)), int(m.group(2)), m.group(3)
    try:
        _dt.date(year, month, int(day or 1))
    except ValueError:
        return None
    if not 1900 <= year <= YEAR_MAX:
        return None
    return f"{year:04d}-{month:02d}" + (f"-{int(day):02d}" if day else "")


def _dateparser_parse(text: str, cues: PageCues) -> _dt.datetime | None:
    import dateparser

    settings = {"PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": cues.date_order,
                "REQUIRE_PARTS": ["month", "year"]}
    return dateparser.parse(text, languages=list(cues.date_languages), settings=settings)


def warm_up_dates(language: str = DEFAULT_LANGUAGE) -> None:
    """Build dateparser's tables now: its first call loads the locale and compiles its time-zone
    patterns (0.2-0.5 s). A batch calls this before it forks its workers, which then share the
    tables instead of each paying for them on the first review with a dateline. A date in digits
    needs no words of any language."""
    _dateparser_parse("01.02.2020", page_cues(language))


def _parse_date(m: re.Match[str], cues: PageCues) -> str | None:
    """A found date as ISO text; dateparser reads it (lazily imported, in the language's
    dateparser locales, `[date] dateparser_languages` of page.toml)."""
    if m.group("iso"):
        return iso_date(m.group("iso"))
    parsed = _dateparser_parse(m.group(0), cues)
    if parsed is None:
        return None
    has_day = bool(m.group("day") or m.group("nday"))
    return iso_date(parsed.strftime("%Y-%m-%d" if has_day else "%Y-%m"))


def _read_name(seg: str, pos: int, cues: PageCues) -> tuple[str, int] | None:
    """A person's name (capitalised words, particles inside) or a user handle starting at pos."""
    handle = _HANDLE.match(seg, pos)
    if handle and not seg[pos].isupper():
        return handle.group(0), handle.end()
    words: list[tuple[str, int]] = []
    p = pos
    while len(words) < 5:
        m = _NAME_WORD.match(seg, p)
        if not m:
            break
        w = m.group(0)
        if w[0].isupper() and w.lower() not in cues.not_names:
            words.append((w, m.end()))
        elif not (words and w.lower() in cues.name_particles):
            break
        nxt = re.match(r" +", seg[m.end():])
        p = m.end() + (nxt.end() if nxt else 0)
        if not nxt:
            break
    while words and not words[-1][0][0].isupper():
        words.pop()
    if not words:
        return None
    end = words[-1][1]
    return seg[pos:end].rstrip(".,"), end


def read_segment(seg: str, cues: PageCues) -> tuple[str | None, str | None]:
    """(author, date) of a segment made only of byline / dateline parts, else (None, None)."""
    low = seg.lower()
    if any(re.search(rf"(?<!\w){re.escape(r)}(?!\w)", low) for r in cues.reject):
        return None, None
    author = date = None
    pos, n = 0, len(seg)
    while pos < n:
        gap = _PUNCT.match(seg, pos)
        if gap:
            pos = gap.end()
            continue
        m = cues.date.match(seg, pos)
        if m and date is None:
            date, pos = _parse_date(m, cues), m.end()
            if date is None:
                return None, None
            continue
        m = cues.byline_cue.match(seg, pos)
        name = _read_name(seg, m.end(), cues) if m and author is None else None
        if name:
            author, pos = name
            continue
        m = (cues.dateline_cue.match(seg, pos) or cues.weekday.match(seg, pos)
             or cues.filler.match(seg, pos))
        if m:
            pos = m.end()
            continue
        return None, None
    return author, date


def read_lines(lines: list[str],
               language: str = DEFAULT_LANGUAGE) -> tuple[str | None, str | None]:
    """The first author and the first date any of the short lines states."""
    cues = page_cues(language)
    author = date = None
    for line in lines:
        if len(line) > MAX_LINE:
            continue
        for seg in _SEGMENT_SPLIT.split(line.strip()):
            a, d = read_segment(seg, cues)
            author, date = author or a, date or d
        if author and date:
            break
    return author, date


def page_meta_from_text(text: str, language: str = DEFAULT_LANGUAGE) -> PageMeta:
    """Author and publication date from the byline / dateline lines at a text's start or end."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    picked = lines[:HEAD_LINES] + lines[HEAD_LINES:][-TAIL_LINES:]
    author, date = read_lines(picked, language)
    return PageMeta(author=author, date_published=date)


def fill_from_text(meta: PageMeta, text: str, language: str = DEFAULT_LANGUAGE) -> PageMeta:
    """`meta` with author and date filled from the text where they are still empty."""
    if meta.author and meta.date_published:
        return meta
    found = page_meta_from_text(text, language)
    return meta.model_copy(update={"author": meta.author or found.author,
                                   "date_published": meta.date_published or found.date_published})
