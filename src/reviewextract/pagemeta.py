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
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from .lang.base import LanguageDataError
from .model import PageMeta

HEAD_LINES = 5
TAIL_LINES = 3
MAX_LINE = 100
_SEGMENT_SPLIT = re.compile(r"\s+[·|•]\s+|\s*[·|•]\s*(?=\S)")
_PUNCT = re.compile(r"[\s,;:–—/()]+")
_ISO = re.compile(r"\s*(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T\s]|$)")
_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_HANDLE = re.compile(r"(?=[\w.-]*[^\W\d_])(?=[\w.-]*[_\d])[\w.-]{3,40}")


def _alt(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


@dataclass(frozen=True)
class PageCues:
    """The compiled byline, dateline and boilerplate data of one language (`page.toml`)."""

    date: re.Pattern[str]
    weekday: re.Pattern[str]
    dateline_cue: re.Pattern[str]
    filler: re.Pattern[str]
    byline_cue: re.Pattern[str]
    reject: tuple[str, ...]
    name_particles: frozenset[str]
    not_names: frozenset[str]
    class_words: frozenset[str]
    meta_class_words: frozenset[str]
    title_noise: frozenset[str]


def _words(data: dict[str, Any], table: str, key: str) -> list[str]:
    words = data.get(table, {}).get(key)
    if not words or not all(isinstance(w, str) and w for w in words):
        raise LanguageDataError(f"page.toml: [{table}] {key} is missing, empty or has empty words")
    return [w.lower() for w in words]


def _compile(src: str, where: str) -> re.Pattern[str]:
    try:
        rx = re.compile(src, re.IGNORECASE)
    except re.error as exc:
        raise LanguageDataError(f"page.toml: {where}: bad pattern: {exc}") from exc
    if rx.fullmatch(""):
        raise LanguageDataError(f"page.toml: {where}: pattern matches the empty string")
    return rx


@cache
def page_cues(code: str = "de") -> PageCues:
    """The page cues of language `code`, loaded and checked on first use."""
    if not re.fullmatch(r"[a-z]{2,3}", code):
        raise LanguageDataError(f"not a language code: {code!r}")
    try:
        raw = resources.files(f"reviewextract.lang.{code}").joinpath("page.toml")
        data = tomllib.loads(raw.read_text(encoding="utf-8"))
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise LanguageDataError(f"{code}: no page.toml") from exc
    months = _alt(_words(data, "date", "months"))
    day = r"(?P<day>[0-3]?\d)"
    # a date with a named month (day optional) or all in digits; year always given
    date = (rf"(?:{day}\.?\s*)?(?P<month>{months})\s*(?P<year>\d{{4}})(?!\d)"
            rf"|(?P<nday>[0-3]?\d)\.\s?(?P<nmonth>[01]?\d)\.\s?(?P<nyear>\d{{4}}|\d{{2}})(?!\d)"
            r"|(?P<iso>\d{4}-\d{2}-\d{2})")
    bylines = "|".join(f"(?:{p})" for p in _words(data, "byline", "patterns"))
    for p in _words(data, "byline", "patterns"):
        _compile(p, f"byline pattern {p!r}")
    return PageCues(
        date=_compile(date, "date"),
        weekday=_compile(_alt(_words(data, "date", "weekdays")) + r"(?!\w)", "weekdays"),
        dateline_cue=_compile(_alt(_words(data, "dateline", "cues")) + r"(?!\w)", "cues"),
        filler=_compile(_alt(_words(data, "dateline", "filler")) + r"(?!\w)", "filler"),
        byline_cue=_compile(rf"(?:{bylines})(?!\w)\s*:?\s*", "byline patterns"),
        reject=tuple(_words(data, "dateline", "reject")),
        name_particles=frozenset(_words(data, "byline", "name_particles")),
        not_names=frozenset(_words(data, "byline", "not_names")),
        class_words=frozenset(_words(data, "boilerplate", "class_words")),
        meta_class_words=frozenset(_words(data, "boilerplate", "meta_class_words")),
        title_noise=frozenset(_words(data, "boilerplate", "title_noise")),
    )


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
    if not 1900 <= year <= _dt.date.today().year + 1:
        return None
    return f"{year:04d}-{month:02d}" + (f"-{int(day):02d}" if day else "")


def _parse_date(m: re.Match[str]) -> str | None:
    """A found date as ISO text; dateparser reads it (lazily imported, German only)."""
    if m.group("iso"):
        return iso_date(m.group("iso"))
    import dateparser

    settings = {"PREFER_DAY_OF_MONTH": "first", "DATE_ORDER": "DMY",
                "REQUIRE_PARTS": ["month", "year"]}
    parsed = dateparser.parse(m.group(0), languages=["de"], settings=settings)  # type: ignore[arg-type]
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
            date, pos = _parse_date(m), m.end()
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


def read_lines(lines: list[str], language: str = "de") -> tuple[str | None, str | None]:
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


def page_meta_from_text(text: str, language: str = "de") -> PageMeta:
    """Author and publication date from the byline / dateline lines at a text's start or end."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    picked = lines[:HEAD_LINES] + lines[HEAD_LINES:][-TAIL_LINES:]
    author, date = read_lines(picked, language)
    return PageMeta(author=author, date_published=date)


def fill_from_text(meta: PageMeta, text: str, language: str = "de") -> PageMeta:
    """`meta` with author and date filled from the text where they are still empty."""
    if meta.author and meta.date_published:
        return meta
    found = page_meta_from_text(text, language)
    return meta.model_copy(update={"author": meta.author or found.author,
                                   "date_published": meta.date_published or found.date_published})


# --- hints from the page markup (HTML input) -------------------------------------------------

_WORK_TYPES = frozenset({"movie", "tvseries", "tvseason", "tvepisode", "creativeworkseason",
                         "creativeworkseries", "film"})
_ARTICLE_TYPES = frozenset({"review", "criticreview", "userreview", "article", "blogposting",
                            "newsarticle", "reportage"})
_SITE_TYPES = frozenset({"organization", "website", "newsmediaorganization"})
_TITLE_SEP = re.compile(r"(\s+[|–—·•-]\s+|\s+::\s+)")
MAX_JSONLD_CHARS = 200_000
MAX_JSONLD_NODES = 2_000


@dataclass
class MarkupHints:
    """What the page markup says, each from the first source that states it."""

    title: str | None = None
    site_name: str | None = None
    author: str | None = None
    date: str | None = None


def _types(node: dict[str, Any]) -> set[str]:
    t = node.get("@type")
    items = t if isinstance(t, list) else [t]
    return {str(x).rsplit("/", 1)[-1].lower() for x in items if x}


def _name(value: Any) -> str | None:
    """A name from a JSON-LD value: a string, {"name": ...} or the first of a list."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, str) and value.strip() and not value.startswith(("http:", "https:")):
        return " ".join(value.split())
    return None


def _jsonld_nodes(root: Any) -> list[dict[str, Any]]:
    import json

    nodes: list[dict[str, Any]] = []
    for script in root.xpath('//script[contains(@type, "ld+json")]'):
        raw = script.text or ""
        if len(raw) > MAX_JSONLD_CHARS:
            continue
        try:
            stack = [json.loads(raw)]
        except ValueError:
            continue  # broken markup on the page is not our error
        while stack and len(nodes) < MAX_JSONLD_NODES:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                nodes.append(item)
                stack.extend(v for k, v in item.items() if k in ("@graph", "mainEntity"))
    return nodes


def _fill(hints: MarkupHints, **values: str | None) -> None:
    """Set each hint that is still empty (earlier sources win)."""
    for key, value in values.items():
        if value and getattr(hints, key) is None:
            setattr(hints, key, value)


def _from_jsonld(root: Any, hints: MarkupHints) -> None:
    for node in _jsonld_nodes(root):
        kinds = _types(node)
        if kinds & _ARTICLE_TYPES:
            item = node.get("itemReviewed")
            work = _name(item.get("partOfSeries") or item) if isinstance(item, dict) else None
            _fill(hints, title=work or _name(item), author=_name(node.get("author")),
                  date=iso_date(str(node.get("datePublished") or "")))
        if kinds & _WORK_TYPES:
            series = node.get("partOfSeries")
            _fill(hints, title=_name(series) or _name(node.get("name")))
        if kinds & _SITE_TYPES:
            _fill(hints, site_name=_name(node.get("name")))


def _prop(el: Any) -> str | None:
    value = el.get("content") or el.get("datetime") or " ".join(el.text_content().split())
    return value or None


def _from_microdata(root: Any, hints: MarkupHints) -> None:
    for scope in root.xpath('//*[@itemscope and @itemtype]'):
        kinds = {scope.get("itemtype").rstrip("/").rsplit("/", 1)[-1].lower()}
        if kinds & _ARTICLE_TYPES:
            for el in scope.xpath('.//*[@itemprop="itemReviewed"]//*[@itemprop="name"]')[:1]:
                _fill(hints, title=_prop(el))
            for el in scope.xpath('.//*[@itemprop="author"]')[:1]:
                named = el.xpath('.//*[@itemprop="name"]')
                _fill(hints, author=_prop(named[0] if named else el))
            for el in scope.xpath('.//*[@itemprop="datePublished"]')[:1]:
                _fill(hints, date=iso_date(_prop(el)))
        if kinds & _WORK_TYPES:
            for el in scope.xpath('./*[@itemprop="name"]|.//*[@itemprop="name"]')[:1]:
                _fill(hints, title=_prop(el))


def _meta(root: Any, *keys: str) -> str | None:
    for key in keys:
        for el in root.xpath(f'//meta[@property="{key}" or @name="{key}"]'):
            value = " ".join((el.get("content") or "").split())
            if value:
                return value
    return None


def clean_title(title: str | None, site_name: str | None, cues: PageCues) -> str | None:
    """A page title without the site name and words for the page kind ("– Kritik")."""
    if not title:
        return None
    if site_name and len(title) > len(site_name):
        # the site name may itself hold a separator ("SPULE – Magazin für Film")
        low, site = title.casefold(), site_name.casefold()
        if low.endswith(site):
            title = title[:-len(site)]
        elif low.startswith(site):
            title = title[len(site):]
        title = title.strip(" |–—·•-:")
    pieces = _TITLE_SEP.split(title)  # segment, separator, segment, ...

    def noise(seg: str) -> bool:
        low = seg.strip().casefold()
        return low in cues.title_noise or bool(site_name and low == site_name.casefold())

    while len(pieces) > 1 and noise(pieces[-1]):
        del pieces[-2:]
    while len(pieces) > 1 and noise(pieces[0]):
        del pieces[:2]
    out = "".join(pieces)
    return " ".join(out.split()) or None


def _site_from_title(title: str | None, headline: str) -> str | None:
    """The part after the title's last strongest separator, unless the headline holds it."""
    for sep in (" | ", " · ", " – ", " — ", " - ", " :: "):
        if title and sep in title:
            last = title.rsplit(sep, 1)[1].strip()
            return last if last and last.casefold() not in headline.casefold() else None
    return None


def markup_hints(root: Any, language: str = "de") -> MarkupHints:
    """Title, site name, author and date the page markup states (read before cleaning)."""
    hints = MarkupHints()
    _from_jsonld(root, hints)
    _from_microdata(root, hints)
    h1 = root.find(".//h1")
    headline = " ".join(h1.text_content().split()) if h1 is not None else ""
    page_title = root.findtext(".//title")
    _fill(hints, site_name=_meta(root, "og:site_name", "application-name")
          or _site_from_title(page_title, headline))
    _fill(hints, author=_meta(root, "author", "article:author", "dc.creator", "DC.creator"))
    if hints.author and hints.author.startswith(("http:", "https:")):
        hints.author = None
    dates = root.xpath('//time[@itemprop="datePublished" or @pubdate or contains(@class, '
                       '"published") or contains(@class, "entry-date")]/@datetime'
                       '|//article//time/@datetime')
    _fill(hints, date=iso_date(_meta(root, "article:published_time", "date", "dc.date",
                                     "DC.date.issued", "datePublished"))
          or next((d for d in map(iso_date, dates) if d), None))
    cues = page_cues(language)
    for raw in (_meta(root, "og:title", "twitter:title"), page_title, headline):
        _fill(hints, title=clean_title(raw, hints.site_name, cues))
    return hints
