"""The development corpus as a gate: no fact field may fall below its pinned floor, and the
evaluator itself follows the scoring rules on hand-made cases."""

from __future__ import annotations

import json

import pytest

from reviewextract.evaluate import (
    FACTS,
    Report,
    fact_equal,
    match_items,
    phrase_match,
    score,
    words,
)
from reviewextract.lang import get_language

from .conftest import ROOT, corpus_records

FLOORS = json.loads((ROOT / "tests" / "accuracy_floor.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report() -> Report:
    return score(corpus_records())


@pytest.mark.parametrize("field", FACTS)
def test_fact_accuracy_floor(report: Report, field: str) -> None:
    assert report.failures == []
    assert report.accuracy(field) >= FLOORS[field], (
        field, report.accuracy(field), [m for m in report.misses if m["field"] == field])


FW = get_language("de").wordset("function_words")


@pytest.mark.parametrize(
    ("pred", "gold", "matches"),
    [
        ("Logiklücken", "einige Logiklücken auftun", True),  # terse: all its words in gold
        ("gute Bild- und Tonqualität", "gute Bild- und Tonqualität", True),
        ("die Darsteller", "die ihre Sache durchaus gut machen", False),
        ("Das Problem besteht nicht aus den Darstellern, die ihre Sache durchaus gut machen, "
         "sondern vielmehr in deren Fülle und der damit einhergehenden Schicksale",
         "die ihre Sache durchaus gut machen", False),  # a paragraph is not a point
    ],
    ids=["terse", "exact", "unrelated", "too-long"],
)
def test_phrase_matching_rules(pred: str, gold: str, matches: bool) -> None:
    assert (phrase_match(words(pred, FW), words(gold, FW)) > 0) is matches


def test_matching_is_one_to_one() -> None:
    gold = [words("einige Logiklücken", FW)]
    pred = [words("Logiklücken", FW), words("einige Logiklücken", FW)]
    assert match_items(pred, gold) == 1


@pytest.mark.parametrize(
    ("field", "pred", "gold", "equal"),
    [
        ("title", "„Kokowääh“", "kokowaeaeh", True),
        ("title", "Dark.", "dark", True),
        ("title", None, "Dark", False),
        ("title", None, None, True),
        ("directors", ["Jesús  Colmenar", "Koldo Serra"], ["koldo serra", "Jesús Colmenar"],
         True),
        ("rating", {"value": 7.5, "best": 10, "worst": 0}, {"value": 7.5, "best": 10}, True),
        ("rating", {"value": 7.5, "best": 10, "worst": 0}, {"value": 7.5, "best": 5}, False),
    ],
)
def test_fact_comparison_rules(field: str, pred: object, gold: object, equal: bool) -> None:
    assert fact_equal(field, pred, gold) is equal
