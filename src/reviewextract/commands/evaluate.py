"""`reviewextract evaluate GOLD.jsonl...`: score the extractor against labelled reviews."""

from __future__ import annotations

import argparse
import json
import sys

NAME = "evaluate"
HELP = "score the extractor against gold records (JSON Lines, corpus format)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("gold", nargs="+", help="JSON Lines files with gold records")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--misses", action="store_true", help="also list every wrong fact value")
    p.add_argument("--format", choices=["text", "html"], default=None,
                   help="score only the records of this input format")


def run(args: argparse.Namespace) -> int:
    from ..evaluate import read_gold, score

    records = (r for r in read_gold(args.gold)
               if args.format is None or r.get("format", "text") == args.format)
    report = score(records)
    if args.json:
        data = report.as_dict()
        if args.misses:
            data["misses"] = report.misses
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(report.table())
        if args.misses:
            for m in report.misses:
                print(f"{m['id']:>10} {m['field']:<16} got {m['pred']!r:<40} want {m['gold']!r}")
    return 0
