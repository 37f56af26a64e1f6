"""The contract of a language folder: what the general code reads from it, as typed fields.

Each area is a frozen dataclass; its fields are the entries the code reads by name. A field
typed `WordSet` or `WordList` is a word list of the folder's `[lists]` (cues.toml, lines.toml
and evaluative.toml share one namespace), one typed `Pattern` an entry of its `[patterns]`; the
other fields come from the file the field's comment names. `lang/base.py` fills every area when
the language loads, so a missing entry, or one of the wrong kind, fails then, with its name in
the message, not on the first review that reaches the code reading it.

The areas (docs/extending.md lists every entry):

- `Script`: how the language is written (letters, number and ordinal forms);
- `Facts`: what the fact fields read (`fields/*.py`), and `RULE_GROUPS`, what their rules give;
- `Opinions`: what pros, cons, verdict and sentiment read, with the opinion lexicon;
- `Pages`: what line kinds and page metadata read, with the page cues;
- `Evaluation`: what the evaluator folds and drops before it compares phrases;

plus the fitted scorers each area needs (`SCORERS`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from .folder import LanguageDataError

if TYPE_CHECKING:
    from .lexicon_model import Lexicon
    from .page import PageCues

__all__ = ["RULE_GROUPS", "SCORERS", "Evaluation", "Facts", "Opinions", "Pages", "Pattern",
           "Script", "WordList", "WordSet", "fill_area", "letters", "word_list"]

WordSet = frozenset[str]  # a word list the code looks words up in
WordList = tuple[str, ...]  # a word list whose order the code uses (tried first to last)
Pattern = re.Pattern[str]  # a compiled entry of [patterns]
# the kinds `fill_area` takes from the lists and patterns, by the name a field is annotated with
_FROM_DATA = {"WordSet": "word list", "WordList": "word list", "Pattern": "pattern"}


@dataclass(frozen=True, slots=True)
class Script:
    """How the language is written (language.toml, numbers.toml)."""

    upper: str  # [letters] upper: its capitals as a regex class body ("A-Z…")
    lower: str  # [letters] lower: its lowercase letters, the same way
    ordinal_period: bool  # numbers.toml: "3." is an ordinal; a capital after it goes on
    digit_ordinal_suffixes: WordList  # numbers.toml: endings after an ordinal's digits
    decimal_separator: str  # numbers.toml: "7,5"
    thousands_separator: str  # numbers.toml: "1.500"


@dataclass(frozen=True, slots=True)
class Facts:
    """What the fact fields read (cues.toml and lines.toml)."""

    # fields/runtime.py
    approx: WordSet
    per_episode: WordSet
    per_episode_after: WordSet
    total_runtime: WordSet
    runtime_vague_before: WordSet
    runtime_vague_after: WordSet
    # fields/episodes.py
    episode_veto_before: WordSet
    # fields/season.py
    season_veto_before: WordSet
    season_veto_after: WordSet
    definite: WordSet
    season_topic_openers: WordSet
    season_whole_run: Pattern  # "alle sechs Staffeln": a review of the whole series
    # fields/year.py
    year_veto_before: WordSet
    year_soft_veto: WordSet
    work_nouns: WordSet
    other_work_nouns: WordSet
    other_work_heads: WordList  # "Jugendroman", "Debütalbum": a compound of another work
    cinema_words: WordSet
    year_date_before: Pattern
    # fields/directors.py
    name_particles: WordSet
    name_article_particles: WordSet  # "den": within a name of two words only after "van"
    name_stopwords: WordSet
    name_separator: Pattern
    director_after_title: Pattern  # "X von Y" after the review's title: Y made it
    other_credit_words: WordSet  # a weak cue beside another credit names no director
    director_past_markers: WordSet  # "Regie damals X": the director of an earlier work
    director_role_stems: WordList  # "Erfolgsregisseur X": a word of a role, not of the name
    # fields/rating.py
    rating_of_others: WordList  # a score given to others (a rating site, the audience)
    rating_aspect_labels: WordSet  # a score of the disc's picture or sound, not of the work
    rating_overall_labels: WordSet  # a score of the whole ("Gesamtwertung"), in any section
    # fields/title.py and fields/title_names.py
    title_labels: WordSet
    title_prefixes: WordList
    title_review_prefixes: WordList
    title_review_suffixes: WordSet
    title_media_words: WordList
    title_edition_words: WordSet  # "Special Edition [Blu-ray]": cut with the media word
    title_inline_articles: WordList  # capitalised inside a sentence: a name opens (case-kept)
    work_noun_plural_letters: WordList  # fields/title_names.py: "Filme" → "Film"
    superlative_endings: WordList  # fields/title_names.py: "der beste …"
    title_separators: WordList
    title_reject: WordSet
    broadcasters: WordSet  # fields/title_names.py: a channel's name is no title
    title_glue_words: WordSet
    # fields/title_inline.py: glue inside a name only before an article ("Der Mann mit der
    # Todeskralle"; "X mit Marlon Brando" ends at "mit")
    title_glue_before_article: WordSet
    title_of_linkers: WordList
    film_series: WordList
    production_countries: WordSet  # fields/title*.py: a country alone is a film's data
    first_names: WordSet
    genre_heads: WordList  # "Katastrophenfilme", "Heimatkrimi": ends of a genre noun
    generic_subjects: WordSet
    definite_articles: WordSet
    indefinite_articles: WordSet
    comparison_cues: WordSet
    copula: WordList
    season_nouns: WordSet
    function_words: WordSet
    chrome_labels: WordSet
    apposition_articles: WordSet
    apposition_adjectives: WordSet
    apposition_work_nouns: WordList
    genitive_endings: WordList
    film_nouns_after_genitive: WordList  # fields/directors.py: "Regisseur X-s Film"
    title_season_suffix: Pattern
    title_year_cue: Pattern
    title_apposition: Pattern
    heading_label: Pattern
    heading_info_bracket: Pattern
    title_inline_label: Pattern  # "(dt. X, engl. Y)": a title label inside the text
    title_maker_genitive: Pattern  # "Greta Gerwigs „Barbie“": a maker before a quoted name
    title_column_label: Pattern  # "Media Monday #295", "Kurzfilm der Woche": a column's name


@dataclass(frozen=True, slots=True)
class Opinions:
    """What pros, cons, verdict and sentiment read (evaluative.toml, cues.toml)."""

    # opinions/evaluative.py
    reviewer_words: WordSet
    plot_words: WordSet
    work_parts: WordSet
    # opinions/verdict.py
    pro_con_labels: WordSet
    work_nouns: WordList
    copula: WordSet
    # opinions/polarity.py: a preposition between a negator and a blame word shields it
    prepositions: WordSet
    lexicon: Lexicon  # opinions.toml and lexicon.tsv (lang/lexicon.py checks them)


@dataclass(frozen=True, slots=True)
class Pages:
    """What line kinds (lines.py) and page metadata (pagemeta.py, html.py, markup.py) read."""

    chrome_labels: WordSet
    chrome_tag_words: WordSet
    info_labels: WordSet
    chrome_line: Pattern
    meta_line: Pattern
    info_line: Pattern
    info_label_joiner: Pattern  # "Recherche & Buch:": labels joined
    chrome_word: Pattern  # one compound with a section head: "Streaming-Tipps"
    site_line: Pattern  # a site's name or motto: a domain, "…blog …"
    first_names: WordSet  # a heading of a first name and a surname beside a dateline: byline
    crew_line: Pattern  # a role line ("Cutter/in von:"): the heading above names a person
    listing_item: Pattern
    listing_cue: Pattern  # a line that announces a list: "Top 13: …"
    cues: PageCues  # page.toml (lang/page.py checks it)


@dataclass(frozen=True, slots=True)
class Evaluation:
    """What the evaluator (evaluate.py) folds and drops before it compares phrases."""

    function_words: WordSet
    folds: Mapping[str, str]  # language.toml [spelling] folds: "ä" = "ae"


# the named groups each fact field reads from a rule's match; a rule must have one of them, or
# give a constant `value`, or (directors) read the names after its match (tag "names_after")
RULE_GROUPS: dict[str, frozenset[str]] = {
    "work_type": frozenset(),
    "season": frozenset({"num", "ord"}),
    "year": frozenset({"year"}),
    "episodes": frozenset({"num", "num2"}),
    "runtime": frozenset({"h", "m", "m2", "hm", "half", "ms"}),
    "directors": frozenset({"names"}),
    "rating": frozenset({"val", "stars", "pct"}),
}

# the fitted scorers (scorers.json) the code reads, each with the parameters it reads; the
# calibrations "confidence.<field>" are optional
SCORERS: dict[str, tuple[str, ...]] = {
    "title": (),
    "points": (),
    "verdict": (),
    "sentiment.positive": (),
    "sentiment.mixed": (),
    "sentiment.negative": (),
    "sentiment.rating": ("high", "low"),
}

Area = TypeVar("Area")


def fill_area(area: type[Area], code: str, lists: Mapping[str, tuple[str, ...]],
              patterns: Mapping[str, re.Pattern[str]], **given: Any) -> Area:
    """An area with every word list and pattern it names taken from the language's data, the
    other fields from `given`; a `LanguageDataError` names the first entry that is missing or
    of the other kind."""
    values = dict(given)
    for f in dataclasses.fields(area):  # type: ignore[arg-type]
        if f.name in given:
            continue
        kind = _FROM_DATA[str(f.type)]
        if kind == "pattern" and f.name in patterns:
            values[f.name] = patterns[f.name]
        elif kind == "word list" and f.name in lists:
            words = lists[f.name]
            values[f.name] = frozenset(words) if f.type == "WordSet" else words
        else:
            other = ("a word list" if f.name in lists else "a pattern" if f.name in patterns
                     else "missing")
            where = "[lists]" if kind == "word list" else "[patterns]"
            raise LanguageDataError(
                f"{code}: {area.__name__.lower()} need the {kind} {f.name!r} ({where} of "
                f"cues.toml, lines.toml or evaluative.toml); it is {other}")
    return area(**values)


def word_list(value: Any, where: str) -> tuple[str, ...]:
    """A word list as the data gives it: a non-empty array of non-empty strings."""
    if not isinstance(value, list) or not value:
        raise LanguageDataError(f"{where} must be a non-empty list of words, not {value!r}")
    bad = [w for w in value if not isinstance(w, str) or not w]
    if bad:
        raise LanguageDataError(f"{where} holds {bad[0]!r}, not a word")
    return tuple(value)


def letters(data: Mapping[str, Any], code: str) -> tuple[str, str]:
    """(upper, lower) of language.toml's [letters]: class bodies that compile as a class."""
    table = data.get("letters")
    if not isinstance(table, dict):
        raise LanguageDataError(f"{code}: language.toml has no [letters] table")
    out = []
    for key in ("upper", "lower"):
        body = table.get(key)
        if not isinstance(body, str) or not body:
            raise LanguageDataError(f"{code}: language.toml: [letters] {key} must be a "
                                    "non-empty string (a character class body such as 'a-z')")
        try:
            re.compile(f"[{body}]")
        except re.error as exc:
            raise LanguageDataError(f"{code}: language.toml: [letters] {key}: {exc}") from exc
        out.append(body)
    return out[0], out[1]
