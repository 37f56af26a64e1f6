"""Review -> schema.org JSON-LD `Review` markup, a safe `<script>` block, and page embedding.

The review text is untrusted: `dumps` escapes `<`, `>`, `&`, U+2028 and U+2029 as `\\uXXXX`, so
the JSON inside `<script type="application/ld+json">` can never close the element (`</script>`),
start a comment-like script state (`<!--`, `<script`) or end a CDATA section (`]]>`), while
`JSON.parse` still reads the same strings. Pages are parsed by lxml without network access and
without entity expansion (the HTML parser loads no DTD).

`google_review_issues` checks what Google's review snippet needs (author, item name, a rating
inside its scale) so a user learns why a page will get no stars; the export itself never invents
an author or a rating.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from typing import Any

from . import DEFAULT_LANGUAGE
from .model import Opinion, Review, WorkType
from .vocab import Code, Issue, Level, vocabulary

CONTEXT = "https://schema.org"
SCRIPT_TYPE = "application/ld+json"
# the attribute that marks the block embed() wrote, so a second run replaces it
MARKER = "data-reviewextract"

_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
            "\u2028": "\\u2028", "\u2029": "\\u2029"}
_UNSAFE = re.compile("[<>&\u2028\u2029]")


def _number(x: float) -> int | float:
    """JSON number with a dot; whole numbers without a fraction (4, not 4.0)."""
    return int(x) if float(x).is_integer() else float(x)


def iso_duration(minutes: int) -> str:
    """ISO 8601 duration of a runtime in minutes: 137 -> "PT2H17M", 22 -> "PT22M"."""
    hours, mins = divmod(int(minutes), 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{mins}M" if mins or not hours else "")


def _people(names: list[str], kind: str = "Person") -> dict[str, Any] | list[dict[str, Any]]:
    nodes = [{"@type": kind, "name": n.strip()} for n in names if n and n.strip()]
    return nodes[0] if len(nodes) == 1 else nodes


_EMPTY: tuple[object, ...] = (None, "", [], {})
_BARE = frozenset({"@type", "@context"})  # a node with only these keys says nothing


def _prune(node: Any) -> Any:
    """Drop None, empty strings, empty lists and nodes that say nothing beyond their @type."""
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            # leaves inline: a call per string or number was most of the export's time
            if isinstance(v, str):
                if v := v.strip():
                    out[k] = v
            elif isinstance(v, dict | list):
                if v := _prune(v):
                    out[k] = v
            elif v is not None:
                out[k] = v
        return out if out.keys() - _BARE else {}
    if isinstance(node, list):
        return [x for x in map(_prune, node) if x not in _EMPTY]
    if isinstance(node, str):
        return node.strip()
    return node


def _notes(opinions: list[Opinion]) -> dict[str, Any]:
    """Pros or cons as an ordered ItemList (the order of the review text)."""
    names = [op.text.strip() for op in opinions if op.text.strip()]
    return {"@type": "ItemList", "itemListElement": [
        {"@type": "ListItem", "position": i, "name": name} for i, name in enumerate(names, 1)]}


def _serial_extras(review: Review) -> dict[str, Any]:
    """What seasons and series share: directors, start year, episode count, episode runtime.

    schema.org has no per-episode runtime on a season or series; `duration` is defined on
    `Episode`, so the runtime is given as a (blank) episode node: "an episode of it lasts ...".
    """
    episode = ({"@type": "Episode", "duration": iso_duration(review.runtime_minutes)}
               if review.runtime_minutes else None)
    return {"director": _people(review.directors),
            "startDate": str(review.year) if review.year else None,
            "numberOfEpisodes": review.episodes,
            "episode": episode}


def item_reviewed(review: Review) -> dict[str, Any]:
    """The reviewed work: Movie (films, documentaries), TVSeason, or TVSeries (also miniseries)."""
    kind = review.work_type
    if kind is WorkType.SEASON:
        # the season is named after its series, which `partOfSeries` carries as well
        return {"@type": "TVSeason", "name": review.title, "seasonNumber": review.season,
                **_serial_extras(review),
                "partOfSeries": {"@type": "TVSeries", "name": review.title}}
    if kind in (WorkType.SERIES, WorkType.MINISERIES):
        return {"@type": "TVSeries", "name": review.title, **_serial_extras(review)}
    # schema.org has no documentary class; a documentary film is a Movie
    return {"@type": "Movie", "name": review.title, "director": _people(review.directors),
            "datePublished": str(review.year) if review.year else None,
            "duration": iso_duration(review.runtime_minutes) if review.runtime_minutes else None}


def to_jsonld(review: Review, *, author: str | None = None, publisher: str | None = None,
              url: str | None = None, date_published: str | _dt.date | None = None,
              name: str | None = None) -> dict[str, Any]:
    """The schema.org `Review` of `review` as a JSON-LD dict; nothing null or empty in it.

    `author`, `url` and `date_published` default to what `review.meta` knows about the page.
    """
    meta = review.meta
    author = author if author is not None else meta.author
    date = date_published if date_published is not None else meta.date_published
    if isinstance(date, _dt.date):
        date = date.isoformat()
    rating = review.rating
    data = {
        "@context": CONTEXT,
        "@type": "Review",
        "name": name,
        "url": url if url is not None else meta.url,
        "inLanguage": review.language or DEFAULT_LANGUAGE,
        "author": _people([author]) if author else None,
        "publisher": _people([publisher], "Organization") if publisher else None,
        "datePublished": date,
        "itemReviewed": item_reviewed(review),
        "reviewRating": {"@type": "Rating", "ratingValue": _number(rating.value),
                         "bestRating": _number(rating.best),
                         # always stated: Google assumes 1 when it is missing, ours is often 0
                         "worstRating": _number(rating.worst)} if rating else None,
        "positiveNotes": _notes(review.pros),
        "negativeNotes": _notes(review.cons),
        "reviewBody": review.source_text,
    }
    return _prune(data)


def dumps(data: dict[str, Any], *, indent: int | None = 2, ascii_only: bool = False) -> str:
    """JSON text that is safe inside an HTML `<script>` element (see the module docstring).

    `ascii_only` escapes every non-ASCII character too, for pages in any ASCII-based encoding.
    """
    text = json.dumps(data, ensure_ascii=ascii_only, indent=indent)
    # these characters only occur inside JSON strings, where a \\u escape means the same
    return _UNSAFE.sub(lambda m: _ESCAPES[m.group()], text)


def to_script(review: Review, **kwargs: Any) -> str:
    """The `<script type="application/ld+json">` element of `to_jsonld(review, **kwargs)`."""
    body = dumps(to_jsonld(review, **kwargs))
    return f'<script type="{SCRIPT_TYPE}" {MARKER}="review">\n{body}\n</script>'


def _html_parser() -> Any:
    import lxml.html

    # keeps comments and processing instructions: embed() must leave the page as it was
    return lxml.html.HTMLParser(no_network=True, huge_tree=False, recover=True,
                                default_doctype=False)


def _parse_page(page: str | bytes) -> Any:
    import lxml.etree
    import lxml.html

    from .errors import NotTextError

    if isinstance(page, str) and page.lstrip().startswith("<?xml"):
        page = page.encode("utf-8")  # lxml refuses str input that declares an encoding
    try:
        return lxml.html.document_fromstring(page, parser=_html_parser())
    except (lxml.etree.ParserError, ValueError) as exc:
        raise NotTextError(f"cannot parse the page as HTML: {exc}") from exc


def _is_jsonld(el: Any) -> bool:
    return (el.get("type") or "").split(";")[0].strip().lower() == SCRIPT_TYPE


def read_blocks(page: str | bytes) -> list[str]:
    """The texts of every `<script type="application/ld+json">` element of a page."""
    root = _parse_page(page)
    return [el.text or "" for el in root.iter("script") if _is_jsonld(el)]


def embed(page_html: str | bytes, review: Review, **kwargs: Any) -> str:
    """`page_html` with the review's JSON-LD block in its `<head>`.

    A block that an earlier run wrote (marked with `data-reviewextract`) is replaced where it
    stands; other scripts, comments and the body stay as they are.
    """
    import lxml.html

    root = _parse_page(page_html)
    block = lxml.html.Element("script", {"type": SCRIPT_TYPE, MARKER: "review"})
    # ASCII-only JSON reads the same whatever encoding the page is later saved in
    block.text = "\n" + dumps(to_jsonld(review, **kwargs), ascii_only=True) + "\n"
    old = [el for el in root.iter("script") if el.get(MARKER) is not None]
    if old:
        block.tail = old[0].tail
        old[0].getparent().replace(old[0], block)
        for extra in old[1:]:
            extra.drop_tree()
    else:
        head = root.find("head")
        if head is None:
            head = lxml.html.Element("head")
            root.insert(0, head)
        block.tail = "\n"
        head.append(block)
    doctype = root.getroottree().docinfo.doctype
    html = lxml.html.tostring(root, encoding="unicode", method="html", doctype=doctype or None)
    return html if html.endswith("\n") else html + "\n"


# Google review snippet: itemReviewed types Google shows review stars for (and their subtypes)
GOOGLE_ITEM_TYPES = ("Book", "Course", "Event", "LocalBusiness", "Movie", "Product", "Recipe",
                     "SoftwareApplication", "CreativeWorkSeason", "CreativeWorkSeries", "Episode",
                     "Game", "MediaObject", "MusicPlaylist", "MusicRecording", "Organization")
GOOGLE_AUTHOR_NAME_MAX = 100
_GOOGLE_DEFAULT_SCALE = (1.0, 5.0)  # worst, best when the markup leaves them out
_NUM = re.compile(r"[+-]?\d+(\.\d+)?")


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _types(node: dict[str, Any]) -> list[str]:
    raw = node.get("@type")
    names = raw if isinstance(raw, list) else [raw] if raw else []
    return [str(n).rsplit("/", 1)[-1].removeprefix("schema:") for n in names]


def _rating_issues(rating: Any) -> list[tuple[Code, str]]:
    if not isinstance(rating, dict) or rating.get("ratingValue") in (None, ""):
        return [(Code.GOOGLE_MISSING, "reviewRating.ratingValue is required for review stars")]
    raw = str(rating["ratingValue"]).strip()
    if raw.endswith("%") or "/" in raw:
        return []  # Google reads the scale from a percentage or fraction itself
    if "," in raw:
        return [(Code.GOOGLE_RATING_SCALE, f"ratingValue {raw!r}: use a dot as decimal sign")]
    worst, best = _GOOGLE_DEFAULT_SCALE
    try:
        value = float(raw)
        worst = float(rating.get("worstRating", worst))
        best = float(rating.get("bestRating", best))
    except (TypeError, ValueError):
        return [(Code.GOOGLE_RATING_SCALE, f"rating {rating!r} is not numeric")]
    if not worst <= value <= best:
        return [(Code.GOOGLE_RATING_SCALE,
                 f"ratingValue {raw} outside its scale {_number(worst)}..{_number(best)}"
                 + ("" if "bestRating" in rating else " (Google assumes 1..5 when unstated)"))]
    return []


def _review_issues(review: dict[str, Any]) -> list[tuple[Code, str]]:
    found: list[tuple[Code, str]] = []
    author = _first(review.get("author"))
    author_name = author.get("name") if isinstance(author, dict) else author
    if not author_name:
        found.append((Code.GOOGLE_MISSING, "author (a Person or Organization with a name) is "
                      "required; pass --author or set Review.meta.author"))
    elif len(str(author_name)) >= GOOGLE_AUTHOR_NAME_MAX:
        found.append((Code.GOOGLE_AUTHOR_NAME, f"author name must be under "
                      f"{GOOGLE_AUTHOR_NAME_MAX} characters"))
    item = _first(review.get("itemReviewed"))
    if not isinstance(item, dict):
        found.append((Code.GOOGLE_MISSING, "itemReviewed is required"))
    else:
        if not item.get("name"):
            found.append((Code.GOOGLE_MISSING, "itemReviewed.name is required"))
        vocab = vocabulary()
        types = [t for t in _types(item) if t in vocab.classes]
        if types and not any(vocab.ancestors(t) & set(GOOGLE_ITEM_TYPES) for t in types):
            found.append((Code.GOOGLE_UNSUPPORTED_ITEM,
                          f"Google shows no review stars for {'/'.join(types)}"))
    found += _rating_issues(review.get("reviewRating"))
    return found


def google_review_issues(doc: Any, *, strict: bool = False) -> list[Issue]:
    """What Google's review snippet needs and `doc` lacks, for every top-level Review node.

    Warnings by default, errors with `strict=True`. Google requires author (with a valid name
    under 100 characters), itemReviewed with its name, and reviewRating.ratingValue; a number is
    read on bestRating/worstRating, which default to 5 and 1.
    """
    level = Level.ERROR if strict else Level.WARNING
    vocab = vocabulary()
    tops = doc if isinstance(doc, list) else [doc]
    out: list[Issue] = []
    for i, top in enumerate(tops):
        base = f"$[{i}]" if isinstance(doc, list) else "$"
        nodes = [(base, top)] if isinstance(top, dict) else []
        if isinstance(top, dict) and isinstance(top.get("@graph"), list):
            nodes += [(f"{base}.@graph[{j}]", n) for j, n in enumerate(top["@graph"])
                      if isinstance(n, dict)]
        for path, node in nodes:
            if any("Review" in vocab.ancestors(t) for t in _types(node) if t in vocab.classes):
                out += [Issue(level, path, code, msg) for code, msg in _review_issues(node)]
    return out
