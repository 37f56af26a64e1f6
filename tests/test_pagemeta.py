"""Bylines and datelines: who wrote the review and when (plain text and page blocks)."""

from __future__ import annotations

import datetime as dt

import pytest

from reviewextract import extract
from reviewextract.lang.base import LanguageDataError
from reviewextract.markup import clean_title
from reviewextract.model import PageMeta
from reviewextract.pagemeta import (
    fill_from_text,
    iso_date,
    page_cues,
    page_meta_from_text,
    read_lines,
)

# (line, author, date): lines as pages and plain texts write them
LINES = {
    "dateline-weekday": ("Donnerstag, 7. Februar 2008", None, "2008-02-07"),
    "byline": ("von Anna Beispiel", "Anna Beispiel", None),
    "byline-date-extra": ("Von Katrin Albers · 14. Juni 2019 · Lesezeit: 6 Minuten",
                          "Katrin Albers", "2019-06-14"),
    "posted-by-on": ("Gepostet von Sven am 11.08.2015 · 14 Kommentare", "Sven", "2015-08-11"),
    "posted-on-by": ("Gepostet am 23. April 2022 von Ben | Kino", "Ben", "2022-04-23"),
    "label-comma": ("Kritik: Jonas Reuter, 28.02.2024", "Jonas Reuter", "2024-02-28"),
    "published": ("Veröffentlicht am 14. März 2020", None, "2020-03-14"),
    "customer-review": ("Rezension aus Deutschland vom 3. Mai 2012", None, "2012-05-03"),
    "name-particle": ("Von Florian Henckel von Donnersmarck, 3. Mai 2012",
                      "Florian Henckel von Donnersmarck", "2012-05-03"),
    "forum-handle": ("Beitrag #14 von nachtschicht_berlin", "nachtschicht_berlin", None),
    "month-only-keeps-no-day": ("Februar 2008", None, "2008-02"),
    "iso-date": ("Stand: 2021-05-03", None, "2021-05-03"),
    # never an author or a publication date
    "release-date": ("VÖ: 14.11.2014 (hab nachgeschaut)", None, None),
    "rating-sentence": ("Von mir gibt es 9/10", None, None),
    "source-novel": ("Vorlage: „Der nasse Fisch“ von Volker Kutscher", None, None),
    "shouting": ("1 VON 5 STERNEN UND DER IST NOCH GESCHENKT. FINGER WEG!!!", None, None),
    "quote-header": ("Zitat von cinephil_83:", None, None),
    "director-line": ("Regie: Florian Henckel von Donnersmarck", None, None),
    "impossible-day": ("31. Februar 2008", None, None),
    "cinema-start": ("Kinostart: 7. Februar 2008", None, None),
    "title-with-von": ("Von Menschen und Göttern", None, None),
}


@pytest.mark.parametrize(("line", "author", "date"), LINES.values(), ids=LINES.keys())
def test_read_lines(line: str, author: str | None, date: str | None) -> None:
    assert read_lines([line]) == (author, date)


@pytest.mark.parametrize(("value", "iso"), [
    ("2019-06-14T09:30:00+02:00", "2019-06-14"), ("2019-06", "2019-06"), ("2019-02-30", None),
    ("14.06.2019", None), ("", None), (None, None), ("1850-01-01", None),
])
def test_iso_date(value: str | None, iso: str | None) -> None:
    assert iso_date(value) == iso


def test_future_publication_year_is_refused() -> None:
    assert iso_date(f"{dt.date.today().year + 5}-01-01") is None


def test_plain_text_head_and_tail_lines() -> None:
    text = ("Lichtspiel – ein Abend im Kino\nDonnerstag, 7. Februar 2008\n\nDer Film ist schön, "
            "von Anfang bis Ende. Regie führte Mara Feld.\n\nText: Anna Beispiel")
    meta = page_meta_from_text(text)
    assert (meta.author, meta.date_published) == ("Anna Beispiel", "2008-02-07")


def test_plain_text_body_lines_are_not_read() -> None:
    body = "\n".join(f"Absatz {i} über den Film, der gut ist." for i in range(12))
    text = f"Lichtspiel\n{body[:200]}\nVon Anna Beispiel\n{body}"
    assert page_meta_from_text(text) == PageMeta()


def test_fill_keeps_what_the_page_gave() -> None:
    text = "Lichtspiel\nVon Anna Beispiel, 7. Februar 2008\nDer Film ist schön."
    page = PageMeta(author="Redaktion Beispiel", source_format="html")
    meta = fill_from_text(page, text)
    assert (meta.author, meta.date_published, meta.source_format) == (
        "Redaktion Beispiel", "2008-02-07", "html")


def test_extract_fills_meta_from_a_plain_text_byline(seed_text: str) -> None:
    review = extract("Von Anna Beispiel · 9. März 2018\n\n" + seed_text)
    assert (review.meta.author, review.meta.date_published) == ("Anna Beispiel", "2018-03-09")
    assert extract(seed_text).meta == PageMeta()


def test_clean_title() -> None:
    cues = page_cues("de")
    assert clean_title("Dune: Part Two – Filmkritik | Kinokompass", "Kinokompass", cues) == (
        "Dune: Part Two")
    assert clean_title("Kritik | Der Pass – Staffel 1", None, cues) == "Der Pass – Staffel 1"
    assert clean_title("Kinokompass", "Kinokompass", cues) == "Kinokompass"


def test_page_cues_are_checked() -> None:
    with pytest.raises(LanguageDataError):
        page_cues("xx")
    cues = page_cues("de")
    assert not cues.date.fullmatch("") and cues.date.fullmatch("7. Februar 2008")


# (head and body markup, expected (author, date, site_name)): the page's own statements
_P = "<p>Ein Absatz.</p>"
MARKUP = {
    "meta-property-first-non-empty": (
        '<meta property="article:published_time" content=" "><meta name="date" '
        'content="2021-03-04"><meta name="author" content="Jo Lenz">', _P,
        ("Jo Lenz", "2021-03-04", None)),
    "meta-url-author-ignored": (
        '<meta name="author" content="https://example.org/jo">'
        '<meta name="application-name" content="Filmblatt">', _P, (None, None, "Filmblatt")),
    "time-in-article": ("", '<time datetime="2019-01-02">x</time><article><time '
                        'datetime="2020-05-06">6. Mai</time>' + _P + "</article>",
                        (None, "2020-05-06", None)),
    "time-pubdate-outside": ("", '<time pubdate datetime="2018-07-08">8.7.</time>' + _P,
                             (None, "2018-07-08", None)),
    "time-entry-date-class": ("", '<span><time class="entry-date x" datetime="2017-09-10">'
                              "</time></span>" + _P, (None, "2017-09-10", None)),
    "meta-date-before-time": ('<meta property="article:published_time" content="2016-01-01">',
                              '<article><time datetime="2015-02-02"></time>' + _P + "</article>",
                              (None, "2016-01-01", None)),
    "unrelated-time-ignored": ("", '<div><time datetime="2014-03-03">x</time></div>' + _P,
                               (None, None, None)),
}


@pytest.mark.parametrize("head, body, expected", MARKUP.values(), ids=MARKUP.keys())
def test_page_markup_author_date_site(head: str, body: str,
                                      expected: tuple[str | None, ...]) -> None:
    from reviewextract.html import parse_page
    from reviewextract.markup import markup_hints

    root, _ = parse_page(f"<html><head>{head}</head><body>{body}</body></html>")
    hints = markup_hints(root)
    assert (hints.author, hints.date, hints.site_name) == expected


def test_warm_up_reads_a_date_in_digits_day_first() -> None:
    # the batch warm-up parses a date in digits with the settings datelines use: day first
    import datetime as dt

    from reviewextract.pagemeta import _dateparser_parse, warm_up_dates

    warm_up_dates()
    cues = page_cues("de")
    assert _dateparser_parse("01.02.2020", cues) == dt.datetime(2020, 2, 1)
    assert _dateparser_parse("13.14.2020", cues) is None  # no 14th month: nothing guessed
