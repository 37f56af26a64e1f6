"""Offline schema.org validation: the exports pass, and each kind of mistake is caught."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

from reviewextract.cli import main
from reviewextract.jsonld import embed, to_jsonld
from reviewextract.vocab import Code, Level, validate, vocabulary

from .conftest import ROOT
from .test_jsonld import PAGE, corpus_reviews, hand_review, seed_review

SHARED = Path("/work/shared/schemaorg")


def doc(**props: Any) -> dict[str, Any]:
    return {"@context": "https://schema.org", **props}


def codes(data: Any) -> list[tuple[str, str, Code]]:
    return [(i.level.value, i.path, i.code) for i in validate(data)]


def test_seed_export_passes() -> None:
    data = to_jsonld(seed_review(), author="Jane Doe", publisher="Filmblog",
                     url="https://example.org/missions", date_published="2024-05-01")
    assert validate(data) == []


def test_every_corpus_export_passes() -> None:
    for rid, review in corpus_reviews():
        assert validate(to_jsonld(review, author="Kim", publisher="Filmblog")) == [], rid


def test_hand_built_review_with_notes_and_rating_passes() -> None:
    assert validate(to_jsonld(hand_review(), author="Kim")) == []


@pytest.mark.parametrize(("data", "expected"), [
    pytest.param(doc(**{"@type": "Film"}), [("error", "$", Code.UNKNOWN_TYPE)], id="unknown-type"),
    pytest.param(doc(**{"@type": "Movie", "runtimeMinutes": 137}),
                 [("error", "$.runtimeMinutes", Code.UNKNOWN_PROPERTY)], id="unknown-property"),
    pytest.param(doc(**{"@type": "Movie", "seasonNumber": 1}),
                 [("error", "$.seasonNumber", Code.WRONG_DOMAIN)], id="domain"),
    pytest.param(doc(**{"@type": "TVSeries", "numberOfEpisodes": "zehn"}),
                 [("error", "$.numberOfEpisodes", Code.WRONG_RANGE)], id="integer-text"),
    pytest.param(doc(**{"@type": "TVSeries", "numberOfEpisodes": 2.5}),
                 [("error", "$.numberOfEpisodes", Code.WRONG_RANGE)], id="integer-float"),
    pytest.param(doc(**{"@type": "Movie", "duration": "137 min"}),
                 [("error", "$.duration", Code.WRONG_RANGE)], id="duration"),
    pytest.param(doc(**{"@type": "Movie", "datePublished": "gestern"}),
                 [("error", "$.datePublished", Code.WRONG_RANGE)], id="date"),
    pytest.param(doc(**{"@type": "Movie", "datePublished": "2017-13"}),
                 [("error", "$.datePublished", Code.WRONG_RANGE)], id="date-month"),
    pytest.param(doc(**{"@type": "Movie", "url": "kein link"}),
                 [("error", "$.url", Code.WRONG_RANGE)], id="url"),
    pytest.param(doc(**{"@type": "Movie", "name": 5}),
                 [("error", "$.name", Code.WRONG_RANGE)], id="number-for-text"),
    pytest.param(doc(**{"@type": "Movie", "director": {"@type": "Movie", "name": "X"}}),
                 [("error", "$.director", Code.WRONG_RANGE)], id="node-class"),
    pytest.param(doc(**{"@type": "Movie", "director": "Julien Lacombe"}),
                 [("warning", "$.director", Code.TEXT_FOR_NODE)], id="text-for-node"),
    pytest.param(doc(**{"@type": "Movie", "name": ""}),
                 [("error", "$.name", Code.EMPTY_VALUE)], id="empty-string"),
    pytest.param(doc(**{"@type": "Movie", "director": []}),
                 [("error", "$.director", Code.EMPTY_VALUE)], id="empty-list"),
    pytest.param({"@context": "https://example.org", "@type": "Movie"},
                 [("error", "$", Code.BAD_CONTEXT)], id="context"),
    pytest.param(doc(**{"@type": "Movie", "name": "X", "review": {"name": "Y"}}),
                 [("warning", "$.review", Code.NO_TYPE)], id="untyped-node"),
    pytest.param(doc(**{"@type": "Review", "itemReviewed": {"@type": "TVSeason",
                                                            "episode": {"duration": "P"}}}),
                 [("warning", "$.itemReviewed.episode", Code.NO_TYPE),
                  ("error", "$.itemReviewed.episode.duration", Code.WRONG_RANGE)],
                 id="nested-paths"),
])
def test_mistakes_are_reported(data: dict[str, Any], expected: list) -> None:
    assert codes(data) == expected


@pytest.mark.parametrize("data", [
    pytest.param(doc(**{"@type": "TVSeason", "director": {"@type": "Person", "name": "A"}}),
                 id="domain-via-CreativeWorkSeason"),
    pytest.param(doc(**{"@type": "CriticReview", "reviewBody": "x", "author": {
        "@type": "Person", "name": "A"}}), id="domain-via-Review-subclass"),
    pytest.param(doc(**{"@type": "Movie", "director": {"@id": "https://example.org/#d"}}),
                 id="reference-only"),
    pytest.param(doc(**{"@type": "Offer", "availability": "https://schema.org/InStock"}),
                 id="enumeration-member"),
    pytest.param(doc(**{"@type": "schema:Movie", "https://schema.org/name": "X"}), id="iris"),
    pytest.param(doc(**{"@type": ["Movie", "CreativeWork"], "name": "X"}), id="two-types"),
    pytest.param(doc(**{"@graph": [{"@type": "Movie", "name": "X"},
                                   {"@type": "Person", "name": "Y"}]}), id="graph"),
    pytest.param({"@context": {"@vocab": "http://schema.org/"}, "@type": "Movie",
                  "datePublished": "2017-05-03", "duration": "PT1H30M", "name": "X"},
                 id="vocab-context-and-dates"),
    pytest.param(doc(**{"@type": "Event", "startDate": "2017-05-03T20:00:00+02:00",
                        "name": "X"}), id="datetime"),
    pytest.param(doc(**{"@type": "Movie", "sameAs": ["https://a.example/", "/relative"]}),
                 id="url-list"),
])
def test_valid_documents_pass(data: dict[str, Any]) -> None:
    assert validate(data) == []


def test_superseded_terms_warn() -> None:
    assert vocabulary().superseded["actors"] == "actor"
    data = doc(**{"@type": "Movie", "actors": {"@type": "Person", "name": "A"}})
    assert codes(data) == [("warning", "$.actors", Code.SUPERSEDED)]


def test_vocabulary_is_packaged_and_knows_the_hierarchy() -> None:
    vocab = vocabulary()
    assert vocab.version == "30.0"
    assert {"CreativeWorkSeason", "CreativeWork", "Thing"} <= vocab.ancestors("TVSeason")
    assert vocab.is_datatype("URL") and vocab.is_datatype("Duration")
    assert not vocab.is_datatype("Person")
    notice = ROOT / "src" / "reviewextract" / "data" / "NOTICE.md"
    assert "CC BY-SA 3.0" in notice.read_text(encoding="utf-8")


@pytest.mark.skipif(not SHARED.is_dir(), reason="schema.org release not present")
def test_packaged_subset_is_what_the_script_derives() -> None:
    spec = importlib.util.spec_from_file_location("derive", ROOT / "tools" / "derive_schemaorg.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build(SHARED) == module.OUT_FILE.read_text(encoding="utf-8")


def test_cli_validate_page_and_document(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.html"
    page.write_text(embed(PAGE, seed_review(), author="Jane Doe"), encoding="utf-8")
    assert main(["validate", str(page)]) == 0
    out = capsys.readouterr().out
    assert "1 document(s), 0 error(s), 1 warning(s)" in out  # the seed has no rating
    assert main(["validate", "--strict", str(page)]) == 1
    capsys.readouterr()
    bad = tmp_path / "bad.jsonld"
    bad.write_text(json.dumps(doc(**{"@type": "Movie", "runtimeMinutes": 5})), encoding="utf-8")
    assert main(["validate", "--json", str(bad)]) == 1
    [row] = json.loads(capsys.readouterr().out)
    assert (row["code"], row["path"]) == ("unknown-property", "$.runtimeMinutes")


def test_cli_validate_page_without_blocks_or_with_broken_json(
        tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    assert main(["validate", str(page)]) == 1
    assert "no <script" in capsys.readouterr().out
    page.write_text(PAGE.replace("</head>", '<script type="application/ld+json">{"a":</script>'
                                 "</head>"), encoding="utf-8")
    assert main(["validate", str(page)]) == 1
    assert "invalid JSON" in capsys.readouterr().out


def test_validate_reports_errors_as_error_level() -> None:
    issues = validate(doc(**{"@type": "Film"}))
    assert issues[0].level is Level.ERROR and "Film" in str(issues[0])
