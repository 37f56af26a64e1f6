"""The language data contract: rules load, broken rules are refused, and the fast matching path
(guards moved out of patterns, anchors, line starts) finds exactly what the written pattern
finds."""

from __future__ import annotations

import pytest

from reviewextract.fields._common import matches
from reviewextract.lang import get_language
from reviewextract.lang.rules import Rule, RuleError, compile_rule
from reviewextract.text import Doc

from .conftest import corpus_records

LANG = get_language("de")
ALL_RULES = [r for rules in LANG.rules.values() for r in rules]


def test_every_fact_field_has_rules() -> None:
    for name in ("work_type", "season", "episodes", "runtime", "year", "directors", "rating"):
        assert LANG.field_rules(name), name


@pytest.mark.parametrize(
    ("pattern", "anchor", "message"),
    [("(?:a|b)?", None, "empty string"), ("(unclosed", None, "bad pattern"),
     ("abc", "x?", "anchor matches the empty string")],
    ids=["empty-match", "syntax", "empty-anchor"],
)
def test_broken_rules_are_refused(pattern: str, anchor: str | None, message: str) -> None:
    with pytest.raises(RuleError, match=message):
        compile_rule({"id": "t"}, "f", pattern, anchor, "test")


EXTRA_TEXTS = [
    "Ein Film\nRegie: Tom Eins\nLaufzeit: 1:47 h\nWertung: ★★★☆☆\n\nZehn Folgen à 20 Min.",
    "(2001) Staffel 3, 3. Staffel, S03E01, 12/10, 4,5 von 5 Sternen, zwei Stunden,"
    " Greta Gerwigs „X“",
    "vonvon 2010 aus 2011 ,2012er film 1:20h 90min 90-100 Minuten",
]


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.id)
def test_fast_matching_equals_the_written_pattern(rule: Rule) -> None:
    texts = [r["text"] for r in corpus_records() if r["format"] == "text"] + EXTRA_TEXTS
    for text in texts:
        doc = Doc(text, LANG)
        s = doc.text if rule.case else doc.low
        assert [m.span() for m in matches(doc, rule)] == [m.span() for m in rule.full.finditer(s)]
