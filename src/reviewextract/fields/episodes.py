"""Number of episodes: info-box labels, "zehn Folgen", "achtteilige Serie", "Dreiteiler"."""

from __future__ import annotations

from ..model import EPISODES_MAX
from ..text import Doc
from ._common import Finding, Rejected, ends_with_phrase, group_span, matches, words_before

FIELD = "episodes"


def candidates(doc: Doc, rejected: list[Rejected] | None = None) -> list[Finding]:
    veto = doc.lang.facts.episode_veto_before
    out: list[Finding] = []
    for rule in doc.lang.field_rules(FIELD):
        for m in matches(doc, rule):
            g = group_span(m, "num", "num2")
            if g is None:
                continue
            _, s, e = g
            if "infobox" not in rule.tags and ends_with_phrase(words_before(doc.low, s, 3), veto):
                continue
            n = doc.lang.number(doc.low[s:e])
            if n is None or n != int(n):
                continue
            if not 1 <= n <= EPISODES_MAX:
                if rejected is not None:
                    rejected.append(Rejected(FIELD, int(n), m.start(), m.end()))
                continue
            out.append(Finding(FIELD, int(n), m.start(), m.end(), rule.id, rule.weight, rule.tags))
    return out
