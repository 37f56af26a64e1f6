"""A language as loaded: its data, compiled and checked against the contract, and the cached
loader `get_language`.

A language folder (`lang/de/`) holds TOML files:

- `language.toml`: its letters (`[letters]`) and the spellings the evaluator folds;
- `numbers.toml`: `[cardinals]`, `[ordinals]` (stems), `ordinal_suffixes`, `[fractions]` and
  how numbers and ordinals are written in digits;
- `cues.toml`: `[lists]` of words and phrases, `[patterns]` used by field code directly,
  `[fragments]` of patterns, and `[[rules.FIELD]]` tables of patterns (`lines.toml` and
  `evaluative.toml` add lists and patterns);
- `abbreviations.toml`: tokens whose period does not end a sentence;
- `opinions.toml`, `lexicon.tsv` (lang/lexicon.py), `page.toml` (lang/page.py) and
  `scorers.json`.

Patterns are regular expressions in which `{name}` stands for an alternation of the list `name`
(longest first, escaped), for the fragment `name` as written, `{number}` for a cardinal in
digits or words and `{ordinal}` for an ordinal. They are compiled once, when the language is
first loaded, and checked then: an empty list, a duplicate rule id, an unknown placeholder and a
pattern that matches the empty string are errors, and so is an entry the contract
(lang/contract.py) names that the folder lacks or gives in the wrong kind.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib.resources.abc import Traversable
from typing import Any

from .. import DEFAULT_LANGUAGE
from .contract import (
    RULE_GROUPS,
    SCORERS,
    Evaluation,
    Facts,
    Opinions,
    Pages,
    Script,
    fill_area,
    letters,
    word_list,
)
from .folder import LanguageDataError, as_folder, folder_of, read_text, read_toml
from .lexicon import get_lexicon, load_lexicon
from .lexicon_model import Lexicon
from .page import PageCues, load_page_cues, page_cues
from .rules import Rule, RuleError, compile_rule
from .scorer import Scorer

__all__ = ["Language", "LanguageDataError", "Rule", "build_language", "get_language"]

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_CUE_TABLES = frozenset({"lists", "patterns", "fragments", "rules"})


@dataclass(frozen=True)
class Language:
    code: str
    cardinals: dict[str, int]
    ordinals: dict[str, int]
    fractions: dict[str, float]
    lists: dict[str, tuple[str, ...]]
    rules: dict[str, tuple[Rule, ...]]
    abbreviations: frozenset[str]
    patterns: dict[str, re.Pattern[str]]
    scorers: dict[str, Scorer]
    # the contract's areas (lang/contract.py): what the code reads, typed
    script: Script
    facts: Facts
    opinions: Opinions
    pages: Pages
    evaluation: Evaluation
    # digits of a number in thousands ("1.500") and an ordinal in digits ("3.", "3te")
    grouped_digits: re.Pattern[str] = field(repr=False)
    digit_ordinal: re.Pattern[str] = field(repr=False)
    # sets of the word lists, filled on first use; values never change once built
    sets: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)

    def words(self, name: str) -> tuple[str, ...]:
        try:
            return self.lists[name]
        except KeyError:
            raise LanguageDataError(f"{self.code}: no word list {name!r}") from None

    def wordset(self, name: str) -> frozenset[str]:
        """The list `name` as a set, built once per language (field code calls this per review)."""
        found = self.sets.get(name)
        if found is None:
            found = self.sets[name] = frozenset(self.words(name))
        return found

    def pattern(self, name: str) -> re.Pattern[str]:
        try:
            return self.patterns[name]
        except KeyError:
            raise LanguageDataError(f"{self.code}: no pattern {name!r}") from None

    def scorer(self, name: str) -> Scorer:
        try:
            return self.scorers[name]
        except KeyError:
            raise LanguageDataError(f"{self.code}: no fitted scorer {name!r}") from None

    def field_rules(self, name: str) -> tuple[Rule, ...]:
        return self.rules.get(name, ())

    def number(self, token: str) -> float | None:
        """A cardinal from digits ("22", "7,5") or a number word ("zehn", "zweieinhalb")."""
        t = token.strip().lower().rstrip(".")
        if not t:
            return None
        if t[0].isdigit():
            if self.grouped_digits.fullmatch(t):
                t = t.replace(self.script.thousands_separator, "")
            try:
                value = float(t.replace(self.script.decimal_separator, "."))
            except ValueError:
                return None
            # a run of hundreds of digits reads as infinity: not a number a review states
            return value if math.isfinite(value) else None
        if t in self.fractions:
            return self.fractions[t]
        return self.cardinals.get(t)

    def ordinal(self, token: str) -> int | None:
        """An ordinal from digits ("3.", "3te") or a word ("dritte", "dritten")."""
        t = token.strip().lower()
        m = self.digit_ordinal.fullmatch(t)
        if m:
            return int(m.group(1))
        for suffix in sorted(self.lists.get("ordinal_suffixes", ("",)), key=len, reverse=True):
            if suffix and t.endswith(suffix) and t[: -len(suffix)] in self.ordinals:
                return self.ordinals[t[: -len(suffix)]]
        return self.ordinals.get(t)


def _alternation(words: tuple[str, ...]) -> str:
    """A regex matching any of `words`, longest first, shaped as a trie of shared prefixes.

    Python's engine tries the branches of a flat alternation one after another at every
    position; a trie ("ein(?:e(?:r|m|n)?|s)?") decides by one character at a time, which makes
    rules over word lists several times faster. Like the longest-first alternation it prefers
    the longest word and backtracks to shorter ones.
    """
    trie: dict[str, dict] = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return "(?:" + _trie_regex(trie) + ")"


def _trie_regex(node: dict[str, dict]) -> str:
    alts = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return "(?:" + body + ")?" if "" in node else body


def _expand(pattern: str, lists: dict[str, tuple[str, ...]], where: str) -> str:
    def sub(m: re.Match[str]) -> str:
        name = m.group(1)
        if name not in lists:
            raise LanguageDataError(f"{where}: unknown placeholder {{{name}}}")
        return _alternation(lists[name])

    return _PLACEHOLDER.sub(sub, pattern)


def _fill(pattern: str, generated: dict[str, str], lists: dict[str, tuple[str, ...]],
          where: str) -> str:
    for key, alt in generated.items():
        pattern = pattern.replace("{" + key + "}", alt)
    return _expand(pattern, lists, where)


def _cue_data(folder: Traversable, code: str) -> dict[str, Any]:
    """cues.toml with the lists and patterns of lines.toml and evaluative.toml merged in."""
    cues = read_toml(folder, "cues.toml", code)
    for extra_file in ("lines.toml", "evaluative.toml"):
        extra_data = read_toml(folder, extra_file, code)
        for table in ("lists", "patterns"):
            extra = extra_data.get(table, {})
            clash = set(extra) & set(cues.get(table, {}))
            if clash:
                raise LanguageDataError(f"{code}: {extra_file} redefines {sorted(clash)}")
            cues.setdefault(table, {}).update(extra)
    unknown = set(cues) - _CUE_TABLES
    if unknown:
        raise LanguageDataError(f"{code}: cues.toml: unknown tables {sorted(unknown)}")
    return cues


def _numbers(numbers: dict[str, Any], table: str, kind: type, code: str) -> dict[str, Any]:
    out = {}
    for word, value in numbers.get(table, {}).items():
        if isinstance(value, bool) or not isinstance(value, kind | int):
            raise LanguageDataError(f"{code}: numbers.toml: [{table}] {word} = {value!r} "
                                    f"is not a number")
        out[str(word)] = kind(value)
    return out


def _script(numbers: dict[str, Any], language: dict[str, Any], code: str) -> Script:
    upper, lower = letters(language, code)
    period = numbers.get("ordinal_period")
    if not isinstance(period, bool):
        raise LanguageDataError(f"{code}: numbers.toml: ordinal_period must be true or false")
    seps = []
    for key in ("decimal_separator", "thousands_separator"):
        sep = numbers.get(key)
        if not isinstance(sep, str) or len(sep) != 1 or sep.isalnum():
            raise LanguageDataError(f"{code}: numbers.toml: {key} must be one punctuation mark")
        seps.append(sep)
    suffixes = word_list(numbers["digit_ordinal_suffixes"], f"{code}: numbers.toml: "
                         "digit_ordinal_suffixes") if "digit_ordinal_suffixes" in numbers else ()
    if not period and not suffixes:
        raise LanguageDataError(f"{code}: numbers.toml: an ordinal in digits needs "
                                "ordinal_period = true or digit_ordinal_suffixes")
    return Script(upper=upper, lower=lower, ordinal_period=period,
                  digit_ordinal_suffixes=suffixes, decimal_separator=seps[0],
                  thousands_separator=seps[1])


def _folds(language: dict[str, Any], code: str) -> dict[str, str]:
    folds = language.get("spelling", {}).get("folds", {})
    if not isinstance(folds, dict) or not all(
            len(k) == 1 and isinstance(v, str) for k, v in folds.items()):
        raise LanguageDataError(f"{code}: language.toml: [spelling] folds must map single "
                                "letters to strings")
    return dict(folds)


def _rules(cues: dict[str, Any], generated: dict[str, str], lists: dict[str, tuple[str, ...]],
           code: str) -> dict[str, tuple[Rule, ...]]:
    rules: dict[str, list[Rule]] = {}
    seen: set[str] = set()
    for fname, entries in cues.get("rules", {}).items():
        if fname not in RULE_GROUPS:
            raise LanguageDataError(f"{code}: rules for an unknown field {fname!r} (fields: "
                                    f"{', '.join(RULE_GROUPS)})")
        for n, entry in enumerate(entries, 1):
            rid = entry.get("id")
            if not isinstance(rid, str) or not isinstance(entry.get("pattern"), str):
                raise LanguageDataError(f"{code}: rule {n} of {fname} needs an id and a pattern")
            if rid in seen:
                raise LanguageDataError(f"{code}: duplicate rule id {rid!r}")
            seen.add(rid)
            src = _fill(entry["pattern"], generated, lists, f"{code}:{rid}")
            anchor = entry.get("anchor")
            anchor_src = _fill(anchor, generated, lists, f"{code}:{rid}") if anchor else None
            try:
                rule = compile_rule(entry, fname, src, anchor_src, f"{code}:{rid}")
            except RuleError as exc:
                raise LanguageDataError(str(exc)) from exc
            groups = RULE_GROUPS[fname]
            if groups.isdisjoint(rule.pattern.groupindex) and rule.value is None and (
                    "names_after" not in rule.tags):
                raise LanguageDataError(f"{code}:{rid}: gives nothing its field reads (a group "
                                        f"of {sorted(groups)} or a value)")
            rules.setdefault(fname, []).append(rule)
    return {k: tuple(v) for k, v in rules.items()}


def _patterns(cues: dict[str, Any], generated: dict[str, str],
              lists: dict[str, tuple[str, ...]], code: str) -> dict[str, re.Pattern[str]]:
    patterns: dict[str, re.Pattern[str]] = {}
    for name, src in cues.get("patterns", {}).items():
        where = f"{code}:patterns.{name}"
        if not isinstance(src, str):
            raise LanguageDataError(f"{where}: must be a string")
        try:
            rx = re.compile(_fill(src, generated, lists, where))
        except re.error as exc:
            raise LanguageDataError(f"{where}: bad pattern: {exc}") from exc
        if rx.fullmatch(""):
            raise LanguageDataError(f"{where}: pattern matches the empty string")
        patterns[name] = rx
    return patterns


def _generated(cues: dict[str, Any], script: Script, cardinals: Mapping[str, int],
               fractions: Mapping[str, float], ordinals: Mapping[str, int],
               lists: dict[str, tuple[str, ...]], code: str) -> dict[str, str]:
    """What `{fragment}`, `{number}` and `{ordinal}` stand for, fragments first (they may hold
    the others)."""
    fragments = cues.get("fragments", {})
    clash = set(fragments) & {*lists, "number", "ordinal"}
    if clash:
        raise LanguageDataError(f"{code}: fragments named like lists: {sorted(clash)}")
    bad = [k for k, v in fragments.items() if not isinstance(v, str) or not v]
    if bad:
        raise LanguageDataError(f"{code}: [fragments] {bad[0]} must be a pattern")
    digits = (r"\d{1,3}\." if script.ordinal_period
              else r"\d{1,3}" + _alternation(script.digit_ordinal_suffixes))
    words = tuple([*cardinals, *fractions])
    return {
        **fragments,
        "number": r"(?:\d{1,3}(?:" + re.escape(script.thousands_separator) + r"\d{3})+|"
                  r"\d+(?:[.,]\d+)?|" + _alternation(words)[3:],
        "ordinal": "(?:" + digits + "|" + _alternation(tuple(ordinals))
                   + _alternation(lists["ordinal_suffixes"]) + ")",
    }


def build_language(code: str, source: str | Traversable, *, lexicon: Lexicon | None = None,
                   cues: PageCues | None = None) -> Language:
    """The language in `source` (a package name or a folder), checked against the contract.
    `lexicon` and `cues` are the already loaded opinion lexicon and page cues of the folder."""
    folder = as_folder(source)
    numbers = read_toml(folder, "numbers.toml", code)
    cue_data = _cue_data(folder, code)
    language = read_toml(folder, "language.toml", code)
    script = _script(numbers, language, code)
    cardinals = _numbers(numbers, "cardinals", int, code)
    ordinals = _numbers(numbers, "ordinals", int, code)
    fractions = _numbers(numbers, "fractions", float, code)
    lists = {name: word_list(words, f"{code}: [lists] {name}")
             for name, words in cue_data.get("lists", {}).items()}
    lists["ordinal_suffixes"] = (word_list(numbers["ordinal_suffixes"], f"{code}: numbers.toml: "
                                           "ordinal_suffixes")
                                 if "ordinal_suffixes" in numbers else ("",))
    generated = _generated(cue_data, script, cardinals, fractions, ordinals, lists, code)
    rules = _rules(cue_data, generated, lists, code)
    abbrev = read_toml(folder, "abbreviations.toml", code).get("abbreviations")
    if abbrev is None:
        raise LanguageDataError(f"{code}: no abbreviations")
    abbreviations = frozenset(a.lower() for a in word_list(
        abbrev, f"{code}: abbreviations.toml: abbreviations"))
    patterns = _patterns(cue_data, generated, lists, code)
    return Language(
        code=code, cardinals=cardinals, ordinals=ordinals, fractions=fractions, lists=lists,
        rules=rules, abbreviations=abbreviations, patterns=patterns,
        scorers=_load_scorers(folder, code), script=script,
        facts=fill_area(Facts, code, lists, patterns),
        opinions=fill_area(Opinions, code, lists, patterns,
                           lexicon=lexicon or load_lexicon(code, folder)),
        pages=fill_area(Pages, code, lists, patterns,
                        cues=cues or load_page_cues(code, folder)),
        evaluation=fill_area(Evaluation, code, lists, patterns,
                             folds=_folds(language, code)),
        grouped_digits=re.compile(r"\d{1,3}(" + re.escape(script.thousands_separator)
                                  + r"\d{3})+"),
        digit_ordinal=_digit_ordinal(script))


def _digit_ordinal(script: Script) -> re.Pattern[str]:
    """An ordinal in digits as `Language.ordinal` reads it: the digits (group 1), maybe the
    period ("3.") and one of the language's endings ("3te")."""
    ends = script.digit_ordinal_suffixes
    return re.compile(r"(\d{1,3})" + (r"\.?" if script.ordinal_period else "")
                      + (_alternation(ends) + "?" if ends else ""))


def _load_scorers(folder: Traversable, code: str) -> dict[str, Scorer]:
    """The fitted candidate scorers (`scorers.json`, written by tools/fit_scorers.py), with every
    scorer and parameter the contract names (`contract.SCORERS`)."""
    raw = read_text(folder, "scorers.json")
    if raw is None:
        raise LanguageDataError(f"{code}: no scorers.json")
    try:
        data = json.loads(raw)
        found = {name: Scorer.from_dict(name, entry) for name, entry in data["scorers"].items()}
    except (KeyError, TypeError, ValueError) as exc:
        raise LanguageDataError(f"{code}: scorers.json: {exc}") from exc
    for name, params in SCORERS.items():
        if name not in found:
            raise LanguageDataError(f"{code}: scorers.json has no scorer {name!r}")
        missing = [p for p in params if p not in found[name].params]
        if missing:
            raise LanguageDataError(f"{code}: scorers.json: {name} has no parameter {missing}")
    return found


@cache
def get_language(code: str = DEFAULT_LANGUAGE) -> Language:
    """The language `code`, loaded from its folder on first use (lang/folder.py)."""
    return build_language(code, folder_of(code), lexicon=get_lexicon(code),
                          cues=page_cues(code))
