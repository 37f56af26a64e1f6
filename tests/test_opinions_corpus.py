"""The opinion fields on the development corpus: pinned floors a change may not lower silently,
and the seed review's points (the issue's acceptance example)."""

from __future__ import annotations

import pytest

from reviewextract import extract
from reviewextract.evaluate import Report, score
from reviewextract.model import Sentiment

from .conftest import corpus_records

# a little below what the extractor reaches (see docs/opinions.md for the measured figures)
PROS_F1 = 0.76
CONS_F1 = 0.69
VERDICT = 0.88
SENTIMENT = 0.93


@pytest.fixture(scope="module")
def report() -> Report:
    return score(corpus_records())


def test_pros_floor(report: Report) -> None:
    assert report.pros.f1 >= PROS_F1, report.as_dict()["pros"]


def test_cons_floor(report: Report) -> None:
    assert report.cons.f1 >= CONS_F1, report.as_dict()["cons"]


def test_verdict_floor(report: Report) -> None:
    assert report.verdict_right / report.records >= VERDICT


def test_sentiment_floor(report: Report) -> None:
    assert report.sentiment_right / report.records >= SENTIMENT


def test_seed_review(seed_text: str) -> None:
    r = extract(seed_text)
    pros = [o.text for o in r.pros]
    cons = [o.text for o in r.cons]
    assert "die ihre Sache durchaus gut machen" in pros
    assert any("gute Bild- und Tonqualität" in p for p in pros)
    assert any("Logiklücken auftun" in c for c in cons)
    assert any(c.endswith("nicht immer einfach ist der Handlung zu folgen") for c in cons)
    assert r.verdict is not None
    assert r.verdict.text.startswith("Alles in allem bietet „Missions“")


@pytest.mark.xfail(strict=True, reason="known miss: the fitted evaluative filter drops the "
                   "correction clause 'in deren Fülle' (a gold con) below the cons' threshold")
def test_seed_correction_clause_is_a_con(seed_text: str) -> None:
    assert "in deren Fülle" in [o.text for o in extract(seed_text).cons]


def test_seed_sentiment(seed_text: str) -> None:
    assert extract(seed_text).sentiment == Sentiment.MIXED
