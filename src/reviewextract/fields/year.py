"""The year the work came out. Only cued years count ("aus 2017", "(2006)", "kam 2019 in die
Kinos", "Produktionsjahr: 2006"); dates of a disc release, years the plot is set in and years the
reviewer watched are left out by their context."""

from __future__ import annotations

import re
from functools import cache

from ..model import YEAR_MIN, year_max
from ..text import Doc
from ._common import (
    Finding,
    Rejected,
    ends_with_phrase,
    matches,
    names_other_work,
    quoted_before,
    words_after,
    words_before,
)

FIELD = "year"
_WORK_BONUS = 1.0
_MEDIA_REACH = 4  # words after a release year in which a media word makes it the disc's
# a range of years longer than this is a person's life ("Thor Heyerdahl (1914-2002)"), not a
# series' run ("(2011-2014)"): on the extra tuning half runs spanned up to 12 years, lives 34
# and more (docs/evaluate.md)
LIFE_SPAN = 30


def candidates(doc: Doc, rejected: list[Rejected] | None = None,
               title: str | None = None) -> list[Finding]:
    """Cued years. When the review's `title` is known, a year right after another quoted name
    is that work's („96 Hours“ (2008), »East is East« aus dem Jahr 1999) and is left out."""
    lang = doc.lang
    facts = lang.facts
    veto = facts.year_veto_before
    soft_veto = facts.year_soft_veto
    works = facts.work_nouns
    others = facts.other_work_nouns
    heads = facts.other_work_heads
    date_before = facts.year_date_before  # "am 20. Juli 2023": a full date before the year
    media = lang.wordset("title_media_words")
    out: list[Finding] = []
    for rule in lang.field_rules(FIELD):
        for m in matches(doc, rule):
            s, e = m.span("year")
            year = int(m.group("year"))
            if not YEAR_MIN <= year <= year_max():
                if rejected is not None:
                    rejected.append(Rejected(FIELD, year, s, e))
                continue
            until = m.groupdict().get("until")
            if until is not None and int(until) - year > LIFE_SPAN:
                continue  # "(1914-2002)": the dates of a life
            if "infobox" not in rule.tags:
                if date_before.search(doc.low[max(0, s - 16):s]) and not _in_cinema(doc, s):
                    continue
                near = words_before(doc.low, s, 3)
                # a rule tagged "cued" matched the words before the year itself ("aus dem
                # Jahre 1929", "läuft seit 2005"): they are its cue, not a veto
                if "cued" not in rule.tags and ends_with_phrase(near, veto):
                    continue
                # "im Herbst 1983" is plot time, "kam im Herbst 2010 in die Kinos" a release
                if "release" not in rule.tags and "cued" not in rule.tags and ends_with_phrase(
                        near, soft_veto):
                    continue
                if "release" in rule.tags:
                    # "2013 erschien das Mediabook": the disc's release; "1970 veröffentlichte
                    # er sein Debütalbum", "der 1998 erschienene Roman": another work's (in the
                    # match after the year, or just after it)
                    after = words_after(doc.low, e, _MEDIA_REACH + len(doc.low[e:m.end()].split()))
                    if not media.isdisjoint(after[:_MEDIA_REACH]) or any(
                            w.endswith(heads) for w in after):
                        continue
            if title is not None:
                quoted = quoted_before(doc.text, m.start())
                if quoted is not None and names_other_work(quoted, title):
                    continue  # „96 Hours“ (2008) in a review of another work: that work's year
            weight = rule.weight
            # only a work noun right before the cue marks the year as that work's
            # ("die zweite Staffel von 2015"), not one before a maker's name
            context = words_before(doc.low, m.start(), 2)
            if any(w in others or w.endswith(heads) for w in context):
                if "infobox" not in rule.tags:
                    continue
            elif any(w in works for w in context) or _after_quote(doc.text, m.start()):
                weight += _WORK_BONUS
            out.append(Finding(FIELD, year, s, e, rule.id, weight, rule.tags,
                               spans=[(m.start(), m.end())]))
    return out


def _in_cinema(doc: Doc, pos: int) -> bool:
    """True when the sentence around `pos` speaks of the cinema ("startete am … in den Kinos")."""
    sent = doc.sentence_at(pos)
    if sent is None:
        return False
    words = _words(doc.lang.script.lower).findall(doc.low[sent.start:sent.end])
    return not doc.lang.facts.cinema_words.isdisjoint(words)


@cache
def _words(lower: str) -> re.Pattern[str]:
    """A word of lowercase letters (the language's, `[letters] lower`)."""
    return re.compile(f"[{lower}]+")


def _after_quote(text: str, pos: int) -> bool:
    """True when a closing quote mark stands right before `pos` („Dark“ aus 2017)."""
    return text[max(0, pos - 2):pos].strip()[-1:] in "“\"'»«"
