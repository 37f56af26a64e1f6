"""Pros, cons, verdict and sentiment from the review's own words (docs/opinions.md).

The work is done in `reviewextract.opinions`; this module turns its findings into `Opinion`
records with exact spans of the source text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Opinion, Rating, Sentiment
from ..opinions import evaluative
from ..opinions.items import Point, content_sentences, merge_duplicates, select, sentence_points
from ..opinions.verdict import decide_sentiment, find_verdict, sentiment_features
from ..text import Doc


@dataclass
class OpinionResult:
    pros: list[Opinion] = field(default_factory=list)
    cons: list[Opinion] = field(default_factory=list)
    verdict: Opinion | None = None
    sentiment: Sentiment | None = None


def _opinion(doc: Doc, p: Point) -> Opinion:
    return Opinion(start=p.start, end=p.end, text=doc.text[p.start:p.end], aspect=p.aspect,
                   score=round(p.score, 3), rule=p.rule)


def extract_opinions(doc: Doc, rating: Rating | None, title: str | None = None) -> OpinionResult:
    """The review's positive and negative points, its verdict sentence and overall tone."""
    lex = doc.lang.opinions.lexicon
    verdict, judging = find_verdict(doc, lex, content_sentences(doc, lex), title)
    sentences = content_sentences(doc, lex, headings=False)
    points: list[Point] = []
    summary = None
    for s in sentences:
        if (verdict is not None and s.start <= verdict.start < s.end
                and verdict.rule == "verdict:cue"):
            # a cued verdict ("Fazit: …", "Insgesamt …") sums the points up
            summary = s
            continue
        points.extend(sentence_points(doc, lex, s))
    if not points and summary is not None:
        # nothing was said elsewhere: the summing-up sentence is where the points are
        points = sentence_points(doc, lex, summary)
    points = merge_duplicates(doc, points)
    span = (verdict.start, verdict.end) if verdict is not None else None
    points = evaluative.keep(doc, lex, points, sentences, span)
    pros, cons = select(points, positive=True), select(points, positive=False)
    tone = decide_sentiment(doc.lang.code, sentiment_features(
        rating, verdict, [p.probability or 0.0 for p in pros],
        [p.probability or 0.0 for p in cons], judging))
    v = None
    if verdict is not None:
        v = Opinion(start=verdict.start, end=verdict.end, text=doc.text[verdict.start:verdict.end],
                    score=round(verdict.score, 3), rule=verdict.rule)
    return OpinionResult(pros=[_opinion(doc, p) for p in pros],
                         cons=[_opinion(doc, p) for p in cons], verdict=v, sentiment=tone)
