"""Runtime in minutes: per episode for series and seasons, total for films.

Forms: "Laufzeit: 137 Min.", "ca. 22 Minuten", "1 Std. 45 Min.", "1:47 h", "knapp zwei Stunden",
"jeweils 50–60 Minuten", "knapp halbstündige Folgen". A duration that the text marks as a total of
many episodes ("Gesamtlaufzeit") is not a per-episode runtime.
"""

from __future__ import annotations

import bisect
import re

from ..model import RUNTIME_MAX
from ..text import Doc
from ._common import (
    Finding,
    Rejected,
    ends_with_phrase,
    matches,
    starts_with_phrase,
    words_after,
    words_before,
)

FIELD = "runtime"
_APPROX_BONUS = 0.5
_PER_EPISODE_BONUS = 1.0
_EPISODE_MIN, _EPISODE_MAX = 15, 150  # minutes an episode of a series lasts


def _minutes(doc: Doc, m: re.Match[str]) -> float | None:
    gd = {k: v for k, v in m.groupdict().items() if v is not None}
    num = doc.lang.number
    if "half" in gd:
        return 30
    if "ms" in gd:
        return int(gd["ms"])  # "88:03": minutes and seconds
    if "hm" in gd:
        h, mm = gd["hm"].split(":")
        return int(h) * 60 + int(mm)
    hours = num(gd["h"]) if "h" in gd else 0
    mins = num(gd.get("m") or gd.get("m2") or "0")
    if hours is None or mins is None:
        return None
    return hours * 60 + mins


def candidates(doc: Doc, rejected: list[Rejected] | None = None) -> list[Finding]:
    lang = doc.lang
    facts = lang.facts
    approx = facts.approx
    per_ep_before = facts.per_episode
    per_ep_after = facts.per_episode_after
    totals = facts.total_runtime
    vague_before = facts.runtime_vague_before
    vague_after = facts.runtime_vague_after
    out: list[Finding] = []
    taken: list[tuple[int, int]] = []
    rules = sorted(lang.field_rules(FIELD), key=lambda r: -r.weight)
    for rule in rules:
        for m in matches(doc, rule):
            if _overlaps(taken, m.start(), m.end()):
                continue  # a stronger rule already read this stretch
            minutes = _minutes(doc, m)
            if minutes is None:
                continue
            negative = m.start() > 0 and doc.low[m.start() - 1] in "-−"  # "-5 Minuten"
            if negative or not 1 <= minutes <= RUNTIME_MAX:
                if rejected is not None:
                    value = -minutes if negative else minutes
                    rejected.append(Rejected(FIELD, round(value), m.start(), m.end()))
                continue
            before = words_before(doc.low, m.start(), 4)
            after = words_after(doc.low, m.end(), 3)
            core = before  # "jede Folge dauert etwa 45": the per-episode cue before "etwa"
            while core and core[-1] in approx:
                core = core[:-1]
            if "infobox" not in rule.tags and (
                    (before and before[-1] in vague_before) or (core and core[-1] in vague_before)
                    or (after and after[0] in vague_after)):
                continue  # "nach (knapp) einer Stunde", "eine Stunde mehr": not the runtime
            tags = set(rule.tags)
            weight = rule.weight
            if ends_with_phrase(before, approx):
                weight += _APPROX_BONUS
            if (ends_with_phrase(core, per_ep_before) or ends_with_phrase(before, per_ep_before)
                    or starts_with_phrase(after, per_ep_after)):
                tags.add("per_episode")
                weight += _PER_EPISODE_BONUS
            if any(w.rstrip(":") in totals for w in before):
                tags.add("total")
            bisect.insort(taken, (m.start(), m.end()))
            out.append(Finding(FIELD, round(minutes), m.start(), m.end(), rule.id, weight,
                               frozenset(tags)))
    return out


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps one of the sorted, disjoint spans in `taken`."""
    i = bisect.bisect_left(taken, (start, end))
    return any(0 <= j < len(taken) and taken[j][0] < end and start < taken[j][1]
               for j in (i - 1, i))


def plausible(f: Finding, serial: bool) -> bool:
    """Runtimes outside what a film or an episode lasts are asides ("zehn Minuten lang"). An
    info box's runtime is taken as it stands, except a series' above what an episode lasts
    ("Laufzeit: ca. 375 Min." on a season's discs): the discs' total, not an episode's."""
    if serial and ("total" in f.tags or f.value > _EPISODE_MAX):
        return False
    if "infobox" in f.tags:
        return True
    if serial:
        return f.value >= _EPISODE_MIN
    return 60 <= f.value <= 330
