"""HTML page -> parsed tree, safely: decode bytes (BOM, declared charset, detection), refuse
what is too large, empty or binary, cut what the parser must not see (an internal DTD subset,
characters XML text cannot hold), and parse with lxml (no network, no DTD or entity expansion,
libxml2's depth cap). `html.py` reads the review from the tree.
"""

from __future__ import annotations

import re
import threading
from typing import Any

from .errors import EmptyInputError, InputTooLargeError, NotTextError

DEFAULT_MAX_BYTES = 5_000_000
_DOCTYPE_SUBSET = re.compile(r"<!(?i:DOCTYPE)[^>\[]{0,500}\[[^\]]{0,100000}\]\s*>")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]{0,500}\?>")


_PARSERS = threading.local()


def _parser() -> Any:
    """This thread's parser: its set-up costs a third of parsing a 30 KB page, so it is kept,
    one per thread as an lxml parser is not thread-safe. `error_log` covers the last parse only;
    the HTML pages of bench/snapshot.py (hostile ones among them) give the same output either way.
    """
    parser = getattr(_PARSERS, "parser", None)
    if parser is None:
        import lxml.html

        # no_network: never fetch DTDs or entities; huge_tree off keeps libxml2's depth and
        # size caps
        parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True,
                                      huge_tree=False, recover=True, remove_blank_text=False,
                                      encoding="utf-8")
        _PARSERS.parser = parser
    return parser


_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32-le"),
         (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_DECLARED = re.compile(rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([a-z0-9_:.-]{1,40})"""
                       rb"""|<\?xml[^>]{0,200}?encoding\s*=\s*["']([a-z0-9_:.-]{1,40})""", re.I)
# Single-byte labels browsers read as windows-1252 (its superset; WHATWG encoding standard).
_AS_CP1252 = frozenset({"iso8859-1", "latin-1", "ascii", "cp1252"})


def _codec(label: bytes) -> str | None:
    import codecs

    try:
        name = codecs.lookup(label.decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    return "cp1252" if name in _AS_CP1252 else name


def decode_page(page: str | bytes) -> tuple[str, str | None]:
    """The page as text and how it was decoded: BOM, declared charset, then detection.

    A declaration that the bytes contradict is overruled: declared UTF-8 that does not decode
    falls back to windows-1252; declared single-byte text that is valid UTF-8 with non-ASCII
    characters is UTF-8 (such byte pairs hardly ever occur in real Latin-1 German text).
    """
    if isinstance(page, str):
        return page, None
    for bom, codec in _BOMS:
        if page.startswith(bom):
            return page.decode(codec, errors="replace").lstrip("\ufeff"), f"{codec} (bom)"
    m = _DECLARED.search(page[:4096])
    declared = _codec(m.group(1) or m.group(2)) if m else None
    if declared and declared.startswith("utf-16") and b"\x00" not in page[:4096]:
        declared = None  # an ASCII-compatible page cannot be UTF-16, whatever it says
    wide = _utf16_guess(page)  # before UTF-8: ASCII with zero bytes is valid UTF-8 too
    if wide:
        return page.decode(wide, errors="replace"), f"{wide} (detected)"
    utf8 = _strict(page, "utf-8")
    if declared is not None and declared != "utf-8":
        if utf8 is not None and not page.isascii():
            return utf8, f"utf-8 (declared {declared}, but the bytes are UTF-8)"
        return page.decode(declared, errors="replace"), f"{declared} (declared)"
    if utf8 is not None:
        return utf8, "utf-8 (declared)" if declared else "utf-8 (detected)"
    how = "declared utf-8, but the bytes are not" if declared else "not UTF-8"
    return page.decode("cp1252", errors="replace"), f"cp1252 (fallback: {how})"


def _strict(page: bytes, codec: str) -> str | None:
    try:
        return page.decode(codec)
    except UnicodeDecodeError:
        return None


def _utf16_guess(page: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII markup leaves a zero byte in every other position."""
    head = page[:2000]
    if len(head) < 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if odd > 0.4 * len(head) / 2 and even == 0:
        return "utf-16-le"
    if even > 0.4 * len(head) / 2 and odd == 0:
        return "utf-16-be"
    return None


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_C0_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])


def _utf8(text: str) -> tuple[bytes, bool]:
    """The text as UTF-8 (what the parser reads, and the size limit counts) and whether it
    holds what XML text must not. One encode and a C-level byte count instead of a
    character-class regex over the page (4x faster on a 30 KB page)."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates
        return text.encode("utf-8", "replace"), True
    bad = len(data.translate(None, _C0_BYTES)) != len(data) or "\ufffe" in text or "\uffff" in text
    return data, bad


def _cut_doctype_subset(text: str) -> str:
    """`_DOCTYPE_SUBSET.sub("", text, count=1)`, tried only where "<!" stands: found by
    `str.find`, which skips through a page many times faster than the regex engine."""
    at = text.find("<!")
    while at >= 0:
        m = _DOCTYPE_SUBSET.match(text, at)
        if m:
            return text[:at] + text[m.end():]
        at = text.find("<!", at + 1)
    return text


def parse_page(page: str | bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[Any, str | None]:
    """The parsed document root and how bytes were decoded (None for str input)."""
    import lxml.etree
    import lxml.html

    data, bad = (page, None) if isinstance(page, bytes) else _utf8(page)
    if len(data) > max_bytes:
        raise InputTooLargeError(f"the page has {len(data)} bytes; the limit is {max_bytes}")
    text, encoding = decode_page(page)
    if not text.strip():
        raise EmptyInputError("the page is empty")
    if "\x00" in text[:4096]:
        raise NotTextError("the page holds binary data, not HTML")
    # an internal DTD subset is never expanded by the HTML parser, but would leak as text
    text = _cut_doctype_subset(_XML_DECL.sub("", text))
    # lxml refuses to set text holding C0 controls or non-characters (drop_tree() moves tails),
    # so they become spaces here, as the plain-text guard makes them spaces too
    if bad if bad is not None else _utf8(text)[1]:
        text = _XML_INVALID.sub(" ", text)
    # the parser reads UTF-8 (a str would reach libxml2 as UTF-16 and be converted again):
    # the bytes measured above when nothing was cut or replaced
    if text is not page:
        data = text.encode("utf-8")
    parser = _parser()
    try:
        root = lxml.html.document_fromstring(data, parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise NotTextError(f"cannot parse the page as HTML: {exc}") from exc
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        # libxml2 stops reading at 256 nested elements; what follows is lost, so say so
        raise NotTextError("the page nests elements more than 255 levels deep; it was not read")
    return root, encoding
