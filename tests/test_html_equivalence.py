"""The HTML path loses nothing: every plain-text corpus review, put into a realistic web page
(cookie notice, navigation, search form, byline, share links, comments, a sidebar of other
films' reviews with titles, years, ratings and praise, a footer), gives the record the plain text
gives. The page is the one of tests/data/html/missions.html with its article replaced.

This is the like-for-like comparison behind issue 5's "no worse than plain text": the corpus's
own HTML records are other reviews than its text records, so their scores differ by review.
"""

from __future__ import annotations

import html
import re

import pytest

from reviewextract import extract
from reviewextract.html import extract_html

from .conftest import DATA, comparable_record, corpus_records

TEXT_RECORDS = [r for r in corpus_records() if r.get("format", "text") == "text"]
_ARTICLE = re.compile(r"(<article class=\"post\">).*?(<div class=\"share\">)", re.S)
_PAGE = (DATA / "html" / "missions.html").read_text(encoding="utf-8")
# the page's own headline is the seed's; a neutral one so the page adds no title of its own
_PAGE = _PAGE.replace("Missions – Staffel 1 auf Blu-ray | Kritik | Sofakino", "Kritik | Sofakino")
_PAGE = re.sub(r'<meta property="og:title"[^>]*>\n', "", _PAGE)


def as_page(text: str) -> str:
    """`text` as the article of a web page: blank lines part paragraphs, newlines become <br>."""
    paras = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    body = "\n".join("<p>" + "<br>\n".join(html.escape(line) for line in p.split("\n")) + "</p>"
                     for p in paras)
    byline = ('<p class="byline">Von Anna Beispiel · <time datetime="2020-05-04">4. Mai 2020'
              "</time></p>")
    return _ARTICLE.sub(lambda m: f"{m.group(1)}\n{byline}\n{body}\n{m.group(2)}", _PAGE, count=1)


def test_the_page_template_is_a_realistic_page() -> None:
    page = as_page("Ein Absatz.\n\nNoch einer\nmit Zeilenumbruch.")
    assert page.count("<article") == 1 and "<p>Noch einer<br>\nmit Zeilenumbruch.</p>" in page
    for boilerplate in ("Cookies", "Hauptmenü", "The Expanse", "2 Kommentare", "Impressum"):
        assert boilerplate in page
    assert "Sci-Fi aus französischen Landen" not in page  # the seed's article is gone


@pytest.mark.parametrize("rec", TEXT_RECORDS, ids=lambda r: r["id"])
def test_text_review_in_a_page_gives_the_plain_text_record(rec: dict) -> None:
    page = as_page(rec["text"])
    assert comparable_record(extract_html(page)) == comparable_record(extract(rec["text"]))
