"""Snapshot of the opinions stage, to prove a refactoring leaves its output unchanged.

    python bench/opinions_snapshot.py dump /tmp/opinions.json    # record today's output
    python bench/opinions_snapshot.py check /tmp/opinions.json   # compare with it

For every record of tests/data/*.jsonl (HTML records through `extract_html`) and for
examples/missions.txt, the dump holds the text the opinions stage read (`source_text`), the rating
it was given, and its pros, cons, verdict and sentiment (text, start, end, aspect, score, rule).
Each review is also stored lowercased (`<id>#lower`), which sends the stage down other paths
(no capitals: "zu Ende" looks like an excess, sentences start lowercase).

`check` compares twice:

- *replay*: the stored text and rating go straight into `fields.opinions.extract_opinions`, so
  only the opinions code is compared (other developers' changes to the guard, HTML or fact
  fields cannot show up here). This is the comparison that must be identical.
- *full*: `extract`/`extract_html` again from the raw input; a difference here whose source text
  or rating also changed comes from another stage and is reported as such.

Exit code 0 when the replay is identical, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = sorted((ROOT / "tests" / "data").glob("*.jsonl"))
SEED = ROOT / "examples" / "missions.txt"


def _inputs() -> list[tuple[str, str, str]]:
    """(id, format, raw input) of every review in the snapshot."""
    out = [("examples/missions.txt", "text", SEED.read_text(encoding="utf-8"))]
    for path in DATA:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                out.append((f"{path.name}:{rec['id']}", rec.get("format", "text"), rec["text"]))
    return out


def _opinions(pros: Any, cons: Any, verdict: Any, sentiment: Any) -> dict[str, Any]:
    def one(o: Any) -> dict[str, Any]:
        return {"text": o.text, "start": o.start, "end": o.end, "aspect": o.aspect,
                "score": o.score, "rule": o.rule}

    return {"pros": [one(o) for o in pros], "cons": [one(o) for o in cons],
            "verdict": one(verdict) if verdict is not None else None,
            "sentiment": sentiment.value if sentiment is not None else None}


def _full(fmt: str, raw: str) -> dict[str, Any]:
    from reviewextract import extract
    from reviewextract.html import extract_html

    review = extract_html(raw) if fmt == "html" else extract(raw)
    return {"source_text": review.source_text,
            "rating": review.rating.model_dump() if review.rating is not None else None,
            "opinions": _opinions(review.pros, review.cons, review.verdict, review.sentiment)}


def _replay(text: str, rating: dict[str, Any] | None) -> dict[str, Any]:
    from reviewextract.fields.opinions import extract_opinions
    from reviewextract.lang import get_language
    from reviewextract.model import Rating
    from reviewextract.text import Doc

    doc = Doc(text, get_language("de"))
    r = extract_opinions(doc, Rating(**rating) if rating is not None else None)
    return _opinions(r.pros, r.cons, r.verdict, r.sentiment)


def dump() -> dict[str, Any]:
    out: dict[str, Any] = {}
    for rid, fmt, raw in _inputs():
        rec = _full(fmt, raw)
        out[rid] = {"format": fmt, **rec}
        # the lowercased twin is replayed only: it exercises the stage, not the guard
        low = rec["source_text"].lower()
        out[rid + "#lower"] = {"format": "replay", "source_text": low, "rating": rec["rating"],
                               "opinions": _replay(low, rec["rating"])}
    return out


def _diff(a: Any, b: Any) -> list[str]:
    out: list[str] = []
    for key in ("pros", "cons", "verdict", "sentiment"):
        if a[key] != b[key]:
            out.append(f"  {key}:\n    before {a[key]}\n    after  {b[key]}")
    return out


def check(snapshot: dict[str, Any]) -> int:
    inputs = {rid: (fmt, raw) for rid, fmt, raw in _inputs()}
    replay_bad = full_bad = other_stage = 0
    for rid, rec in snapshot.items():
        got = _replay(rec["source_text"], rec["rating"])
        lines = _diff(rec["opinions"], got)
        if lines:
            replay_bad += 1
            print(f"REPLAY DIFFERS {rid}", *lines, sep="\n")
        if rec["format"] == "replay" or rid not in inputs:
            continue
        full = _full(*inputs[rid])
        lines = _diff(rec["opinions"], full["opinions"])
        if lines:
            full_bad += 1
            moved = (full["source_text"] != rec["source_text"]
                     or full["rating"] != rec["rating"])
            other_stage += moved
            why = "text or rating changed upstream" if moved else "opinions stage"
            print(f"full run differs ({why}) {rid}", *lines, sep="\n")
    print(f"{len(snapshot)} reviews: replay {len(snapshot) - replay_bad} identical, "
          f"{replay_bad} different; full run {full_bad} different "
          f"({other_stage} of them with another source text or rating)")
    return 1 if replay_bad else 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("mode", choices=["dump", "check"])
    p.add_argument("path", type=Path)
    args = p.parse_args(argv)
    if args.mode == "dump":
        snap = dump()
        args.path.write_text(json.dumps(snap, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"{len(snap)} reviews written to {args.path}")
        return 0
    return check(json.loads(args.path.read_text(encoding="utf-8")))


if __name__ == "__main__":
    sys.exit(main())
