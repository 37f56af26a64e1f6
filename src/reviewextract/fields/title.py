"""The reviewed work's title.

Candidates, each described by named features: pieces of the heading lines near the start (with
review labels such as "Review:" or "DVD-Kritik (011):", stars, channel and time brackets, media
brackets, years in brackets and season suffixes cut off, lines.py telling headings from page
chrome), quoted names („…“, "…", »…«), a name before a year in brackets ("Parasite (2019)"), a
sentence subject called a work, the name after a work noun ("der Film Oppenheimer"), an
info-box "Titel:" line and the page's own title. Every candidate also gets features of its shape
(words, capitals, an opinion word, a comma), its position and how often the review names it.
A conditional logit fitted on the tuning halves (lang/de/scorers.json, tools/fit_scorers.py)
as a choice model turns the features into each candidate's probability of being the title
against "none of them"; the title stays null when "none" is likelier, and the record's
confidence is the chosen candidate's probability.
"""

from __future__ import annotations

import math

from ..lang.lexicon import get_lexicon
from ..text import Doc
from ._common import Finding
from .title_headings import heading_candidates
from .title_inline import inline_articles, inline_labels
from .title_marked import (
    before_year_candidates,
    episode_candidates,
    label_candidates,
    page_hint_candidates,
    quoted_candidates,
)
from .title_names import SEPARATOR_MARKS, apposition_candidates, mentions, subject_candidates

FIELD = "title"
_SHORT_TEXT = 600  # characters: no room to name the work twice
_PUNCT = "!?.,:;„“”\"'»«()"


def _as_features(found: list[Finding], source: str) -> list[Finding]:
    """Findings of the older generators (title_names.py) described by their source."""
    for f in found:
        f.features = {f"src.{source}": 1.0}
        f.weight = 0.0
    return found


def _shape(doc: Doc, f: Finding, values: list[str]) -> None:
    """Features every candidate gets: how it looks, where it stands, how often it recurs."""
    feats = f.features
    value = f.value
    words = value.split()
    low = value.lower()
    lang = doc.lang
    feats["shape.words"] = min(len(words), 8) / 8
    if len(words) == 1:
        feats["shape.single"] = 1.0
    letters = [c for c in value if c.isalpha()]
    if len(letters) >= 3 and all(c.isupper() for c in letters):
        feats["shape.allcaps"] = 1.0
    lower = sum(1 for w in words if w[:1].islower())
    feats["shape.lower_ratio"] = lower / len(words)
    if low in lang.wordset("chrome_labels") or low in lang.wordset("generic_subjects") or (
            words[-1].lower() in lang.wordset("chrome_labels") and len(words) <= 2):
        feats["shape.generic"] = 1.0
    if f.start - doc.content_start < 300:
        feats["pos.early"] = 1.0
    if "," in value:
        feats["shape.comma"] = 1.0
    if value.endswith("!"):
        feats["shape.exclaim"] = 1.0  # "Gerade gesehen und maßlos enttäuscht!": a cry
    if len(words) <= 3 and words[-1].lower().endswith(lang.words("genre_heads")):
        feats["shape.genre"] = 1.0  # "Katastrophenfilme", "Heimatkrimi": a kind of work
    if len(words) == 2 and words[0][:1].isdigit():
        feats["shape.count"] = 1.0  # "929 Kritiken", "65% Bewertung": a page's counter
    lexicon = get_lexicon(lang.code)
    if any(lexicon.lookup(w.strip(_PUNCT)) is not None for w in low.split()):
        feats["shape.polar"] = 1.0  # "Super Komödie", "Totaler Reinfall": an opinion headline
    n = mentions(doc, value, (f.start, f.end))
    feats["mentions"] = math.log1p(n)
    if n == 0 and len(doc.text) > _SHORT_TEXT:
        feats["mentions.none"] = 1.0  # a short text has no room to name the work twice
    kind = doc.line_kind_at(f.start)
    if kind in ("chrome", "meta"):
        feats["line.chrome"] = 1.0
    series = lang.wordset("film_series")
    if any(doc.low_scan.positions(name) for name in series):
        feats["series.mentioned"] = 1.0
    if 2 <= len(words) <= 3 and words[0].lower() in lang.wordset("first_names") and all(
            w[:1].isupper() for w in words):
        feats["shape.person"] = 1.0  # "Martin Schwarz" under a headline: the author
    longer = [v for v in values if len(v) > len(low) and v.startswith(low)
              and not v[len(low)].isalnum()]
    if longer:
        feats["rel.prefix_of_other"] = 1.0
    if any(len(v) < len(low) and low.startswith(v) and not low[len(v)].isalnum() for v in values):
        feats["rel.extends_other"] = 1.0


def candidates(doc: Doc) -> list[Finding]:
    found = (heading_candidates(doc) + quoted_candidates(doc) + before_year_candidates(doc)
             + episode_candidates(doc) + _as_features(subject_candidates(doc), "subject")
             + _as_features(apposition_candidates(doc), "apposition")
             + page_hint_candidates(doc) + label_candidates(doc) + inline_articles(doc)
             + inline_labels(doc))
    merged: dict[str, Finding] = {}
    for f in found:
        key = f.value.lower()
        if key in merged:
            old = merged[key]
            for k, v in f.features.items():
                old.features[k] = max(old.features.get(k, 0.0), v)
            old.spans.append((f.start, f.end))
            if f.start < old.start:  # the evidence starts at the first statement
                old.spans.append((old.start, old.end))
                old.start, old.end = f.start, f.end
        else:
            merged[key] = f
    # "Tatort", "Polizeiruf 110": the name of a series of standalone TV films never names the
    # film itself (its episode title does); a production country alone ("Deutschland" under
    # "Produktionsland") is a film's data, not its name
    series = doc.lang.wordset("film_series")
    countries = doc.lang.wordset("production_countries")
    out = [f for f in merged.values()
           if not _series_name(f.value.lower(), series, doc.lang.words("genitive_endings"))
           and f.value.lower() not in countries]
    values = [f.value.lower() for f in out]
    for f in out:
        _shape(doc, f, values)
    return out


def _series_name(low: str, series: frozenset[str], endings: tuple[str, ...]) -> bool:
    """Is `low` the name of a series of standalone TV films, or its genitive ("des Tatorts")?"""
    return low in series or any(low.endswith(e) and low[:-len(e)] in series for e in endings)


def score(doc: Doc, findings: list[Finding]) -> float:
    """Set each candidate's probability of being the title (the fitted choice model); returns
    the probability that none of them is."""
    probs, none = doc.lang.scorer(FIELD).choice([f.features for f in findings])
    for f, p in zip(findings, probs, strict=True):
        f.probability = p
    return none


def resolve(doc: Doc, findings: list[Finding]) -> Finding | None:
    """The most probable candidate, or None when "none of them" is likelier."""
    none = score(doc, findings)
    return choose(findings, none, doc.lang.scorer(FIELD).params.get("prefer_longer", 1.0))


def choose(findings: list[Finding], threshold: float, prefer_longer: float) -> Finding | None:
    """The candidate with the highest probability; a longer name that starts with it ("Dune"
    beside "Dune: Part Two") wins when its own probability reaches `prefer_longer`. None when
    the choice is below `threshold` (the probability of "none of them"). `prefer_longer` is
    fitted (tools/fit_scorers.py)."""
    if not findings:
        return None
    top = max(findings, key=lambda f: (f.probability or 0.0, -f.start))
    low = top.value.lower()
    longer = [f for f in findings if (f.probability or 0.0) >= prefer_longer
              and len(f.value) > len(top.value) and f.value.lower().startswith(low)
              and f.value[len(low):].lstrip()[:1] in SEPARATOR_MARKS]
    if longer:
        top = max(longer, key=lambda f: (f.probability or 0.0, -f.start))
    return top if (top.probability or 0.0) >= threshold else None
