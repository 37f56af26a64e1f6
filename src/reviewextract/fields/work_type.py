"""Work type: movie, series, season, miniseries or documentary, from weighted cue votes."""

from __future__ import annotations

from ..lang.lexicon import get_lexicon
from ..model import WorkType
from ..text import Doc
from ._common import Finding, matches, words_before

FIELD = "work_type"
_DECISIVE = 3.0  # a cue this strong settles the type on its own ("die komplette Serie")


def candidates(doc: Doc) -> list[Finding]:
    out = []
    negators = get_lexicon(doc.lang.code).negators
    for rule in doc.lang.field_rules(FIELD):
        for m in matches(doc, rule):
            if not negators.isdisjoint(words_before(doc.low, m.start(), 1)):
                continue  # "ist ja keine Doku": what the work is not
            out.append(Finding(FIELD, WorkType(rule.value), m.start(), m.end(), rule.id,
                               rule.weight, rule.tags))
    return out


def resolve(findings: list[Finding], season: Finding | None = None) -> Finding | None:
    """Decisive cues first; then a season number makes a season; then the larger vote."""
    decisive = [f for f in findings if f.weight >= _DECISIVE]
    if decisive:
        return max(decisive, key=lambda f: (f.weight, -f.start))
    votes: dict[WorkType, float] = {}
    for f in findings:
        votes[f.value] = votes.get(f.value, 0.0) + f.weight
    if season is not None:
        # a season number was stated: the review is of that season
        return Finding(FIELD, WorkType.SEASON, season.start, season.end, "work_type.season_number",
                       season.weight)
    if votes.get(WorkType.DOCUMENTARY, 0) >= 1.5:
        return _first(findings, WorkType.DOCUMENTARY)
    serial = votes.get(WorkType.SERIES, 0) + votes.get(WorkType.SEASON, 0)
    movie = votes.get(WorkType.MOVIE, 0)
    # one word for a series and none for a film ("Die HBO-Serie ist ein Meisterwerk.") is enough
    if serial > movie and (serial >= 1.0 or movie == 0):
        found = _first(findings, WorkType.SERIES) or _first(findings, WorkType.SEASON)
        if found is not None:
            return Finding(FIELD, WorkType.SERIES, found.start, found.end, found.rule,
                           found.weight)
    return _first(findings, WorkType.MOVIE)


def _first(findings: list[Finding], kind: WorkType) -> Finding | None:
    return next((f for f in findings if f.value == kind), None)


def from_intro(entry: Finding | None, intro: Finding) -> bool:
    """On a listing page, does the list's introduction name the entry's kind of work? When the
    entry names none, and when the introduction names documentaries ("Die fünf besten
    Musikdokus") while the entry only calls its work a film (a documentary is one)."""
    return entry is None or (intro.value == WorkType.DOCUMENTARY
                             and entry.value == WorkType.MOVIE and entry.weight < _DECISIVE)
