"""The German opinion lexicon: how terms match word forms, and the checks made at load time."""

from __future__ import annotations

import copy
import tomllib
from importlib import resources
from typing import Any

import pytest

from reviewextract.lang.base import LanguageDataError
from reviewextract.lang.lexicon import build_lexicon, get_lexicon, parse_lexicon_tsv

LEX = get_lexicon("de")


def data() -> dict[str, Any]:
    text = resources.files("reviewextract.lang.de").joinpath("opinions.toml").read_text("utf-8")
    return tomllib.loads(text)


LOOKUPS = [
    pytest.param("gut", "gut", id="adjective-base"),
    pytest.param("gute", "gut", id="adjective-ending"),
    pytest.param("langweiligen", "langweilig", id="adjective-long-ending"),
    pytest.param("passable", "passabel", id="adjective-el-drops-e"),
    pytest.param("logiklücken", "lücke", id="compound-head-plural"),
    pytest.param("drehbuchschwächen", "schwäche", id="compound-head-schwaeche"),
    pytest.param("plausibilitätsprobleme", "problem", id="compound-head-linking-s"),
    pytest.param("kaufempfehlung", "empfehlung", id="compound-head-empfehlung"),
    pytest.param("überzeugte", "überzeug", id="stem-participle"),
    pytest.param("überzeugt", "überzeug", id="stem-verb"),
    pytest.param("wunderschoen", "wunderschön", id="typed-without-umlaut"),
    pytest.param("ueberzeugend", "überzeugend", id="typed-without-umlaut-stem"),
]


@pytest.mark.parametrize(("token", "term"), LOOKUPS)
def test_lookup_finds_term(token: str, term: str) -> None:
    entry = LEX.lookup(token)
    assert entry is not None and entry.term == term


@pytest.mark.parametrize("token", ["gutachten", "haus", "episodenlänge", "problemfall",
                                   "müller"],
                         ids=["prefix-is-not-adjective", "plain-noun", "laenge-not-a-head",
                              "head-must-end-word", "surname-mueller-is-no-muell"])
def test_lookup_ignores(token: str) -> None:
    assert LEX.lookup(token) is None


DERIVED = [
    # a negating prefix turns a lexicon adjective, weakened (docs/opinions.md, [derivation])
    pytest.param("unspannende", "unspannend", -1, id="prefix-turns-praise"),
    pytest.param("unvorhersehbar", "unvorhersehbar", 1, id="prefix-turns-blame"),
    # a quality noun, or a polar noun of the lexicon, before a suffix of lack or of plenty
    pytest.param("spannungsarmen", "spannungsarm", -1, id="quality-lacking-linking-s"),
    pytest.param("ideenloses", "ideenlos", -1, id="quality-lacking-linking-n"),
    pytest.param("wendungsreiche", "wendungsreich", 1, id="quality-having"),
    pytest.param("spaßfrei", "spaßfrei", -1, id="praise-noun-free-of"),
    pytest.param("lückenlos", "lückenlos", 1, id="blame-noun-free-of"),
    pytest.param("kitschfreie", "kitschfrei", 1, id="blame-head-free-of"),
]


DEGREES = [
    # an adjective's comparative and superlative, with and without an ending ([endings] degrees)
    pytest.param("originellsten", "originell", 1, id="superlative-st"),
    pytest.param("eindrucksvolleres", "eindrucksvoll", 1, id="comparative-er-ending"),
    pytest.param("schlechteste", "schlecht", -1, id="superlative-est"),
    pytest.param("langweiligsten", "langweilig", -1, id="superlative-of-blame"),
    pytest.param("passableren", "passabel", 1, id="comparative-e-dropping"),
]


@pytest.mark.parametrize(("token", "term", "sign"), DEGREES)
def test_degree_forms(token: str, term: str, sign: int) -> None:
    entry = LEX.lookup(token)
    assert entry is not None and entry.term == term and entry.weight * sign > 0


@pytest.mark.parametrize(("token", "term", "sign"), DERIVED)
def test_derived_words(token: str, term: str, sign: int) -> None:
    entry = LEX.lookup(token)
    assert entry is not None and entry.term == term and entry.weight * sign > 0


@pytest.mark.parametrize("token", ["unheimlich", "ungewöhnlich", "arbeitslos", "zahlreich",
                                   "hoffnungsvoll", "unterhalten", "atemlos"])
def test_derivation_needs_a_known_base(token: str) -> None:
    # no lexicon adjective after the prefix, no quality or polar noun before the suffix
    assert LEX.lookup(token) is None


def test_quality_nouns_judge_only_after_plenty_or_lack() -> None:
    from reviewextract import extract

    assert not extract("Die Spannung steigt, als der Kommissar das Haus betritt.").cons
    assert extract("Der Film hat leider keine Spannung und wenig Humor.").cons
    pros = extract("Die Serie erzählt mit viel Humor und jeder Menge Witz von zwei Brüdern.").pros
    assert pros and pros[0].score > 0


@pytest.mark.parametrize(("text", "side"), [
    pytest.param("Leider bietet die DVD keine Extras. Die Musik ist toll.", "cons",
                 id="no-extras"),
    pytest.param("Die Blu-ray bietet viele Extras. Die Story ist dünn.", "pros",
                 id="many-extras"),
    pytest.param("Der Film kommt ohne jede Spannung aus. Die Musik ist toll.", "cons",
                 id="ohne-jede"),
    pytest.param("Die Folge bietet nur wenig Bonusmaterial. Die Musik ist toll.", "cons",
                 id="little-bonus"),
])
def test_a_disc_s_extras_and_lack_before_a_determiner(text: str, side: str) -> None:
    from reviewextract import extract

    r = extract(text)
    first = text.split(".")[0]
    assert first in [o.text for o in getattr(r, side)]


def test_polarity_signs() -> None:
    assert LEX.lookup("großartig").weight > 0  # type: ignore[union-attr]
    assert LEX.lookup("hölzern").weight < 0  # type: ignore[union-attr]
    assert LEX.lookup("grandios").weight > LEX.lookup("solide").weight  # type: ignore[union-attr]


ASPECTS = [
    pytest.param("darsteller", "acting", id="exact"),
    pytest.param("bildqualität", "picture", id="modifier-of-compound"),
    pytest.param("filmmusik", "music", id="head-of-compound"),
    pytest.param("spannungsbogen", "suspense", id="listed-compound"),
    pytest.param("spannende", None, id="ende-is-no-head"),
    pytest.param("zeitbild", None, id="short-head-not-matched"),
]


@pytest.mark.parametrize(("token", "label"), ASPECTS)
def test_aspect(token: str, label: str | None) -> None:
    assert LEX.aspect(token) == label


BAD_TSV = [
    pytest.param("", "empty", id="empty-file"),
    pytest.param("gut\t1\tadj\ngut\t2\tadj\n", "duplicate", id="duplicate-term"),
    pytest.param("gut\t0\tadj\n", "weight", id="zero-weight"),
    pytest.param("gut\t4\tadj\n", "weight", id="weight-out-of-range"),
    pytest.param("gut\tsehr\tadj\n", "not a number", id="weight-not-number"),
    pytest.param("gut\t1\tverb\n", "unknown kind", id="unknown-kind"),
    pytest.param("sehr gut\t1\tadj\n", "phrase", id="multiword-needs-phrase-kind"),
    pytest.param("gut\t1\n", "expected", id="missing-column"),
    pytest.param("gu\t1\tstem\n", "shorter", id="stem-too-short"),
]


@pytest.mark.parametrize(("tsv", "message"), BAD_TSV)
def test_bad_tsv_is_rejected(tsv: str, message: str) -> None:
    with pytest.raises(LanguageDataError, match=message):
        parse_lexicon_tsv("xx", tsv)


def _break(path: tuple[str, ...], value: object) -> dict[str, Any]:
    d = copy.deepcopy(data())
    node = d
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return d


BAD_TOML = [
    pytest.param(("negation", "words"), [], "empty", id="empty-negators"),
    pytest.param(("negation", "words"), ["nicht", "nicht"], "repeats", id="duplicate-negator"),
    pytest.param(("modifiers", "intensifiers", "sehr"), 0.5, "not in", id="intensifier-below-1"),
    pytest.param(("modifiers", "downtoners", "etwas"), 1.5, "not in", id="downtoner-above-1"),
    pytest.param(("verdict", "cues"), {}, "missing or empty", id="no-verdict-cues"),
    pytest.param(("aspects", "music"), ["bild"], "two labels", id="aspect-word-twice"),
]


@pytest.mark.parametrize(("path", "value", "message"), BAD_TOML)
def test_bad_opinions_toml_is_rejected(path: tuple[str, ...], value: object,
                                       message: str) -> None:
    rows = parse_lexicon_tsv("xx", "gut\t1\tadj\n")
    with pytest.raises(LanguageDataError, match=message):
        build_lexicon("xx", rows, _break(path, value))


def test_lexicon_is_loaded_once() -> None:
    assert get_lexicon("de") is get_lexicon("de")


def test_unknown_language_has_no_lexicon() -> None:
    with pytest.raises(LanguageDataError):
        get_lexicon("xq")


# judging words and idioms added in later rounds (lexicon.tsv), each on the side it judges
ADDED_WORDS = [
    # ninth round
    pytest.param("Ein kongenialer Soundtrack und eine einprägsame Melodie.", "pros",
                 id="ninth-round-praise"),
    pytest.param("Die Inszenierung ist geschickt und ausgewogen.", "pros", id="ninth-round-craft"),
    pytest.param("Ein misslungener Versuch, der nach dem Prolog stark abflacht.", "cons",
                 id="ninth-round-blame"),
    pytest.param("Die zweite Hälfte flacht leider deutlich ab.", "cons", id="split-verb-flacht-ab"),
    pytest.param("Die Dialoge sind unbeholfen und der Schluss ist absehbar.", "cons",
                 id="ninth-round-clumsy"),
    pytest.param("Die Darsteller harmonieren, und der Film trifft den richtigen Ton.", "pros",
                 id="idiom-fit"),
    pytest.param("Die Serie nimmt Fahrt auf, sobald der Fall beginnt.", "pros", id="idiom-pace"),
    pytest.param("Die Effekte sind leider in die Jahre gekommen.", "cons", id="idiom-age"),
    # tenth round
    pytest.param("Der Film ist ein Film für die Ewigkeit, und er hat seinen Reiz.", "pros",
                 id="idiom-lasting"),
    pytest.param("Mit dieser Komödie kann der Regisseur einen Treffer landen.", "pros",
                 id="idiom-hit"),
    pytest.param("Die Serie ist auserzählt, und man kann nur den Kopf schütteln.", "cons",
                 id="idiom-worn-out"),
    pytest.param("Die Doku ist ein Pflichtfilm für alle, die Musik lieben.", "pros",
                 id="idiom-must-see"),
    # eleventh round: craft words, idioms of pace and success
    pytest.param("Der Film ist topbesetzt und kunstvoll fotografiert.", "pros",
                 id="eleventh-round-cast"),
    pytest.param("Ein denkwürdiger, wirkungsvoll inszenierter Film.", "pros",
                 id="eleventh-round-craft"),
    pytest.param("Die Dialoge sind läppisch und die Handlung inkohärent.", "cons",
                 id="eleventh-round-blame"),
    pytest.param("Die Inszenierung wirkt verschnarcht und unfokussiert.", "cons",
                 id="eleventh-round-pace"),
    pytest.param("Das Drehbuch ist Stückwerk, erzählt mit dem Holzhammer.", "cons",
                 id="eleventh-round-nouns"),
    pytest.param("Leider nimmt die Geschichte nie richtig Fahrt auf.", "cons", id="idiom-no-pace"),
    pytest.param("Die mittleren Folgen plätschern vor sich hin.", "cons", id="idiom-ripple"),
    pytest.param("Die Macher haben ihre Chance verpasst.", "cons", id="idiom-missed-chance"),
    pytest.param("Die Handlung ist wenig realistisch.", "cons", id="idiom-unrealistic"),
    pytest.param("Dem Regisseur glückt es, die Spannung bis zum Ende hochzuhalten.", "pros",
                 id="idiom-keeps-suspense"),
]


@pytest.mark.parametrize(("text", "side"), ADDED_WORDS)
def test_added_words_judge(text: str, side: str) -> None:
    from reviewextract import extract

    review = extract(text)
    assert getattr(review, side) and not getattr(review, "cons" if side == "pros" else "pros")
