"""What a page's markup says about its review: title, site name, author and publication date.

Read before the page is cleaned, from schema.org JSON-LD and microdata (Review, Movie, TVSeries
...), `<meta>` tags (`og:title`, `article:published_time`, `author` ...), `<time datetime>` in the
article, `<title>` and `<h1>`. Each source is read in one walk of the tree: an XPath query per
key walked the whole page each time (1 ms of a 29 KB page went on that).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from . import DEFAULT_LANGUAGE
from .pagemeta import PageCues, iso_date, page_cues

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


def _jsonld_nodes(scripts: list[Any]) -> list[dict[str, Any]]:
    import json

    nodes: list[dict[str, Any]] = []
    for script in scripts:
        if "ld+json" not in (script.get("type") or ""):
            continue
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


def _from_jsonld(scripts: list[Any], hints: MarkupHints) -> None:
    for node in _jsonld_nodes(scripts):
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


@cache
def _has_itemtype() -> Any:
    """The XPath query whether any element has an itemtype, compiled once."""
    import lxml.etree

    return lxml.etree.XPath("boolean(//@itemtype)")


def _from_microdata(root: Any, hints: MarkupHints) -> None:
    if not _has_itemtype()(root):  # cheaper than the element query on most pages
        return
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


def _metas(metas: list[Any]) -> dict[str, str]:
    """Each `<meta>` property or name with its first non-empty content (one walk, not an
    XPath query per key: each of those walked the whole page)."""
    out: dict[str, str] = {}
    for el in metas:
        value = " ".join((el.get("content") or "").split())
        for key in (el.get("property"), el.get("name")) if value else ():
            if key:
                out.setdefault(key, value)
    return out


def _meta(metas: dict[str, str], *keys: str) -> str | None:
    return next((metas[k] for k in keys if k in metas), None)


def _time_dates(times: list[Any]) -> list[str]:
    """`datetime` of the `<time>` elements that date the article, in page order."""
    out = []
    for el in times:
        value, cls = el.get("datetime"), el.get("class") or ""
        if value is not None and (
                el.get("itemprop") == "datePublished" or el.get("pubdate") is not None
                or "published" in cls or "entry-date" in cls
                or next(el.iterancestors("article"), None) is not None):
            out.append(value)
    return out


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


def markup_hints(root: Any, language: str = DEFAULT_LANGUAGE) -> MarkupHints:
    """Title, site name, author and date the page markup states (read before cleaning)."""
    hints = MarkupHints()
    # the scripts, metas and times of the page in one walk (one walk each cost 3x as much)
    found: dict[str, list[Any]] = {"script": [], "meta": [], "time": []}
    for el in root.iter(*found):
        found[el.tag].append(el)
    _from_jsonld(found["script"], hints)
    _from_microdata(root, hints)
    h1 = root.find(".//h1")
    headline = " ".join(h1.text_content().split()) if h1 is not None else ""
    page_title = root.findtext(".//title")
    metas = _metas(found["meta"])
    _fill(hints, site_name=_meta(metas, "og:site_name", "application-name")
          or _site_from_title(page_title, headline))
    _fill(hints, author=_meta(metas, "author", "article:author", "dc.creator", "DC.creator"))
    if hints.author and hints.author.startswith(("http:", "https:")):
        hints.author = None
    _fill(hints, date=iso_date(_meta(metas, "article:published_time", "date", "dc.date",
                                     "DC.date.issued", "datePublished"))
          or next((d for d in map(iso_date, _time_dates(found["time"])) if d), None))
    cues = page_cues(language)
    for raw in (_meta(metas, "og:title", "twitter:title"), page_title, headline):
        _fill(hints, title=clean_title(raw, hints.site_name, cues))
    return hints
