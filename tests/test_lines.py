"""Line kinds (lines.py): page chrome, meta lines, info-box lines, headings and body text."""

from __future__ import annotations

import pytest

from reviewextract import extract
from reviewextract.lang import get_language
from reviewextract.lines import classify, listing_items
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
    ("Seiten: 1 2", "chrome"),
    ("Beitrag #12", "chrome"),
    # a section label asked as a question, a plot section's label, a vote counter
    ("Worum geht es?", "chrome"),
    ("Worum geht’s? 🍿🎬", "chrome"),  # a typographic apostrophe, emoji after the label
    ("Kurzinhalt", "chrome"),
    ("0 Stimmen", "chrome"),
    ("Was heißt hier Ende?", "heading"),
    # a question mark before a bracket is no break between sentences: a question's name, its year
    ("Darf ich bitten? (2004)", "heading"),
    ("Was nun? (Teil 2)", "heading"),
    # a rating widget's instruction
    ("Der Film kann bewertet werden. Einfach die Anzahl Sterne auswählen und klicken.",
     "chrome"),
    ("Wie wertest Du? Klicke auf einen der Sterne:", "chrome"),
    ("#4 | nebelfan | 03.04.2021, 20:15", "chrome"),
    ("Registriert seit: 05/2010 | Beiträge: 2.311", "chrome"),
    ("Zitat von Kinogänger:", "chrome"),
    ("Preis: 12,99 €", "chrome"),
    ("Drama, Kino · 3 Kommentare", "chrome"),
    ("Zitieren · Antworten", "chrome"),
    ("👍 31  💬 4", "chrome"),
    ("#Sommerfilm #Kinotipp", "chrome"),
    ("Weiterlesen →", "chrome"),
    ("Der Vierer © Filmverleih Nord GmbH", "chrome"),  # a photo credit, and its company line
    ("Filmverleih Nord GmbH", "chrome"),
    ("Sony Pictures", "chrome"),
    ("Registrierung zur E-Mail-Benachrichtigung", "chrome"),  # form and account lines
    ("Fragen & Antworten", "chrome"),
    ("Ganze Kritik auf Filmseite lesen", "chrome"),
    ("Monatsarchive: Juni 2015", "chrome"),
    ("Lesen Sie weiter", "chrome"),
    ("Hauptmenü", "chrome"),  # site navigation, comment forms, related-post boxes
    ("Keine Kommentare", "chrome"),
    ("Kommentar veröffentlichen", "chrome"),
    ("Ähnliche Beiträge", "chrome"),
    ("Von Anna Beispiel", "meta"),
    ("- von Jonas Reuter", "meta"),
    ("Text: Lars Beispiel", "meta"),
    ("Cutter/in von", "meta"),
    ("Veröffentlicht am 3. März 2021", "meta"),
    ("12.05.2019 · Drama", "chrome"),
    ("kinofan_88 schrieb am 01.02.2020:", "meta"),
    ("Regie: Anna Beispiel", "info"),
    ("FSK: 12", "info"),
    ("Laufzeit: 98 Minuten", "info"),
    ("Der Nebelwald", "heading"),
    ("Dr. Nebel", "heading"),  # an abbreviation's period is no sentence break
    ("Review: Der Nebelwald – Staffel 2 (Blu-ray)", "heading"),
    ("Ein stiller Sommer am See", "heading"),
    ("Lohnt sich der Nebelwald?", "heading"),
    # section labels by their head word, label lines opening a paragraph, kickers with a genre
    ("Streaming-Tipps", "chrome"),
    ("Film der Woche", "chrome"),
    ("Neu im Stream", "chrome"),
    ("Kinderkino", "chrome"),
    ("Biografie", "chrome"),  # a genre kicker above a listing's first review
    # the English lines of blog themes
    ("Archive for the 'Filmkritik' Category", "chrome"),
    ("Filed under Kino, Drama", "chrome"),
    ("Friday, August 25th, 2006", "meta"),
    ("Posted by kinofan on March 3, 2012", "meta"),
    ("Psychothriller", "chrome"),
    ("Heimkino-Test", "chrome"),
    ("Bild (2/10):", "chrome"),
    ("Casablanca:", "heading"),  # a name ending in ":" opens the text about it
    # a site's name or motto; not a page title that names the work beside a section label
    ("Kinofreund – der Filmblog aus Köln", "chrome"),
    ("Filme & Serien - Empfehlungen auf kinofreund.de", "chrome"),
    ("Der Nebelwald - Kritik - Kinofreund.de", "heading"),
    ("Magazin : KOMÖDIE", "chrome"),
    ("Protest", "heading"),
    # info labels joined, and a shop's variant line
    ("Recherche & Buch: Anna Beispiel", "info"),
    ("Rotten Tomatoes Wertung: 71 Prozent", "info"),  # a label named by its last word
    # a disc test's technical sections and lines of marks only
    ("Aspect Ratio: 1.85:1 (16:9)", "info"),
    ("Datum: 14.01.2013 | VÖ: 24.08.2012 | Kategorie: Dokumentation", "meta"),
    ("Schärfe: |", "chrome"),
    ("|", "chrome"),
    ("1 Eintrag", "chrome"),  # a count with its word
    ("31", "heading"),  # a bare number can be a title
    ("Eine Kritik von kinofan88 am 02.10.2008", "meta"),
    ("4,0 von 5 Sternen Hat mir gefallen", "chrome"),  # a shop's star line and headline
    ("Stil: Blu-ray | Verifizierter Kauf", "info"),
    # headings: a subtitle after "!", words in brackets not counted, an initial at the end
    ("Glück auf! – Das Ende der Zechen (Dokuserie, ARD)", "heading"),
    ("Der Nebelwald: Die Rückkehr des Königs - Extended Edition [4K Ultra HD] [Blu-ray]",
     "heading"),
    ("Tod am See – Der Fall Kerstin M.", "heading"),
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


def test_a_wrapped_line_that_opens_in_lower_case_runs_on() -> None:
    text = ("Die Umsetzung von „Nebelwald“ darf man getrost\nund ohne Zögern als Frechheit\n"
            "betrachten. Das Bild ist schlecht.")
    assert [k for _, k in kinds(text)] == ["body", "body", "body"]


def test_a_heading_before_a_lower_case_line_stays_a_heading() -> None:
    text = "Nebelwald - Staffel 4 [6 DVDs]\nendlich hab ich die ganze Staffel gesehen, super."
    assert kinds(text)[0] == ("Nebelwald - Staffel 4 [6 DVDs]", "heading")


def test_a_single_line_is_body() -> None:
    assert kinds("Der Nebelwald") == [("Der Nebelwald", "body")]


LISTING = """Die besten Krimiserien des Jahres

1. Nordlicht: Das Verschwinden

Die Miniserie aus dem Jahr 2021 erzählt in vier Folgen von einem Fall an der Küste. Regie führte
Anna Beispiel. Fazit: spannend und klug erzählt.

2. Hafenwache

Die Serie startete 2019 und ist etwas zäh, hat aber starke Darsteller.

3. Der Nebelwald

Ein Film von Paul Muster aus dem Jahr 2015, leider völlig langweilig.
"""


def test_a_listing_page_gives_its_first_entry_and_a_flag() -> None:
    from reviewextract import extract

    r = extract(LISTING)
    assert any(w.code == "listing_page" for w in r.warnings)
    assert r.title == "Nordlicht: Das Verschwinden"
    assert r.year == 2021 and r.directors == ["Anna Beispiel"]
    assert r.source_text == LISTING  # the spans still point into the whole text
    for ev in r.evidence.values():
        for e in ev:
            assert LISTING[e.start:e.end] == e.text
            assert e.start < LISTING.index("2. Hafenwache")


def test_two_year_brackets_are_no_listing() -> None:
    from reviewextract import extract

    text = ("Nordlicht (2019)\n\nDie Serie ist gut, besser als Hafenwache (2017) und sehr "
            "spannend erzählt.\n\nSiehe auch: Der Nebelwald (2015)")
    assert not any(w.code == "listing_page" for w in extract(text).warnings)


@pytest.mark.parametrize(("line", "entry"), [
    ("5. Jan.2 Min. Lesezeit", False),
    ("14. Mai ab 20.15 Uhr: Folge 1", False),
    ("1. März 2020", False),
    ("1. Junge Liebe", True),
    ("3. Maigret und der Tote", True),
    ("2. Märchenprinz", True),
])
def test_a_day_and_month_is_no_entry_number(line: str, entry: bool) -> None:
    # a month name or its abbreviation after the number makes a date; a word that only begins
    # like one ("Junge", "Maigret") is an entry's name
    assert bool(get_language("de").pages.listing_item.search(line)) is entry


WRAPPED = ("Nordlicht\n\n"
           "Bis auf wenige Aufnahmen sehr gute\nSchärfe und viele feine Details,\ndie man gern "
           "sieht.\n\n"
           "Durchgehend gute, natürliche\nFarben auch in dunklen Szenen,\ndie sehr satt "
           "wirken.\n\n"
           "Wenige Effekt-Shots mit\nUnschärfe und etwas Rauschen,\ndie kaum stören.\n\n"
           "Meist ausgewogenes\nKontrastverhältnis mit sattem\nSchwarz und hellen Farben.\n\n"
           "Viele Sequenzen bieten eine gute\nPlastizität und Tiefe,\ndie man selten sieht.\n\n"
           "Regisseur Tom Keller erzählt das alles\nruhig und mit viel Geduld.\n")


def test_hand_wrapped_prose_is_no_page_of_capsules() -> None:
    """Short lines one under another, each opening with a capital, are prose wrapped by hand:
    not capsule reviews, so the whole text is read."""
    from reviewextract import extract

    r = extract(WRAPPED)
    assert not any(w.code == "listing_page" for w in r.warnings)
    assert r.directors == ["Tom Keller"]


def test_day_and_month_lines_are_no_numbered_entries() -> None:
    """ "5. Jan." opens a date, not an entry "5."; a blog page's datelines make no listing."""
    from reviewextract import extract

    text = ("Nordlicht\n\nEin stiller und genauer Film über zwei "
            "Schwestern, schön gespielt.\n\nAnna Muster\n5. Jan. 2 Min. Lesezeit\n\n"
            "Ein zweiter Text über einen anderen Film, der lang und zäh ist.\n\n"
            "Anna Muster\n29. Dez. 2025 3 Min. Lesezeit\n\nSendetermine\n\n"
            "14. Mai ab 20.15 Uhr: Folge 1\n\n15. Mai ab 20.15 Uhr: Folge 2")
    r = extract(text)
    assert not any(w.code == "listing_page" for w in r.warnings)
    assert r.title == "Nordlicht"


ANNOUNCED = """Streaming-Tipps

Top 5: Die besten Krimiserien des Jahres

Wir stellen die fünf spannendsten Serien vor, die Sie gesehen haben sollten.

Nordlicht: Das Verschwinden

Die Miniserie erzählt in vier Folgen von einem Fall an der Küste, klug und spannend.

Hafenwache

Die Serie ist etwas zäh, hat aber starke Darsteller.

Der Nebelwald

Ein ruhiger Krimi mit viel Atmosphäre und einem starken Ende.
"""


def test_an_announced_list_is_a_listing_and_its_first_entry_is_read() -> None:
    doc = Doc(ANNOUNCED, get_language("de"))
    items = listing_items(doc)
    assert len(items) == 3
    assert ANNOUNCED[items[0]:].startswith("Nordlicht: Das Verschwinden")


CUT_LISTING = """Zum Jahresende: die besten und schlechtesten Serienfinale

Wir haben die Enden gesammelt, über die am meisten gestritten wurde.

Die besten und schlechtesten Serienfinale im Überblick

Nordlicht

Ein Ende, das alle Fäden klug zusammenführt.

Hafenwache

Das Finale war überhastet, und die letzte Wendung nahm der Serie in den Augen vieler\
Fans fast alles von"""


def test_an_announcement_inside_a_heading_with_two_entries_is_a_listing() -> None:
    # an excerpt may be cut after two entries; a heading repeating the announcement is no entry
    doc = Doc(CUT_LISTING, get_language("de"))
    items = listing_items(doc)
    assert [CUT_LISTING[i:].split("\n")[0] for i in items] == ["Nordlicht", "Hafenwache"]
    assert extract(CUT_LISTING).title == "Nordlicht"


CUT_AFTER_ONE = """Die 10 kultigsten Zeichentrickserien aller Zeiten

Wir haben uns durch das Programm unserer Kindheit gewühlt und stellen die Serien vor.

Nordlicht (1990-1998)

Ein Klassiker mit feinem Witz und schönen Figuren, der bis heute trägt.

Hafenwache (seit 2004)

Die Serie über den"""


def test_an_announced_list_cut_after_one_entry_is_a_listing() -> None:
    # the excerpt ends in the second entry: the first runs to its heading; the list's
    # introduction names the kind of work the entry does not name
    items = listing_items(Doc(CUT_AFTER_ONE, get_language("de")))
    assert [CUT_AFTER_ONE[i:].split("\n")[0] for i in items] == ["Nordlicht (1990-1998)",
                                                                   "Hafenwache (seit 2004)"]
    review = extract(CUT_AFTER_ONE)
    assert review.title == "Nordlicht"
    assert review.work_type is not None and review.work_type.value == "series"
    assert "serie" in review.evidence["work_type"][0].text.lower()


DOCS_LISTING = """Die fünf besten Musikdokus

Wir stellen die Dokumentationen vor, die man gesehen haben muss.

Nordlicht (2004)

Ein kluger und genauer Film über eine Band, die nie berühmt wurde.

Hafenwache (2010)

Ein lauter Film über einen Sänger und seine Tour.

Der Nebelwald (2015)

Ein stiller Film über ein Orchester im Wald.
"""


def test_an_announced_documentary_outranks_an_entry_that_says_film() -> None:
    # a documentary is a film: the entry's "Film" does not contradict the list's "Musikdokus"
    review = extract(DOCS_LISTING)
    assert any(w.code == "listing_page" for w in review.warnings)
    assert review.title == "Nordlicht"
    assert review.work_type is not None and review.work_type.value == "documentary"
    serial = extract(DOCS_LISTING.replace("Musikdokus", "Musikserien").replace(
        "Dokumentationen", "Serien"))
    assert serial.work_type is not None and serial.work_type.value == "movie"


def test_one_entry_under_an_announcement_with_more_page_after_it_is_no_listing() -> None:
    text = ("Die 10 besten Filme des Jahres\n\nNordlicht\n\nEin großer Film über zwei "
            "Schwestern, klug und genau.\n\nTeilen\n\nKommentare (3)\n\nImpressum\n\n"
            "Datenschutz")
    assert listing_items(Doc(text, get_language("de"))) == []


@pytest.mark.parametrize(("line", "announces"), [
    ("Die 10 kultigsten Zeichentrickserien aller Zeiten", True),
    ("28 Beste Netflix-Dokumentationen über wahre Verbrechen", True),
    ("Die 5 ersten Folgen waren stark", False),
])
def test_listing_cue(line: str, announces: bool) -> None:
    cue = get_language("de").pages.listing_cue
    assert bool(cue.search(line.lower())) == announces


def test_a_list_place_with_its_category_is_no_part_of_the_title() -> None:
    text = ("Die vier besten und schlechtesten Serienfinale\n\nEin Text über Enden.\n\n"
            "Platz 4 – Schlechteste: Nordlicht\n\nEin Ende, das nicht gut war. Die Serie war "
            "lange stark.\n\nPlatz 3: Hafenwache\n\nAuch schwach.")
    assert extract(text).title == "Nordlicht"


ARCHIVE = """Archive for the 'Filmkritik' Category

Der Nebelwald

Monday, May 4th, 2009

Ein ruhiger Krimi mit viel Atmosphäre und einem starken Ende, den man gesehen haben sollte.

Hafenwache

Sunday, May 3rd, 2009

Die Serie ist etwas zäh, hat aber starke Darsteller und eine schöne Kamera am Hafen.

Nordlicht

Saturday, May 2nd, 2009

Die Miniserie erzählt in vier Folgen von einem Fall an der Küste, klug und spannend.
"""


def test_an_archive_page_of_dated_entries_is_a_listing() -> None:
    items = listing_items(Doc(ARCHIVE, get_language("de")))
    assert [ARCHIVE[i:].split("\n")[0] for i in items] == ["Der Nebelwald", "Hafenwache",
                                                            "Nordlicht"]
    assert extract(ARCHIVE).title == "Der Nebelwald"


NUMBERED_AFTER_INTRO = ("Die besten Krimiserien des Jahres\n\n" + "Wir haben lange überlegt, "
                        "welche Serien in diese Liste gehören, und viele Abende vor dem "
                        "Fernseher verbracht. " * 4 + "\n\n1. Nordlicht\n\nDie Miniserie erzählt "
                        "in vier Folgen von einem Fall an der Küste, klug und spannend.\n\n"
                        "2. Hafenwache\n\nDie Serie ist etwas zäh, hat aber starke Darsteller "
                        "und eine schöne Kamera.\n")


def test_a_listing_entry_is_named_by_its_numbered_heading_after_a_long_intro() -> None:
    # the entry's number is expected on a listing page; its place counts from the entry
    assert extract(NUMBERED_AFTER_INTRO).title == "Nordlicht"


def test_section_headings_without_an_announcement_are_no_listing() -> None:
    text = ANNOUNCED.replace("Top 5: Die besten Krimiserien des Jahres", "Ein Abend mit Krimis")
    assert listing_items(Doc(text, get_language("de"))) == []


def test_a_name_beside_a_dateline_is_a_byline() -> None:
    got = dict(kinds(f"Der Nebelwald\n\nAnna Beispiel\n3. März 2021\n\n{BODY}"))
    assert got["Anna Beispiel"] == "meta"
    assert got["Der Nebelwald"] == "heading"


def test_a_name_above_a_film_database_role_line_is_a_person() -> None:
    # "Cutter/in von:" under a name: a film database's person page; the name is no title, even
    # with a first name the language's list does not hold
    text = ("Jon Beispiel\nCutter/in von:\nEine Mutter bringt eine Kleinstadt in Aufruhr, "
            "großes Schauspielerkino: »Nordlicht über Ebbing«\n")
    got = dict(kinds(text))
    assert got["Jon Beispiel"] == "meta" and got["Cutter/in von:"] == "meta"
    assert extract(text).title == "Nordlicht über Ebbing"


def test_a_name_without_a_dateline_stays_a_heading() -> None:
    assert dict(kinds(f"Anna Beispiel\n\n{BODY}"))["Anna Beispiel"] == "heading"


CAPSULES = """Nordlicht
Ein kluger Küstenkrimi mit starken Darstellern und einem packenden Finale.
Hafenwache
Solide, aber etwas zäh erzählt; die Nebenfiguren bleiben blass.
Der Nebelwald
Ein ruhiger Film mit viel Atmosphäre und einem starken Ende.
Sturmflut
Laut, hektisch und vorhersehbar: eine Enttäuschung.
Hafenlichter
Ein warmherziges Drama, getragen von zwei großartigen Hauptdarstellerinnen.
"""


def test_capsule_reviews_are_a_listing_and_the_first_is_read() -> None:
    # headings each followed by a short blurb (lines.CAPSULE_WORDS), no announcement
    items = listing_items(Doc(CAPSULES, get_language("de")))
    assert [CAPSULES[i:].split("\n")[0] for i in items] == [
        "Nordlicht", "Hafenwache", "Der Nebelwald", "Sturmflut", "Hafenlichter"]
    r = extract(CAPSULES)
    assert r.title == "Nordlicht" and any(w.code == "listing_page" for w in r.warnings)


SECTIONS = """Nordlicht
Ein starkes Ensemble
""" + "Die Darsteller tragen den Film mit großer Spielfreude, und jede Szene sitzt. " * 6 + """
Ein schwaches Drehbuch
""" + "Die Geschichte verliert sich in Nebenhandlungen, die nirgends hinführen. " * 6 + """
Eine grandiose Kamera
""" + "Die Bilder der Küste sind kühl, weit und von einer seltenen Schönheit. " * 6 + """
Ein starkes Finale
""" + "Das Ende führt alle Fäden zusammen und lässt einen lange nicht los. " * 6 + "\n"


def test_a_review_with_section_headings_is_no_listing() -> None:
    # each section is longer than a capsule's blurb
    assert listing_items(Doc(SECTIONS, get_language("de"))) == []


def test_a_column_of_labels_and_values_is_info() -> None:
    # a film database's data block: each label alone on its line, its value on the next
    text = (f"{BODY}\n\nFilmdaten\n- Produktionsland\n- Frankreich\n- Produktionsjahr\n- 1988\n"
            "- Regie\n- Anna Muster\n")
    got = dict(kinds(text))
    assert [got[k] for k in ("- Produktionsland", "- Frankreich", "- Produktionsjahr", "- 1988",
                             "- Regie", "- Anna Muster")] == ["info"] * 6
    assert got["Filmdaten"] == "heading"


def test_one_label_alone_above_a_paragraph_stays_as_it_was() -> None:
    # a section head such as "Bild" with its paragraph below is no data block
    text = f"Der Nebelwald\n\nBild\n{BODY}\n\nTon\n{BODY}"
    got = dict(kinds(text))
    assert got["Bild"] != "info" and got[BODY] == "body"


# numbered lines one under the other that hold no review: a breadcrumb trail above the review,
# a disc's audio tracks, a box set's episodes
BREADCRUMB = ("  1. Startseite\n  2. Filme\n  3. Nordlicht (Director's Cut)\n  4. News\n\n"
              "Regisseur Tom Keller hat 1973 einen der besten Thriller gedreht: „Nordlicht“. "
              "Jetzt erscheint der Film endlich in einer neuen Fassung, und sie lohnt sich.")
AUDIO_TRACKS = ("Nordlicht\n\nRegie\n\nTom Keller\n\nAudiokanäle\n\n1. Deutsch, Dolby Digital "
                "2.0\n2. Englisch, Dolby Digital 5.1\n3. Französisch, Dolby Digital 1.0\n\n"
                "Der Film ist ein kühler Thriller über einen Kommissar im Norden, und er hat "
                "nichts von seiner Spannung verloren.")
EPISODES = ("Hafenwache – die Box\n\n1. Die Welt im Jahr 0\n\n2. Die Welt im Jahr 500\n\n"
            "3. Die Welt im Jahr 1000\n\nDie Dokumentation erzählt in drei Folgen ruhig und "
            "genau, und die Bilder sind sehr schön.")
# a listing of capsule reviews, one per numbered line
NUMBERED_CAPSULES = ("Kurz gesehen im Mai\n\n1. Nordlicht (2015) – stark gespielt, leider zu lang\n"
            "2. Hafenwache (2017) – spannend bis zur letzten Minute\n"
            "3. Glutsommer (2019) – schön fotografiert, aber ohne Spannung\n")


@pytest.mark.parametrize("text", [BREADCRUMB, AUDIO_TRACKS, EPISODES])
def test_numbered_lines_without_a_review_make_no_listing(text: str) -> None:
    from reviewextract import extract

    r = extract(text)
    assert not any(w.code == "listing_page" for w in r.warnings)
    assert r.directors == (["Tom Keller"] if "Tom Keller" in text else [])


def test_numbered_capsule_reviews_on_one_line_each_are_a_listing() -> None:
    from reviewextract import extract

    r = extract(NUMBERED_CAPSULES)
    assert any(w.code == "listing_page" for w in r.warnings)
    assert r.title == "Nordlicht"
