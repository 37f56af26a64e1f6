"""`reviewextract extract [FILE|-]`: print the record of one review."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

NAME = "extract"
HELP = "extract the record of one review (a text or HTML file, or - for stdin)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", nargs="?", default="-", help="review file, or - for stdin (default)")
    p.add_argument("--format", choices=["json", "jsonld", "script"], default="json",
                   help="output format: the record (json), schema.org markup (jsonld), or the "
                        "markup as an HTML <script> block (script)")
    p.add_argument("--html", action="store_true", help="treat the input as an HTML page")
    p.add_argument("--pretty", action="store_true", help="indent the JSON output")
    p.add_argument("--no-source-text", action="store_true",
                   help="leave source_text out of the JSON output")


def run(args: argparse.Namespace) -> int:
    from ..pipeline import extract
    from ._io import read_input

    text, looks_html = read_input(args.file)
    # a file's raw bytes, so that the decoding used is recorded in meta.encoding (and a page's
    # own charset declaration is honoured)
    raw: str | bytes = text if args.file == "-" else Path(args.file).read_bytes()
    if args.html or looks_html:
        from ..html import extract_html

        review = extract_html(raw)
    else:
        review = extract(raw)
    if args.format != "json":
        from ..jsonld import dumps, to_jsonld, to_script

        out = to_script(review) if args.format == "script" else dumps(
            to_jsonld(review), indent=2 if args.pretty else None)
        sys.stdout.write(out + "\n")
        return 0
    exclude = {"source_text"} if args.no_source_text else None
    data = review.model_dump(mode="json", exclude=exclude)
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2 if args.pretty else None)
    sys.stdout.write("\n")
    return 0
