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


def as_page_with_controls(text: str) -> str:
    """`text` as the article of a web page, most of it inside blocks whose class names a
    control ("read-more", "print-version": a collapsed continuation, a print wrapper), next to
    real controls with those words (a "Weiterlesen" link, a print button, a share bar)."""
    paras = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    html_paras = ["<p>" + "<br>\n".join(html.escape(line) for line in p.split("\n")) + "</p>"
                  for p in paras]
    first, rest = html_paras[:1], html_paras[1:]
    last = rest[-1:] if len(rest) > 1 else []
    middle = rest[:-1] if last else rest
    body = "\n".join([
        *first,
        '<p class="read-more-link"><a href="#weiter">Weiterlesen »</a></p>',
        f'<div class="read-more">{"".join(middle)}</div>' if middle else "",
        f'<div id="print-version">{"".join(last)}</div>' if last else "",
        '<div class="print-button"><a href="#">Artikel drucken</a></div>',
        '<div class="share-more"><a href="#">Facebook</a> <a href="#">Mastodon</a> '
        '<a href="#">E-Mail</a> <a href="#">WhatsApp</a></div>'])
    return _ARTICLE.sub(lambda m: f"{m.group(1)}\n{body}\n{m.group(2)}", _PAGE, count=1)


@pytest.mark.parametrize("rec", TEXT_RECORDS, ids=lambda r: r["id"])
def test_control_class_words_inside_the_article_keep_its_text(rec: dict) -> None:
    """Issue 14: a `read-more` or `print-version` block inside the article was dropped whole
    for its class word, and the record lost what it held (a director, the episodes, the
    verdict). A block there is dropped only when its own text reads like a control."""
    page = as_page_with_controls(rec["text"])
    assert comparable_record(extract_html(page)) == comparable_record(extract(rec["text"]))


def test_controls_inside_the_article_are_still_dropped() -> None:
    page = as_page_with_controls("Ein Absatz über den Film.\n\nDie Mitte der Kritik, in der "
                                 "ein Block steht.\n\nDas Ende der Kritik mit dem Fazit.")
    text = extract_html(page).source_text
    assert "Die Mitte der Kritik" in text and "Das Ende der Kritik" in text
    for control in ("Weiterlesen", "Artikel drucken", "Facebook"):
        assert control not in text
