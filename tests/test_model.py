"""The record's validators reject impossible values; the schema file matches the model."""

from __future__ import annotations

import datetime as _real_dt
import json
import sys
import time
import types

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


# --- the same input gives the same record on any day (issue 14) ------------------------------

def _frozen_datetime(year: int) -> types.ModuleType:
    """A `datetime` module whose clock stands still on 1 June of `year`."""

    class FrozenDate(_real_dt.date):
        @classmethod
        def today(cls) -> FrozenDate:
            return cls(year, 6, 1)

    class FrozenDateTime(_real_dt.datetime):
        @classmethod
        def now(cls, tz: _real_dt.tzinfo | None = None) -> FrozenDateTime:
            return cls(year, 6, 1, 12, tzinfo=tz)

        @classmethod
        def today(cls) -> FrozenDateTime:
            return cls(year, 6, 1, 12)

    fake = types.ModuleType("datetime")
    fake.__dict__.update(vars(_real_dt))
    fake.date, fake.datetime = FrozenDate, FrozenDateTime  # type: ignore[attr-defined]
    return fake


def _freeze_clock(monkeypatch: pytest.MonkeyPatch, year: int) -> None:
    """Every loaded module of the package that holds the `datetime` module gets the frozen one
    (`time.time` too, for anything that reads the clock that way)."""
    fake = _frozen_datetime(year)
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] != "reviewextract":
            continue
        for attr, value in list(vars(module).items()):
            if value is _real_dt:
                monkeypatch.setattr(module, attr, fake)
            elif value is _real_dt.date or value is _real_dt.datetime:
                monkeypatch.setattr(module, attr, getattr(fake, value.__name__))
    frozen = _real_dt.datetime(year, 6, 1, 12).timestamp()
    monkeypatch.setattr(time, "time", lambda: frozen)


DATED = [
    "Die Serie kam 2027 in die Kinos. Regie führte Tom Tykwer, und sie ist spannend.",
    "7. Februar 2027\n\nDer Film aus dem Jahr 2026 ist gut, die Musik passt.",
    "Von Anna Beispiel · 3. März 2001\n\nDer Film (1999) ist ein Klassiker, den ich liebe.",
]
PAGE = ('<html><head><meta property="article:published_time" content="2027-03-01T09:00:00">'
        '</head><body><article><h1>Dune</h1><p>Der Film „Dune“ (2026) dauert 155 Minuten, '
        "und die Bilder sind großartig. Regie führte Denis Villeneuve, der auch das Drehbuch "
        "schrieb. Ein Film, den man im Kino sehen muss.</p></article></body></html>")


def _records() -> list[str]:
    from reviewextract import extract
    from reviewextract.html import extract_html

    return [*(extract(t).model_dump_json() for t in DATED),
            extract_html(PAGE).model_dump_json()]


def test_records_do_not_depend_on_the_date(monkeypatch: pytest.MonkeyPatch) -> None:
    """The latest plausible year was today's year + 1, so "kam 2027 in die Kinos" gave no year
    before 2026 and a year after. It is now `YEAR_MAX`, fixed per release: the records are the
    same with the clock frozen in 2001 and in 2090."""
    _records()  # everything loaded (and its `datetime` imported) before the clock is frozen
    with monkeypatch.context() as m:
        _freeze_clock(m, 2001)
        early = _records()
    with monkeypatch.context() as m:
        _freeze_clock(m, 2090)
        late = _records()
    assert early == late
    assert json.loads(early[0])["year"] == 2027 and json.loads(early[3])["year"] == 2026
