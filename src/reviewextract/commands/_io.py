"""Input helpers shared by the sub-commands."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import NotTextError


def read_input(path: str) -> tuple[str, bool]:
    """Read a file (or stdin for "-") as text; returns (text, looks_like_html)."""
    from ..guard import decode_bytes

    data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    try:
        # UTF-8 (BOM or not), UTF-16 with BOM, else cp1252; binary data is refused
        text, _ = decode_bytes(data)
    except NotTextError as exc:
        raise NotTextError(f"{path}: {exc}") from None
    head = text[:2048].lstrip().lower()
    is_html = head.startswith(("<!doctype html", "<html")) or "<body" in head
    return text, is_html
