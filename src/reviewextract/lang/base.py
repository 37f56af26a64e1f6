"""The contract a language folder meets, and its cached loader.

A language folder (`lang/de/`) holds TOML files:

- `numbers.toml`: `[cardinals]`, `[ordinals]` (stems), `[ordinal_suffixes]`, `[fractions]`;
- `cues.toml`: `[lists]` of words and phrases, `[patterns]` used by field code directly, and
  `[[rules.FIELD]]` tables of patterns;
- `abbreviations.toml`: tokens whose period does not end a sentence.

Patterns are regular expressions in which `{name}` stands for an alternation of the list `name`
(longest first, escaped), `{number}` for a cardinal in digits or words and `{ordinal}` for an
ordinal. They are compiled once, when the language is first loaded, and checked then: an empty
list, a duplicate rule id, an unknown placeholder and a pattern that matches the empty string are
errors.
"""

from __future__ import annotations

import json
import math
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from .rules import Rule, RuleError, compile_rule
from .scorer import Scorer

__all__ = ["Language", "LanguageDataError", "Rule", "build_language", "get_language"]

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


class LanguageDataError(ValueError):
    """A language folder breaks the contract (raised at load time)."""


@dataclass(frozen=True)
class Language:
    code: str
    cardinals: dict[str, int]
    ordinals: dict[str, int]
    fractions: dict[str, float]
    lists: dict[str, tuple[str, ...]]
    rules: dict[str, tuple[Rule, ...]]
    abbreviations: frozenset[str]
    tables: dict[str, Any] = field(default_factory=dict)
    patterns: dict[str, re.Pattern[str]] = field(default_factory=dict)
    scorers: dict[str, Scorer] = field(default_factory=dict)
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
            t = t.replace(".", "") if re.fullmatch(r"\d{1,3}(\.\d{3})+", t) else t
            try:
                value = float(t.replace(",", "."))
            except ValueError:
                return None
            # a run of hundreds of digits reads as infinity: not a number a review states
            return value if math.isfinite(value) else None
        if t in self.fractions:
            return self.fractions[t]
        return self.cardinals.get(t)

    def ordinal(self, token: str) -> int | None:
        """An ordinal from "3." or "dritte"/"dritten"/"3te"."""
        t = token.strip().lower()
        m = re.fullmatch(r"(\d{1,3})\.?(?:te[nrsm]?)?", t)
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


def _load_toml(package: str, name: str) -> dict[str, Any]:
    try:
        data = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    return tomllib.loads(data)


def build_language(code: str, package: str) -> Language:
    numbers = _load_toml(package, "numbers.toml")
    cues = _load_toml(package, "cues.toml")
    # lines.toml (page chrome in plain text) and evaluative.toml (judging words) add lists and
    # patterns of their own
    for extra_file in ("lines.toml", "evaluative.toml"):
        extra_data = _load_toml(package, extra_file)
        for table in ("lists", "patterns"):
            extra = extra_data.get(table, {})
            clash = set(extra) & set(cues.get(table, {}))
            if clash:
                raise LanguageDataError(f"{code}: {extra_file} redefines {sorted(clash)}")
            cues.setdefault(table, {}).update(extra)
    abbrev = _load_toml(package, "abbreviations.toml")
    cardinals = {str(k): int(v) for k, v in numbers.get("cardinals", {}).items()}
    ordinals = {str(k): int(v) for k, v in numbers.get("ordinals", {}).items()}
    fractions = {str(k): float(v) for k, v in numbers.get("fractions", {}).items()}
    lists: dict[str, tuple[str, ...]] = {}
    for name, words in cues.get("lists", {}).items():
        if not words:
            raise LanguageDataError(f"{code}: word list {name!r} is empty")
        lists[name] = tuple(str(w) for w in words)
    lists["ordinal_suffixes"] = tuple(numbers.get("ordinal_suffixes", [""]))
    suffix = _alternation(lists["ordinal_suffixes"])
    # {number} and {ordinal} are alternations built from numbers.toml, not plain word lists
    generated = {
        "number": r"(?:\d{1,3}(?:\.\d{3})+|\d+(?:[.,]\d+)?|" + _alternation(
            tuple([*cardinals, *fractions])
        )[3:],
        "ordinal": r"(?:\d{1,3}\.|" + _alternation(tuple(ordinals)) + suffix + ")",
    }
    rules: dict[str, list[Rule]] = {}
    seen: set[str] = set()
    for fname, entries in cues.get("rules", {}).items():
        for entry in entries:
            rid = entry["id"]
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
            rules.setdefault(fname, []).append(rule)
    abbreviations = frozenset(str(a).lower() for a in abbrev.get("abbreviations", []))
    if not abbreviations:
        raise LanguageDataError(f"{code}: no abbreviations")
    patterns: dict[str, re.Pattern[str]] = {}
    for name, src in cues.get("patterns", {}).items():
        where = f"{code}:patterns.{name}"
        try:
            rx = re.compile(_fill(src, generated, lists, where))
        except re.error as exc:
            raise LanguageDataError(f"{where}: bad pattern: {exc}") from exc
        if rx.fullmatch(""):
            raise LanguageDataError(f"{where}: pattern matches the empty string")
        patterns[name] = rx
    tables = {k: v for k, v in cues.items() if k not in ("lists", "rules", "patterns")}
    return Language(code=code, cardinals=cardinals, ordinals=ordinals, fractions=fractions,
                    lists=lists, rules={k: tuple(v) for k, v in rules.items()},
                    abbreviations=abbreviations, tables=tables, patterns=patterns,
                    scorers=_load_scorers(package, code))


def _load_scorers(package: str, code: str) -> dict[str, Scorer]:
    """The fitted candidate scorers (`scorers.json`, written by tools/fit_scorers.py)."""
    try:
        raw = resources.files(package).joinpath("scorers.json").read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    try:
        data = json.loads(raw)
        return {name: Scorer.from_dict(name, entry) for name, entry in data["scorers"].items()}
    except (KeyError, TypeError, ValueError) as exc:
        raise LanguageDataError(f"{code}: scorers.json: {exc}") from exc


@cache
def get_language(code: str = "de") -> Language:
    """The language `code`, loaded from `reviewextract.lang.<code>` on first use."""
    if not re.fullmatch(r"[a-z]{2,3}", code):
        raise LanguageDataError(f"not a language code: {code!r}")
    return build_language(code, f"reviewextract.lang.{code}")
