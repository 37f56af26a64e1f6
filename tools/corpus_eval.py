"""Score the extractor on the corpus sets, split into a tuning half and a holdout half.

Run from the repository root:

    .venv/bin/python tools/corpus_eval.py                     # every set, both halves
    .venv/bin/python tools/corpus_eval.py --set web --misses  # misses of the web tuning half
    .venv/bin/python tools/corpus_eval.py --set real --real-texts DIR --real-gold GOLD.jsonl

The split is fixed by id, once, before any miss was read: a record belongs to the holdout half
when the SHA-256 of its id (UTF-8), read as a number, is odd; else to the tuning half
(`half_of`). Misses are printed for the tuning half only; the holdout half is reported as it
comes (docs/evaluate.md).

Sets:
- written: tests/data/*.jsonl (57 reviews, not split: the rules were written against them);
- web: tests/data/web/*.jsonl (copies of the shared corpus' web/ set);
- real: the shared corpus' real/real.jsonl (keyword gold, no texts) with texts re-obtained into
  a folder outside the repository; scored by the corpus' own real/score.py;
- extra: more real excerpts of our own in the same form (ids e7001…), gathered from the
  search tool's stored pages by the procedure of docs/evaluate.md; the gold, as pointers without
  text, is corpus/extra/extra.jsonl (its README says how to re-obtain the texts); the texts stay
  outside the repository (default ~/.cache/reviewextract/extra/).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import io
import json
import sys
import tempfile
from collections.abc import Iterable
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any, NamedTuple

from reviewextract.evaluate import Report, read_gold, run_record, score
from reviewextract.pipeline import extract

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SHARED = ROOT.parent / "shared" / "corpus"
CACHE = Path.home() / ".cache" / "reviewextract"


class KeywordSet(NamedTuple):
    """A set of real excerpts with keyword gold: its name, gold file and folder of texts."""

    name: str
    gold: Path
    texts: Path

    def present(self) -> bool:
        return self.gold.exists() and self.texts.is_dir()

    def records(self, half: str) -> list[dict[str, Any]]:
        """The half's records with their texts, as `run_record` reads them (a record whose
        text is missing is left out)."""
        out = []
        for g in _split(read_gold([self.gold]), half):
            p = _text_file(self.texts, g["id"])
            if p is not None:
                out.append({**g, "format": "text", "text": p.read_text(encoding="utf-8")})
        return out


def keyword_sets(args: argparse.Namespace) -> list[KeywordSet]:
    """The keyword-gold sets the arguments name, those whose files are present."""
    sets = [KeywordSet("real", args.real_gold, args.real_texts),
            KeywordSet("extra", args.extra_gold, args.extra_texts)]
    return [k for k in sets if k.present()]


def add_set_arguments(ap: argparse.ArgumentParser) -> None:
    ap.add_argument("--real-gold", type=Path, default=SHARED / "real" / "real.jsonl")
    ap.add_argument("--real-texts", type=Path, default=CACHE / "real")
    ap.add_argument("--extra-gold", type=Path,
                    default=ROOT / "corpus" / "extra" / "extra.jsonl")
    ap.add_argument("--extra-texts", type=Path, default=CACHE / "extra")


def half_of(record_id: str) -> str:
    """'holdout' when the SHA-256 of the id is odd, else 'tuning'. Fixed once; never change."""
    digest = hashlib.sha256(record_id.encode("utf-8")).hexdigest()
    return "holdout" if int(digest, 16) % 2 else "tuning"


def _split(records: Iterable[dict[str, Any]], half: str) -> list[dict[str, Any]]:
    return [r for r in records if half == "all" or half_of(str(r["id"])) == half]


def web_report(half: str) -> Report:
    recs = _split(read_gold(sorted((DATA / "web").glob("*.jsonl"))), half)
    return score(recs)


def written_report() -> Report:
    return score(read_gold(sorted(DATA.glob("*.jsonl"))))


def _load_score_module() -> Any:
    """The shared corpus' real/score.py: the one scorer of keyword gold, for every such set."""
    path = SHARED / "real" / "score.py"
    spec = importlib.util.spec_from_file_location("corpus_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"no {path}")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _text_file(folder: Path, rec_id: str) -> Path | None:
    num = rec_id.lstrip("abcdefghijklmnopqrstuvwxyz")
    for name in (num + ".txt", rec_id + ".txt"):
        if (folder / name).exists():
            return folder / name
    return None


def real_predictions(kset: KeywordSet, half: str) -> tuple[list[dict[str, Any]],
                                                           list[dict[str, Any]]]:
    golds = _split(read_gold([kset.gold]), half)
    preds = []
    for g in golds:
        p = _text_file(kset.texts, g["id"])
        if p is None:
            continue  # scored as all-null, as score.py does
        text = p.read_text(encoding="utf-8")
        try:
            review = extract(text).model_dump(mode="json")
        except ValueError as exc:
            review = {"error": str(exc)}
        preds.append({"id": g["id"], "review": review, "text": text})
    return golds, preds


def real_scores(golds: list[dict[str, Any]], preds: list[dict[str, Any]]) -> dict[str, float]:
    mod = _load_score_module()
    with tempfile.TemporaryDirectory() as tmp:
        gold_path, pred_path = Path(tmp) / "gold.jsonl", Path(tmp) / "pred.jsonl"
        gold_path.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in golds),
                             encoding="utf-8")
        pred_path.write_text("".join(json.dumps({"id": p["id"], "review": p["review"]},
                                                ensure_ascii=False) + "\n" for p in preds),
                             encoding="utf-8")
        buf = io.StringIO()
        with redirect_stdout(buf):
            mod.main(["score.py", str(gold_path), str(pred_path), "--json"])
    out: dict[str, float] = json.loads(buf.getvalue())
    return out


ROWS = ("title", "work_type", "season", "year", "episodes", "runtime_minutes", "directors",
        "rating", "facts_mean", "pros_f1", "cons_f1", "verdict", "sentiment")


def report_row(rep: Report) -> dict[str, float]:
    d = rep.as_dict()
    row = {f: d["facts"][f] for f in d["facts"]}
    row["facts_mean"] = rep.facts_mean
    row["pros_f1"] = rep.pros.f1
    row["cons_f1"] = rep.cons.f1
    row["verdict"] = d["verdict"]
    row["sentiment"] = d["sentiment"]
    row["records"] = rep.records
    return row


def print_table(columns: dict[str, dict[str, float]]) -> None:
    names = list(columns)
    print(f"{'field':16}" + "".join(f"{n:>16}" for n in names))
    print(f"{'records':16}" + "".join(f"{int(columns[n].get('records', 0)):>16}" for n in names))
    for r in ROWS:
        print(f"{r:16}" + "".join(f"{columns[n].get(r, float('nan')):>16.3f}" for n in names))


def print_web_misses() -> None:
    recs = _split(read_gold(sorted((DATA / "web").glob("*.jsonl"))), "tuning")
    for rec in recs:
        review = run_record(rec)
        rep = score([rec], runner=lambda _rec, review=review: review)
        g = rec["gold"]
        print(f"=== {rec['id']} ({rec.get('style')}, {rec.get('format')})")
        for m in rep.misses:
            print(f"  FACT {m['field']}: pred={m['pred']!r} gold={m['gold']!r}")
        for kind in ("pros", "cons"):
            pred = [o.text for o in getattr(review, kind)]
            print(f"  {kind} pred: {pred}")
            print(f"  {kind} gold: {g.get(kind)}")
        v = review.verdict.text if review.verdict else None
        if rep.verdict_right == 0:
            print(f"  VERDICT pred={v!r}\n          gold={g.get('verdict')!r}")
        if rep.sentiment_right == 0:
            print(f"  SENTIMENT pred={review.sentiment.value if review.sentiment else None} "
                  f"gold={g.get('sentiment')}")


def print_real_misses(kset: KeywordSet) -> None:
    golds, preds = real_predictions(kset, "tuning")
    by_id = {p["id"]: p for p in preds}
    for g in golds:
        p = by_id.get(g["id"])
        if p is None:
            print(f"=== {g['id']}: no text")
            continue
        one = real_scores([g], [p])
        gg, pr = g["gold"], p["review"]
        print(f"=== {g['id']}")
        for f in ("title", "work_type", "season", "year", "episodes", "runtime_minutes",
                  "directors", "rating"):
            if one[f] < 1:
                print(f"  FACT {f}: pred={pr.get(f)!r} gold={gg.get(f)!r}")
        for kind in ("pros", "cons"):
            print(f"  {kind} pred: {[o['text'] for o in pr.get(kind) or []]}")
            print(f"  {kind} gold: {gg.get(kind + '_keywords')}")
        v = (pr.get("verdict") or {}).get("text")
        if one["verdict"] < 1:
            print(f"  VERDICT pred={v!r} gold kw={gg.get('verdict_keywords')}")
        if one["sentiment"] < 1:
            print(f"  SENTIMENT pred={pr.get('sentiment')} gold={gg.get('sentiment')}")


BINS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01))


def calibration(sets: list[KeywordSet]) -> dict[str, list[tuple[int, int]]]:
    """Per fact field, over the holdout halves of web and the keyword sets: for each
    confidence bin, how many values were given and how many of them were right."""
    from reviewextract.evaluate import FACTS, fact_equal

    recs = _split(read_gold(sorted((DATA / "web").glob("*.jsonl"))), "holdout")
    for kset in sets:
        recs += kset.records("holdout")
    table = {f: [(0, 0) for _ in BINS] for f in FACTS}
    for rec in recs:
        review = run_record(rec)
        pred = review.model_dump(mode="json")
        for f in FACTS:
            ev = review.evidence.get(f)
            if not ev or pred.get(f) in (None, []):
                continue
            conf = max(e.confidence for e in ev)
            ok = fact_equal(f, pred.get(f), rec["gold"].get(f))
            k = next(i for i, (lo, hi) in enumerate(BINS) if lo <= conf < hi)
            n, r = table[f][k]
            table[f][k] = (n + 1, r + int(ok))
    return table


def print_calibration(table: dict[str, list[tuple[int, int]]]) -> None:
    heads = [f"{lo:.1f}-{min(hi, 1.0):.1f}" for lo, hi in BINS]
    print(f"{'field':16}" + "".join(f"{h:>14}" for h in heads))
    total = [(0, 0) for _ in BINS]
    for f, row in table.items():
        cells = []
        for k, (n, r) in enumerate(row):
            cells.append(f"{r}/{n}" + (f" {r / n:.2f}" if n else ""))
            total[k] = (total[k][0] + n, total[k][1] + r)
        print(f"{f:16}" + "".join(f"{c:>14}" for c in cells))
    print(f"{'all facts':16}" + "".join(
        f"{(str(r) + '/' + str(n) + (f' {r / n:.2f}' if n else '')):>14}" for n, r in total))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", choices=("written", "web", "real", "extra", "all"), default="all")
    ap.add_argument("--misses", action="store_true",
                    help="print the misses of the tuning half (web, real or extra)")
    add_set_arguments(ap)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--calibration", action="store_true",
                    help="reliability of the confidences on the holdout halves, per fact field")
    args = ap.parse_args(argv)
    sets = keyword_sets(args)
    if args.calibration:
        print_calibration(calibration(sets))
        return 0
    if args.misses:
        if args.set == "web":
            print_web_misses()
        elif args.set in ("real", "extra"):
            kset = next((k for k in sets if k.name == args.set), None)
            if kset is None:
                ap.error(f"the {args.set} set's gold or texts are missing")
            print_real_misses(kset)
        else:
            ap.error("--misses needs --set web, real or extra")
        return 0
    cols: dict[str, dict[str, float]] = {}
    if args.set in ("written", "all"):
        cols["written"] = report_row(written_report())
    if args.set in ("web", "all"):
        for half in ("tuning", "holdout"):
            cols[f"web {half}"] = report_row(web_report(half))
    for kset in sets:
        if args.set not in (kset.name, "all"):
            continue
        for half in ("tuning", "holdout"):
            golds, preds = real_predictions(kset, half)
            cols[f"{kset.name} {half}"] = real_scores(golds, preds)
    if args.json:
        print(json.dumps(cols, indent=1))
    else:
        print_table(cols)
    return 0


if __name__ == "__main__":
    sys.exit(main())
