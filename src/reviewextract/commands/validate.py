"""`reviewextract validate FILE`: check JSON-LD against schema.org and Google's review snippet."""

from __future__ import annotations

import argparse
import json
import sys

NAME = "validate"
HELP = ("check a JSON-LD document, or the ld+json blocks of an HTML page, against the schema.org "
        "vocabulary (offline) and Google's review snippet needs")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="a .json/.jsonld document or an HTML page, or - for stdin")
    p.add_argument("--strict", action="store_true",
                   help="treat what Google's review snippet lacks as errors")
    p.add_argument("--json", action="store_true", help="print the findings as JSON")


def _documents(text: str, looks_html: bool) -> list[tuple[str, str]]:
    """(label, JSON text) of each document: the file itself, or each block of a page."""
    stripped = text.lstrip()
    if not looks_html and stripped[:1] in ("{", "["):
        return [("document", stripped)]
    from ..jsonld import read_blocks

    return [(f"block {i}", block) for i, block in enumerate(read_blocks(text), 1)]


def run(args: argparse.Namespace) -> int:
    from ..jsonld import google_review_issues
    from ..vocab import Code, Issue, Level, errors, validate
    from ._io import read_input

    text, looks_html = read_input(args.file)
    docs = _documents(text, looks_html)
    found: list[tuple[str, Issue]] = []
    if not docs:
        found.append(("page", Issue(Level.ERROR, "$", Code.NOT_JSON,
                                    "no <script type=\"application/ld+json\"> block found")))
    for label, raw in docs:
        try:
            doc = json.loads(raw)
        except json.JSONDecodeError as exc:
            found.append((label, Issue(Level.ERROR, "$", Code.NOT_JSON, f"invalid JSON: {exc}")))
            continue
        issues = validate(doc) + google_review_issues(doc, strict=args.strict)
        found += [(label, issue) for issue in issues]
    if args.json:
        rows = [{"where": label, "level": i.level.value, "path": i.path, "code": i.code.value,
                 "message": i.message} for label, i in found]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for label, issue in found:
            print(f"{args.file}: {label}: {issue}")
        n_err = len(errors([i for _, i in found]))
        print(f"{args.file}: {len(docs)} document(s), {n_err} error(s), "
              f"{len(found) - n_err} warning(s)")
    return 1 if errors([i for _, i in found]) else 0
