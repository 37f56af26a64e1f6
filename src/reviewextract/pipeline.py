"""extract(text) -> Review: normalise, run every field module, resolve, build the record.

The module is not named after the function: `reviewextract.extract` must stay the function
whatever module a program imports first (a submodule becomes an attribute of its package).

No German words live here: all language knowledge comes from the `Language` object.
"""

from __future__ import annotations

import math

from . import DEFAULT_LANGUAGE
from .fields import directors, episodes, opinions, rating, runtime, season, title, work_type, year
from .fields._common import Finding, Rejected, best
from .guard import DEFAULT_MAX_CHARS, prepare_input
from .lang import get_language
from .lines import before_entries, first_entry, listing_items
from .model import Evidence, PageMeta, Review, Warning_, WorkType
from .record import build_review
from .text import Doc

__all__ = ["DEFAULT_MAX_CHARS", "extract", "extract_facts"]

_SERIAL = (WorkType.SERIES, WorkType.SEASON, WorkType.MINISERIES)
_PER_EPISODE_VOTE = 1.0


def calibrated(doc: Doc, name: str, raw: float, rule: str | None = None) -> float:
    """The confidence of a value of field `name`: the finding's raw confidence (a fitted
    probability, or a reading of its rule weight) and the rule that found it, mapped by the
    field's fitted calibration ("confidence.<field>" in lang/<code>/scorers.json), so that of
    the values given with confidence p about a share p is right. Without a calibration, the
    raw confidence."""
    cal = doc.lang.scorers.get(f"confidence.{name}")
    if cal is None:
        return raw
    p = min(max(raw, 0.001), 0.999)
    feats = {"logit": math.log(p / (1 - p))}
    if rule is not None:
        feats[f"rule.{rule}"] = 1.0  # a rule the calibration has not seen weighs nothing
    return round(min(0.99, cal.probability(feats)), 2)


def _evidence(doc: Doc, f: Finding, name: str) -> list[Evidence]:
    confidence = calibrated(doc, name, f.confidence, f.rule)
    spans = [(f.start, f.end), *f.spans]
    out: list[Evidence] = []
    seen: set[tuple[int, int]] = set()
    for s, e in spans:
        if (s, e) in seen or e <= s:
            continue
        seen.add((s, e))
        out.append(Evidence(start=s, end=e, text=doc.text[s:e], rule=f.rule,
                            confidence=confidence))
    return out


def extract_facts(doc: Doc, intro: str | None = None
                  ) -> tuple[dict[str, object], dict[str, list[Evidence]], list[Warning_]]:
    """Resolve every fact field. Returns values, evidence per field and warnings. On a listing
    page, `intro` is the text before its first entry (the rest blanked): where the entry names
    no kind of work, the list's announcement may ("Die 10 besten Krimi-Serien"), and an
    announced documentary outranks an entry that only says "Film" (`work_type.from_intro`)."""
    values: dict[str, object] = {}
    evidence: dict[str, list[Evidence]] = {}
    warnings: list[Warning_] = []

    def keep(name: str, f: Finding | None) -> None:
        if f is not None:
            values[name] = f.value
            evidence[name] = _evidence(doc, f, name)

    keep("title", title.resolve(doc, title.candidates(doc)))
    mentions = season.candidates(doc, every_mention=True)
    season_f = season.resolve([f for f in mentions if "other_season" not in f.tags])
    if season_f is not None and season.covers_whole_run(doc):
        season_f = None  # "sechs Staffeln … die erste Staffel ist stark": the whole series
    rejected: list[Rejected] = []
    all_runs = runtime.candidates(doc, rejected)
    kinds = work_type.candidates(doc)
    # "acht Episoden à 50 Minuten": a runtime per episode is one more vote for a series
    kinds += [Finding("work_type", WorkType.SERIES, f.start, f.end, "work_type.per_episode_runtime",
                      _PER_EPISODE_VOTE) for f in all_runs if "per_episode" in f.tags][:1]
    kind = work_type.resolve(kinds, season_f)
    keep("work_type", kind)
    if intro is not None and (kind is None or kind.value == WorkType.MOVIE):
        intro_doc = Doc(intro, doc.lang)
        listed = work_type.resolve(work_type.candidates(intro_doc))
        if listed is not None and work_type.from_intro(kind, listed):
            kind = listed
            evidence["work_type"] = _evidence(intro_doc, listed, "work_type")
    kind_value = kind.value if kind is not None else WorkType.MOVIE
    values["work_type"] = kind_value
    if kind_value == WorkType.SEASON:
        keep("season", season_f)
    named = values.get("title")
    title_value = named if isinstance(named, str) else None  # the quoted works that are others
    keep("year", best(year.candidates(doc, rejected, title_value)))
    serial = kind_value in _SERIAL
    if serial:
        counts = episodes.candidates(doc, rejected)
        if counts and season_f is not None and kind_value == WorkType.SEASON:
            counts = _this_season(doc, counts, mentions, season_f.value)
        keep("episodes", best(counts))
    # a documentary series ("vier Folgen à 45 Minuten") states its runtime per episode too
    per_episode = serial or (kind_value == WorkType.DOCUMENTARY
                             and any("per_episode" in f.tags for f in all_runs))
    runs = [f for f in all_runs if runtime.plausible(f, per_episode)]
    if per_episode and any("per_episode" in f.tags for f in runs):
        runs = [f for f in runs if "per_episode" in f.tags or "infobox" in f.tags]
    keep("runtime_minutes", best(runs))
    names = directors.resolve(directors.candidates(doc, title_value))
    if names:
        values["directors"] = [f.value for f in names]
        evidence["directors"] = [ev for f in names for ev in _evidence(doc, f, "directors")]
    keep("rating", rating.resolve(rating.candidates(doc, rejected)))
    warnings.extend(_dropped(doc, rejected))
    return values, evidence, warnings


def _this_season(doc: Doc, found: list[Finding], seasons: list[Finding],
                 number: int) -> list[Finding]:
    """Leave out what a sentence says about another season than the reviewed one: in "the
    first season, all eight episodes directed by X" the eight belong to season 1, not to the
    season 2 under review. A sentence that names the reviewed season too keeps its findings."""
    if not found:
        return found
    named: dict[int, set[int]] = {}  # sentence start -> season numbers it names
    for f in seasons:
        sent = doc.sentence_at(f.start)
        if sent is not None:
            named.setdefault(sent.start, set()).add(f.value)
    out = []
    for f in found:
        sent = doc.sentence_at(f.start)
        there = named.get(sent.start, set()) if sent is not None else set()
        if not there or number in there:
            out.append(f)
    return out


def _dropped(doc: Doc, rejected: list[Rejected]) -> list[Warning_]:
    """One warning per impossible value the text states ("9999 Folgen"): dropped, not kept."""
    out: list[Warning_] = []
    for r in rejected:
        name = "runtime_minutes" if r.field == "runtime" else r.field
        out.append(Warning_(code="dropped_value", field=name, message=(
            f"{name} {r.value} stated at {r.start}..{r.end} ({doc.text[r.start:r.end]!r}) is "
            "impossible and was dropped")))
    return out


def extract(text: str | bytes, *, language: str = DEFAULT_LANGUAGE,
            max_chars: int = DEFAULT_MAX_CHARS, meta: PageMeta | None = None) -> Review:
    """Extract a `Review` record from the plain text of one German film or TV review.

    `meta` carries what is known about the page the text came from (HTML input): its
    `title_hint` is weighed as one more title candidate, never trusted on its own.
    """
    # guard.py: errors for unusable input, normalised text, language check (issue 7)
    checked = prepare_input(text, language=language, max_chars=max_chars)
    text = checked.text
    meta = meta.model_copy() if meta is not None else PageMeta()
    from .pagemeta import fill_from_text  # byline / dateline where the page gave none

    meta = fill_from_text(meta, text, language)
    meta.encoding = checked.encoding or meta.encoding
    if not checked.extractable:
        return Review(language=checked.language, warnings=checked.warnings, source_text=text,
                      meta=meta)
    lang = get_language(language)
    doc = Doc(text, lang, title_hint=meta.title_hint)
    listing = []
    intro = None
    items = listing_items(doc)
    if items:
        # a listing page (several short reviews): the first entry is read, the rest blanked
        doc = Doc(first_entry(text, items), lang, title_hint=meta.title_hint, listing=True)
        intro = before_entries(text, items)
        listing = [Warning_(code="listing_page", message=(
            f"the text lists {len(items)} reviews; only the first (characters "
            f"{items[0]}..{items[1]}) was read"))]
    values, evidence, warnings = extract_facts(doc, intro)
    ops = opinions.extract_opinions(doc, values.get("rating"),  # type: ignore[arg-type]
                                    values.get("title"))  # type: ignore[arg-type]
    return build_review(dict(**values, pros=ops.pros, cons=ops.cons, verdict=ops.verdict,
                             sentiment=ops.sentiment, evidence=evidence,
                             warnings=[*checked.warnings, *listing, *warnings],
                             language=checked.language,
                             source_text=text, meta=meta))
