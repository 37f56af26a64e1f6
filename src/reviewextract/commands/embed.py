"""`reviewextract embed PAGE.html REVIEW.txt`: put the review's JSON-LD into a page's head."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "embed"
HELP = "insert (or replace) the review's schema.org JSON-LD block in an HTML page"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("page", help="the HTML page to put the block into")
    p.add_argument("review", help="the review (text or HTML file, or - for stdin)")
    p.add_argument("-o", "--output", help="write the page here (default: standard output)")
    p.add_argument("--author", help="the review's author (a person's name)")
    p.add_argument("--publisher", help="the publishing site or organisation")
    p.add_argument("--url", help="the review's URL")
    p.add_argument("--date", help="the review's publication date (YYYY-MM-DD)")
    p.add_argument("--strict", action="store_true",
                   help="fail, writing nothing, when Google's review snippet would be refused")


def _read_page(path: str) -> tuple[str, str]:
    """The page text and the encoding to write it back in (UTF-8 unless it is not UTF-8)."""
    data = Path(path).read_bytes()
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def run(args: argparse.Namespace) -> int:
    from ..jsonld import embed, google_review_issues, to_jsonld
    from ..vocab import errors
    from ._io import read_input

    text, looks_html = read_input(args.review)
    if looks_html:
        from ..html import extract_html

        # a file's raw bytes, so that the page's own charset declaration is honoured
        review = extract_html(text if args.review == "-" else Path(args.review).read_bytes())
    else:
        from ..pipeline import extract

        review = extract(text)
    options = {"author": args.author, "publisher": args.publisher, "url": args.url,
               "date_published": args.date}
    issues = google_review_issues(to_jsonld(review, **options), strict=args.strict)
    for issue in issues:
        print(f"reviewextract: {issue}", file=sys.stderr)
    if errors(issues):
        return 1
    page, encoding = _read_page(args.page)
    out = embed(page, review, **options)
    if args.output:
        # the block is ASCII-only, so the page keeps the encoding it came in
        Path(args.output).write_text(out, encoding=encoding, errors="xmlcharrefreplace")
    else:
        sys.stdout.write(out)
    return 0
