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
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from .base import LanguageDataError

WEIGHT_LIMIT = 3.0
SPLIT = "…"  # in a phrase "verb … particle": any words between, the particle ends the clause
KINDS = frozenset({"word", "adj", "noun", "head", "stem", "phrase"})
_MIN_STEM = 4  # shorter stems would match too many unrelated words
_MIN_HEAD = 4  # a compound's modifier must leave at least this many characters before a head
_MIN_ASPECT_HEAD = 5
_CACHE_MAX = 50_000
MAX_TOKEN = 40  # longer tokens (digit runs, garbage) are never probed: a lookup's cost is bounded


@dataclass(frozen=True, slots=True)
class Entry:
    """A lexicon term and how it scored a token."""

    term: str
    weight: float
    kind: str


@dataclass(frozen=True, slots=True)
class Profile:
    """What the clause reader may need to know about one word, looked up once (most words have
    none of it, and no profile: `Lexicon.profile` gives None)."""

    entry: Entry | None  # its polarity entry (`Lexicon.lookup`)
    modifier: float | None  # its weight as an intensifier or downtoner
    negator: bool
    than: bool  # "als": negates after a comparative
    comparative: bool
    excess: bool  # "zu"
    phrase_start: bool  # the first word of a multi-word entry
    inert: bool = False  # nothing but a phrase start: plain where no phrase matches

    def __post_init__(self) -> None:
        object.__setattr__(self, "inert", self.entry is None and self.modifier is None and not (
            self.negator or self.than or self.comparative or self.excess))


@dataclass
class Lexicon:
    """Polarity terms and opinion cues of one language, with a token lookup that is memoised."""

    code: str
    forms: dict[str, Entry]
    stems: dict[str, Entry]
    heads: dict[str, Entry]
    phrases: dict[tuple[str, ...], Entry]
    negators: frozenset[str]
    negator_phrases: tuple[tuple[str, ...], ...]
    comparatives: frozenset[str]
    than: frozenset[str]
    modifiers: dict[str, float]
    modifier_phrases: dict[tuple[str, ...], float]
    neutral: frozenset[tuple[str, ...]]
    meta_nouns: frozenset[str]
    excess: frozenset[str]
    excess_exempt: frozenset[str]
    excess_adjectives: frozenset[str]
    adjective_suffixes: tuple[str, ...]
    split_words: frozenset[str]
    coordinators: frozenset[str]
    subject_starts: frozenset[str]
    comma_words: frozenset[str]
    contrast: frozenset[str]
    sondern: frozenset[str]
    hypothetical: frozenset[str]
    irrealis: frozenset[str]
    adverbs_first: frozenset[str]
    relative_pronouns: frozenset[str]
    determiners: frozenset[str]
    concessive: frozenset[str]
    subordinate_concession: frozenset[tuple[str, ...]]
    trim_leading: frozenset[str]
    trim_trailing: frozenset[str]
    verdict_cues: dict[tuple[str, ...], float]
    verdict_anywhere: dict[tuple[str, ...], float]
    verdict_labels: frozenset[str]
    aspects: dict[str, str]
    skip_line_prefixes: tuple[str, ...]
    signature_lines: frozenset[str]
    endings: dict[str, tuple[str, ...]]
    transliterations: tuple[tuple[str, str], ...] = ()  # ("oe", "ö"): spellings without umlauts
    plain_tails: frozenset[str] = frozenset()  # ends of words that are not a compound's head
    max_phrase: int = 1
    phrase_starts: frozenset[str] = frozenset()  # first words of all multi-word entries
    # "fällt … ab": (verb, particle) -> entry, the particle closing the clause
    split_phrases: dict[tuple[str, str], Entry] = field(default_factory=dict)
    cue_starts: frozenset[str] = frozenset()  # first words of all verdict cues
    _memo: dict[str, Entry | None] = field(default_factory=dict, repr=False)
    _aspect_memo: dict[str, str | None] = field(default_factory=dict, repr=False)
    _profile_memo: dict[str, Profile | None] = field(default_factory=dict, repr=False)
    # every multi-word entry up to `max_phrase` words: key -> (kind, weight, term), and per first
    # and second word the lengths to try, longest first (built in __post_init__)
    phrase_table: dict[tuple[str, ...], tuple[str, float, str]] = field(
        default_factory=dict, repr=False)
    phrase_lengths: dict[tuple[str, str], tuple[int, ...]] = field(
        default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        # one table for the four kinds of multi-word entry; where a key is in several, the
        # first kind wins: polar, neutral, negator, modifier
        kinds: list[tuple[Iterable[tuple[str, ...]], Any]] = [
            (self.phrases, lambda k: ("polar", self.phrases[k].weight, self.phrases[k].term)),
            (self.neutral, lambda k: ("word", 0.0, " ".join(k))),
            (self.negator_phrases, lambda k: ("neg", 0.0, " ".join(k))),
            (self.modifier_phrases, lambda k: ("mod", self.modifier_phrases[k], " ".join(k))),
        ]
        lengths: dict[tuple[str, str], set[int]] = {}
        for keys, value in kinds:
            for key in keys:
                if 2 <= len(key) <= self.max_phrase and key not in self.phrase_table:
                    self.phrase_table[key] = value(key)
                    lengths.setdefault(key[:2], set()).add(len(key))  # type: ignore[arg-type]
        self.phrase_lengths = {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}

    def lookup(self, token: str) -> Entry | None:
        """The entry that scores a lowercased word token: exact form, stem, then compound head."""
        try:
            return self._memo[token]
        except KeyError:
            pass
        if len(token) > MAX_TOKEN:
            return None
        hit = self.forms.get(token)
        if hit is None:
            for k in range(len(token), _MIN_STEM - 1, -1):
                hit = self.stems.get(token[:k])
                if hit is not None:
                    break
        if hit is None:
            for i in range(_MIN_HEAD, len(token) - 2):
                if token[i:] in self.plain_tails:
                    break  # a verb that ends like a head ("zurückgewinnen": not "gewinn")
                hit = self.heads.get(token[i:])
                if hit is not None:
                    break
        if hit is None and self.transliterations:
            # text typed without umlauts ("wunderschoen", "ueberhaupt")
            folded = token
            for plain, letter in self.transliterations:
                folded = folded.replace(plain, letter)
            if folded != token:
                hit = self.lookup(folded)
        if len(self._memo) > _CACHE_MAX:
            self._memo.clear()
        self._memo[token] = hit
        return hit

    def profile(self, token: str) -> Profile | None:
        """What the clause reader needs to know of a lowercased word; None for a plain word."""
        try:
            return self._profile_memo[token]
        except KeyError:
            pass
        found = Profile(self.lookup(token), self.modifiers.get(token), token in self.negators,
                        token in self.than, token in self.comparatives, token in self.excess,
                        token in self.phrase_starts)
        hit = None if found == _PLAIN else found
        if len(self._profile_memo) > _CACHE_MAX:
            self._profile_memo.clear()
        self._profile_memo[token] = hit
        return hit

    def profiles(self, tokens: list[str]) -> list[Profile | None]:
        """`profile` of every token, in order: the tokens not seen before are profiled first,
        then all are read from the memo in one C-level pass (no Python loop over the tokens)."""
        memo = self._profile_memo
        new = set(tokens).difference(memo)
        if len(memo) + len(new) > _CACHE_MAX:  # the memo may be cleared midway: one by one
            return [self.profile(t) for t in tokens]
        for t in new:
            self.profile(t)
        return list(map(memo.get, tokens))

    def aspect(self, token: str) -> str | None:
        """The aspect label a token names, alone or as part of a compound (`bildqualität`)."""
        try:
            return self._aspect_memo[token]
        except KeyError:
            pass
        if len(token) > MAX_TOKEN:
            return None
        label = self.aspects.get(token)
        if label is None:
            # longest known aspect word that begins the compound (bildqualität) or, when long
            # enough not to be a mere ending (-ende, -bild), ends it (filmmusik)
            for k in range(len(token) - 3, 2, -1):
                label = self.aspects.get(token[:k])
                if label is None and k >= _MIN_ASPECT_HEAD:
                    label = self.aspects.get(token[len(token) - k:])
                if label is not None:
                    break
        if len(self._aspect_memo) > _CACHE_MAX:
            self._aspect_memo.clear()
        self._aspect_memo[token] = label
        return label


_PLAIN = Profile(None, None, False, False, False, False, False)


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
        if kind == "stem" and len(term) < _MIN_STEM:
            raise _fail(code, f"lexicon.tsv:{n}: stem {term!r} shorter than {_MIN_STEM}")
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


def _inflected(term: str, kind: str, endings: dict[str, tuple[str, ...]]) -> list[str]:
    """The forms a term is matched in: itself plus its endings; an adjective in -el/-er also
    drops that e before an ending (passabel → passable, teuer → teure)."""
    if kind == "word":
        return [term]
    ends = endings["adj" if kind == "adj" else "noun"]
    out = [term, *(term + e for e in ends)]
    if kind == "adj" and len(term) > 4 and term[-2:] in ("el", "er"):
        out += [term[:-2] + term[-1] + e for e in ends]
    return out


def build_lexicon(code: str, rows: list[tuple[str, float, str]], data: dict[str, Any]) -> Lexicon:
    endings = {k: _words(code, data, "endings", k) for k in ("adj", "noun")}
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
            for form in _inflected(term, kind, endings):
                # an explicit entry for an inflected form wins over a generated one
                if form == term or form not in forms:
                    forms[form] = entry
                if kind == "head":
                    heads.setdefault(form, entry)
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
        comma_words=frozenset(_words(code, data, "clauses", "comma_words")),
        contrast=frozenset(_words(code, data, "clauses", "contrast")),
        sondern=frozenset(_words(code, data, "clauses", "correction")),
        hypothetical=frozenset(_words(code, data, "clauses", "hypothetical")),
        irrealis=frozenset(_words(code, data, "clauses", "irrealis")),
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
        max_phrase=max([len(p) for p in phrases] + [len(p) for p in neg_phrases]
                       + [len(p) for p in neutral] + [1]),
    )


@cache
def get_lexicon(code: str = "de") -> Lexicon:
    """The lexicon of language `code`, read and checked on first use."""
    package = f"reviewextract.lang.{code}"
    try:
        base = resources.files(package)
        tsv = base.joinpath("lexicon.tsv").read_text(encoding="utf-8")
        data = tomllib.loads(base.joinpath("opinions.toml").read_text(encoding="utf-8"))
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise LanguageDataError(f"{code}: no opinion lexicon ({exc})") from None
    return build_lexicon(code, parse_lexicon_tsv(code, tsv), data)
