"""Work type: movie, series, season, miniseries or documentary.

Every cue rule of lang/<code>/cues.toml (`[[rules.work_type]]`) votes for a type; the votes
become named features (how often each rule matched, anywhere and near the start, whether a
season number is stated, whether runtimes are given per episode), and one fitted scorer per type
(lang/<code>/scorers.json, "work_type.movie" …; tools/fit_scorers.py) reads them. The type with
the highest score wins; its confidence is the softmax probability over the five types.
"""

from __future__ import annotations

import math

from ..model import WorkType
from ..text import Doc
from ._common import Finding, matches

FIELD = "work_type"
_EARLY = 300  # characters: a cue in the heading or the first sentences


def candidates(doc: Doc) -> list[Finding]:
    out = []
    for rule in doc.lang.field_rules(FIELD):
        for m in matches(doc, rule):
            out.append(Finding(FIELD, WorkType(rule.value), m.start(), m.end(), rule.id,
                               rule.weight, rule.tags))
    return out


def features(findings: list[Finding], season: Finding | None) -> dict[str, float]:
    """The named features of the review's type cues."""
    counts: dict[str, int] = {}
    early: dict[str, int] = {}
    for f in findings:
        counts[f.rule] = counts.get(f.rule, 0) + 1
        if f.start < _EARLY:
            early[f.rule] = early.get(f.rule, 0) + 1
    feats = {f"cue.{r}": math.log1p(n) for r, n in counts.items()}
    feats.update({f"early.{r}": 1.0 for r in early})
    if season is not None:
        feats["season_number"] = 1.0
    return feats


def resolve(doc: Doc, findings: list[Finding], season: Finding | None = None) -> Finding | None:
    """The type with the highest fitted score, with the first cue for it as evidence (the
    season number for a season). None when no cue supports the winner: the record then says
    movie without evidence, as before any cue is read."""
    feats = features(findings, season)
    logits = {kind: doc.lang.scorer(f"{FIELD}.{kind.value}").logit(feats) for kind in WorkType}
    top = max(logits, key=lambda k: logits[k])
    norm = max(logits.values())
    total = sum(math.exp(z - norm) for z in logits.values())
    prob = math.exp(logits[top] - norm) / total
    if top == WorkType.SEASON and season is not None:
        found: Finding | None = Finding(FIELD, WorkType.SEASON, season.start, season.end,
                                        "work_type.season_number", season.weight)
    else:
        found = next((f for f in findings if f.value == top), None)
        if found is None and top == WorkType.SERIES:
            found = next((f for f in findings if f.value == WorkType.SEASON), None)
        if found is not None:
            found = Finding(FIELD, top, found.start, found.end, found.rule, found.weight,
                            found.tags)
    if found is not None:
        found.probability = prob
    return found
