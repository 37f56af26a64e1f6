"""The record's validators reject impossible values; the schema file matches the model."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from reviewextract.model import Evidence, Rating, Review, year_max
from reviewextract.schema import render

from .conftest import ROOT


@pytest.mark.parametrize(
    "fields",
    [
        {"year": 1879},
        {"year": year_max() + 1},
        {"episodes": 0},
        {"episodes": 5001},
        {"runtime_minutes": 0},
        {"runtime_minutes": 2001},
        {"season": 0},
        {"work_type": "movie", "season": 2},
        {"work_type": "podcast"},
    ],
    ids=lambda f: ",".join(f"{k}={v}" for k, v in f.items()),
)
def test_impossible_values_are_rejected(fields: dict) -> None:
    with pytest.raises(ValidationError):
        Review(**fields)


def test_rating_value_above_best_is_rejected() -> None:
    with pytest.raises(ValidationError):
        Rating(value=11, best=10)
    assert Rating(value=7.5, best=10).normalized == 0.75


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [(0, 4, "Xyzw"), (10, 30, "a" * 20), (3, 2, "")],
    ids=["wrong-text", "outside-input", "reversed"],
)
def test_spans_must_point_into_the_input(start: int, end: int, text: str) -> None:
    with pytest.raises(ValidationError):
        Review(source_text="Dark ist gut.", evidence={"title": [
            Evidence(start=start, end=end, text=text, rule="t", confidence=0.5)
            if end >= start else {"start": start, "end": end, "text": text, "rule": "t",
                                  "confidence": 0.5}]})


def test_valid_span_is_accepted() -> None:
    r = Review(source_text="Dark ist gut.", title="Dark", evidence={"title": [
        Evidence(start=0, end=4, text="Dark", rule="t", confidence=0.5)]})
    assert r.evidence["title"][0].text == "Dark"


def test_schema_file_is_current() -> None:
    on_disk = (ROOT / "schemas" / "review.schema.json").read_text(encoding="utf-8")
    assert json.loads(on_disk) == json.loads(render()), (
        "schemas/review.schema.json is stale: run python -m reviewextract.schema")
