"""Pros, cons, verdict and sentiment (issue "Opinions"): not built yet, returns nothing."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Opinion, Rating, Sentiment
from ..text import Doc


@dataclass
class OpinionResult:
    pros: list[Opinion] = field(default_factory=list)
    cons: list[Opinion] = field(default_factory=list)
    verdict: Opinion | None = None
    sentiment: Sentiment | None = None


def extract_opinions(doc: Doc, rating: Rating | None) -> OpinionResult:
    """The review's positive and negative points, its verdict sentence and overall tone."""
    return OpinionResult()
