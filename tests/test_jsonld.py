"""JSON-LD export: mapping, script safety, embedding, extruct round trip, Google profile, CLI."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest

from reviewextract import extract
from reviewextract.cli import main
from reviewextract.html import extract_html
from reviewextract.jsonld import (
    MARKER,
    dumps,
    embed,
    google_review_issues,
    iso_duration,
    read_blocks,
    to_jsonld,
    to_script,
)
from reviewextract.model import Opinion, PageMeta, Rating, Review, WorkType
from reviewextract.vocab import Code, Level

from .conftest import ROOT, corpus_records

HOSTILE = ("</script><script>document.title='pwned'</script> <!-- <script> ]]> "
           "</SCRIPT ><img src=x onerror=alert(1)> & \u2028 \u2029")
PAGE = """<!DOCTYPE html>
<html lang="de">
<head>
  <meta charset="utf-8">
  <title>Kritik</title>
  <!-- site comment -->
  <script>var site = 1 < 2 && 3 > 2;</script>
</head>
<body class="page">
<p>Hallo &amp; <b>Welt</b><br>
text &lt;b&gt; tail</p>
</body>
</html>
"""


@cache
def corpus_reviews() -> tuple[tuple[str, Review], ...]:
    """(id, Review) of every gold corpus record; HTML records go through extract_html."""
    out = []
    for rec in corpus_records():
        review = extract_html(rec["text"]) if rec["format"] == "html" else extract(rec["text"])
        out.append((rec["id"], review))
    return tuple(out)


@cache
def seed_review() -> Review:
    return extract((ROOT / "examples" / "missions.txt").read_text(encoding="utf-8"))


def hand_review(text: str = "Gute Darsteller. Schwaches Drehbuch.", **fields: Any) -> Review:
    """A Review built by hand, with pros and cons as spans of `text`."""
    pro, con = "Gute Darsteller", "Schwaches Drehbuch"
    defaults: dict[str, Any] = {
        "title": "Beispiel", "work_type": WorkType.MOVIE, "year": 2020, "runtime_minutes": 137,
        "directors": ["Ann Example", "Bo Sample"], "rating": Rating(value=7.5, best=10),
        "pros": [Opinion(start=text.index(pro), end=text.index(pro) + len(pro), text=pro)]
        if pro in text else [],
        "cons": [Opinion(start=text.index(con), end=text.index(con) + len(con), text=con)]
        if con in text else [],
        "source_text": text, "language": "de"}
    return Review(**{**defaults, **fields})


def walk(node: Any) -> list[Any]:
    """Every value in a JSON tree (dicts, lists and leaves)."""
    out = [node]
    children = node.values() if isinstance(node, dict) else node if isinstance(node, list) else []
    for child in children:
        out += walk(child)
    return out


# ---- mapping -----------------------------------------------------------------------------

def test_seed_review_is_a_review_of_season_one_of_missions() -> None:
    data = to_jsonld(seed_review())
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Review"
    assert data["inLanguage"] == "de"
    assert data["reviewBody"].startswith("Sci-Fi aus französischen Landen")
    assert data["itemReviewed"] == {
        "@type": "TVSeason", "name": "Missions", "seasonNumber": 1, "numberOfEpisodes": 10,
        "director": {"@type": "Person", "name": "Julien Lacombe"}, "startDate": "2017",
        "episode": {"@type": "Episode", "duration": "PT22M"},
        "partOfSeries": {"@type": "TVSeries", "name": "Missions"}}
    # the seed states no score and no author: none may appear
    assert "reviewRating" not in data and "author" not in data
    # whatever pros and cons the extractor finds are the notes, in text order
    for notes, opinions in (("positiveNotes", seed_review().pros),
                            ("negativeNotes", seed_review().cons)):
        names = [e["name"] for e in data.get(notes, {}).get("itemListElement", [])]
        assert names == [op.text for op in opinions]


def test_pros_and_cons_become_ordered_item_lists() -> None:
    data = to_jsonld(hand_review("Gute Darsteller. Schwaches Drehbuch."))
    assert data["positiveNotes"] == {"@type": "ItemList", "itemListElement": [
        {"@type": "ListItem", "position": 1, "name": "Gute Darsteller"}]}
    assert data["negativeNotes"]["itemListElement"] == [
        {"@type": "ListItem", "position": 1, "name": "Schwaches Drehbuch"}]


def test_movie_mapping() -> None:
    item = to_jsonld(hand_review())["itemReviewed"]
    assert item == {"@type": "Movie", "name": "Beispiel", "datePublished": "2020",
                    "duration": "PT2H17M",
                    "director": [{"@type": "Person", "name": "Ann Example"},
                                 {"@type": "Person", "name": "Bo Sample"}]}


@pytest.mark.parametrize(("kind", "schema_type"), [
    (WorkType.DOCUMENTARY, "Movie"), (WorkType.SERIES, "TVSeries"),
    (WorkType.MINISERIES, "TVSeries")])
def test_work_types_map_to_schema_types(kind: WorkType, schema_type: str) -> None:
    serial = kind is not WorkType.DOCUMENTARY
    review = hand_review(work_type=kind, episodes=6 if serial else None, runtime_minutes=50)
    item = to_jsonld(review)["itemReviewed"]
    assert item["@type"] == schema_type
    if serial:
        assert item["numberOfEpisodes"] == 6
        assert item["startDate"] == "2020"
        assert item["episode"] == {"@type": "Episode", "duration": "PT50M"}
    else:
        assert item["duration"] == "PT50M"


@pytest.mark.parametrize(("value", "best", "worst", "expected"), [
    (7.5, 10, 0, (7.5, 10, 0)), (4.0, 5, 0, (4, 5, 0)), (3, 5, 1, (3, 5, 1))])
def test_rating_numbers_use_a_dot_and_state_the_scale(
        value: float, best: float, worst: float, expected: tuple) -> None:
    rating = to_jsonld(hand_review(rating=Rating(value=value, best=best, worst=worst)))[
        "reviewRating"]
    assert (rating["ratingValue"], rating["bestRating"], rating["worstRating"]) == expected
    assert rating["@type"] == "Rating"
    assert "," not in json.dumps(rating["ratingValue"])


def test_german_decimal_comma_in_text_becomes_a_dot() -> None:
    review = extract("Ein Film. Der Film „Beispiel“ ist gut gemacht. Wertung: 7,5/10")
    assert review.rating is not None
    assert to_jsonld(review)["reviewRating"]["ratingValue"] == 7.5
    assert '"ratingValue": 7.5' in dumps(to_jsonld(review))


@pytest.mark.parametrize(("minutes", "iso"), [
    (137, "PT2H17M"), (22, "PT22M"), (120, "PT2H"), (60, "PT1H"), (1, "PT1M"), (90, "PT1H30M")])
def test_iso_duration(minutes: int, iso: str) -> None:
    assert iso_duration(minutes) == iso


def test_page_meta_gives_defaults_and_arguments_win() -> None:
    review = hand_review(meta=PageMeta(author="Kim", date_published="2024-05-01",
                                       url="https://example.org/r/1"))
    data = to_jsonld(review)
    assert data["author"] == {"@type": "Person", "name": "Kim"}
    assert (data["datePublished"], data["url"]) == ("2024-05-01", "https://example.org/r/1")
    data = to_jsonld(review, author="Lee", publisher="Filmblog", url="https://x.example/",
                     name="Kurz und gut", date_published="2024-06-02")
    assert data["author"]["name"] == "Lee"
    assert data["publisher"] == {"@type": "Organization", "name": "Filmblog"}
    assert (data["name"], data["url"], data["datePublished"]) == (
        "Kurz und gut", "https://x.example/", "2024-06-02")


def test_an_empty_review_emits_nothing_empty() -> None:
    data = to_jsonld(Review(source_text="Text.", title=None))
    assert data == {"@context": "https://schema.org", "@type": "Review", "inLanguage": "de",
                    "reviewBody": "Text."}


def test_no_corpus_export_has_null_or_empty_values() -> None:
    for rid, review in corpus_reviews():
        for value in walk(to_jsonld(review)):
            assert value not in (None, "", [], {}), rid
            if isinstance(value, dict):
                assert set(value) - {"@type", "@context"}, rid


# ---- script safety -----------------------------------------------------------------------

def test_dumps_escapes_markup_characters_and_line_separators() -> None:
    data = {"reviewBody": HOSTILE, "name": "a & b"}
    text = dumps(data)
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in text
    assert "\\u003c/script\\u003e" in text
    assert json.loads(text) == data


def test_script_block_cannot_be_closed_by_the_review() -> None:
    review = hand_review(HOSTILE + " Gute Darsteller.", title="</script><!--")
    script = to_script(review, author="</script><script>alert(1)</script>")
    assert script.lower().count("</script") == 1 and script.endswith("</script>")
    assert "<!--" not in script and "]]>" not in script
    assert script.startswith(f'<script type="application/ld+json" {MARKER}="review">')


# ---- embedding ---------------------------------------------------------------------------

def _without_block(html: str) -> str:
    import lxml.html

    root = lxml.html.document_fromstring(html)
    for el in root.iter("script"):
        if el.get(MARKER) is not None:
            el.getparent().remove(el)  # with its tail: the line break embed() added
            break
    return lxml.html.tostring(root, encoding="unicode")


def test_embed_puts_one_block_in_the_head_and_keeps_the_page() -> None:
    import lxml.html

    review = seed_review()
    out = embed(PAGE, review, author="Jane Doe")
    root = lxml.html.document_fromstring(out)
    blocks = root.xpath(f"//head/script[@{MARKER}]")
    assert len(blocks) == 1
    assert json.loads(blocks[0].text) == to_jsonld(review, author="Jane Doe")
    assert out.startswith("<!DOCTYPE html>")
    assert "<!-- site comment -->" in out and "var site = 1 < 2 && 3 > 2;" in out
    assert "text &lt;b&gt; tail" in out and '<body class="page">' in out
    assert _without_block(out) == _without_block(PAGE)


def test_embed_twice_replaces_its_block() -> None:
    once = embed(PAGE, seed_review(), author="A")
    twice = embed(once, seed_review(), author="B")
    assert twice.count(MARKER) == 1
    [block] = read_blocks(twice)
    assert json.loads(block)["author"]["name"] == "B"
    assert twice.replace('"B"', '"A"') == once


def test_embed_into_a_page_without_head_and_from_bytes() -> None:
    out = embed(b"<p>Nur ein Absatz</p>", seed_review())
    assert "<head>" in out and out.index(MARKER) < out.index("Nur ein Absatz")
    assert json.loads(read_blocks(out)[0]) == to_jsonld(seed_review())


def test_embed_does_not_expand_entities() -> None:
    page = ('<!DOCTYPE html [<!ENTITY x "EXPANDED">]>'
            "<html><head></head><body><p>&x;</p></body></html>")
    out = embed(page, seed_review())
    assert "EXPANDED" not in out.split("</script>")[-1]


# ---- round trip with extruct -------------------------------------------------------------

def test_extruct_reads_back_the_seed_block() -> None:
    extruct = pytest.importorskip("extruct")
    review = hand_review(HOSTILE + " Gute Darsteller. Schwaches Drehbuch.")
    for rv, kw in ((seed_review(), {"author": "Jane Doe", "publisher": "Filmblog"}),
                   (review, {"author": "</script>x"})):
        found = extruct.extract(embed(PAGE, rv, **kw), syntaxes=["json-ld"])["json-ld"]
        assert found == [to_jsonld(rv, **kw)]


def test_extruct_reads_back_every_corpus_export() -> None:
    extruct = pytest.importorskip("extruct")
    for rid, review in corpus_reviews():
        found = extruct.extract(embed(PAGE, review), syntaxes=["json-ld"])["json-ld"]
        assert found == [to_jsonld(review)], rid


# ---- Google review snippet profile -------------------------------------------------------

def _codes(issues: list) -> list[tuple[str, Code]]:
    return [(i.level.value, i.code) for i in issues]


def test_google_profile_names_what_the_seed_lacks() -> None:
    issues = google_review_issues(to_jsonld(seed_review()))
    assert _codes(issues) == [("warning", Code.GOOGLE_MISSING)] * 2
    assert "author" in issues[0].message and "ratingValue" in issues[1].message
    strict = google_review_issues(to_jsonld(seed_review()), strict=True)
    assert {i.level for i in strict} == {Level.ERROR}


def test_google_profile_accepts_a_complete_review() -> None:
    assert google_review_issues(to_jsonld(hand_review(), author="Kim")) == []


@pytest.mark.parametrize(("rating", "code"), [
    ({"@type": "Rating", "ratingValue": 7}, Code.GOOGLE_RATING_SCALE),  # 1..5 assumed
    ({"@type": "Rating", "ratingValue": 11, "bestRating": 10}, Code.GOOGLE_RATING_SCALE),
    ({"@type": "Rating", "ratingValue": "7,5", "bestRating": 10}, Code.GOOGLE_RATING_SCALE),
    ({"@type": "Rating"}, Code.GOOGLE_MISSING),
    ({"@type": "Rating", "ratingValue": "60%"}, None),
    ({"@type": "Rating", "ratingValue": 0, "bestRating": 10, "worstRating": 0}, None)])
def test_google_profile_rating_scale(rating: dict, code: Code | None) -> None:
    data = {**to_jsonld(hand_review(), author="Kim"), "reviewRating": rating}
    assert [i.code for i in google_review_issues(data)] == ([code] if code else [])


def test_google_profile_item_and_author_checks() -> None:
    base = to_jsonld(hand_review(), author="Kim")
    no_name = {**base, "itemReviewed": {"@type": "Movie", "duration": "PT1H"}}
    person = {**base, "itemReviewed": {"@type": "Person", "name": "X"}}
    long_author = {**base, "author": {"@type": "Person", "name": "x" * 120}}
    assert [i.code for i in google_review_issues(no_name)] == [Code.GOOGLE_MISSING]
    assert [i.code for i in google_review_issues(person)] == [Code.GOOGLE_UNSUPPORTED_ITEM]
    assert [i.code for i in google_review_issues(long_author)] == [Code.GOOGLE_AUTHOR_NAME]
    graph = {"@context": "https://schema.org", "@graph": [no_name]}
    assert [i.path for i in google_review_issues(graph)] == ["$.@graph[0]"]


# ---- CLI ---------------------------------------------------------------------------------

def test_cli_extract_formats(capsys: pytest.CaptureFixture[str]) -> None:
    seed = str(ROOT / "examples" / "missions.txt")
    assert main(["extract", seed, "--format", "jsonld"]) == 0
    assert json.loads(capsys.readouterr().out) == to_jsonld(seed_review())
    assert main(["extract", seed, "--format", "script"]) == 0
    assert capsys.readouterr().out == to_script(seed_review()) + "\n"


def test_cli_embed_and_strict(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:
    page, out = tmp_path / "page.html", tmp_path / "out.html"
    page.write_text(PAGE, encoding="utf-8")
    seed = str(ROOT / "examples" / "missions.txt")
    assert main(["embed", str(page), seed, "-o", str(out), "--author", "Jane Doe",
                 "--publisher", "Filmblog"]) == 0
    assert "ratingValue" in capsys.readouterr().err  # the seed states no score
    assert json.loads(read_blocks(out.read_text(encoding="utf-8"))[0]) == to_jsonld(
        seed_review(), author="Jane Doe", publisher="Filmblog")
    assert main(["embed", str(page), seed, "--strict", "-o", str(tmp_path / "no.html")]) == 1
    assert not (tmp_path / "no.html").exists()
