"""Input helpers shared by the sub-commands."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import NotTextError


def read_input(path: str) -> tuple[str, bool]:
    """Read a file (or stdin for "-") as text; returns (text, looks_like_html)."""
    data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    if b"\x00" in data[:4096]:
        raise NotTextError(f"{path}: binary data, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    head = text[:2048].lstrip().lower()
    is_html = head.startswith(("<!doctype html", "<html")) or "<body" in head
    return text, is_html
