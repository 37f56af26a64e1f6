"""Season number: "erste Staffel", "Staffel 2", "die dritte Season", "S3".

Mentions of other seasons are left out by their context: "ab Staffel 2", "seit der ersten
Staffel", "eine zweite Staffel wäre wünschenswert", "Wer Staffel 1 mochte".
"""

from __future__ import annotations

from ..lang.starts import search_scan
from ..text import Doc
from ._common import (
    Finding,
    ends_with_phrase,
    group_span,
    matches,
    starts_with_phrase,
    words_after,
    words_before,
)

FIELD = "season"
_DEFINITE_BONUS = 1.0
_HEADLINE_BONUS = 1.5
_TOPIC_FACTOR = 0.5


def candidates(doc: Doc, *, every_mention: bool = False) -> list[Finding]:
    """The season mentions that may name the reviewed season; with `every_mention`, also those
    the context marks as another season ("wie die erste Staffel", "ab Staffel 2"), tagged
    `other_season`."""
    lang = doc.lang
    veto_before = lang.facts.season_veto_before
    veto_after = lang.facts.season_veto_after
    definite = lang.facts.definite
    topic_openers = lang.facts.season_topic_openers
    headline_end = doc.lines[0][1] if doc.lines else 0
    out: list[Finding] = []
    for rule in lang.field_rules(FIELD):
        for m in matches(doc, rule):
            g = group_span(m, "ord", "num")
            if g is None:
                n = rule.value  # a word that names the season itself ("Auftaktstaffel")
                name = "const"
            else:
                name, s, e = g
                token = doc.low[s:e]
                n = lang.ordinal(token) if name == "ord" else lang.number(token)
            if n is None or not 1 <= n <= 99:
                continue
            before = words_before(doc.low, m.start(), 3)
            after = words_after(doc.low, m.end(), 2)
            tags = rule.tags
            vetoed = starts_with_phrase(after, veto_after)
            topic = False
            if not vetoed and ends_with_phrase(before, veto_before):
                # "Mit der zweiten Staffel legt die Serie zu": opening the sentence, the season
                # is its topic (weakly); "verglichen mit der ersten Staffel" stays another one
                topic = " ".join(before) in topic_openers
                vetoed = not topic
            if vetoed:
                if not every_mention:
                    continue
                tags = tags | {"other_season"}
            weight = rule.weight
            if name == "ord" and before and before[-1] in definite:
                weight += _DEFINITE_BONUS
            if m.start() < headline_end:
                weight += _HEADLINE_BONUS
            if topic:
                weight *= _TOPIC_FACTOR
            out.append(Finding(FIELD, int(n), m.start(), m.end(), rule.id, weight, tags))
    return out


def resolve(findings: list[Finding]) -> Finding | None:
    """The season with the most weight summed over its mentions."""
    if not findings:
        return None
    totals: dict[int, float] = {}
    for f in findings:
        totals[f.value] = totals.get(f.value, 0.0) + f.weight
    value = max(totals, key=lambda v: (totals[v], -min(f.start for f in findings if f.value == v)))
    chosen = [f for f in findings if f.value == value]
    first = max(chosen, key=lambda f: f.weight)
    first.spans = [(f.start, f.end) for f in chosen if f is not first]
    first.weight = totals[value]
    return first


def covers_whole_run(doc: Doc) -> bool:
    """Does the review count the seasons of the whole series ("alle sechs Staffeln, 121
    Folgen")? Then it reviews the series, and a season it names is one part of it."""
    return search_scan(doc.lang.facts.season_whole_run, doc.low_scan)
