"""Pros and cons per corpus record: predicted (P) against gold (G) items, + where they match.

    python bench/opmiss.py html      # totals of the HTML records
    python bench/opmiss.py text v    # totals and every record with a miss
"""

from __future__ import annotations

import glob
import sys

from reviewextract.evaluate import match_items, phrase_match, read_gold, run_record, words
from reviewextract.lang import get_language


def _hit(item: list[str], others: list[list[str]], pred: bool) -> str:
    found = any((phrase_match(item, o) if pred else phrase_match(o, item)) > 0 for o in others)
    return "+" if found else "-"


def main(fmt: str, verbose: bool) -> None:
    fw = get_language("de").wordset("function_words")
    tot = {"pros": [0, 0, 0], "cons": [0, 0, 0]}
    for rec in read_gold(glob.glob("tests/data/*.jsonl")):
        if rec.get("format", "text") != fmt:
            continue
        r = run_record(rec).model_dump(mode="json")
        for k in ("pros", "cons"):
            p = [o["text"] for o in r[k]]
            g = rec["gold"].get(k) or []
            pw, gw = [words(x, fw) for x in p], [words(x, fw) for x in g]
            m = match_items(pw, gw)
            tot[k][0] += m
            tot[k][1] += len(p)
            tot[k][2] += len(g)
            if verbose and (m < len(p) or m < len(g)):
                print(f"== {rec['id']} {k} matched {m} pred {len(p)} gold {len(g)}")
                for x, xw in zip(p, pw, strict=True):
                    print("   P", _hit(xw, gw, True), x[:150])
                for x, xw in zip(g, gw, strict=True):
                    print("   G", _hit(xw, pw, False), x)
    for k, (m, p, g) in tot.items():
        prec, rec_ = (m / p if p else 0), (m / g if g else 0)
        f1 = 2 * prec * rec_ / (prec + rec_) if prec + rec_ else 0
        print(f"{k} P {prec:.3f} R {rec_:.3f} F1 {f1:.3f} {m} {p} {g}")


if __name__ == "__main__":
    main(sys.argv[1], len(sys.argv) > 2)
