"""The evidence view: escaping, nested and crossing spans, batch index pages, CLI exit codes."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from reviewextract.cli import main
from reviewextract.model import Evidence, Opinion, Review
from reviewextract.show import highlight, marks_of, render_review

from .conftest import ROOT


class _Collect(HTMLParser):
    """Each mark element's attributes and own text, and every tag name, in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str]] = []
        self.pieces: list[dict[str, str]] = []
        self._open: list[dict[str, str] | None] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend((k, v or "") for k, v in attrs)
        if tag == "mark":
            piece = {k: v or "" for k, v in attrs} | {"_text": ""}
            self.pieces.append(piece)
            self._open.append(piece)

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        for piece in self._open:
            if piece is not None:
                piece["_text"] += data


def parse(markup: str) -> _Collect:
    c = _Collect()
    c.feed(markup)
    c.close()
    return c


def ev(text: str, start: int, end: int, rule: str = "t.rule") -> Evidence:
    return Evidence(start=start, end=end, text=text[start:end], rule=rule, confidence=0.5)


def op(text: str, start: int, end: int) -> Opinion:
    return Opinion(start=start, end=end, text=text[start:end], score=0.5)


def whole_marks(markup: str) -> dict[str, str]:
    """mark id -> the text of all its pieces joined (crossing spans are split into pieces)."""
    out: dict[str, str] = {}
    for p in parse(markup).pieces:
        out[p["data-mark"]] = out.get(p["data-mark"], "") + p["_text"]
    return out


SAMPLE = "Die zweite Staffel von „Beispiel“ (2019) hat zehn Folgen und starke Darsteller."


def sample_review() -> Review:
    t = SAMPLE
    s = t.index
    return Review(
        title="Beispiel", work_type="season", season=2, year=2019, episodes=10,
        source_text=t,
        evidence={
            "season": [ev(t, s("zweite"), s(" von"))],
            "work_type": [ev(t, s("Staffel"), s(" von"))],          # nested in season's span
            "title": [ev(t, s("Beispiel"), s("“"))],
            "year": [ev(t, s("2019"), s("2019") + 4), ev(t, s("(2019)"), s(" hat"))],
            "episodes": [ev(t, s("zehn"), s(" und"))],
        },
        pros=[op(t, s("Folgen und starke"), len(t) - 1)],            # crosses the episodes span
        verdict=op(t, s("hat"), len(t) - 1),
    )


def test_every_mark_covers_exactly_its_span() -> None:
    review = sample_review()
    markup = highlight(review.source_text, marks_of(review))
    marks = {m.id: m for m in marks_of(review)}
    got = whole_marks(markup)
    assert set(got) == set(marks)
    for mid, text in got.items():
        assert text == review.source_text[marks[mid].start:marks[mid].end], mid
    # the text itself is intact: markup only wraps it
    assert "".join(parse(markup).text) == review.source_text


def test_nested_spans_stay_whole_and_crossing_spans_split() -> None:
    review = sample_review()
    pieces = parse(highlight(review.source_text, marks_of(review))).pieces
    by_label: dict[str, list[dict[str, str]]] = {}
    for p in pieces:
        by_label.setdefault(p["data-label"], []).append(p)
    assert len(by_label["work_type"]) == 1  # "Staffel" sits inside "zweite Staffel"
    assert len(by_label["season"]) == 1
    # "zehn Folgen" and the pro "Folgen und starke Darsteller" cross: one of them is split
    assert len(by_label["episodes"]) + len(by_label["pro"]) == 3
    # the anchor id sits on the first piece only, the label class on the last piece only
    for group in by_label.values():
        ids = [p.get("id") for p in group if p.get("id")]
        assert len(set(ids)) == len(ids)
    for mark_id in {p["data-mark"] for p in pieces}:
        mine = [p for p in pieces if p["data-mark"] == mark_id]
        assert mine[0].get("id") == mark_id and all("id" not in p for p in mine[1:])
        assert "last" in mine[-1]["class"].split()
        assert all("last" not in p["class"].split() for p in mine[:-1])


def test_marks_appear_in_offset_order() -> None:
    review = sample_review()
    pieces = parse(highlight(review.source_text, marks_of(review))).pieces
    firsts = [int(p["data-start"]) for p in pieces if p.get("id")]
    assert firsts == sorted(firsts)


def test_empty_span_is_listed_but_not_highlighted() -> None:
    t = "Ein Film."
    review = Review(source_text=t, evidence={"year": [ev(t, 4, 4)]})
    assert parse(highlight(t, marks_of(review))).pieces == []
    assert len(marks_of(review)) == 1


HOSTILE = ('Film „</script><script>alert(1)</script>“ <img src=x onerror="alert(2)"> '
           '<a href="javascript:alert(3)">hier</a> & <!-- x --> "quote" \'single\'.')


def test_hostile_text_stays_inert() -> None:
    t = HOSTILE
    review = Review(title="</title><script>alert(4)</script>", source_text=t,
                    evidence={"title": [ev(t, t.index("</script>"), t.index("“"),
                                           rule='x"><script>')]})
    page = render_review(review, name="<b>name</b>")
    c = parse(page)
    assert "script" not in c.tags and "img" not in c.tags
    assert not [k for k, _ in c.attrs if k.startswith("on")]
    assert not [v for k, v in c.attrs if k == "href" and not v.startswith("#")]
    assert not re.search(r"<img|<script|<a href=\"j|<!--", page, re.IGNORECASE)
    body = page[page.index('<main class="text"'):page.index("</main>")]
    assert "".join(parse(body).text) == t
    # the page forbids scripts and remote loads even if something slipped through
    assert "default-src 'none'" in page


def test_page_lists_fields_with_links_to_their_spans() -> None:
    review = sample_review()
    page = render_review(review, name="sample")
    ids = set(re.findall(r'<mark id="(m\d+)"', page))
    hrefs = set(re.findall(r'href="#(m\d+)"', page))
    assert hrefs and hrefs <= ids
    assert len(hrefs) == len(marks_of(review))  # every span is reachable from the panel
    assert "<th>episodes</th><td>10" in page
    c = parse(page)  # nothing is loaded from elsewhere: no src, no stylesheet links
    assert "link" not in c.tags and not [k for k, _ in c.attrs if k == "src"]
    assert not [v for k, v in c.attrs if k == "href" and not v.startswith("#")]


def test_jsonld_panel_shows_export_or_note() -> None:
    page = render_review(sample_review())
    try:
        from reviewextract.jsonld import to_jsonld  # noqa: F401
    except ImportError:
        assert "JSON-LD export is not available" in page
    else:
        assert "schema.org" in page


def test_warnings_are_shown() -> None:
    review = Review(source_text="x", warnings=[
        {"code": "not_german", "message": "<i>looks English</i>", "field": None}])
    page = render_review(review)
    assert "not_german" in page and "&lt;i&gt;looks English&lt;/i&gt;" in page


# ------------------------------------------------------------------------------------ CLI ---

def test_cli_single_review(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.html"
    assert main(["show", str(ROOT / "examples" / "missions.txt"), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert str(out) in capsys.readouterr().out
    labels = re.findall(r'data-label="([^"]+)"', page)
    assert {"title", "episodes", "runtime_minutes", "directors"} <= set(labels)
    assert 'data-start="242" data-end="253"' in page or "zehn Folgen" in page


def test_cli_html_input(tmp_path: Path) -> None:
    page_in = tmp_path / "p.html"
    page_in.write_text("<!DOCTYPE html><html><body><h1>Kritik</h1><p>Der Film „Heat“ (1995) "
                       "läuft 170 Minuten.</p><script>alert(1)</script></body></html>",
                       encoding="utf-8")
    out = tmp_path / "o.html"
    assert main(["show", str(page_in), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "html input" in page and "alert(1)" not in page
    assert "170 Minuten" in whole_marks(page[page.index("<main"):]).values()


def test_cli_batch_writes_index_and_pages(tmp_path: Path) -> None:
    batch = tmp_path / "b.jsonl"
    lines = [{"id": "a/1", "text": "Der Film „Heat“ (1995) läuft 170 Minuten."},
             {"id": "b", "html": "<html><body><p>Die Serie „Dark“ hat zehn Folgen.</p>"
                                 "</body></html>"},
             {"id": "empty", "text": "   "}]
    batch.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n",
                     encoding="utf-8")
    index = tmp_path / "out" / "report.html"
    assert main(["show", str(batch), "-o", str(index)]) == 1  # one line failed
    page = index.read_text(encoding="utf-8")
    hrefs = re.findall(r'<a href="([^"#]+)">', page)
    assert hrefs == ["report-a_1.html", "report-b.html"]
    for h in hrefs:
        sub = (index.parent / h).read_text(encoding="utf-8")
        assert 'href="report.html"' in sub and "<mark" in sub
    assert "failed" in page and "empty" in page


def test_cli_batch_all_good_exits_0(tmp_path: Path) -> None:
    batch = tmp_path / "b.jsonl"
    batch.write_text(json.dumps({"id": "x", "text": "Ein Film von 2001 mit 90 Minuten."}) + "\n",
                     encoding="utf-8")
    assert main(["show", str(batch), "-o", str(tmp_path / "i.html")]) == 0
    assert (tmp_path / "i-x.html").exists()


def test_cli_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "x.html")]) == 1
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    assert main(["show", str(empty), "-o", str(tmp_path / "x.html")]) == 1
    batch = tmp_path / "b.jsonl"
    batch.write_text('{"id": "x", "text": "Ein Film."}\n', encoding="utf-8")
    assert main(["show", str(batch), "-o", "-"]) == 2
    with pytest.raises(SystemExit) as exc:
        main(["show"])
    assert exc.value.code == 2
    assert not (tmp_path / "x.html").exists()
