"""HTML page -> the review's main text and page hints, then the same extraction as for text.

Steps: decode bytes (BOM, declared charset, detection) -> parse safely with lxml (no network, no
DTD or entity expansion, libxml2's depth cap, a size limit; both in `htmlparse.py`) -> read page
hints (title, author, date; `markup.markup_hints`) -> drop boilerplate (scripts, navigation,
sidebars, footers, forms, cookie notices, comment sections, related lists) -> pick the main block
(an `<article>`, `<main>` or the element holding most paragraph text) -> render it as lines: the
headline (`<h1>`) first, then paragraphs separated by blank lines, list items and `<br>` as single
line breaks. Every span of the resulting `Review` points into `Review.source_text`, that rendered
text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from . import DEFAULT_LANGUAGE
from .errors import EmptyInputError
from .htmlparse import DEFAULT_MAX_BYTES, decode_page, parse_page
from .htmlrender import MARK, render_lines, squash

__all__ = ["DEFAULT_MAX_BYTES", "MainText", "choose_main", "clean", "decode_page",
           "extract_html", "main_text", "parse_page", "squash", "visible_text"]

if TYPE_CHECKING:
    from .model import Review

MIN_MAIN_CHARS = 200  # an <article> / <main> shorter than this is a teaser, not the review
PRE_HEADLINE_MAX = 60  # shorter lines above the headline are kickers / breadcrumbs, dropped

# Tags whose content is never review text.
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "svg", "object", "embed",
              "button", "input", "select", "textarea", "canvas", "video", "audio", "map")
_SOFT_DROP_TAGS = ("nav", "form", "dialog", "menu")
# Page regions that are boilerplate unless they hold the headline or the article itself.
_REGION_TAGS = frozenset({"aside", "footer", "header"})
_DROP_ROLES = frozenset({"navigation", "complementary", "contentinfo", "banner", "search",
                         "dialog", "alertdialog", "menu", "menubar"})
# Class / id words of boilerplate parts: common HTML conventions (German ones: page.toml).
_DROP_WORDS = frozenset({
    "nav", "navbar", "navigation", "menu", "sidebar", "widget", "widgets", "footer", "cookie",
    "cookies", "consent", "gdpr", "banner", "comment", "comments", "disqus", "share", "sharing",
    "social", "related", "breadcrumb", "breadcrumbs", "ad", "ads", "advert", "advertisement",
    "sponsored", "promo", "newsletter", "subscribe", "popup", "modal", "rail", "pagination",
    "pager", "skip", "tags", "tagcloud", "masthead", "colophon", "toolbar", "login", "signup",
    "search", "recommended", "more", "hidden", "sr", "screen", "print"})
# Of those, the words that name a control or a variant of a block ("read-more", "print-version",
# "share-buttons", "sr-only") rather than a section of other text (comments, related reviews,
# ads): inside the article such a block is dropped only when its own text looks like chrome
_CONTROL_WORDS = frozenset({"more", "print", "share", "sharing", "social", "skip", "hidden",
                            "sr", "screen", "toolbar", "pagination", "pager"})
_META_WORDS = frozenset({"byline", "author", "dateline", "date", "posted", "published", "meta",
                         "postmeta", "timestamp", "time", "vcard", "updated"})
_META_TAGS = frozenset({"p", "div", "span", "small", "address", "ul", "li", "section", "time"})
META_MAX_CHARS = 160
CHROME_MAX_WORDS = 4  # a block inside the article with fewer words is a control ("Weiterlesen")
_INLINE_META = frozenset({"span", "time", "small"})
_TEXT_BLOCKS = ("div", "section", "center", "font", "span", "td")  # may hold running text
_INLINE = frozenset({"a", "b", "i", "em", "strong", "u", "span", "font", "small", "q", "cite",
                     "abbr", "mark", "sup", "sub", "br", "time"})
_OWN_TEXT_MIN = 200  # less own text than a short paragraph: a caption or a teaser, not a review
_BLANK_RUNS = re.compile(r"\n{3,}")


@dataclass
class MainText:
    """The rendered main text of a page and what was read on the way."""

    text: str
    headline: str | None = None
    meta_lines: list[str] = field(default_factory=list)


def _words(el: Any, split: re.Pattern[str]) -> set[str]:  # split: PageCues.class_split
    attrs = " ".join(el.get(a) or "" for a in ("class", "id", "itemprop"))
    return {w for w in split.split(attrs.lower()) if w}


def _holds_content(el: Any) -> bool:
    """True when `el` holds the headline or the article: never dropped as boilerplate."""
    return el.tag in ("html", "body", "article", "main") or any(
        True for _ in el.iter("h1", "article", "main"))


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _is_boilerplate(el: Any, german_words: frozenset[str], split: re.Pattern[str],
                    in_content: bool = False) -> bool:
    """Whether `el` is page chrome. Inside the article (`in_content`) a control word alone
    ("read-more", "print-version") does not make a block chrome: its own text must look like
    it too (see `_looks_like_chrome`); a section word (comments, related) still does."""
    if not el.keys():  # most elements have no attributes: only their tag can tell
        return el.tag in _REGION_TAGS and not _holds_content(el)
    role = (el.get("role") or "").lower()
    words = _words(el, split)
    hidden = el.get("hidden") is not None or (el.get("aria-hidden") or "") == "true" or (
        _HIDDEN_STYLE.search(el.get("style") or ""))
    if el.tag in _REGION_TAGS or role in _DROP_ROLES or hidden:
        return not _holds_content(el)
    found = words & _DROP_WORDS
    if not (found or words & german_words) or _holds_content(el):
        return False
    if in_content and found <= _CONTROL_WORDS and not words & german_words:
        return _looks_like_chrome(el)  # a control word alone does not make it chrome
    return True


def _looks_like_chrome(el: Any) -> bool:
    """A block that reads like a control or a list of links, not like review text: no text,
    fewer than `CHROME_MAX_WORDS` words ("Weiterlesen", "Artikel drucken"), or mostly link
    text (share bars, related articles, tag lists)."""
    text = squash(el.text_content())
    if len(text.split(" ")) < CHROME_MAX_WORDS:
        return True
    linked = sum(len(squash(a.text_content())) for a in el.iter("a"))
    return linked * 2 >= len(text)


def _is_content(el: Any) -> bool:
    """An element that holds the review itself: an `<article>` or a marked article body (not
    `<main>`, which also holds the comments under the article on many sites)."""
    return el.tag == "article" or (el.get("itemprop") or "") in ("articleBody", "reviewBody")


def _is_meta_block(el: Any, meta_words: frozenset[str], split: re.Pattern[str]) -> bool:
    if el.tag not in _META_TAGS or not (el.tag == "address" or (el.keys() and (
            _words(el, split) & meta_words))):
        return False
    text = " ".join(el.text_content().split())
    if el.tag in _INLINE_META and el.getparent() is not None and _text_len(
            el.getparent()) > META_MAX_CHARS:
        return False  # a date or name inside a sentence of the review stays in the text
    return 0 < len(text) <= META_MAX_CHARS and el.find(".//h1") is None


def clean(root: Any, language: str = DEFAULT_LANGUAGE) -> list[str]:
    """Drop boilerplate from `root` in place; returns the text lines of byline / date blocks."""
    from .pagemeta import page_cues

    cues = page_cues(language)
    # one walk finds both kinds; a soft one inside a dropped element is cut off already, and
    # what is done to it there never reaches the page
    found = list(root.iter(*_DROP_TAGS, *_SOFT_DROP_TAGS))
    for el in found:
        if el.tag not in _SOFT_DROP_TAGS and el.getparent() is not None:
            el.drop_tree()
    # unclosed <nav> or a page-wide <form> (ASP.NET) can wrap the review: keep those
    for el in found:
        if el.tag in _SOFT_DROP_TAGS and el.getparent() is not None and not _holds_content(el):
            el.drop_tree()
    body = root.find("body")
    body = root if body is None else body
    meta_words = _META_WORDS | cues.meta_class_words
    meta_lines: list[str] = []
    # document order, depth first; a dropped element's subtree is not visited (an explicit
    # stack: no recursion limit, and no ancestor walk per element)
    stack = [(child, False) for child in reversed(body)]
    while stack:
        el, in_content = stack.pop()
        if not isinstance(el.tag, str):
            continue
        if _is_boilerplate(el, cues.class_words, cues.class_split, in_content):
            el.drop_tree()
        elif _is_meta_block(el, meta_words, cues.class_split):
            meta_lines.extend(render_lines(el))
            # inline parts ("<span>am 2. März</span> <span>von Jule</span>") read one by one too
            meta_lines.extend(" ".join(c.text_content().split()) for c in el.iterchildren("*"))
            el.drop_tree()
        else:
            inside = in_content or _is_content(el)
            stack.extend((child, inside) for child in reversed(el))
    return meta_lines


def _text_len(el: Any) -> int:
    return len(squash(el.text_content()))


@cache
def _main_queries() -> tuple[Any, ...]:
    """The XPath queries for a marked main block, compiled once (each `el.xpath(str)` call
    compiles its expression again)."""
    import lxml.etree

    return tuple(map(lxml.etree.XPath, (
        './/*[@itemprop="reviewBody" or @itemprop="articleBody"]', ".//article",
        './/main|.//*[@role="main"]')))


def choose_main(body: Any) -> Any:
    """The element that holds the review: an article, main, or the densest paragraph block.

    A marked element loses to the densest block when that block lies outside it and holds more
    than twice its text: "related posts" teasers are often `<article>`s while the review itself
    sits in a plain `<div class="entry-content">`."""
    dense = _densest(body)
    # the densest block is often the article itself: its text is measured once
    sizes = {dense: _text_len(dense)} if dense is not body else {}
    dense_len = sizes.get(dense, 0)
    for query in _main_queries():
        found = [(sizes[el] if el in sizes else _text_len(el), el) for el in query(body)]
        if found:
            n, el = max(found, key=lambda p: p[0])
            if n >= MIN_MAIN_CHARS and (dense_len <= 2 * n or _inside(dense, el)
                                        or _inside(el, dense)):
                return el
    return dense


def _densest(body: Any) -> Any:
    """The element whose paragraphs (and its children's, at half weight) hold the most text."""
    scores: dict[Any, float] = {}
    for p in body.iter("p", "li", "td", "blockquote", "pre"):
        n = _text_len(p)
        parent = p.getparent()
        if parent is None or n < 20:
            continue
        if p.tag == "td" and _own_text_len(p) >= _OWN_TEXT_MIN:
            continue  # a layout cell that holds the running text: scored as a block below
        scores[parent] = scores.get(parent, 0.0) + n
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0.0) + n / 2
    # text written straight into a block, paragraphs parted by <br> (older sites): the block's
    # own text counts for the block itself, and half for its parent
    for el in body.iter(*_TEXT_BLOCKS):
        n = _own_text_len(el)
        if n < _OWN_TEXT_MIN:
            continue
        scores[el] = scores.get(el, 0.0) + n
        parent = el.getparent()
        if parent is not None:
            scores[parent] = scores.get(parent, 0.0) + n / 2
    if not scores:
        return body
    return max(scores.items(), key=lambda p: p[1])[0]


def _own_text_len(el: Any) -> int:
    """Characters of `el`'s own running text: its text, its inline children's text and tails."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag in _INLINE:
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return len(squash(" ".join(parts)))


def _inside(node: Any, ancestor: Any) -> bool:
    return any(a is ancestor for a in node.iterancestors())


def _headline(main: Any, body: Any, site_name: str | None) -> Any:
    """The page's <h1> for this review: inside the main block, else the last one before it."""
    inside = main.find(".//h1")
    if inside is not None:
        return inside
    before = None
    for h in body.iter("h1"):
        if h.getparent() is None:
            continue
        if _inside(main, h) or _precedes(h, main):
            before = h
    if before is None:
        return None
    text = " ".join(before.text_content().split())
    return None if site_name and text.casefold() == site_name.casefold() else before


def _precedes(a: Any, b: Any) -> bool:
    """True when element `a` starts before element `b` in document order."""
    for el in b.getroottree().getroot().iter():
        if el is a:
            return True
        if el is b:
            return False
    return False


def main_text(root: Any, language: str = DEFAULT_LANGUAGE,
              site_name: str | None = None) -> MainText:
    """Drop boilerplate and render the main block, headline first (mutates `root`)."""
    meta_lines = clean(root, language)
    body = root.find("body")
    body = root if body is None else body
    main = choose_main(body)
    h1 = _headline(main, body, site_name)
    headline = " ".join(h1.text_content().split()) if h1 is not None else None
    lines = render_lines(main, skip=h1)
    if MARK in lines:
        at = lines.index(MARK)
        above = [ln for ln in lines[:at] if ln]
        # short label lines above the headline (kicker, category, breadcrumb) are not review text
        if all(len(ln) <= PRE_HEADLINE_MAX for ln in above):
            lines = lines[at + 1:]
        else:
            lines = lines[:at] + lines[at + 1:]
    text = "\n".join(([headline, ""] if headline else []) + lines)
    return MainText(text=_BLANK_RUNS.sub("\n\n", text).strip(), headline=headline,
                    meta_lines=meta_lines)


def visible_text(page: str | bytes, *, language: str = DEFAULT_LANGUAGE) -> str:
    """The main review text of a page, as `extract_html` reads it."""
    root, _ = parse_page(page)
    return main_text(root, language).text


def extract_html(page: str | bytes, *, url: str | None = None, language: str = DEFAULT_LANGUAGE,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Review:
    """Extract a `Review` from a whole HTML page (str, or bytes in any declared encoding).

    The record's spans point into `Review.source_text`, the main text found on the page (not the
    HTML); `Review.meta` carries the page's title hint, author, publication date, URL and the
    encoding used for bytes.
    """
    from .markup import markup_hints
    from .model import PageMeta
    from .pagemeta import read_lines
    from .pipeline import extract

    root, encoding = parse_page(page, max_bytes)
    hints = markup_hints(root, language)
    found = main_text(root, language, site_name=hints.site_name)
    if not found.text:
        raise EmptyInputError("no review text found on the page")
    author, date = read_lines(found.meta_lines, language)
    meta = PageMeta(url=url, source_format="html", encoding=encoding,
                    title_hint=hints.title or found.headline,
                    author=hints.author or author, date_published=hints.date or date)
    return extract(found.text, language=language, meta=meta)
