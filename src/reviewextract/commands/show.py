"""`reviewextract show FILE [-o report.html]`: write the evidence view of a review or a batch.

FILE is a text review, an HTML page, or a JSON Lines batch (one `{"id": ..., "text": ...}` or
`{"id": ..., "html": ...}` object per line; the corpus format's `"format": "html"` works too).
For a batch the output is an index page, and each review gets its own page next to it, named
`<index stem>-<id>.html`.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

NAME = "show"
HELP = "write an HTML page showing where each extracted value came from (text, HTML or JSONL)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="review (text or HTML), JSON Lines batch, or - for stdin")
    p.add_argument("-o", "--output", metavar="PATH",
                   help="page to write (default: FILE's name with .html in the current "
                        "directory; - prints a single review's page)")
    p.add_argument("--html", action="store_true", help="treat a single input as an HTML page")


def _batch_lines(text: str) -> list[dict[str, Any]] | None:
    """The batch's objects when the input is JSON Lines, else None (a plain review)."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if not lines or not lines[0].lstrip().startswith("{"):
        return None
    try:
        first = json.loads(lines[0])
    except ValueError:
        return None
    if not isinstance(first, dict) or not ({"text", "html"} & first.keys()):
        return None
    out: list[dict[str, Any]] = []
    for n, line in enumerate(lines, 1):
        try:
            obj = json.loads(line)
        except ValueError as exc:
            obj = {"id": f"line-{n}", "_error": f"not JSON: {exc}"}
        if not isinstance(obj, dict):
            obj = {"id": f"line-{n}", "_error": "not a JSON object"}
        obj.setdefault("id", f"line-{n}")
        out.append(obj)
    return out


def _review_of(obj: dict[str, Any]):
    from ..html import extract_html
    from ..pipeline import extract

    if "_error" in obj:
        raise ValueError(obj["_error"])
    if isinstance(obj.get("html"), str):
        return extract_html(obj["html"])
    text = obj.get("text")
    if not isinstance(text, str):
        raise ValueError('no "text" or "html" string')
    if obj.get("format") == "html":
        return extract_html(text)
    return extract(text)


def _default_output(path: str) -> Path:
    return Path("review.html" if path == "-" else Path(path).with_suffix(".html").name)


def _write_batch(objs: list[dict[str, Any]], index: Path, source: str) -> int:
    from ..errors import ReviewExtractError
    from ..show import IndexEntry, render_index, render_review, slug

    entries: list[IndexEntry] = []
    used: set[str] = set()
    for n, obj in enumerate(objs, 1):
        ident = str(obj["id"])
        try:
            review = _review_of(obj)
        except (ReviewExtractError, ValueError) as exc:
            entries.append(IndexEntry(ident, None, error=str(exc)))
            continue
        name = f"{index.stem}-{slug(ident)}.html"
        if name in used:  # two ids with the same safe form
            name = f"{index.stem}-{slug(ident)}-{n}.html"
        used.add(name)
        page = render_review(review, name=ident, back=index.name)
        (index.parent / name).write_text(page, encoding="utf-8")
        entries.append(IndexEntry(ident, name, review))
    index.write_text(render_index(entries, source=source), encoding="utf-8")
    failed = [e for e in entries if e.review is None]
    for e in failed:
        print(f"reviewextract: {e.id}: {e.error}", file=sys.stderr)
    print(f"{index} ({len(entries) - len(failed)} of {len(entries)} reviews)")
    return 1 if failed else 0


def run(args: argparse.Namespace) -> int:
    from ..pipeline import extract
    from ..show import render_review
    from ._io import read_input

    text, looks_html = read_input(args.file)
    out = Path(args.output) if args.output not in (None, "-") else _default_output(args.file)
    # a JSON line may hold a page ("<body"), so batches are recognised before HTML
    batch = None if args.html else _batch_lines(text)
    if batch is not None:
        if args.output == "-":
            print("reviewextract show: a batch needs -o PATH (it writes several pages)",
                  file=sys.stderr)
            return 2
        out.parent.mkdir(parents=True, exist_ok=True)
        return _write_batch(batch, out, args.file)
    if args.html or looks_html:
        from ..html import extract_html

        review = extract_html(text)
    else:
        review = extract(text)
    page = render_review(review, name=Path(args.file).name)
    if args.output == "-":
        sys.stdout.write(page)
        return 0
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    print(out)
    return 0
