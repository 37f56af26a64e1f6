"""An HTML element rendered as lines of text: paragraph-level blocks apart by an empty line, list
items, table rows and `<br>` on lines of their own, runs of white space as one blank.

`squash`, `fold_ws` and `tidy` do with a few C string calls what a regex per text node would do:
on the benchmark's 29 KB page the regex forms made `extract_html` 40-60 % slower (6.5 → 10.4 ms,
best of 60), so they stay.
"""

from __future__ import annotations

import re
from typing import Any

# Blocks separated by a blank line (paragraph level) or by a single line break.
_PARAGRAPH = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
                        "main", "blockquote", "pre", "ul", "ol", "dl", "table", "figure",
                        "header", "footer", "aside", "hr", "details", "summary", "address"})
_LINE = frozenset({"li", "tr", "dt", "dd", "figcaption", "caption", "br"})
_CELL = frozenset({"td", "th"})
_PARA_BREAK, _LINE_BREAK = "\x1d", "\x1e"
# a run of break marks and the blanks after it (blanks before it end a line: `tidy` strips
# them); a pattern that could start with a blank would be tried at every blank of the page
_BREAK_RUN = re.compile(r"[\x1d\x1e][ \x1d\x1e]*")
_BLANKS = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")
MARK = "\x00headline\x00"


def squash(text: str) -> str:
    """`" ".join(text.split())`: runs of whitespace as one blank, none at the ends. A text whose
    only whitespace is line feeds and blanks (most text of a page) is done by a few C calls
    instead of one string object per word (4x faster on an article)."""
    flat = text.replace("\n", " ") if "\n" in text else text
    if not flat.isprintable():  # tabs, no-break or other spaces: str.split knows them all
        return " ".join(text.split())
    while "  " in flat:
        flat = flat.replace("  ", " ")
    return flat.strip(" ")


def render_lines(el: Any, skip: Any = None) -> list[str]:
    """Visible text of `el` as lines; paragraph-level blocks are set apart by an empty line.

    `skip` (the headline) is left out and marked by a `MARK` line, so its place is known.
    """
    import lxml.etree

    parts: list[str] = []
    inside_skip = False

    def add(text: str | None, tag: str = "") -> None:
        if text:  # source line breaks are plain spaces in HTML, except inside <pre>
            parts.append(text.replace("\n", _LINE_BREAK) if tag == "pre" else fold_ws(text))

    # iterwalk, not recursion: nesting depth is bounded by libxml2, but a walk never overflows
    for event, node in lxml.etree.iterwalk(el, events=("start", "end")):
        tag = node.tag if isinstance(node.tag, str) else ""
        if node is skip:
            inside_skip = event == "start"
            if event == "end":
                parts.append(f"{_PARA_BREAK}{MARK}{_PARA_BREAK}")
                add(node.tail)
            continue
        if inside_skip:
            continue
        brk = _PARA_BREAK if tag in _PARAGRAPH else _LINE_BREAK if tag in _LINE else ""
        if tag in _CELL:
            parts.append(" ")
        if event == "start":
            parts.append(brk)
            add(node.text, tag)
        else:
            parts.append("" if tag == "br" else brk)
            if node is not el:
                add(node.tail)
    text = _BREAK_RUN.sub(lambda m: "\n\n" if _PARA_BREAK in m.group() else "\n", "".join(parts))
    return tidy(text)


def fold_ws(text: str) -> str:
    """Each run of whitespace as one blank, as `re.sub(r"\\s+", " ", text)` gives it, without
    building one replacement per blank (5x faster on prose): `str.split()` splits on the same
    whitespace as `\\s`."""
    inner = squash(text)
    if not inner:
        return " "
    return (" " if text[0].isspace() else "") + inner + (" " if text[-1].isspace() else "")


def tidy(text: str) -> list[str]:
    """Lines with runs of blanks collapsed; "" marks a paragraph break (never doubled)."""
    out: list[str] = []
    for raw in text.split("\n"):
        # `_BLANKS` changes only a line with two blanks in a row or a tab, CR, FF, VT, no-break
        # or zero-width space, all of which `str.isprintable` refuses: two C scans, no regex
        line = (_BLANKS.sub(" ", raw) if "  " in raw or not raw.isprintable() else raw).strip()
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out
