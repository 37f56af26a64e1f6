"""Hostile and broken input (issue 7): every bad input class has a defined, tested outcome.

docs/robustness.md lists these tests by name, one row per input class.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from reviewextract import extract
from reviewextract.errors import (
    EmptyInputError,
    InputTooLargeError,
    NotTextError,
    ReviewExtractError,
)
from reviewextract.model import Evidence, Review, WorkType
from reviewextract.pipeline import DEFAULT_MAX_CHARS
from reviewextract.record import build_review

from .conftest import ROOT, corpus_records

# A generous wall-clock guard against hangs, not a performance assertion (bench/ measures
# growth): the slowest case takes about 8 s alone and 20 s on a busy shared machine.
GUARD_SECONDS = 60

INFOBOX = "Das Boot\nRegie: Wolfgang Petersen\nProduktionsjahr: 1981\nLaufzeit: 149 Min.\n" \
          "Wertung: 9/10\nDer Film ist ein beklemmendes Kammerspiel unter Wasser und " \
          "für mich einer der besten deutschen Filme."


def facts(r: Review) -> dict[str, Any]:
    return r.model_dump(include={"title", "year", "runtime_minutes", "directors", "rating"})


def spans_hold(r: Review) -> bool:
    spans = [ev for evs in r.evidence.values() for ev in evs] + r.pros + r.cons
    spans += [r.verdict] if r.verdict else []
    return all(r.source_text[s.start:s.end] == s.text for s in spans)


@contextmanager
def wall_clock_guard(seconds: float = GUARD_SECONDS) -> Iterator[None]:
    def stop(signum: int, frame: Any) -> None:
        raise TimeoutError(f"still running after {seconds} s")

    old = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


# --- inputs the library refuses ---------------------------------------------------------------

@pytest.mark.parametrize(
    ("value", "error"),
    [
        ("", EmptyInputError),
        ("  \n\t \r\n ", EmptyInputError),
        ("\x00\x01\x02 \x1f\u200b\ufeff", EmptyInputError),
        (b"", EmptyInputError),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, NotTextError),
        (12345, NotTextError),
        (None, NotTextError),
    ],
    ids=["empty", "whitespace-only", "controls-only", "empty-bytes", "binary-bytes", "int",
         "none"],
)
def test_unusable_input_raises_a_documented_value_error(value: Any, error: type) -> None:
    with pytest.raises(error) as info:
        extract(value)
    assert isinstance(info.value, ValueError) and isinstance(info.value, ReviewExtractError)
    assert "\n" not in str(info.value)


def test_size_limit_is_configurable_and_documented() -> None:
    assert DEFAULT_MAX_CHARS == 1_000_000
    with pytest.raises(InputTooLargeError, match="limit is 100 characters"):
        extract(INFOBOX * 2, max_chars=100)
    assert extract(INFOBOX, max_chars=len(INFOBOX)).year == 1981


def test_single_2mb_line_is_over_the_default_limit() -> None:
    line = "Der Film ist spannend und die Musik passt. " * 48_000
    assert len(line) > 2_000_000 and "\n" not in line
    with pytest.raises(InputTooLargeError):
        extract(line)
    with pytest.raises(InputTooLargeError):
        extract(line.encode())


# --- broken text that still gives a record ----------------------------------------------------

def test_invalid_utf8_bytes_are_read_as_cp1252() -> None:
    r = extract(INFOBOX.encode("cp1252"))
    assert r.meta.encoding == "cp1252"
    assert "für mich" in r.source_text and facts(r) == facts(extract(INFOBOX))


def test_utf8_bytes_with_bom() -> None:
    r = extract(b"\xef\xbb\xbf" + INFOBOX.encode())
    assert r.meta.encoding == "utf-8-sig" and r.source_text == INFOBOX


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("\ufeff" + INFOBOX, INFOBOX),
        (INFOBOX.replace("\n", "\r\n"), INFOBOX),
        (INFOBOX.replace("\n", "\r"), INFOBOX),
        ("".join(line + ("\r\n", "\r", "\n")[i % 3]
                 for i, line in enumerate(INFOBOX.split("\n")))[:-1], INFOBOX),
        (INFOBOX.replace("Der Film", "Der\x00Film").replace("ein ", "ein\x07"),
         INFOBOX.replace("Der Film", "Der Film")),
        (INFOBOX.replace("Kammer", "Kam\u200bmer\u00ad"), INFOBOX),
        (unicodedata.normalize("NFD", INFOBOX), INFOBOX),
    ],
    ids=["bom", "crlf", "cr", "mixed-line-ends", "nul-and-bell", "zero-width-soft-hyphen",
         "nfd-combining-umlauts"],
)
def test_normalised_text_gives_the_same_record(dirty: str, clean: str) -> None:
    r = extract(dirty)
    assert r.source_text == clean
    assert facts(r) == facts(extract(clean))
    assert [w.code for w in r.warnings] == ["normalised"]
    assert spans_hold(r)


def test_spans_point_into_the_normalised_text() -> None:
    r = extract(unicodedata.normalize("NFD", "Über den Wolken\nRegie: Jürgen Müller\n" + INFOBOX))
    assert "Jürgen Müller" in r.directors
    ev = r.evidence["directors"][0]
    assert r.source_text[ev.start:ev.end] == ev.text == "Jürgen Müller"


def test_lone_surrogates_are_replaced_so_the_record_serialises() -> None:
    r = extract(INFOBOX + " \ud800 Ende")
    assert "\ufffd" in r.source_text
    assert r.model_dump_json()


@pytest.mark.parametrize(
    "variant",
    [
        lambda t: t.replace("ü", "ue").replace("ä", "ae").replace("ö", "oe").replace("ß", "ss"),
        str.upper,
        lambda t: "".join(c for c in t if c.isalnum() or c.isspace()),
        lambda t: " ".join(t.split()),
    ],
    ids=["ae-oe-ue", "all-caps", "no-punctuation", "one-line"],
)
def test_spelling_variants_stay_german_and_valid(variant: Callable[[str], str]) -> None:
    text = variant(INFOBOX)
    r = extract(text)
    assert r.language == "de" and not [w for w in r.warnings if w.code == "not_german"]
    assert r.source_text == text and spans_hold(r)
    # the fact rules lean on line structure and case; the record must stay valid and German
    assert any(facts(r).values()) or variant is str.upper


@pytest.mark.parametrize("text", ["Dark", "Dark Staffel 3", "Großartig!", "9/10"])
def test_a_few_words_give_a_record(text: str) -> None:
    r = extract(text)
    assert r.language == "de" and r.source_text == text


# short German texts whose only function word is "die" (German's commonest word)
SHORT_GERMAN = [
    "Die Dokumentation „Free Solo“ zeigt Alex Honnold.",
    "Die Effekte: grandios. Die Story: dünn. Die Dialoge: hölzern.",
    "Die Bilder bleiben haften, die Geschichte verpufft.",
]


@pytest.mark.parametrize("text", SHORT_GERMAN)
def test_short_german_with_only_die_is_german(text: str) -> None:
    r = extract(text)
    assert r.language == "de" and not [w for w in r.warnings if w.code == "not_german"]


# --- text that is not German ------------------------------------------------------------------

NOT_GERMAN = {
    "english": ("en", "Directed by Christopher Nolan, this 2010 film is one of the best movies "
                "of the decade. The runtime is 148 minutes and I would give it 9/10."),
    "french": ("fr", "Réalisé par Christopher Nolan, ce film de 2010 est une merveille. Il dure "
               "148 minutes et je lui donne 9/10, c'est vraiment un des meilleurs."),
    "gibberish": ("und", "Xqzv plorkt ghanu wibbel frotz, mnarg quibble zorp 1999 blarg fnord "
                  "skree vontu pelk 9/10 Regie: Glorp Snarf."),
    "code": (None, "def extract(text):\n    if not text:\n        raise ValueError('x')\n    "
             "return {'year': 1999, 'title': text[:10]}  # Regie: 2010\n"),
    "json": ("und", '{"title": "Das Boot", "year": 1981, "text": "Der Film ist ein Kammerspiel '
             'und Regie führte Wolfgang Petersen."}'),
}


@pytest.mark.parametrize(("lang", "text"), NOT_GERMAN.values(), ids=list(NOT_GERMAN))
def test_non_german_text_is_flagged_not_extracted(lang: str, text: str) -> None:
    r = extract(text)
    assert r.language == lang if lang else r.language != "de"
    assert [w.code for w in r.warnings if w.code.startswith("not_")] == ["not_german"]
    assert r.year is None and r.directors == [] and r.rating is None and r.evidence == {}
    assert r.pros == r.cons == [] and r.verdict is None


def test_german_with_english_titles_and_quotes_stays_german() -> None:
    text = ('„The Dark Knight“ (2008) ist für mich der beste Batman-Film. Regie führte '
            'Christopher Nolan, und wenn Heath Ledger als Joker fragt: "Why so serious?", '
            'dann ist das ein Moment für die Ewigkeit. Der Soundtrack von "Why So Serious?" '
            'ist großartig. Laufzeit: 152 Minuten. Wertung: 9/10')
    r = extract(text)
    assert r.language == "de" and not [w for w in r.warnings if w.code == "not_german"]
    assert r.runtime_minutes == 152 and "Christopher Nolan" in r.directors


def test_every_corpus_review_is_judged_german() -> None:
    flagged = [rec["id"] for rec in corpus_records() if rec.get("format", "text") == "text"
               and extract(rec["text"]).language != "de"]
    assert flagged == []


# --- extreme values: dropped, never an invalid record ----------------------------------------

@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Die Serie aus dem Jahr 0 ist gut. Produktionsjahr: 0", "year"),
        ("Produktionsjahr: 9999\nDer Film ist gut.", "year"),
        ("Der Film (9999) ist gut.", "year"),
        ("Die Serie hat 9999 Folgen. Staffel 2 ist toll.", "episodes"),
        ("Laufzeit: -5 Minuten. Der Film ist gut.", "runtime_minutes"),
        ("Der Film ist gut. Wertung: 11 von 10 Punkten", "rating"),
        ("Der Film ist gut. Wertung: 7 von 0 Punkten", "rating"),
    ],
    ids=["year-0", "year-9999-label", "year-9999-parens", "9999-folgen", "minus-5-minuten",
         "11-von-10", "7-von-0"],
)
def test_extreme_values_are_not_extracted(text: str, field: str) -> None:
    r = extract(text)
    assert getattr(r, field) is None and field not in r.evidence
    assert Review.model_validate(r.model_dump()) == r


@pytest.mark.parametrize(
    ("field", "value"),
    [("year", 0), ("year", 9999), ("episodes", 9999), ("runtime_minutes", -5),
     ("rating", {"value": 11, "best": 10}), ("season", 0)],
    ids=["year-0", "year-9999", "9999-folgen", "minus-5-minuten", "11-von-10", "season-0"],
)
def test_a_rejected_value_is_dropped_with_a_warning(field: str, value: Any) -> None:
    text = "Der Film ist gut."
    ev = Evidence(start=4, end=8, text="Film", rule="test", confidence=0.5)
    r = build_review({field: value, "evidence": {field: [ev]}, "title": "Film",
                      "work_type": WorkType.SEASON, "source_text": text})
    assert getattr(r, field) is None and field not in r.evidence
    assert r.title == "Film"
    assert [(w.code, w.field) for w in r.warnings] == [("dropped_value", field)]


def test_a_season_on_a_film_is_dropped_with_a_warning() -> None:
    r = build_review({"work_type": WorkType.MOVIE, "season": 2, "source_text": "Film"})
    assert r.season is None and r.warnings[0].field == "season"


# --- adversarial text for the regexes (time guard; growth is measured in bench/) -------------

ADVERSARIAL = {
    "regie-100000-times": "Regie " * 100_000,
    "regie-colon-20000-times": "Regie: " * 20_000,
    "50000-nested-parentheses": "(" * 50_000 + "Regie: Tom Tykwer" + ")" * 50_000,
    "digit-run": "1" * 200_000,
    "spaced-digits": "1 " * 100_000,
    "dot-run": "." * 200_000,
    "ordinal-dots": "1. " * 70_000,
    "quote-run": '"' * 100_000 + "„“" * 50_000,
    "prose-single-line": "Der Film ist spannend, die Bilder sind schön und die Musik passt. "
                           * 5_000,
    # 860 KB, under the size limit: 20,000 dated year candidates, each in its own sentence
    "dated-release-20000-times": "Die Serie kam am 3. Mai 2019 in die Kinos. " * 20_000,
}


@pytest.mark.parametrize("text", ADVERSARIAL.values(), ids=list(ADVERSARIAL))
def test_adversarial_text_finishes(text: str) -> None:
    with wall_clock_guard():
        r = extract(text)
    assert spans_hold(r)


def test_many_runtime_mentions_on_one_line_finish() -> None:
    # 10,000 runtime matches: every one is checked against the stretches already taken
    text = "Der Film ist gut und dauert 90 Minuten " * 10_000
    with wall_clock_guard():
        r = extract(text)
    assert r.runtime_minutes == 90


def test_many_quoted_titles_in_one_clause_finish() -> None:
    text = "„Dark“ und " * 20_000  # 220,000 chars, no sentence end: one clause
    with wall_clock_guard(20):
        extract(text)


# --- the command line -------------------------------------------------------------------------

def run_cli(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "reviewextract", *args], input=stdin,
                          capture_output=True, cwd=ROOT, timeout=120)


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["extract", "-"], b"", "empty"),
        (["extract", "-"], b" \r\n\t ", "empty"),
        (["extract", "-"], b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
        (["extract", "/nonexistent/review.txt"], b"", "No such file"),
        (["extract", "tests"], b"", "directory"),
        (["extract", "--html", "-"], b"<html><body><script>x</script></body></html>",
         "review text"),
    ],
    ids=["empty-stdin", "whitespace-stdin", "binary-stdin", "missing-file", "directory",
         "html-without-text"],
)
def test_cli_errors_are_one_line_with_exit_code_1(args: list[str], stdin: bytes,
                                                   message: str) -> None:
    done = run_cli(*args, stdin=stdin)
    err = done.stderr.decode()
    assert done.returncode == 1 and done.stdout == b""
    assert err.count("\n") == 1 and err.startswith("reviewextract: error:") and message in err
    assert "Traceback" not in err


def test_cli_debug_shows_the_traceback() -> None:
    done = run_cli("--debug", "extract", "-", stdin=b"")
    assert done.returncode != 0 and b"Traceback" in done.stderr
    assert b"EmptyInputError" in done.stderr


def test_cli_reads_cp1252_and_flags_english() -> None:
    done = run_cli("extract", "-", stdin=INFOBOX.encode("cp1252"))
    assert done.returncode == 0 and b'"year": 1981' in done.stdout
    done = run_cli("extract", "-", stdin=NOT_GERMAN["english"][1].encode())
    assert done.returncode == 0 and b'"not_german"' in done.stdout


def test_cli_bug_is_one_line_with_exit_code_3(monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str],
                                              tmp_path: Any) -> None:
    import importlib

    from reviewextract import cli

    extract_module = importlib.import_module("reviewextract.pipeline")  # the module, not the name

    def broken(*args: Any, **kwargs: Any) -> Review:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(extract_module, "extract", broken)
    review = tmp_path / "r.txt"
    review.write_text(INFOBOX, encoding="utf-8")
    assert cli.main(["extract", str(review)]) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "internal error: RuntimeError: simulated bug" in err
    with pytest.raises(RuntimeError):
        cli.main(["--debug", "extract", str(review)])


def test_normalise_fast_path_misses_no_character_a_step_changes() -> None:
    """`normalise` skips its steps when one scan finds nothing to change: that scan must know
    every character of the Basic Multilingual Plane (where all of them are) that a step changes."""
    from reviewextract import guard

    steps = (guard._SURROGATE, guard._INVISIBLE, guard._CRLF, guard._BREAKS, guard._CONTROLS)
    for code in range(0x10000):
        ch = chr(code)
        changed = any(rx.match(ch) for rx in steps)
        assert changed == bool(guard._TO_NORMALISE.match(ch)), hex(code)
        # nor does a text `str.isprintable` passes (line feeds aside) need that scan
        assert not (changed and ch.isprintable()), hex(code)
    for text in ("Gut.\r\nSchlecht.", "Ein\u200bFilm", "Cafe\u0301 am Meer", "Tab\x0bzu"):
        assert guard.normalise(text)[1], text  # each is still changed, with its note


