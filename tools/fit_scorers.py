"""Fit the candidate scorers of src/reviewextract/lang/de/scorers.json on the tuning halves.

Run from the repository root (needs the dev extra: scikit-learn):

    .venv/bin/python tools/fit_scorers.py                       # fit, write scorers.json
    .venv/bin/python tools/fit_scorers.py --dry-run             # fit and report only

Data: the written corpus (tests/data/*.jsonl), the tuning half of web/ and, where its texts
have been re-obtained (--real-texts), the tuning half of real/ (tools/corpus_eval.py defines
the halves). The holdout halves are never read here.

For each field with a scorer (today: title) the extractor runs as usual on every record while
the field's `resolve` is replaced by a recorder, so the candidates and their features are the
ones the pipeline builds. A candidate is labelled right when it equals the gold value by the
scoring rules (evaluate.py). A logistic regression (L2) is fitted on all candidates; its
regularisation C is chosen by 5-fold cross-validation grouped by record, on record accuracy.
The threshold below which the field stays null is then chosen on the training records: the
value that maximises record accuracy, where "null" is right only for a gold null.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import numpy as np  # noqa: E402
from corpus_eval import DATA, SHARED, _split, _text_file  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

from reviewextract.evaluate import fact_equal, read_gold  # noqa: E402
from reviewextract.fields import title  # noqa: E402
from reviewextract.fields._common import Finding  # noqa: E402
from reviewextract.html import extract_html  # noqa: E402
from reviewextract.pipeline import extract  # noqa: E402

OUT = ROOT / "src" / "reviewextract" / "lang" / "de" / "scorers.json"
CS = (0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(1, 19))

PREFER_LONGER = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)  # 1.01: never

Record = tuple[str, Any, list[Finding], list[bool]]  # id, gold, candidates, labels


def training_records(real_texts: Path | None, real_gold: Path) -> list[dict[str, Any]]:
    recs = list(read_gold(sorted(DATA.glob("*.jsonl"))))
    recs += _split(read_gold(sorted((DATA / "web").glob("*.jsonl"))), "tuning")
    if real_texts is not None and real_texts.is_dir() and real_gold.exists():
        for g in _split(read_gold([real_gold]), "tuning"):
            p = _text_file(real_texts, g["id"])
            if p is not None:
                recs.append({**g, "format": "text", "text": p.read_text(encoding="utf-8")})
    return recs


def collect(field: str, module: Any, records: list[dict[str, Any]]) -> list[Record]:
    """Run the extractor on every record and record the field's candidates."""
    seen: list[list[Finding]] = []
    original: Callable[..., Any] = module.resolve

    def recorder(doc: Any, findings: list[Finding]) -> None:
        seen.append(list(findings))
        return None

    module.resolve = recorder
    out: list[Record] = []
    try:
        for rec in records:
            seen.clear()
            try:
                (extract_html if rec.get("format") == "html" else extract)(rec["text"])
            except ValueError:
                continue
            found = seen[0] if seen else []
            gold = rec["gold"].get(field)
            out.append((str(rec["id"]), gold, found,
                        [fact_equal(field, f.value, gold) for f in found]))
    finally:
        module.resolve = original
    return out


def _matrix(records: list[Record], names: list[str]) -> tuple[np.ndarray, np.ndarray,
                                                             np.ndarray]:
    rows, labels, groups = [], [], []
    for gi, (_, _, feats, labs) in enumerate(records):
        for f, lab in zip(feats, labs, strict=True):
            rows.append([f.features.get(n, 0.0) for n in names])
            labels.append(lab)
            groups.append(gi)
    return np.array(rows), np.array(labels, dtype=int), np.array(groups)


def record_accuracy(records: list[Record], probs: list[list[float]], threshold: float,
                    prefer_longer: float = 1.01) -> float:
    """Record accuracy when each record's candidates carry `probs` and title.choose decides."""
    right = 0
    for (_, gold, found, labs), ps in zip(records, probs, strict=True):
        for f, p in zip(found, ps, strict=True):
            f.probability = p
        pick = title.choose(found, threshold, prefer_longer)
        if pick is not None:
            right += labs[found.index(pick)]
        else:
            right += gold is None or gold == []
    return right / len(records) if records else 0.0


def _probs(model: LogisticRegression, records: list[Record], names: list[str]) -> list[list[float]]:
    out = []
    for _, _, feats, _ in records:
        if not feats:
            out.append([])
            continue
        x = np.array([[f.features.get(n, 0.0) for n in names] for f in feats])
        out.append(list(model.predict_proba(x)[:, 1]))
    return out


def _fit(records: list[Record], names: list[str], c: float) -> LogisticRegression:
    x, y, _ = _matrix(records, names)
    model = LogisticRegression(C=c, max_iter=5000)
    model.fit(x, y)
    return model


def fit_field(field: str, records: list[Record]) -> tuple[dict[str, Any], dict[str, Any]]:
    names = sorted({k for _, _, found, _ in records for f in found for k in f.features})
    folds = 5
    cv: dict[float, float] = {}
    for c in CS:
        accs = []
        for k in range(folds):
            train = [r for i, r in enumerate(records) if i % folds != k]
            test = [r for i, r in enumerate(records) if i % folds == k]
            model = _fit(train, names, c)
            tr_probs = _probs(model, train, names)
            thr = max(THRESHOLDS, key=lambda t: record_accuracy(train, tr_probs, t))
            accs.append(record_accuracy(test, _probs(model, test, names), thr))
        cv[c] = sum(accs) / len(accs)
    best_c = max(CS, key=lambda c: (cv[c], -c))
    model = _fit(records, names, best_c)
    probs = _probs(model, records, names)
    threshold, longer = max(((t, p) for t in THRESHOLDS for p in PREFER_LONGER),
                            key=lambda tp: (record_accuracy(records, probs, *tp), -tp[0], tp[1]))
    weights = {n: round(float(w), 4) for n, w in zip(names, model.coef_[0], strict=True)}
    entry = {"bias": round(float(model.intercept_[0]), 4), "threshold": threshold,
             "params": {"prefer_longer": longer}, "weights": weights}
    report = {"records": len(records), "candidates": sum(len(r[2]) for r in records),
              "reachable": sum(any(r[3]) for r in records) / len(records),
              "cv_accuracy": {str(c): round(a, 3) for c, a in cv.items()}, "C": best_c,
              "train_accuracy": round(record_accuracy(records, probs, threshold, longer), 3)}
    return entry, report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--real-gold", type=Path, default=SHARED / "real" / "real.jsonl")
    ap.add_argument("--real-texts", type=Path,
                    default=Path.home() / ".cache" / "reviewextract" / "real")
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args(argv)
    records = training_records(args.real_texts, args.real_gold)
    scorers: dict[str, Any] = {}
    for field, module in (("title", title),):
        rows = collect(field, module, records)
        entry, report = fit_field(field, rows)
        scorers[field] = entry
        print(field, json.dumps(report))
        for n, w in sorted(entry["weights"].items(), key=lambda kv: -abs(kv[1])):
            print(f"  {n:28} {w:+.3f}")
        print(f"  {'(bias)':28} {entry['bias']:+.3f}   threshold {entry['threshold']}")
    if not args.dry_run:
        doc = {"_comment": "Fitted by tools/fit_scorers.py on the tuning halves; do not edit by "
                           "hand (docs/evaluate.md says how).", "scorers": scorers}
        OUT.write_text(json.dumps(doc, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print("wrote", OUT.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
