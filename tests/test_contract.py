"""The language contract (lang/contract.py): a second language built from it alone extracts a
review, a folder that breaks it fails at load with the entry's name, and no German is left in
the general code."""

from __future__ import annotations

import ast
import dataclasses
import re
import shutil
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

import reviewextract
from reviewextract.lang import add_language, contract, folder, get_language
from reviewextract.lang.base import build_language
from reviewextract.lang.lexicon import get_lexicon
from reviewextract.lang.page import page_cues

from .conftest import DATA, ROOT

ENGLISH = DATA / "lang_en"
SRC = ROOT / "src" / "reviewextract"
AREAS = (contract.Facts, contract.Opinions, contract.Pages, contract.Evaluation)
# fields an area gets from a file of its own, not from [lists] or [patterns]
OWN_FILES = {"lexicon": "opinions.toml", "cues": "page.toml", "folds": "language.toml"}
REVIEW = """Oppenheimer (2023)

Directed by Christopher Nolan.
Runtime: 180 minutes
Rating: 9/10

The acting is superb and the music is great. The plot is too long. Overall a gripping film.
"""


@pytest.fixture(scope="module")
def english() -> Iterator[str]:
    add_language("en", ENGLISH)
    yield "en"
    del folder._ADDED["en"]
    for loader in (get_language, get_lexicon, page_cues):
        loader.cache_clear()


def test_a_second_language_from_the_contract_alone_extracts_a_review(english: str) -> None:
    review = reviewextract.extract(REVIEW, language=english)
    assert review.language == "en" and review.warnings == []
    assert (review.title, review.year, review.runtime_minutes, review.directors) == (
        "Oppenheimer", 2023, 180, ["Christopher Nolan"])
    assert review.rating is not None and (review.rating.value, review.rating.best) == (9, 10)
    assert [p.text for p in review.pros] == ["The acting is superb", "the music is great"]
    assert [c.text for c in review.cons] == ["The plot is too long"]
    assert review.verdict is not None and review.verdict.text == "Overall a gripping film"
    assert review.sentiment == "positive"
    english_rules = {r.id for rules in get_language(english).rules.values() for r in rules}
    for field, evidence in review.evidence.items():
        if field != "title":  # the title is read by the title code, not by a rule
            assert {e.rule for e in evidence} <= english_rules, field


def test_the_second_language_holds_the_contract_and_nothing_more() -> None:
    data = tomllib.loads((ENGLISH / "cues.toml").read_text(encoding="utf-8"))
    sources = [*data["patterns"].values(),
               *(r["pattern"] for rules in data["rules"].values() for r in rules)]
    used = {name for src in sources for name in re.findall(r"\{([a-z_]+)\}", src)}
    names = {f.name for area in AREAS for f in dataclasses.fields(area)}
    assert set(data["lists"]) - names - used == set()
    assert set(data["patterns"]) - names == set()


def test_every_list_and_pattern_of_a_shipped_language_is_read() -> None:
    """A list that neither the contract nor a pattern names is dead data (or a misspelt name)."""
    de = get_language("de")
    root = SRC / "lang" / "de"
    sources = [
        *(src for name in ("cues.toml", "lines.toml", "evaluative.toml")
          for src in _pattern_sources(tomllib.loads((root / name).read_text(encoding="utf-8"))))]
    used = {name for src in sources for name in re.findall(r"\{([a-z_]+)\}", src)}
    names = {f.name for area in AREAS for f in dataclasses.fields(area)}
    assert set(de.lists) - names - used - {"ordinal_suffixes"} == set()
    assert set(de.patterns) - names == set()


def _pattern_sources(data: dict) -> Iterator[str]:
    yield from data.get("patterns", {}).values()
    yield from data.get("fragments", {}).values()
    for rules in data.get("rules", {}).values():
        for rule in rules:
            yield rule["pattern"]
            yield rule.get("anchor", "")


def _data_fields() -> list[tuple[str, str]]:
    return [(area.__name__, f.name) for area in AREAS for f in dataclasses.fields(area)
            if f.name not in OWN_FILES]


def _copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(ENGLISH, tmp_path / "en"))


def _edit(folder_: Path, name: str, old: str, new: str) -> None:
    path = folder_ / name
    text = path.read_text(encoding="utf-8")
    assert re.search(old, text, re.M), (name, old)
    path.write_text(re.sub(old, new, text, count=1, flags=re.M), encoding="utf-8")


@pytest.mark.parametrize(("area", "name"), _data_fields())
def test_a_missing_entry_is_named_at_load(tmp_path: Path, area: str, name: str) -> None:
    broken = _copy(tmp_path)
    _edit(broken, "cues.toml", rf"^{name} = .*$", "")
    with pytest.raises(contract.LanguageDataError, match=rf"\b{name}\b"):
        build_language("en", broken)


BROKEN = [
    pytest.param("cues.toml", [(r"^approx = .*$", 'approx = "about"')],
                 r"\[lists\] approx must be", id="list-as-text"),
    pytest.param("cues.toml", [(r"^approx = .*$", "approx = [1]")], "approx holds 1, not a word",
                 id="list-of-numbers"),
    pytest.param("cues.toml", [(r"^name_separator = .*$", ""),
                               (r"^\[lists\]$", '[lists]\nname_separator = ["and"]')],
                 "need the pattern 'name_separator'.*it is a word list", id="pattern-as-list"),
    pytest.param("cues.toml", [(r"^\[\[rules.year\]\]$", "[[rules.yaer]]")],
                 "unknown field 'yaer'", id="rule-of-unknown-field"),
    pytest.param("cues.toml", [(r"\(\?P<year>(.*)\)\\\)'", r"(?:\1)\\)'")],
                 "year.parenthesis: gives nothing its field reads", id="rule-without-group"),
    pytest.param("numbers.toml", [(r"^one = 1$", 'one = "1"')], r"\[cardinals\] one",
                 id="number-as-text"),
    pytest.param("numbers.toml", [(r"^ordinal_period = .*$", "")], "ordinal_period",
                 id="no-ordinal-period"),
    pytest.param("language.toml", [(r"^\[letters\]$", "[letter]")], r"no \[letters\]",
                 id="no-letters"),
    pytest.param("scorers.json", [('"high": 0.7, ', "")], "sentiment.rating has no parameter",
                 id="scorer-parameter"),
    pytest.param("scorers.json", [(r'^  "verdict".*$', "")], "no scorer 'verdict'",
                 id="no-scorer"),
    pytest.param("page.toml", [(r"\|\(\?P<iso>.*\)'''", "'''")], r"has no group \['iso'\]",
                 id="date-groups"),
    pytest.param("opinions.toml", [(r"^\[negation\]$", "[negations]")],
                 r"missing \[negation\]", id="opinions-table"),
]


@pytest.mark.parametrize(("name", "edits", "message"), BROKEN)
def test_an_ill_typed_entry_is_named_at_load(tmp_path: Path, name: str,
                                              edits: list[tuple[str, str]], message: str) -> None:
    broken = _copy(tmp_path)
    for old, new in edits:
        _edit(broken, name, old, new)
    with pytest.raises(contract.LanguageDataError, match=message):
        build_language("en", broken)


def test_a_shipped_language_cannot_be_replaced() -> None:
    with pytest.raises(contract.LanguageDataError, match="ships"):
        add_language("de", ENGLISH)


# --- no German in the general code -----------------------------------------------------------

# files whose German is not this contract's to move: none left
EXEMPT: set[str] = set()
_GERMAN_LETTERS = re.compile("[äöüßÄÖÜ]")


def _literals(path: Path) -> Iterator[tuple[int, str]]:
    """The string constants of a module that are not docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
            and node.body and isinstance(node.body[0], ast.Expr)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            yield node.lineno, node.value


def test_no_german_letters_or_language_code_in_the_general_code() -> None:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel.startswith("lang/de/") or rel in EXEMPT:
            continue
        for line, value in _literals(path):
            if _GERMAN_LETTERS.search(value) or (value == "de" and rel != "__init__.py"):
                found.append(f"{rel}:{line}: {value!r}")
    assert found == []


def test_the_default_language_is_named_once() -> None:
    named = [path.relative_to(SRC).as_posix() for path in sorted(SRC.rglob("*.py"))
             if path.relative_to(SRC).as_posix() not in EXEMPT
             and any(value == "de" for _, value in _literals(path))]
    assert named == ["__init__.py"] and reviewextract.DEFAULT_LANGUAGE == "de"
    init = (SRC / "__init__.py").read_text(encoding="utf-8")
    assert init.count('DEFAULT_LANGUAGE = "de"') == 1


def test_the_docs_list_every_entry_of_the_contract() -> None:
    docs = (ROOT / "docs" / "extending.md").read_text(encoding="utf-8")
    fields = [f.name for area in (contract.Script, *AREAS) for f in dataclasses.fields(area)]
    assert [f for f in fields if f"`{f}`" not in docs] == []
