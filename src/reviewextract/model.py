"""The review record: `Review` and its parts, with validators for impossible values.

Every span (`Evidence`, `Opinion`) points into `Review.source_text`, the exact text the extractor
read: for plain text that is the input itself, for HTML the main text found on the page.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

YEAR_MIN = 1880
# The latest year a work (or a page date) may have: the year after the release's own year, for
# announced releases. A fixed number, not today's date + 1, so that the same input gives the
# same record on any day; each release sets it anew (docs/fields.md).
YEAR_MAX = 2027
EPISODES_MAX = 5000
RUNTIME_MAX = 2000


def year_max() -> int:
    """The latest year a work may have come out: `YEAR_MAX`, fixed per release."""
    return YEAR_MAX


class WorkType(StrEnum):
    MOVIE = "movie"
    SERIES = "series"
    SEASON = "season"
    MINISERIES = "miniseries"
    DOCUMENTARY = "documentary"


class Sentiment(StrEnum):
    POSITIVE = "positive"
    MIXED = "mixed"
    NEGATIVE = "negative"


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Frozen):
    """A character span of `Review.source_text`: `source_text[start:end] == text`."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} before start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError("span text length differs from end - start")
        return self


class Evidence(Span):
    """Why a value was extracted: where the text states it, which rule read it, how sure it is."""

    rule: str = Field(description="id of the rule or cue that produced the value")
    confidence: float = Field(ge=0.0, le=1.0)


class Opinion(Span):
    """One positive or negative point (a pro or a con), or the verdict sentence."""

    aspect: str | None = Field(default=None, description="what the point is about, e.g. acting")
    score: float = Field(default=0.0, description="polarity, negative below 0, positive above 0")
    rule: str = ""


class Rating(_Frozen):
    """An explicit score the text gives, on its own scale (worst is 0 unless stated)."""

    value: float = Field(ge=0)
    best: float = Field(gt=0)
    worst: float = Field(default=0, ge=0)

    @model_validator(mode="after")
    def _in_scale(self) -> Rating:
        if self.value > self.best:
            raise ValueError(f"rating value {self.value} above best {self.best}")
        if self.worst >= self.best:
            raise ValueError("rating worst must be below best")
        return self

    @property
    def normalized(self) -> float:
        """The rating on a 0..1 scale."""
        return (self.value - self.worst) / (self.best - self.worst)


class Warning_(_Frozen):
    """A problem the extractor noticed: a dropped implausible value, a non-German text, ..."""

    code: str
    message: str
    field: str | None = None


class PageMeta(BaseModel):
    """Facts about the review itself (not the work): who wrote it, when, where it was found."""

    model_config = ConfigDict(extra="forbid")

    author: str | None = None
    date_published: str | None = Field(default=None, description="ISO 8601 date (YYYY-MM-DD)")
    url: str | None = None
    source_format: str = Field(default="text", description="text or html")
    encoding: str | None = Field(default=None, description="how bytes input was decoded")
    title_hint: str | None = Field(default=None, description="title the page markup suggests")


# Fields whose values are facts and need evidence when set.
FACT_FIELDS = ("title", "work_type", "season", "year", "episodes", "runtime_minutes",
               "directors", "rating")


class Review(BaseModel):
    """What one German film or TV review states about the reviewed work."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False)

    title: str | None = None
    work_type: WorkType = WorkType.MOVIE
    season: int | None = Field(default=None, ge=1)
    year: int | None = None
    episodes: int | None = Field(default=None, ge=1, le=EPISODES_MAX)
    runtime_minutes: int | None = Field(default=None, ge=1, le=RUNTIME_MAX)
    directors: list[str] = Field(default_factory=list)
    rating: Rating | None = None
    pros: list[Opinion] = Field(default_factory=list)
    cons: list[Opinion] = Field(default_factory=list)
    verdict: Opinion | None = None
    sentiment: Sentiment | None = None
    evidence: dict[str, list[Evidence]] = Field(
        default_factory=dict,
        description="per fact field, the spans of source_text that state its value",
    )
    language: str | None = Field(default=None, description="language the text was judged to be")
    warnings: list[Warning_] = Field(default_factory=list)
    source_text: str = Field(default="", description="the text all spans point into")
    meta: PageMeta = Field(default_factory=PageMeta)

    @field_validator("year")
    @classmethod
    def _plausible_year(cls, v: int | None) -> int | None:
        if v is not None and not YEAR_MIN <= v <= year_max():
            raise ValueError(f"year {v} outside {YEAR_MIN}..{year_max()}")
        return v

    @model_validator(mode="after")
    def _spans_inside_text(self) -> Review:
        text = self.source_text
        spans: list[Span] = [*self.pros, *self.cons]
        if self.verdict is not None:
            spans.append(self.verdict)
        for ev in self.evidence.values():
            spans.extend(ev)
        for s in spans:
            if s.end > len(text) or text[s.start:s.end] != s.text:
                raise ValueError(f"span {s.start}..{s.end} {s.text!r} does not match the input")
        if self.work_type in (WorkType.MOVIE, WorkType.DOCUMENTARY) and self.season is not None:
            raise ValueError("a film has no season")
        return self

    def fact(self, name: str) -> Any:
        """The value of a fact field (used by the evaluator and exporters)."""
        return getattr(self, name)
