"""HTML page -> main review text (minimal: visible body text with block boundaries kept).

Parsing never touches the network and never expands entities (see `_parser`).
"""

from __future__ import annotations

from .errors import NotTextError

_BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
           "article", "header", "footer", "blockquote", "pre", "dd", "dt", "ul", "ol", "table",
           "main", "aside", "nav", "figure", "figcaption", "hr"}
_DROP = ("script", "style", "noscript", "template", "iframe", "svg", "object")


def _parser():
    import lxml.html

    return lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True,
                                huge_tree=False, recover=True)


def visible_text(page: str | bytes) -> str:
    """The page's visible body text; block elements become line breaks."""
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.document_fromstring(page, parser=_parser())
    except (lxml.etree.ParserError, ValueError) as exc:
        raise NotTextError(f"cannot parse the page as HTML: {exc}") from exc
    body = root.find("body")
    if body is None:
        body = root
    for bad in body.iter(*_DROP):
        bad.drop_tree()
    parts: list[str] = []

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag in _BLOCKS
        if block:
            parts.append("\n")
        if el.text and tag not in _DROP:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(body)
    text = "".join(parts)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if line:
            out.append(line)
        elif out and out[-1] != "":
            out.append("")
    return "\n".join(out).strip()


def extract_html(page: str | bytes, *, url: str | None = None, language: str = "de"):
    """Extract a `Review` from a whole HTML page; spans point into `Review.source_text`."""
    from .extract import extract

    from .model import PageMeta

    text = visible_text(page)
    return extract(text, language=language, meta=PageMeta(url=url, source_format="html"))
