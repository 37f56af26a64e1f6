"""The polarity lexicon and opinion cue tables of a language, validated once at first use.

A language folder provides `lexicon.tsv` (`term<TAB>weight<TAB>kind`, weight in -3..3, not 0;
kinds `word`, `adj`, `noun`, `head`, `stem`, `phrase`; a phrase `verb … particle` is a separable
verb) and `opinions.toml` (negators, modifiers, clause words, trims, verdict cues, aspects); both
are described in docs/opinions.md. An empty list, a duplicate term, a zero or out-of-range
weight, an unknown kind and a malformed line are errors (`LanguageDataError`).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from functools import cache
from importlib.resources.abc import Traversable
from typing import Any

from .. import DEFAULT_LANGUAGE
from .folder import LanguageDataError, folder_of, read_text
from .lexicon_model import MAX_TOKEN, MIN_STEM, Derivation, Entry, Lexicon, Profile

__all__ = ["MAX_TOKEN", "Entry", "Lexicon", "Profile", "build_lexicon", "get_lexicon",
           "load_lexicon", "parse_lexicon_tsv"]

WEIGHT_LIMIT = 3.0
SPLIT = "…"  # in a phrase "verb … particle": any words between, the particle ends the clause
KINDS = frozenset({"word", "adj", "noun", "head", "stem", "phrase"})


def _fail(code: str, msg: str) -> LanguageDataError:
    return LanguageDataError(f"{code}: {msg}")


def parse_lexicon_tsv(code: str, text: str) -> list[tuple[str, float, str]]:
    """Rows of a lexicon.tsv, checked: three columns, a known kind, a non-zero weight in range."""
    rows: list[tuple[str, float, str]] = []
    seen: set[str] = set()
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) != 3:
            raise _fail(code, f"lexicon.tsv:{n}: expected term, weight, kind: {raw!r}")
        term, weight_s, kind = " ".join(cols[0].lower().split()), cols[1], cols[2]
        try:
            weight = float(weight_s)
        except ValueError:
            raise _fail(code, f"lexicon.tsv:{n}: weight {weight_s!r} is not a number") from None
        if weight == 0 or abs(weight) > WEIGHT_LIMIT:
            raise _fail(code, f"lexicon.tsv:{n}: weight {weight} not in ±(0, {WEIGHT_LIMIT}]")
        if kind not in KINDS:
            raise _fail(code, f"lexicon.tsv:{n}: unknown kind {kind!r}")
        if (" " in term) != (kind == "phrase"):
            raise _fail(code, f"lexicon.tsv:{n}: kind phrase is for (only) multi-word terms")
        if kind == "stem" and len(term) < MIN_STEM:
            raise _fail(code, f"lexicon.tsv:{n}: stem {term!r} shorter than {MIN_STEM}")
        if term in seen:
            raise _fail(code, f"lexicon.tsv:{n}: duplicate term {term!r}")
        seen.add(term)
        rows.append((term, weight, kind))
    if not rows:
        raise _fail(code, "lexicon.tsv is empty")
    return rows


def _words(code: str, data: dict[str, Any], section: str, key: str) -> tuple[str, ...]:
    try:
        items = data[section][key]
    except KeyError:
        raise _fail(code, f"opinions.toml: missing [{section}] {key}") from None
    if not items:
        raise _fail(code, f"opinions.toml: [{section}] {key} is empty")
    out = tuple(" ".join(str(w).lower().split()) for w in items)
    dup = {w for w in out if out.count(w) > 1}
    if dup:
        raise _fail(code, f"opinions.toml: [{section}] {key} repeats {sorted(dup)}")
    return out


def _weights(code: str, data: dict[str, Any], section: str, key: str,
             low: float, high: float) -> dict[str, float]:
    table = data.get(section, {}).get(key)
    if not table:
        raise _fail(code, f"opinions.toml: [{section}.{key}] is missing or empty")
    out: dict[str, float] = {}
    for w, v in table.items():
        if not isinstance(v, int | float) or not low <= float(v) <= high:
            raise _fail(code, f"opinions.toml: [{section}.{key}] {w!r} = {v!r} "
                              f"not in {low}..{high}")
        out[" ".join(w.lower().split())] = float(v)
    return out


def _split(table: Iterable[str]) -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    words = frozenset(w for w in table if " " not in w)
    phrases = tuple(tuple(w.split()) for w in table if " " in w)
    return words, phrases


def _inflected(term: str, kind: str, endings: dict[str, tuple[str, ...]],
               e_dropping: tuple[str, ...], degrees: tuple[str, ...] = ()) -> list[str]:
    """The forms a term is matched in: itself plus its endings; an adjective whose end is one
    of `e_dropping` ([endings] e_dropping: "el", "er") also drops that end's first letter
    before an ending (passabel → passable, teuer → teure). An adjective also takes each of
    `degrees` ([endings] degrees: "er", "st", "est") with and without an ending: its
    comparative and superlative (originell → origineller, originellsten)."""
    if kind == "word":
        return [term]
    ends = endings["adj" if kind == "adj" else "noun"]
    out = [term, *(term + e for e in ends)]
    tail = next((t for t in e_dropping if term.endswith(t)), None)
    stems = [term]
    if kind == "adj" and len(term) > 4 and tail is not None:
        stems.append(term[:-len(tail)] + tail[1:])
        out += [stems[-1] + e for e in ends]
    if kind == "adj":
        out += [stem + d + e for stem in stems for d in degrees for e in ("", *ends)]
    return out


def _optional_words(code: str, data: dict[str, Any], section: str, key: str) -> tuple[str, ...]:
    """A word list that a language may leave out (then empty); checked like the others."""
    return _words(code, data, section, key) if key in data.get(section, {}) else ()


def _derivation(code: str, data: dict[str, Any], adj_endings: tuple[str, ...]) -> Derivation:
    """The optional `[derivation]` table of opinions.toml (`lexicon_model.Derivation`)."""
    table = data.get("derivation")
    if table is None:
        return Derivation()

    def words(key: str) -> tuple[str, ...]:
        return _optional_words(code, data, "derivation", key)

    lacking, having = words("lacking"), words("having")
    factor, weight = table.get("prefix_factor", 0.8), table.get("weight", 1.0)
    for name, value in (("prefix_factor", factor), ("weight", weight)):
        if not isinstance(value, int | float) or not 0 < value <= 3:
            raise _fail(code, f"opinions.toml: [derivation] {name} must be a number in (0, 3]")
    ends = tuple(s + e for s in (*lacking, *having) for e in ("", *adj_endings))
    return Derivation(prefixes=words("prefixes"), prefix_factor=float(factor), lacking=lacking,
                      having=having, weight=float(weight), linking=words("linking"),
                      qualities=frozenset(words("qualities")),
                      endings=frozenset(("", *adj_endings)), ends=ends)


def build_lexicon(code: str, rows: list[tuple[str, float, str]], data: dict[str, Any]) -> Lexicon:
    endings = {k: _words(code, data, "endings", k) for k in ("adj", "noun")}
    e_dropping = _optional_words(code, data, "endings", "e_dropping")
    degrees = _optional_words(code, data, "endings", "degrees")
    forms: dict[str, Entry] = {}
    stems: dict[str, Entry] = {}
    heads: dict[str, Entry] = {}
    phrases: dict[tuple[str, ...], Entry] = {}
    split: dict[tuple[str, str], Entry] = {}
    for term, weight, kind in rows:
        entry = Entry(term, weight, kind)
        if kind == "phrase" and term.split()[1:-1] == [SPLIT]:
            split[term.split()[0], term.split()[-1]] = entry
        elif kind == "phrase":
            phrases[tuple(term.split())] = entry
        elif kind == "stem":
            stems[term] = entry
        else:
            for form in _inflected(term, kind, endings, e_dropping, degrees):
                # an explicit entry for an inflected form wins over a generated one
                if form == term or form not in forms:
                    forms[form] = entry
                if kind == "head":
                    heads.setdefault(form, entry)
    derivation = _derivation(code, data, endings["adj"])
    for marker_key, sign in (("plenty", 1.0), ("lack", -1.0)):
        # "viel Humor", "keine Spannung": a quality noun after a word of plenty or of lack
        for marker in _optional_words(code, data, "derivation", marker_key):
            for noun in sorted(derivation.qualities):
                for form in _inflected(noun, "noun", endings, ()):
                    key = (*marker.split(), form)
                    if key not in phrases:
                        phrases[key] = Entry(" ".join(key), sign * derivation.weight, "phrase")
    neg_words, neg_phrases = _split(_words(code, data, "negation", "words"))
    mods = {**_weights(code, data, "modifiers", "intensifiers", 1.0, 3.0),
            **_weights(code, data, "modifiers", "downtoners", 0.1, 1.0)}
    cues = _weights(code, data, "verdict", "cues", 0.1, 10.0)
    anywhere = _weights(code, data, "verdict", "anywhere", 0.1, 10.0)
    neutral = frozenset(tuple(p.split()) for p in _words(code, data, "neutral", "phrases"))
    aspects: dict[str, str] = {}
    for label in data.get("aspects", {}):
        for w in _words(code, data, "aspects", label):
            if w in aspects:
                raise _fail(code, f"opinions.toml: aspect word {w!r} under two labels")
            aspects[w] = label
    if not aspects:
        raise _fail(code, "opinions.toml: [aspects] is empty")
    return Lexicon(
        code=code, forms=forms, stems=stems, heads=heads, phrases=phrases,
        negators=neg_words, negator_phrases=neg_phrases,
        comparatives=frozenset(_words(code, data, "negation", "comparatives")),
        than=frozenset(_words(code, data, "negation", "than")),
        modifiers={k: v for k, v in mods.items() if " " not in k},
        modifier_phrases={tuple(k.split()): v for k, v in mods.items() if " " in k},
        neutral=neutral,
        meta_nouns=frozenset(_words(code, data, "meta", "nouns")),
        excess=frozenset(_words(code, data, "excess", "markers")),
        excess_exempt=frozenset(_words(code, data, "excess", "exempt")),
        excess_adjectives=frozenset(_words(code, data, "excess", "adjectives")),
        adjective_suffixes=_words(code, data, "excess", "adjective_suffixes"),
        split_words=frozenset(_words(code, data, "clauses", "split_words")),
        coordinators=frozenset(_words(code, data, "clauses", "coordinators")),
        subject_starts=frozenset(_words(code, data, "clauses", "subject_starts")),
        corrective_conjunctions=frozenset(_words(code, data, "clauses", "correction")),
        hypothetical=frozenset(_words(code, data, "clauses", "hypothetical")),
        irrealis=frozenset(_words(code, data, "clauses", "irrealis")),
        wishes=frozenset(_optional_words(code, data, "clauses", "wishes")),
        lack_verbs=frozenset(_optional_words(code, data, "negation", "lack_verbs")),
        adverbs_first=frozenset(_words(code, data, "modifiers", "adverbs_first")),
        relative_pronouns=frozenset(_words(code, data, "clauses", "relative_pronouns")),
        determiners=frozenset(_words(code, data, "clauses", "determiners")),
        plain_tails=frozenset(_words(code, data, "compounds", "plain_tails")),
        concessive=frozenset(_words(code, data, "clauses", "concessive")),
        subordinate_concession=frozenset(
            tuple(p.split()) for p in _words(code, data, "clauses", "subordinate_concession")),
        trim_leading=frozenset(_words(code, data, "trim", "leading")),
        trim_trailing=frozenset(_words(code, data, "trim", "trailing")),
        verdict_cues={tuple(k.split()): v for k, v in cues.items()},
        verdict_anywhere={tuple(k.split()): v for k, v in anywhere.items()},
        verdict_labels=frozenset(_words(code, data, "verdict", "labels")),
        verdict_decisive=frozenset(_optional_words(code, data, "verdict", "decisive")),
        verdict_tails=tuple(_words(code, data, "verdict", "tails")),
        verdict_totals=frozenset(tuple(k.split()) for k in _optional_words(
            code, data, "verdict", "totals")),
        aspects=aspects,
        skip_line_prefixes=_words(code, data, "skip", "line_prefixes"),
        signature_lines=frozenset(_words(code, data, "skip", "signature_lines")),
        endings=endings,
        transliterations=tuple((str(k), str(v)) for k, v in data.get("transliterations",
                                                                     {}).items()),
        phrase_starts=frozenset(p[0] for p in (*phrases, *neg_phrases, *neutral, *split,
                                               *(tuple(k.split()) for k in mods))),
        split_phrases=split,
        cue_starts=frozenset(k.split()[0] for k in (*cues, *anywhere)),
        derivation=derivation,
        max_phrase=max([len(p) for p in phrases] + [len(p) for p in neg_phrases]
                       + [len(p) for p in neutral] + [1]),
    )


def load_lexicon(code: str, folder: Traversable) -> Lexicon:
    """The lexicon of the language folder `folder`."""
    tsv = read_text(folder, "lexicon.tsv")
    toml = read_text(folder, "opinions.toml")
    if tsv is None or toml is None:
        raise LanguageDataError(f"{code}: no opinion lexicon (lexicon.tsv and opinions.toml)")
    try:
        data = tomllib.loads(toml)
    except tomllib.TOMLDecodeError as exc:
        raise LanguageDataError(f"{code}: opinions.toml: {exc}") from exc
    return build_lexicon(code, parse_lexicon_tsv(code, tsv), data)


@cache
def get_lexicon(code: str = DEFAULT_LANGUAGE) -> Lexicon:
    """The lexicon of language `code`, read and checked on first use."""
    return load_lexicon(code, folder_of(code))
