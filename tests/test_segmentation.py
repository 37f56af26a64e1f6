"""Sentence (text.py) and clause (opinions/reader.py) segmentation on our own German sentences,
by phenomenon."""

from __future__ import annotations

import pytest

from reviewextract.lang import get_language
from reviewextract.lang.lexicon import get_lexicon
from reviewextract.opinions.reader import reader
from reviewextract.text import Doc

DE = get_language("de")
LEX = get_lexicon("de")


def sentences(text: str) -> list[str]:
    return [s.text for s in Doc(text, DE).sentences]


def clause_spans(text: str) -> list[tuple[int, int, str]]:
    return reader(Doc(text, DE), LEX).clauses(LEX, 0, len(text))


def clauses(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in clause_spans(text)]


SENTENCES = [
    pytest.param("Die Laufzeit beträgt ca. 90 Minuten. Das reicht.", 2, id="abbrev-ca"),
    pytest.param("Es gibt Extras, z. B. ein Making-of. Die sind nett.", 2, id="abbrev-z-b-spaced"),
    pytest.param("Gezeigt werden u. a. Interviews. Sonst nichts.", 2, id="abbrev-u-a"),
    pytest.param("Die Serie bzw. ihre erste Staffel ist kurz. Schade.", 2, id="abbrev-bzw"),
    pytest.param("Regie führte Dr. Anna Berg. Sie kann das.", 2, id="abbrev-title-dr"),
    pytest.param("Die 3. Staffel ist besser als die 2. Staffel. Klar.", 2, id="ordinal-noun"),
    pytest.param("Ab dem 12. März im Kino. Hingehen!", 2, id="ordinal-date"),
    pytest.param("Er sagt: „Nie wieder.“ Dann geht er.", 2, id="quote-closing-after-dot"),
    pytest.param("Als Gesamtwerk ist „Jerks.“ vor allem eines: zu lang. Schade.", 2,
                 id="title-period-inside-quotes"),
    pytest.param("Tolle Bilder\nSchwache Story", 2, id="no-final-punctuation-lines"),
    pytest.param("Ist das gut? Ja! Sehr.", 3, id="question-and-exclamation"),
    # a hard-wrapped paragraph goes on across its line breaks; a heading, a short line or a
    # list item does not
    pytest.param("Bereits einer seiner früheren Filme, eine Verfilmung eines alten\n"
                 "Kinderbuches, zeigt, warum seine Filme uns allen sehr\nfehlen werden.", 1,
                 id="hard-wrapped-paragraph"),
    pytest.param("Die Story ist eine Verfilmung eines alten Kinderbuches für Kinder\n"
                 "Der Film ist klug.", 1, id="long-line-and-capital-runs-on"),
    pytest.param("Tolle Bilder und eine gute Musik\nSchwache Story", 2, id="short-line-ends"),
    pytest.param("Positiv sind die Bilder, die Musik und die vielen kleinen Details des\n"
                 "- Films", 2, id="list-mark-ends"),
]


@pytest.mark.parametrize(("text", "n"), SENTENCES)
def test_sentence_count(text: str, n: int) -> None:
    assert len(sentences(text)) == n, sentences(text)


def test_sentence_spans_point_into_text() -> None:
    text = "Die Kamera ist ca. 2 Std. unterwegs. „Toll“, sagt sie. Ende"
    for s in Doc(text, DE).sentences:
        assert text[s.start:s.end] == s.text


CLAUSES = [
    pytest.param("Die Musik ist gut, aber die Story ist schwach",
                 ["Die Musik ist gut", "aber die Story ist schwach"], id="comma-aber"),
    pytest.param("Das Bild ist nicht das beste aber für den Preis in Ordnung",
                 ["Das Bild ist nicht das beste", "aber für den Preis in Ordnung"],
                 id="aber-without-comma"),
    pytest.param("Das liegt nicht an den Darstellern, sondern an der Regie",
                 ["Das liegt nicht an den Darstellern", "sondern an der Regie"], id="sondern"),
    pytest.param("Die Figuren, die wenig sagen, bleiben blass",
                 ["Die Figuren", "die wenig sagen", "bleiben blass"], id="relative-commas"),
    pytest.param("Die Effekte sind alt; die Musik ist neu",
                 ["Die Effekte sind alt", "die Musik ist neu"], id="semicolon"),
    pytest.param("Ein starker Auftakt – ein schwaches Ende",
                 ["Ein starker Auftakt", "ein schwaches Ende"], id="dash"),
    pytest.param("Der Hauptdarsteller spielt stark und die Musik trägt jede Szene",
                 ["Der Hauptdarsteller spielt stark", "und die Musik trägt jede Szene"],
                 id="und-new-subject"),
    pytest.param("Bild und Ton sind auf der Scheibe gut", ["Bild und Ton sind auf der Scheibe gut"],
                 id="und-inside-subject-no-split"),
    pytest.param("Wertung: 7,5 von 10", ["Wertung", "7,5 von 10"], id="decimal-comma-kept"),
    pytest.param("Spannend aber kurz", ["Spannend aber kurz"], id="short-sides-no-split"),
]


@pytest.mark.parametrize(("text", "expected"), CLAUSES)
def test_clauses(text: str, expected: list[str]) -> None:
    assert clauses(text) == expected


def test_clause_offsets_survive() -> None:
    text = "  Nett, aber zu lang; dafür (immerhin) gut gespielt.  "
    found = clauses(text)
    assert found == ["Nett", "aber zu lang", "dafür", "immerhin", "gut gespielt"]
    for c in found:
        assert c == c.strip()


def test_sentence_bounds_drop_every_kind_of_white_space() -> None:
    """Sentence bounds are trimmed with str.strip, which must drop exactly what str.isspace
    calls white space (no-break, ideographic and line-separator spaces, file separators)."""
    odd = "\u00a0\u2003\u3000\u2028\x1c\x1f\u0085\t"
    text = f"{odd}Der Film beginnt gut.{odd}\n\n{odd}Dann wird er lang.{odd}"
    found = Doc(text, DE).sentences
    assert [s.text for s in found] == ["Der Film beginnt gut.", "Dann wird er lang."]
    for s in found:
        assert text[s.start:s.end] == s.text


def test_strip_and_isspace_agree_on_every_character() -> None:
    assert all((chr(c).strip() == "") == chr(c).isspace() for c in range(0x110000))
