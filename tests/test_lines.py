"""Line kinds (lines.py): page chrome, meta lines, info-box lines, headings and body text."""

from __future__ import annotations

import pytest

from reviewextract.lang import get_language
from reviewextract.lines import classify
from reviewextract.text import Doc

BODY = "Der Film erzählt von einem Sommer am See, und er tut das mit großer Ruhe und Witz."


def kinds(text: str) -> list[tuple[str, str]]:
    doc = Doc(text, get_language("de"))
    return [(doc.text[ln.start:ln.end], ln.kind) for ln in classify(doc)]


@pytest.mark.parametrize(("line", "kind"), [
    ("Startseite › Kino › Kritiken", "chrome"),
    ("Home / Filme / Drama", "chrome"),
    ("DVD-Kritik", "chrome"),
    ("Blu-ray-Test:", "chrome"),
    ("HORROR", "chrome"),
    ("Kategorie: Thriller", "chrome"),
    ("Seite 2 von 9", "chrome"),
    ("Beitrag #12", "chrome"),
    ("#4 | nebelfan | 03.04.2021, 20:15", "chrome"),
    ("Registriert seit: 05/2010 | Beiträge: 2.311", "chrome"),
    ("Zitat von Kinogänger:", "chrome"),
    ("Preis: 12,99 €", "chrome"),
    ("Drama, Kino · 3 Kommentare", "chrome"),
    ("Zitieren · Antworten", "chrome"),
    ("👍 31  💬 4", "chrome"),
    ("#Sommerfilm #Kinotipp", "chrome"),
    ("Weiterlesen →", "chrome"),
    ("Von Anna Beispiel", "meta"),
    ("- von Jonas Reuter", "meta"),
    ("Veröffentlicht am 3. März 2021", "meta"),
    ("12.05.2019 · Drama", "chrome"),
    ("kinofan_88 schrieb am 01.02.2020:", "meta"),
    ("Regie: Anna Beispiel", "info"),
    ("FSK: 12", "info"),
    ("Laufzeit: 98 Minuten", "info"),
    ("Der Nebelwald", "heading"),
    ("Review: Der Nebelwald – Staffel 2 (Blu-ray)", "heading"),
    ("Ein stiller Sommer am See", "heading"),
    ("Lohnt sich der Nebelwald?", "heading"),
])
def test_line_kind(line: str, kind: str) -> None:
    got = dict(kinds(f"{line}\n\n{BODY}"))
    assert got[line] == kind
    assert got[BODY] == "body"


def test_a_sentence_line_is_body_even_when_short() -> None:
    got = dict(kinds(f"Der Film ist gut. Er ist auch lang.\n\n{BODY}"))
    assert got["Der Film ist gut. Er ist auch lang."] == "body"


def test_a_hard_wrapped_paragraph_is_body_not_headings() -> None:
    text = "Die Regisseurin zeigt im\nzweiten Teil des Films eine\nklare Haltung zum Thema."
    assert [k for _, k in kinds(text)] == ["body", "body", "body"]


def test_a_single_line_is_body() -> None:
    assert kinds("Der Nebelwald") == [("Der Nebelwald", "body")]
