"""The web set as a gate: reviews written in the shape text has when pulled out of real pages
(chrome lines, forum posts, shop reviews, listings, cut excerpts; tests/data/web, 80 records,
both halves). Floors a little below the measured figures (docs/evaluate.md): a change that
lowers a field fails here."""

from __future__ import annotations

import json

import pytest

from reviewextract.evaluate import Report, score

from .conftest import DATA

FLOORS = {"title": 0.66, "work_type": 0.92, "season": 0.91, "year": 0.92, "episodes": 0.92,
          "runtime_minutes": 0.86, "directors": 0.69, "rating": 0.87}
FACTS_MEAN = 0.85
PROS_F1 = 0.56
CONS_F1 = 0.48
VERDICT = 0.64
SENTIMENT = 0.77


@pytest.fixture(scope="module")
def report() -> Report:
    recs = []
    for p in sorted((DATA / "web").glob("*.jsonl")):
        recs += [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line]
    assert len(recs) == 80
    return score(recs)


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_web_fact_floor(report: Report, field: str) -> None:
    assert report.failures == []
    assert report.accuracy(field) >= FLOORS[field], (field, report.accuracy(field))


def test_web_facts_mean(report: Report) -> None:
    assert report.facts_mean >= FACTS_MEAN


def test_web_opinion_floors(report: Report) -> None:
    assert report.pros.f1 >= PROS_F1, report.as_dict()["pros"]
    assert report.cons.f1 >= CONS_F1, report.as_dict()["cons"]
    assert report.verdict_right / report.records >= VERDICT
    assert report.sentiment_right / report.records >= SENTIMENT
