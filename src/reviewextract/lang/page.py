"""The page cues of a language (`page.toml`): how its bylines and datelines read, and which class
words mark a page's boilerplate. Loaded and checked on first use, apart from the rest of the
language, so reading a page's text (`html.visible_text`) does not compile the fact rules.

`pagemeta.py` reads bylines and datelines with them, `html.py` and `markup.py` the boilerplate
and page-title words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources.abc import Traversable
from typing import Any

from .contract import letters, word_list
from .folder import LanguageDataError, folder_of, read_toml

__all__ = ["DATE_GROUPS", "PageCues", "build_page_cues", "page_cues"]

# the groups of the [date] pattern that pagemeta reads: an ISO date, and whether a day is given
DATE_GROUPS = ("day", "nday", "iso")


def _alt(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


@dataclass(frozen=True)
class PageCues:
    """The compiled byline, dateline and boilerplate data of one language (`page.toml`)."""

    date: re.Pattern[str]
    weekday: re.Pattern[str]
    dateline_cue: re.Pattern[str]
    filler: re.Pattern[str]
    byline_cue: re.Pattern[str]
    reject: tuple[str, ...]
    name_particles: frozenset[str]
    not_names: frozenset[str]
    class_words: frozenset[str]
    meta_class_words: frozenset[str]
    title_noise: frozenset[str]
    date_languages: tuple[str, ...]  # dateparser's codes for the language's dates
    date_order: str  # dateparser's DATE_ORDER for dates in digits ("DMY")
    class_split: re.Pattern[str]  # what separates the words of a class or id attribute


def _words(data: dict[str, Any], table: str, key: str, code: str) -> list[str]:
    words = data.get(table, {}).get(key)
    if not words or not isinstance(words, list) or not all(
            isinstance(w, str) and w for w in words):
        raise LanguageDataError(
            f"{code}: page.toml: [{table}] {key} is missing, empty or has empty words")
    return [w.lower() for w in words]


def _text(data: dict[str, Any], table: str, key: str, code: str) -> str:
    value = data.get(table, {}).get(key)
    if not isinstance(value, str) or not value:
        raise LanguageDataError(f"{code}: page.toml: [{table}] {key} must be a non-empty string")
    return value


def _compile(src: str, where: str, code: str) -> re.Pattern[str]:
    try:
        rx = re.compile(src, re.IGNORECASE)
    except re.error as exc:
        raise LanguageDataError(f"{code}: page.toml: {where}: bad pattern: {exc}") from exc
    if rx.fullmatch(""):
        raise LanguageDataError(f"{code}: page.toml: {where}: pattern matches the empty string")
    return rx


def build_page_cues(code: str, data: dict[str, Any], lower: str,
                    name_particles: frozenset[str]) -> PageCues:
    """The page cues from the tables of a `page.toml`; `lower` is the language's lowercase
    letters (a class body), `name_particles` the lowercase words inside a personal name (the
    list the directors read too, cues.toml)."""
    if not data:
        raise LanguageDataError(f"{code}: no page.toml")
    months = _alt(_words(data, "date", "months", code))
    date = _compile(_text(data, "date", "pattern", code).replace("{months}", months),
                    "[date] pattern", code)
    missing = [g for g in DATE_GROUPS if g not in date.groupindex]
    if missing:
        raise LanguageDataError(f"{code}: page.toml: [date] pattern has no group {missing}")
    patterns = _words(data, "byline", "patterns", code)
    for p in patterns:
        _compile(p, f"byline pattern {p!r}", code)
    bylines = "|".join(f"(?:{p})" for p in patterns)
    return PageCues(
        date=date,
        weekday=_compile(_alt(_words(data, "date", "weekdays", code)) + r"(?!\w)", "weekdays",
                         code),
        dateline_cue=_compile(_alt(_words(data, "dateline", "cues", code)) + r"(?!\w)", "cues",
                              code),
        filler=_compile(_alt(_words(data, "dateline", "filler", code)) + r"(?!\w)", "filler",
                        code),
        byline_cue=_compile(rf"(?:{bylines})(?!\w)\s*:?\s*", "byline patterns", code),
        reject=tuple(_words(data, "dateline", "reject", code)),
        name_particles=name_particles,
        not_names=frozenset(_words(data, "byline", "not_names", code)),
        class_words=frozenset(_words(data, "boilerplate", "class_words", code)),
        meta_class_words=frozenset(_words(data, "boilerplate", "meta_class_words", code)),
        title_noise=frozenset(_words(data, "boilerplate", "title_noise", code)),
        date_languages=tuple(_words(data, "date", "dateparser_languages", code)),
        date_order=_text(data, "date", "order", code),
        class_split=re.compile(f"[^{lower}0-9]+"),
    )


def load_page_cues(code: str, folder: Traversable) -> PageCues:
    """The page cues of the language folder `folder`."""
    lower = letters(read_toml(folder, "language.toml", code), code)[1]
    particles = read_toml(folder, "cues.toml", code).get("lists", {}).get("name_particles")
    return build_page_cues(code, read_toml(folder, "page.toml", code), lower, frozenset(
        word_list(particles, f"{code}: cues.toml: [lists] name_particles")))


@cache
def page_cues(code: str) -> PageCues:
    """The page cues of language `code`, loaded and checked on first use."""
    return load_page_cues(code, folder_of(code))
