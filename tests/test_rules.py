"""The language data contract: rules load, broken rules are refused, and the fast matching path
(guards moved out of patterns, anchors, line starts, the shared literal scan) finds exactly what
the written pattern finds; so does the field helper words_before against its reference form."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewextract.fields._common import matches, words_before
from reviewextract.lang import get_language
from reviewextract.lang.reach import reach
from reviewextract.lang.rules import Rule, RuleError, compile_rule
from reviewextract.lang.starts import (
    _ASCII_FOLD_TRAPS,
    finditer_at,
    finditer_folded,
    finditer_scan,
    folded_start_set,
    occurs,
    required_tail,
    search_scan,
    start_set,
)
from reviewextract.text import Doc, TextScan, lower_same_length

from .conftest import corpus_records

LANG = get_language("de")
ALL_RULES = [r for rules in LANG.rules.values() for r in rules]


def test_every_fact_field_has_rules() -> None:
    for name in ("work_type", "season", "episodes", "runtime", "year", "directors", "rating"):
        assert LANG.field_rules(name), name


@pytest.mark.parametrize(
    ("pattern", "anchor", "message"),
    [("(?:a|b)?", None, "empty string"), ("(unclosed", None, "bad pattern"),
     ("abc", "x?", "anchor matches the empty string")],
    ids=["empty-match", "syntax", "empty-anchor"],
)
def test_broken_rules_are_refused(pattern: str, anchor: str | None, message: str) -> None:
    with pytest.raises(RuleError, match=message):
        compile_rule({"id": "t"}, "f", pattern, anchor, "test")


EXTRA_TEXTS = [
    "Ein Film\nRegie: Tom Eins\nLaufzeit: 1:47 h\nWertung: ★★★☆☆\n\nZehn Folgen à 20 Min.",
    "(2001) Staffel 3, 3. Staffel, S03E01, 12/10, 4,5 von 5 Sternen, zwei Stunden,"
    " Greta Gerwigs „X“",
    "vonvon 2010 aus 2011 ,2012er film 1:20h 90min 90-100 Minuten",
    # names before their cue, with and without the tail a rule's pattern must hold
    "Julien Lacombe übernahm die Regie. Regie übernahm Julien Lacombe, der Regisseur.\n"
    "Greta Gerwig, die auch Regie führte; Denis Villeneuve legt mit „Dune“ nach. Die Regie "
    "führt Greta Gerwig, und Noah Baumbach, der die Regie",
    # info cells, list entries and labels of the later rules
    "Nordlicht\nUSA | seit 2011 | 43 Min.\n1. „Nordlicht“ – Tom Keller, 2003\nRegie\nTom Keller\n"
    "Der Nebel (Tom Keller) USA 1951. Premiere im Januar 1927; drehte Tom Keller 1921 sein "
    "Werk, ein Horrorfilm von Tom Keller.\nRegie und Buch: Tom Keller\nzwei von zehn Punkten, "
    "4 von 5 ★\n| Regie |   | Tom Keller |\nDie Regisseurin, Tom Keller, war dabei.",
    # the readings of a sentence and the bracketed film data of the later rules
    "Anna Beispiel bringt in ihrem Dokumentarfilm alle zusammen. Tom Keller hat einen "
    "schönen Film über die USA gedreht. Der Nebel (Tom Keller, USA 1995)\nRegisseur\n- Tom "
    "Keller\nVon Tom Keller. Mit Anna Beispiel",
]


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.id)
def test_fast_matching_equals_the_written_pattern(rule: Rule) -> None:
    texts = [r["text"] for r in corpus_records() if r["format"] == "text"] + EXTRA_TEXTS
    for text in texts:
        doc = Doc(text, LANG)
        s = doc.text if rule.case else doc.low
        assert [m.span() for m in matches(doc, rule)] == [m.span() for m in rule.full.finditer(s)]


# --- the shared literal scan (lang/starts.py, text.TextScan) ----------------------------------

def _texts() -> list[str]:
    """Corpus texts as written, lowercased and uppercased (other paths through the rules)."""
    plain = [r["text"] for r in corpus_records() if r["format"] == "text"] + EXTRA_TEXTS
    return plain + [t.lower() for t in plain] + [t.upper() for t in plain]


@pytest.mark.parametrize(
    ("pattern", "literals", "digits"),
    [(r"\b(?:staffel|season)\b", ("season", "staffel"), False),
     (r"serien?|sitcom", ("serie", "sitcom"), False),  # the shorter literal covers the longer
     (r"(?:1[89]|20)\d\d", (), True),  # literals led by a digit: the digit positions
     (r"[Rr]egie|inszeniert", ("Regie", "inszeniert", "regie"), False),
     (r"\d:\d\d", (), True),
     (r"(?:a|b)c", ("ac", "bc"), False),
     (r"x+y", ("x",), False)],
    ids=["words", "prefix", "digit-led", "small-class", "digit", "branch-then-literal", "repeat"],
)
def test_start_literals_are_read_from_the_pattern(pattern: str, literals: tuple[str, ...],
                                                  digits: bool) -> None:
    found = start_set(re.compile(pattern))
    assert found is not None
    assert (found.literals, found.digits) == (literals, digits)


@pytest.mark.parametrize(
    "pattern",
    [r"a?b", r"(?i)abc", r"[A-ZÄÖÜ]\w+", r"(?=x)", r"(?:^|,)\s*x", r"(?i:ab)c", r"\w+"],
    ids=["optional-first", "ignorecase", "wide-class", "empty-match", "line-start-branch",
         "ignorecase-group", "word-class"],
)
def test_patterns_that_may_start_anywhere_keep_the_engine_scan(pattern: str) -> None:
    assert start_set(re.compile(pattern)) is None


@pytest.mark.parametrize(
    ("pattern", "tail", "literals"),
    [(r"(?P<n>[A-Z]\w+)\s+(?:führt|übernimmt)\s+die\s+Regie", r"(?:führt|übernimmt)\s+die\s+Regie",
      ("führt", "übernimmt")),
     (r"[A-Z]\w+,\s+(?:der|die)\s+x", r"(?:der|die)\s+x", ("der", "die")),
     (r"[A-Z]\w+,\s+x", None, None), (r"[A-Z]\w+x|y", None, None)],
    ids=["words-after-a-name", "comma-skipped", "no-word-literal", "top-level-alternation"],
)
def test_the_required_tail_is_the_part_from_the_first_word_literals_on(
        pattern: str, tail: str | None, literals: tuple[str, ...] | None) -> None:
    found = required_tail(re.compile(pattern))
    if tail is None:
        assert found is None
    else:
        assert found is not None and found[0].pattern == tail and found[1].literals == literals


@pytest.mark.parametrize("rule", [r for r in ALL_RULES if r.tail is not None], ids=lambda r: r.id)
def test_a_rule_matches_only_where_its_required_tail_occurs(rule: Rule) -> None:
    assert rule.tail is not None and rule.tail_starts is start_set(rule.tail)
    seen = False
    for text in _texts():
        s = text if rule.case else lower_same_length(text)
        if rule.full.search(s):
            seen = True
            assert occurs(rule.tail, rule.tail_starts, TextScan(s))  # type: ignore[arg-type]
    assert seen, "no text to check the rule on"


def test_digit_positions_match_the_regex_class_in_every_script() -> None:
    rng = random.Random(3)
    # ASCII and other scripts' digits, look-alikes that are not decimal (superscripts, roman
    # numerals, circled digits), a literal "?" (what the Latin-1 encoding writes for the rest)
    alphabet = "0189?aä „“٣۵०১੧௪๘០᠑０９𝟎²³¹½Ⅻ①\udc80"
    for _ in range(2000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert TextScan(s).digits() == [m.start() for m in re.finditer(r"\d", s)], repr(s)


def test_literal_positions_include_overlaps() -> None:
    scan = TextScan("aaaa staffelstaffel")
    assert scan.positions("aa") == [0, 1, 2]
    assert scan.positions("staffel") == [5, 12]
    assert scan.literal_hits(("staffel", "aa")) == [(0, 2), (1, 3), (2, 4), (5, 12), (12, 19)]
    assert not scan.has("xyz") and scan.has("ffel")


@pytest.mark.parametrize("rule", [r for r in ALL_RULES if r.starts or r.anchor_starts],
                         ids=lambda r: r.id)
def test_matches_only_start_where_the_scan_looks(rule: Rule) -> None:
    """Trying a pattern only at its start literals gives what the engine's scan gives, over
    whole texts and in windows (the windows' end cuts matches as finditer's endpos does)."""
    rng = random.Random(rule.id)
    for text in _texts():
        s = text if rule.case else lower_same_length(text)
        scan = TextScan(s)
        for rx, starts in ((rule.pattern, rule.starts), (rule.anchor, rule.anchor_starts)):
            if rx is None or starts is None:
                continue
            cands = scan.starts(starts)
            assert cands is not None  # corpus texts are not dense in any literal
            assert [m.span() for m in finditer_at(rx, s, cands, 0, len(s))] == \
                [m.span() for m in rx.finditer(s)]
            for _ in range(5):
                lo = rng.randrange(len(s) + 1)
                hi = rng.randint(lo, min(len(s), lo + 150))
                assert [m.span() for m in finditer_at(rx, s, cands, lo, hi)] == \
                    [m.span() for m in rx.finditer(s, lo, hi)]


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.id)
def test_fast_matching_equals_the_written_pattern_in_any_case(rule: Rule) -> None:
    for text in _texts():
        doc = Doc(text, LANG)
        s = doc.text if rule.case else doc.low
        assert [m.span() for m in matches(doc, rule)] == [m.span() for m in rule.full.finditer(s)]


def test_leading_lookarounds_are_checked_at_each_match_start() -> None:
    """A lookaround that leads a pattern is taken out of it (`Rule.lead`) and checked where a
    match starts: at the text's start and after a word it denies too."""
    rule = compile_rule({"id": "t", "case": True}, "f",
                        r"(?<!\bauf\s)(?!Xy)[A-Z][a-z]+s\s+Film", None, "test")
    assert rule.lead is not None and rule.pattern.pattern.startswith("[A-Z]")
    for s in ("Langs Film", "auf Langs Film", "Xys Film und Langs Film", "kauf Langs Film",
              "auf\nLangs Film", "aufLangs Film"):
        assert [m.span() for m in rule.finditer(s)] == [m.span() for m in rule.full.finditer(s)]
    # a lookaround holding a capturing group stays in the pattern (the groups keep their numbers)
    kept = compile_rule({"id": "t"}, "f", r"(?!(x))ab", None, "test")
    assert kept.lead is None and kept.pattern.pattern == r"(?!(x))ab"


@pytest.mark.parametrize("name", sorted(LANG.facts.__dataclass_fields__))
def test_search_tried_where_a_match_can_start_finds_what_the_engine_finds(name: str) -> None:
    rx = getattr(LANG.facts, name)
    if not isinstance(rx, re.Pattern):
        return
    extra = ["alle sechs Staffeln", "nach drei Staffeln", "Sämtliche 12 Staffeln", "allen\n"
             "staffeln", "zwölf  staffeln", "vier staffel", "1" * 500 + " staffeln"]
    for text in _texts() + extra:
        for s in (text, lower_same_length(text)):
            assert search_scan(rx, TextScan(s)) == (rx.search(s) is not None), name


def test_the_fold_traps_are_every_character_beyond_ascii_taken_for_an_ascii_one() -> None:
    ascii_any_case = re.compile("(?i)[\x00-\x7f]")
    found = [c for c in map(chr, range(128, 0x110000)) if ascii_any_case.fullmatch(c)]
    assert found == [c for c in found if _ASCII_FOLD_TRAPS.fullmatch(c)]
    assert len(found) == len(_ASCII_FOLD_TRAPS.pattern) - 2


@pytest.mark.parametrize("name", ["title_inline_label", "title_column_label"])
def test_case_insensitive_matches_are_tried_where_the_lowercased_twin_holds_a_cue(
        name: str) -> None:
    rx = LANG.pattern(name)
    assert folded_start_set(rx) is not None
    extra = ["(dt. Titel: Ein Chef)", "DEUTSCHER VERLEIHTITEL: X", "ein Film MİT dem Titel „X“",
             "mıt dem Namen »Y«", "DT. ſomething", "Mit  dem  Titel \"Z\"", "KW 12, Ausgabe 3"]
    for text in _texts() + extra:
        doc = Doc(text, LANG)
        assert [m.span() for m in finditer_folded(rx, doc.text, doc.low_scan)] == \
            [m.span() for m in rx.finditer(doc.text)], text[:60]


def test_dense_candidates_fall_back_to_the_engine_scan() -> None:
    """A run of digits or of one cue (adversarial input) is not listed position by position:
    the engine scans instead, with the same matches."""
    s = "1" * 2000 + " 12/10 staffel 2, " + "a" * 3000 + " 3 folgen"
    scan = TextScan(s)
    assert scan.digits() is None
    key = start_set(re.compile(r"aa|bb"))
    assert key is not None and scan.starts(key) is None
    for rule in ALL_RULES:
        for rx, starts in ((rule.pattern, rule.starts), (rule.anchor, rule.anchor_starts)):
            if rx is not None and starts is not None:
                assert [m.span() for m in finditer_scan(rx, starts, scan, 0, len(s))] == \
                    [m.span() for m in rx.finditer(s)], rule.id


def test_a_literal_known_absent_has_no_positions_and_vice_versa() -> None:
    scan = TextScan("die erste staffel")
    assert not scan.has("folgen")
    assert scan.positions("folgen") == []  # answered from the presence check, no scan
    assert scan.positions("staffel") == [10]
    assert scan.has("staffel")  # answered from the positions


def test_rule_matches_are_lists_and_skipped_without_a_required_literal() -> None:
    rule = next(r for r in ALL_RULES if r.id == "season.noun_number")
    assert rule.requires
    with_cue = rule.finditer("die staffel 2 ist gut")
    assert isinstance(with_cue, list) and [m.group("num") for m in with_cue] == ["2"]
    assert rule.finditer("die folge 2 ist gut") == []


def _cut_after_stops(low: str, pos: int) -> str:
    """The text before `pos` after its last stop, cut one kind of stop after the other (how
    words_before read it before it took one `max` over the stops)."""
    left = low[max(0, pos - 80):pos]
    for stop in (". ", "! ", "? ", "\n", ": ", "; "):
        i = left.rfind(stop)
        if i >= 0:
            left = left[i + len(stop):]
    return left


def test_words_before_stops_where_cutting_stop_by_stop_stops() -> None:
    word = re.compile(r"[\wäöüß./:-]+")
    rng = random.Random(5)
    pieces = ["staffel", "die", " ", ". ", "! ", "? ", "\n", ": ", "; ", ".", ":", "!", "  "]
    for _ in range(3000):
        low = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        pos = rng.randint(0, len(low))
        for n in (1, 3):
            assert words_before(low, pos, n) == word.findall(_cut_after_stops(low, pos))[-n:], \
                (low, pos)


_LETTERS = "abcdefghijklmnopqrstuvwxyzäöüß"
_word = st.text(_LETTERS, min_size=1, max_size=24)
_name_part = st.builds(lambda c, w: c + w, st.sampled_from("ABDEFGKLMNOPRSTWÄÖÜ"),
                       st.text(_LETTERS, min_size=2, max_size=24))
_particle = st.sampled_from(["", "", "", "von ", "de ", "la ", "van der "])
_name = st.builds(lambda parts, p: " ".join([*parts[:-1], p + parts[-1]]),
                  st.lists(_name_part, min_size=2, max_size=4), _particle)


def _joined(names: list[str], seps: list[str]) -> str:
    return "".join(n + (seps[i % len(seps)] if i < len(names) - 1 else "")
                   for i, n in enumerate(names))


# lists the name patterns read whole (long matches), and lists with particles and separators
# they stop at
_names = st.one_of(
    st.builds(_joined, st.lists(st.builds(" ".join, st.lists(_name_part, min_size=2,
                                                             max_size=4)),
                                min_size=1, max_size=8),
              st.lists(st.sampled_from([", ", " und ", " & ", " ,  "]), min_size=1, max_size=3)),
    st.builds(_joined, st.lists(_name, min_size=1, max_size=8),
              st.lists(st.sampled_from([", ", " und ", " & ", " sowie ", "; "]), min_size=1,
                       max_size=3)))
_title = st.builds(lambda words, q: q[0] + " ".join(words) + q[1],
                   st.lists(st.one_of(_name_part, _word), min_size=1, max_size=14),
                   st.sampled_from([("„", "“"), ('"', '"'), ("»", "«"), ("", "")]))
_blank = st.sampled_from([" ", "  ", "\n", " \t ", " " * 30, "\n\n", ", ", ". "])
_CUES = ["Der Film wurde von {n} inszeniert.", "{n} hat den Film inszeniert.",
         "{n} hat die erste Staffel gedreht.", "Regie führte {n}.", "{n}, der auch Regie führte,",
         "{n} führte die Regie", "{n} übernahmen auch die Regie.", "{n}s Film {t}",
         "{n}’ neues Drama {t}", "in Szene gesetzt von {n}", "von {n} in Szene gesetzt",
         "der neue Film von {n}", "Regie: {n}", "unter der Regie von {n}", "Regisseur {n}",
         "{t} (2019)", "{t} aus dem Jahr 2012", "{t} kam 2011 in die Kinos", "USA 2014 {t}",
         "Staffel 3 von {t}", "die {t}-Miniserie", "die sechsteilige Serie {t}",
         "{t} hat zehn Folgen à 45 Minuten", "1 Std. 20 Min.", "Laufzeit: 1:47 h",
         "Wertung: 8/10", "4 von 5 Sternen für {t}", "halbstündige Folgen", "Dokumentarfilm"]
_cue = st.builds(lambda c, n, t: c.format(n=n, t=t), st.sampled_from(_CUES), _names, _title)
# what widens a window: long tokens, long runs of white space or punctuation, runs of capitals
# and digits glued to a cue (a guard that fails must not hide a match inside)
_run = st.builds(lambda c, k: c * k, st.sampled_from(["A", "1", " ", "\n", " - ", ",", "x"]),
                 st.integers(1, 120))
_glued = st.builds(lambda a, b: a + b, st.one_of(_run, _word), _cue)
_piece = st.one_of(_cue, _cue, _cue, _names, _title, _blank, _word, _run, _glued)


@settings(max_examples=300, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(_piece, min_size=1, max_size=12), st.sampled_from(["as-is", "lower", "upper"]))
def test_fast_matching_equals_the_written_pattern_on_generated_text(pieces: list[str],
                                                                     case: str) -> None:
    text = " ".join(pieces)
    text = text.lower() if case == "lower" else text.upper() if case == "upper" else text
    doc = Doc(text, LANG)
    for rule in ALL_RULES:
        s = doc.text if rule.case else doc.low
        assert [m.span() for m in matches(doc, rule)] == \
            [m.span() for m in rule.full.finditer(s)], rule.id


def test_long_names_before_the_verb_are_found() -> None:
    """The reproduction of issue 14: three long names, 126 characters before "inszeniert"."""
    text = ("Der Film wurde von Maximiliane Augustina Lichtenberger, Konstantin Friedemann "
            "Oberhausen und Bartholomäus Ferdinand Wittgensteiner inszeniert.")
    rule = next(r for r in ALL_RULES if r.id == "directors.name_staged")
    assert [m.span() for m in matches(Doc(text, LANG), rule)] == [(15, 141)]


def test_text_runs_bound_the_regex_runs() -> None:
    """The run lengths that size the windows are never shorter than the runs the patterns'
    `\\S+`, `\\s+` and `\\W+` find (any script, any kind of blank, lone surrogates)."""
    rng = random.Random(5)
    alphabet = "ab Ä„“\n\t.-_1\xa0\u2003\u3000\x1c\ud800ß"
    for _ in range(3000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 90)))
        scan = TextScan(s)
        for got, rx in ((scan.longest_token(), r"\S+"), (scan.longest_space(), r"\s+"),
                        (scan.longest_gap(), r"\W+")):
            assert got >= max((len(m) for m in re.findall(rx, s)), default=0), (repr(s), rx)


@pytest.mark.parametrize(
    ("pattern", "fixed", "tokens", "spaces", "gaps"),
    [(r"abc", 3, 0, 0, 0), (r"a(?=bc)\b(?<!x)", 4, 0, 0, 0), (r"a{2,5}", 5, 0, 0, 0),
     (r"\d+(?:[.,]\d+)?\s+min", 3, 1, 1, 0), (r"[\s-]*x", 1, 0, 0, 1),
     (r"\w+\b\w+", 1, 2, 0, 0)],
)
def test_reach_of_a_pattern(pattern: str, fixed: int, tokens: int, spaces: int,
                            gaps: int) -> None:
    found = reach(re.compile(pattern))
    assert found is not None
    assert (found.fixed, found.tokens, found.spaces, found.gaps) == (fixed, tokens, spaces, gaps)


def test_a_list_of_words_is_bounded_by_where_its_rounds_can_stand() -> None:
    rx = re.compile(r"(?:(?:auch|noch)\s+)*regie")
    found = reach(rx)
    assert found is not None and found.rounds
    # "regie" and three rounds of a word and white space (2: the first bound of white space
    # runs); the last "auch" stands too far from the others to be a fourth
    assert found.in_text(TextScan("auch noch auch regie, und später auch"), 400) == \
        5 + 3 * (4 + 2)
    assert reach(re.compile(r"(?:\w+\s+)*x")) is None  # no literal in a round: no bound
