"""Score the extractor against gold records (the corpus format, docs/evaluate.md).

Facts: exact accuracy per field (title folded, directors as a folded set, rating value and best).
Opinions: soft word matching, one-to-one, precision/recall/F1 over the whole corpus.
Verdict: word F1 >= 0.5. Sentiment: exact accuracy.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from . import DEFAULT_LANGUAGE
from .lang import get_language
from .model import Review

FACTS = ("title", "work_type", "season", "year", "episodes", "runtime_minutes", "directors",
         "rating")
_QUOTES = re.compile(r"[„“”\"'‚‘’»«]")
_NONWORD = re.compile(r"\W+")


@cache
def _folds(language: str) -> dict[int, str]:
    """The language's spelling folds (language.toml [spelling] folds: "ä" = "ae")."""
    return str.maketrans(dict(get_language(language).evaluation.folds))


def fold(s: str, language: str = DEFAULT_LANGUAGE) -> str:
    return unicodedata.normalize("NFC", s).casefold().translate(_folds(language))


def norm_title(s: str | None, language: str = DEFAULT_LANGUAGE) -> str | None:
    if s is None:
        return None
    return _QUOTES.sub("", fold(s, language)).strip().strip(" .:-").strip()


def norm_names(names: Iterable[str], language: str = DEFAULT_LANGUAGE) -> frozenset[str]:
    return frozenset(" ".join(fold(n, language).split()) for n in names)


def words(phrase: str, function_words: frozenset[str],
          language: str = DEFAULT_LANGUAGE) -> set[str]:
    """The scoring words of a phrase: folded, function words dropped, cut to 5 characters."""
    out = set()
    for w in _NONWORD.split(fold(phrase, language)):
        if w and w not in function_words:
            out.add(w[:5])
    return out


def phrase_match(pred: set[str], gold: set[str]) -> float:
    """A match score in 0..1 (0: no match) by the SCORING.md rules."""
    if not pred or not gold:
        return 0.0
    common = len(pred & gold)
    ok = (common >= 0.5 * len(gold) and common >= 0.4 * len(pred)) or (
        common == len(pred) and common >= 0.3 * len(gold))
    if not ok:
        return 0.0
    return 2 * common / (len(pred) + len(gold))


def match_items(pred: list[set[str]], gold: list[set[str]]) -> int:
    """Greedy one-to-one matching, best pairs first; returns the number of matched pairs."""
    pairs = sorted(((phrase_match(p, g), i, j) for i, p in enumerate(pred)
                    for j, g in enumerate(gold)), reverse=True)
    used_p: set[int] = set()
    used_g: set[int] = set()
    n = 0
    for score, i, j in pairs:
        if score <= 0:
            break
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        n += 1
    return n


def word_f1(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    common = len(a & b)
    if not common:
        return 0.0
    p, r = common / len(a), common / len(b)
    return 2 * p * r / (p + r)


def fact_equal(name: str, pred: Any, gold: Any, language: str = DEFAULT_LANGUAGE) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    if name == "title":
        return norm_title(pred, language) == norm_title(gold, language)
    if name == "directors":
        return norm_names(pred, language) == norm_names(gold, language)
    if name == "rating":
        return float(pred["value"]) == float(gold["value"]) and float(pred["best"]) == float(
            gold["best"])
    return pred == gold


@dataclass
class PRF:
    matched: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    records: int = 0
    failures: list[dict[str, str]] = field(default_factory=list)
    fact_right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FACTS, 0))
    pros: PRF = field(default_factory=PRF)
    cons: PRF = field(default_factory=PRF)
    verdict_right: int = 0
    sentiment_right: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)

    def accuracy(self, name: str) -> float:
        return self.fact_right[name] / self.records if self.records else 0.0

    @property
    def facts_mean(self) -> float:
        return sum(self.accuracy(f) for f in FACTS) / len(FACTS)

    def as_dict(self) -> dict[str, Any]:
        n = self.records or 1
        return {
            "records": self.records,
            "failed": len(self.failures),
            "facts": {f: round(self.accuracy(f), 4) for f in FACTS},
            "facts_mean": round(self.facts_mean, 4),
            "pros": {"precision": round(self.pros.precision, 4),
                     "recall": round(self.pros.recall, 4), "f1": round(self.pros.f1, 4)},
            "cons": {"precision": round(self.cons.precision, 4),
                     "recall": round(self.cons.recall, 4), "f1": round(self.cons.f1, 4)},
            "verdict": round(self.verdict_right / n, 4),
            "sentiment": round(self.sentiment_right / n, 4),
            "failures": self.failures,
        }

    def table(self) -> str:
        d = self.as_dict()
        rows = [("field", "score", "measure")]
        rows += [(f, f"{d['facts'][f]:.3f}", "accuracy") for f in FACTS]
        rows.append(("facts (mean)", f"{d['facts_mean']:.3f}", "accuracy"))
        for k in ("pros", "cons"):
            rows.append((k, f"{d[k]['f1']:.3f}",
                         f"F1 (P {d[k]['precision']:.3f} / R {d[k]['recall']:.3f})"))
        rows.append(("verdict", f"{d['verdict']:.3f}", "accuracy (word F1 >= 0.5)"))
        rows.append(("sentiment", f"{d['sentiment']:.3f}", "accuracy"))
        w0 = max(len(r[0]) for r in rows)
        lines = [f"{r[0]:<{w0}}  {r[1]:>5}  {r[2]}" for r in rows]
        lines.insert(1, "-" * len(lines[0]))
        head = f"{self.records} records"
        if self.failures:
            head += f", {len(self.failures)} could not be extracted"
        return head + "\n" + "\n".join(lines)


def read_gold(paths: Iterable[str | Path]) -> Iterator[dict[str, Any]]:
    for p in paths:
        with open(p, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if line.strip():
                    try:
                        yield json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise ValueError(f"{p}:{n}: not JSON: {exc.msg}") from exc


def run_record(rec: dict[str, Any]) -> Review:
    """The extractor on one gold record: `extract_html` for format "html", else `extract`."""
    if rec.get("format") == "html":
        from .html import extract_html

        return extract_html(rec["text"])
    from .pipeline import extract

    return extract(rec["text"])


def score(records: Iterable[dict[str, Any]],
          runner: Callable[[dict[str, Any]], Review] = run_record,
          language: str = DEFAULT_LANGUAGE) -> Report:
    """Run the extractor on each gold record and score it (words compared as `language` folds
    and drops them)."""
    fw = get_language(language).evaluation.function_words
    rep = Report()
    for rec in records:
        rep.records += 1
        gold = rec["gold"]
        try:
            review = runner(rec)
        except ValueError as exc:
            rep.failures.append({"id": str(rec.get("id")), "error": str(exc)})
            rep.pros.gold += len(gold.get("pros") or [])
            rep.cons.gold += len(gold.get("cons") or [])
            continue
        pred = review.model_dump(mode="json")
        for f in FACTS:
            if fact_equal(f, pred.get(f), gold.get(f), language):
                rep.fact_right[f] += 1
            else:
                rep.misses.append({"id": rec.get("id"), "field": f, "pred": pred.get(f),
                                   "gold": gold.get(f)})
        for kind, prf in (("pros", rep.pros), ("cons", rep.cons)):
            p = [words(o["text"], fw, language) for o in pred.get(kind) or []]
            g = [words(t, fw, language) for t in gold.get(kind) or []]
            prf.matched += match_items(p, g)
            prf.predicted += len(p)
            prf.gold += len(g)
        gv, pv = gold.get("verdict"), pred.get("verdict")
        if (gv is None and pv is None) or (
                gv is not None and pv is not None and word_f1(
                    words(pv["text"], fw, language), words(gv, fw, language)) >= 0.5):
            rep.verdict_right += 1
        if pred.get("sentiment") == gold.get("sentiment"):
            rep.sentiment_right += 1
    return rep
