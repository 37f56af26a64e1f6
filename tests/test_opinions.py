"""Pros, cons, verdict and sentiment on our own German sentences, grouped by phenomenon."""

from __future__ import annotations

import pytest

import reviewextract.lang
from reviewextract import extract
from reviewextract.lang.lexicon import get_lexicon
from reviewextract.model import Review, Sentiment
from reviewextract.opinions.items import content_sentences
from reviewextract.opinions.verdict import Verdict, candidates
from reviewextract.text import Doc


def run(text: str) -> Review:
    return extract(text)


# a one-sentence point the fitted filter (opinions/evaluative.py: the points' words as features,
# thresholds read on held-out folds) now drops; its reading is checked before the filter in
# test_filtered_points_are_still_read
FILTERED = pytest.mark.xfail(strict=True, reason="known miss: the fitted evaluative filter "
                             "drops this one-sentence point (probability 0.14-0.25)")


def verdict_candidates(text: str) -> list[Verdict]:
    """Every verdict candidate of a text, with its named features."""
    doc = Doc(text, reviewextract.lang.get_language("de"))
    lex = get_lexicon("de")
    return candidates(doc, lex, content_sentences(doc, lex))


def pros(text: str) -> list[str]:
    return [o.text for o in run(text).pros]


def cons(text: str) -> list[str]:
    return [o.text for o in run(text).cons]


NEGATION = [
    pytest.param("Die Handlung ist nicht gut.", [], ["Die Handlung ist nicht gut"],
                 id="nicht-before-praise"),
    pytest.param("Der Film ist keineswegs langweilig.", ["Der Film ist keineswegs langweilig"],
                 [], id="keineswegs-before-blame"),
    pytest.param("Die Effekte überzeugen leider nicht.", [],
                 ["Die Effekte überzeugen leider nicht"], id="nicht-closing-clause"),
    pytest.param("Das Finale ist alles andere als gelungen. Fazit: Ein Film.", [],
                 ["Das Finale ist alles andere als gelungen"], id="alles-andere-als"),
    pytest.param("Das ist kein Meisterwerk.", [], ["Das ist kein Meisterwerk"], id="kein-noun"),
    # a negator that ends the clause denies its verb however far back it stands
    pytest.param("Uns gefielen die Gespräche der beiden Figuren mit dem Publikum nicht.", [],
                 ["Uns gefielen die Gespräche der beiden Figuren mit dem Publikum nicht"],
                 id="nicht-ends-a-long-clause"),
    # "einfach" before a negator is the adverb, not praise of its own
    pytest.param("In der Mitte passiert einfach nicht so viel.", [], [],
                 id="einfach-before-negator"),
    pytest.param("Ohne Längen kommt der Film nicht aus.", [],
                 ["Ohne Längen kommt der Film nicht aus"], id="double-negation-ohne-nicht"),
    pytest.param("Ich habe keine Minute davon bereut.", ["Ich habe keine Minute davon bereut"],
                 [], id="keine-before-regret"),
    pytest.param("Die Spannung lässt nie nach, die Dialoge sind nicht schlecht.",
                 ["Die Spannung lässt nie nach", "die Dialoge sind nicht schlecht"], [],
                 id="nicht-schlecht-faint-praise"),
    pytest.param("Die Figuren haben mich eher verwirrt als gepackt.", [],
                 ["Die Figuren haben mich eher verwirrt als gepackt"], id="eher-als"),
    # "als" denies what follows it; with nothing polar after it, it denies nothing before it
    pytest.param("Die Figuren sind eher hölzern als geheimnisvoll.", [],
                 ["Die Figuren sind eher hölzern als geheimnisvoll"], id="eher-als-nothing-after"),
    # a counterfactual clause that wishes ([clauses] wishes): its praise is what is missing
    pytest.param("Er hätte aber deutlich spannender sein können.", [],
                 ["Er hätte aber deutlich spannender sein können"], id="wish-comparative"),
    pytest.param("Hier hätte ich mir bessere Effekte gewünscht.", [],
                 ["Hier hätte ich mir bessere Effekte gewünscht"], id="wish-gewuenscht"),
    pytest.param("Ich hätte gern besser verstanden, worum es geht.", [], [],
                 id="irrealis-without-wish"),
    pytest.param("Mich konnten weder die Darsteller überzeugen.", [],
                 ["Mich konnten weder die Darsteller überzeugen"], id="weder"),
    pytest.param("Es ist die am wenigsten spannende Folge.", [],
                 ["Es ist die am wenigsten spannende Folge"], id="am-wenigsten"),
    pytest.param("Logikfehler ohne Ende.", [], ["Logikfehler ohne Ende"],
                 id="ohne-ende-is-no-negator"),
    pytest.param("Das haben wir alles schon viel besser gesehen.", [],
                 ["Das haben wir alles schon viel besser gesehen"], id="besser-gesehen",
                 marks=FILTERED),
    pytest.param("Das angebliche Meisterwerk zeigt nur Leere.", [],
                 ["Das angebliche Meisterwerk zeigt nur Leere"], id="angeblich-denies"),
    pytest.param("Langeweile ist hier ein Fremdwort.", ["Langeweile ist hier ein Fremdwort"], [],
                 id="fremdwort-denies"),
    pytest.param("Ein Krimi, den man nicht verpassen sollte.",
                 ["Ein Krimi, den man nicht verpassen sollte"], [], id="nicht-verpassen",
                 marks=FILTERED),
]


@pytest.mark.parametrize(("text", "want_pros", "want_cons"), NEGATION)
def test_negation(text: str, want_pros: list[str], want_cons: list[str]) -> None:
    r = run(text)
    assert [o.text for o in r.pros] == want_pros
    assert [o.text for o in r.cons] == want_cons


CONTRAST = [
    pytest.param("Die Kamera ist zwar stark, aber die Dialoge sind hölzern.",
                 ["Die Kamera ist zwar stark"], ["die Dialoge sind hölzern"], id="zwar-aber"),
    pytest.param("Die DVD ist ok, das Bild ist nicht das beste aber für den Preis gut.",
                 ["für den Preis gut"], ["das Bild ist nicht das beste"],
                 id="aber-without-comma"),
    pytest.param("Das Problem sind nicht die Darsteller, sondern die Handlung.",
                 [], ["die Handlung"], id="nicht-x-sondern-y"),
    pytest.param("Der Hauptdarsteller spielt großartig und die Musik ist kitschig.",
                 ["Der Hauptdarsteller spielt großartig"], ["die Musik ist kitschig"],
                 id="und-with-new-subject"),
]


@pytest.mark.parametrize(("text", "want_pros", "want_cons"), CONTRAST)
def test_contrast(text: str, want_pros: list[str], want_cons: list[str]) -> None:
    r = run(text)
    assert [o.text for o in r.pros] == want_pros
    assert [o.text for o in r.cons] == want_cons


COMPOUNDS = [
    pytest.param("Leider hat das Drehbuch einige Logiklücken.", "cons", "logic",
                 id="logikluecken"),
    pytest.param("Die Bildqualität der Scheibe ist hervorragend.", "pros", "picture",
                 id="bildqualitaet"),
    pytest.param("Ein Spannungsbogen fehlt völlig.", "cons", "suspense", id="spannungsbogen"),
    pytest.param("Die Filmmusik ist ein Ohrenschmaus.", "pros", "music", id="filmmusik"),
    pytest.param("Der Film hat zahlreiche Plausibilitätsprobleme im Drehbuch.", "cons", "logic",
                 id="aspect-of-the-polar-compound-first"),
]


@pytest.mark.parametrize(("text", "side", "aspect"), COMPOUNDS)
def test_compounds(text: str, side: str, aspect: str) -> None:
    items = getattr(run(text), side)
    assert len(items) == 1
    assert items[0].aspect == aspect


def _score(text: str) -> float:
    r = run(text)
    return sum(o.score for o in [*r.pros, *r.cons])


def test_intensifier_strengthens() -> None:
    assert _score("Die Musik ist sehr gut.") > _score("Die Musik ist gut.") > 0


def test_downtoner_weakens() -> None:
    assert _score("Der Film ist langatmig.") < _score("Der Film ist etwas langatmig.") < 0


EXCESS = [
    pytest.param("Mit drei Stunden ist der Film viel zu lang.", 1, id="viel-zu-lang"),
    pytest.param("Der Kommentar ist mir zu pathetisch.", 1, id="zu-adjective"),
    pytest.param("Das Ende kommt etwas zu schemenhaft daher.", 1, id="zu-unknown-adjective"),
    pytest.param("Dazu gibt es nichts zu sagen.", 0, id="zu-infinitive"),
    pytest.param("Er kommt zu Ende der Staffel zurück.", 0, id="zu-noun"),
    pytest.param("Die Folgen sind nicht zu lang.", 0, id="negated-excess"),
]


@pytest.mark.parametrize(("text", "n_cons"), EXCESS)
def test_excess(text: str, n_cons: int) -> None:
    assert len(cons(text)) == n_cons


ITEMS = [
    pytest.param("Und außerdem ist die Musik großartig.", "ist die Musik großartig",
                 id="leading-connectives-trimmed"),
    pytest.param("★★★★☆ Großartige Bilder", "Großartige Bilder", id="rating-glyphs-trimmed"),
]


@pytest.mark.parametrize(("text", "first_pro"), ITEMS)
def test_item_trimming(text: str, first_pro: str) -> None:
    assert pros(text)[0] == first_pro


NO_ITEMS = [
    pytest.param("Wer spannende Thriller mag, sollte einschalten.", id="hypothetical-wer"),
    pytest.param("Heute läuft „Gute Zeiten, schlechte Zeiten“ im Fernsehen.", id="quoted-title"),
    pytest.param("Ein paar Schwächen gibt es trotzdem.", id="announcement-of-criticism"),
    pytest.param("Der Film dauert gut 90 Minuten.", id="gut-before-number"),
    pytest.param("Künstliche Intelligenz ist das Thema des Films.", id="kuenstliche-intelligenz"),
    pytest.param("Wow!", id="single-word"),
    pytest.param("Ist das Drehbuch wirklich so schlecht?", id="question"),
]


@pytest.mark.parametrize("text", NO_ITEMS)
def test_no_items(text: str) -> None:
    r = run(text)
    assert r.pros == [] and r.cons == []


def test_duplicates_merged() -> None:
    text = "Die Musik ist großartig. Die Handlung ist wirr. Die Musik ist großartig."
    assert pros(text) == ["Die Musik ist großartig"]


VERDICTS = [
    # a recommendation in words no polarity list holds
    pytest.param("Der Film erzählt von zwei Brüdern, die einen Hof erben. Die Landschaft spielt "
                 "eine große Rolle. Wer ihn noch nicht kennt, sollte ihn auf keinen Fall "
                 "verpassen.", "Wer ihn noch nicht kennt, sollte ihn auf keinen Fall verpassen",
                 id="recommendation-verpassen"),
    pytest.param("Zwei Freunde reisen durch Japan. Das ist der Film, den man sehen muss.",
                 "Das ist der Film, den man sehen muss", id="recommendation-sehen-muss"),
    pytest.param("Die Musik ist gut. Fazit: Ein starker, spannender Film.",
                 "Ein starker, spannender Film", id="fazit-label-cut"),
    pytest.param("Die Musik ist gut. Alles in allem ein gelungener Abend. Tschüss.",
                 "Alles in allem ein gelungener Abend", id="alles-in-allem"),
    pytest.param("Unterm Strich bleibt ein solider Krimi. Die Musik ist gut.",
                 "Unterm Strich bleibt ein solider Krimi", id="unterm-strich-not-last"),
    pytest.param("Mein Urteil: eine sehenswerte Serie.", "eine sehenswerte Serie",
                 id="mein-urteil"),
    pytest.param("Die Story ist dünn. Die Bilder sind schön. Ein wunderbarer Film für Kinder.",
                 "Ein wunderbarer Film für Kinder", id="closing-evaluative-sentence"),
    pytest.param("Es geht um eine Familie in Berlin. Sie zieht um.", None, id="no-judgement"),
    pytest.param("„Nordlicht“ ist ein kluger, fesselnder Thriller. Die Heldin gerät unter "
                 "Verdacht. Die Musik ist schön und sehr bewegend.",
                 "„Nordlicht“ ist ein kluger, fesselnder Thriller", id="work-as-subject-first"),
    # no cue: the sentence that judges the work as a whole is the verdict (issue 13), here the
    # closing one; an opening judgement of the whole is preferred to a closing judgement of
    # a part (the case above; the labelled reviews pick the first judging sentence about as
    # often as the last, docs/evaluate.md)
    pytest.param("Die Musik ist schön. Die Heldin gerät unter Verdacht. „Nordlicht“ ist ein "
                 "kluger, fesselnder Thriller.",
                 "„Nordlicht“ ist ein kluger, fesselnder Thriller", id="closing-judgement"),
    pytest.param("Die Musik ist gut. Mit sechs Folgen von jeweils einer knappen Stunde ist die "
                 "Serie schnell gesehen, und doch hallt sie lange nach: ein stilles, "
                 "großartiges Stück Fernsehen mit einem überragenden Ensemble.",
                 "ein stilles, großartiges Stück Fernsehen mit einem überragenden Ensemble",
                 id="long-sentence-colon-summary"),
    pytest.param("Die Musik ist gut. Die Story ist dünn.\nFazit\nEin starker, spannender Film.",
                 "Ein starker, spannender Film", id="fazit-heading-line"),
    pytest.param("Die Musik ist gut. Fazit: Diesen Film muss man gesehen haben, am besten auf "
                 "einer großen Leinwand.", "Diesen Film muss man gesehen haben",
                 id="tail-am-besten-cut"),
    pytest.param("Die Musik ist gut. Fazit: am besten gar nicht erst anschauen.",
                 "am besten gar nicht erst anschauen", id="am-besten-as-the-verdict"),
    pytest.param("Die Musik ist gut. Fazit: Wer Krimis mag, wird hier bestens unterhalten.",
                 "Wer Krimis mag, wird hier bestens unterhalten", id="short-label-colon-kept"),
    # summing-up formulas: "für alle, die …", "Als Gesamtwerk …", "Finger davon"
    pytest.param("Die Musik ist laut. Die Bilder sind schön. Für alle, die Krimis mögen, ein "
                 "absolutes Muss. Der Abspann läuft lang.",
                 "Für alle, die Krimis mögen, ein absolutes Muss", id="fuer-alle-muss"),
    pytest.param("Die erste Folge ist stark. Als Gesamtwerk ist die Serie eine gute Idee, die zu "
                 "lange ausgewalzt wurde. Die Musik ist schön.",
                 "Als Gesamtwerk ist die Serie eine gute Idee, die zu lange ausgewalzt wurde",
                 id="als-gesamtwerk"),
    # "insgesamt" before a count is a total, not a summing-up cue ([verdict] totals)
    pytest.param("Die Serie ist ein schöner Krimi mit guten Darstellern. In insgesamt zwölf "
                 "Episoden klären die beiden einen Fall, die Musik ist gelungen.",
                 "Die Serie ist ein schöner Krimi mit guten Darstellern", id="insgesamt-count"),
    pytest.param("Die Darsteller sind gut. Insgesamt ein gelungener Film.",
                 "Insgesamt ein gelungener Film", id="insgesamt-article-is-no-count"),
    # after a colon, a long list of facts is cut off; a long part that judges more strongly than
    # the words before the colon is the judgement, and the sentence stays whole
    pytest.param("Die Musik ist laut. Fazit: Ein wirklich gelungener und spannender Film: sechs "
                 "Episoden à 50 Minuten, gedreht in Berlin und Hamburg, mit Tom Keller und Anna "
                 "Beispiel in den Hauptrollen.", "Ein wirklich gelungener und spannender Film",
                 id="colon-facts-cut"),
    pytest.param("Die Musik ist laut. Fazit: Das Thema des Films ist bekanntlich schwer: Nie "
                 "pathetisch und stets sehr respektvoll und klug erzählt der Film vom harten "
                 "Leben einer jungen Frau in der großen Stadt.",
                 "Das Thema des Films ist bekanntlich schwer: Nie pathetisch und stets sehr "
                 "respektvoll und klug erzählt der Film vom harten Leben einer jungen Frau in "
                 "der großen Stadt", id="colon-judgement-kept"),
    # a long verdict is not cut after its first evaluative part: the judgement may come later
    pytest.param("Die Musik ist gut. Fazit: Der Film ist ein über weite Strecken wunderbar "
                 "gespieltes und sehr genau beobachtetes Drama mit zwei Hauptdarstellern, das "
                 "sich erst ganz am Ende öffnet und danach als eines der originellsten Werke des "
                 "Jahres lange nachwirkt.",
                 "Der Film ist ein über weite Strecken wunderbar gespieltes und sehr genau "
                 "beobachtetes Drama mit zwei Hauptdarstellern, das sich erst ganz am Ende "
                 "öffnet und danach als eines der originellsten Werke des Jahres lange "
                 "nachwirkt", id="long-verdict-not-cut"),
    pytest.param("Die Musik ist gut. Fazit: Das Remake hat zwar eine Menge Tempo und ein paar gute "
                 "Darsteller, aber leider nur sehr wenig Esprit und bleibt weit hinter dem "
                 "Original zurück.",
                 "Das Remake hat zwar eine Menge Tempo und ein paar gute Darsteller, aber leider "
                 "nur sehr wenig Esprit und bleibt weit hinter dem Original zurück",
                 id="zwar-part-not-cut"),
    # a "Fazit" label names the verdict outright, even before a closing judgement the model
    # would weigh more; "Kurz gesagt" in an opening paragraph does not ([verdict] decisive)
    pytest.param("Die Musik ist gut. Fazit: ein wichtiges Stück Zeitgeschichte.\n\nDie "
                 "Kamera ist unruhig. Insgesamt schade, da wäre mehr drin gewesen.",
                 "ein wichtiges Stück Zeitgeschichte", id="fazit-label-decides"),
    pytest.param("Die Musik ist gut.\nFazit\nDie Serie unterhält gut.\n\nAlles in allem "
                 "kommt das Thema leider oft zu kurz.", "Die Serie unterhält gut",
                 id="fazit-heading-decides"),
]


@pytest.mark.parametrize(("text", "decisive"), [
    # "Kurz gesagt:" is a cue and a label, but it may sum up an opening paragraph: it does not
    # settle the verdict, the fitted model weighs it; "Fazit:" settles it
    ("Moin zusammen. Kurz gesagt: Für mich ist die Luft raus.\n\nDer Park ist weg. Die Musik "
     "ist top.\n\nFür mich die mit Abstand schwächste Staffel bisher.", False),
    ("Moin zusammen. Fazit: Für mich ist die Luft raus.\n\nDer Park ist weg. Die Musik ist "
     "top.\n\nFür mich die mit Abstand schwächste Staffel bisher.", True),
])
def test_summing_up_label_decisive_or_not(text: str, decisive: bool) -> None:
    found = {text[v.start:v.end]: v for v in verdict_candidates(text)}
    labelled = found["Für mich ist die Luft raus"]
    assert labelled.features.get("cue.label") == 1.0
    assert labelled.labelled is decisive
    assert not found["Für mich die mit Abstand schwächste Staffel bisher"].labelled
    if decisive:
        verdict = run(text).verdict
        assert verdict is not None and verdict.text == "Für mich ist die Luft raus"


@pytest.mark.parametrize(("text", "summing_up", "pros", "cons"), [
    # a closing verdict without a cue that weighs praise against blame names points of its own
    ("Die Serie läuft seit Montag im Ersten. Die Musik ist schön. Der Film hat großartige "
     "Darsteller, leidet aber unter einer zähen und schwachen Geschichte.", False,
     ["Die Musik ist schön", "Der Film hat großartige Darsteller"],
     ["unter einer zähen und schwachen Geschichte"]),
    # a cued verdict sums the points up: its sentence gives none
    ("Die Serie läuft seit Montag im Ersten. Die Musik ist schön. Insgesamt hat der Film "
     "großartige Darsteller, leidet aber unter einer zähen und schwachen Geschichte.", True,
     ["Die Musik ist schön"], []),
])
def test_verdict_sentence_points(text: str, summing_up: bool, pros: list[str],
                                 cons: list[str]) -> None:
    r = run(text)
    assert r.verdict is not None and (r.verdict.rule == "verdict:cue") is summing_up
    assert [o.text for o in r.pros] == pros and [o.text for o in r.cons] == cons


@pytest.mark.parametrize(("text", "verdict"), VERDICTS)
def test_verdict(text: str, verdict: str | None) -> None:
    r = run(text)
    assert (r.verdict.text if r.verdict else None) == verdict


# known misses: the sentiment model is unweighted, chosen by cross-validated accuracy on the
# held-out web and real records (0.669, against 0.605 with classes weighted inversely to their
# frequency; docs/evaluate.md), and rarely says "mixed" without a rating
_MIXED_MISS = pytest.mark.xfail(strict=True, reason="known miss: the sentiment model reads "
                                 "faint praise without a judging word as positive")

SENTIMENTS = [
    pytest.param("Fazit: Ein großartiger Film.", Sentiment.POSITIVE, id="strong-praise"),
    pytest.param("Fazit: Ein langweiliger, vorhersehbarer Film.", Sentiment.NEGATIVE,
                 id="strong-blame"),
    pytest.param("Fazit: Kein Meisterwerk, aber ein sehenswerter Film.", Sentiment.MIXED,
                 id="praise-and-blame", marks=pytest.mark.xfail(
                     strict=True, reason="known miss: the sentiment model refitted after the "
                     "points' words reads this one-sentence verdict as positive")),
    pytest.param("Insgesamt bietet die Serie passable Unterhaltung.", Sentiment.MIXED,
                 id="faint-praise", marks=_MIXED_MISS),
    pytest.param("Fazit: Ein großartiger Film. Wertung: 3/10", Sentiment.NEGATIVE,
                 id="explicit-rating-wins"),
    pytest.param("Fazit: Ein schwacher Film. Wertung: 5/10", Sentiment.MIXED,
                 id="middle-rating-mixed"),
]


@pytest.mark.parametrize(("text", "sentiment"), SENTIMENTS)
def test_sentiment(text: str, sentiment: Sentiment) -> None:
    assert run(text).sentiment == sentiment


def _sentiment_features(text: str) -> dict[str, float]:
    """The features the fitted sentiment scorers read for one review."""
    import reviewextract.fields.opinions as fo

    seen: list[dict[str, float]] = []
    original = fo.decide_sentiment

    def spy(code: str, feats: dict[str, float]) -> Sentiment | None:
        seen.append(feats)
        return original(code, feats)

    fo.decide_sentiment = spy  # type: ignore[assignment]
    try:
        run(text)
    finally:
        fo.decide_sentiment = original  # type: ignore[assignment]
    return seen[0]


def test_a_concession_weighs_little_in_the_verdict() -> None:
    # "…, trotzdem …": the conceded blame counts little, the verdict reads as one-sided praise
    feats = _sentiment_features("Fazit: Das Ende ist zu lang, trotzdem ein Film, den man "
                                "gesehen haben muss.")
    assert feats["verdict.pos"] > feats["verdict.neg"] > 0
    assert feats.get("verdict.one_sided_pos") == 1.0


def test_every_judging_sentence_enters_the_sentiment() -> None:
    # the verdict is one sentence; the sentiment also weighs all sentences that judge the work
    feats = _sentiment_features("Die Handlung ist langweilig. Die Darsteller spielen hölzern. "
                                "Die Musik nervt. Immerhin ist der Film schön fotografiert.")
    assert feats["judging.first"] < 0 < feats["judging.neg_share"]
    assert feats["judging.neg_share"] > 0.5 and feats["judging.mean"] < 0
    assert feats["judging.neg"] > 0


def test_faint_praise_is_marked() -> None:
    feats = _sentiment_features("Insgesamt bietet die Serie passable Unterhaltung.")
    assert feats.get("verdict.faint") == 1.0
    assert "verdict.one_sided_pos" not in feats


def test_verdict_candidates_carry_their_features() -> None:
    # the fitted verdict scorer reads these: the season as the subject of a judgement, a
    # "Positiv:" label that opens one point of a list, a sentence that only narrates
    text = ("Die zweite Staffel ist eine riesige Enttäuschung. Die Heldin gerät unter Verdacht. "
            "Positiv: Die Schlacht ist technisch beeindruckend und sehr aufwendig.")
    found = {text[v.start:v.end]: v.features for v in verdict_candidates(text)}
    first = found["Die zweite Staffel ist eine riesige Enttäuschung"]
    assert first.get("work.subject") == 1.0 and first["pol.neg"] > 0
    last = next(f for t, f in found.items() if t.startswith("Positiv"))
    assert last.get("pro_con_label") == 1.0
    assert not any(t.startswith("Die Heldin") for t in found)  # no judgement, no candidate


def test_verdict_candidates_know_their_place() -> None:
    # the first and the last judging sentence, and a sentence that closes its paragraph
    text = ("Die Musik ist toll. Die Bilder sind schwach.\n\nDer Film ist gut! Die Heldin gerät "
            "unter Verdacht. Ein schöner Film")
    found = {text[v.start:v.end]: {k for k in v.features if k in ("cand.first", "cand.last",
                                                                  "para_end")}
             for v in verdict_candidates(text)}
    assert found == {"Die Musik ist toll": {"cand.first"},
                     "Die Bilder sind schwach": {"para_end"},
                     "Der Film ist gut": set(),
                     "Ein schöner Film": {"para_end", "cand.last"}}


@pytest.mark.parametrize(("sentence", "feature", "present"), [
    # a judging word right before a noun for the whole work ("ein guter Film") marks a
    # judgement of the whole (`work.judged`)
    ("Insgesamt ein sehenswerter Streifen für lange Abende.", "work.judged", True),
    ("Der Fall ist ein guter Film, der sehr gut hätte sein können.", "work.judged", True),
    ("Am Ende bleibt ein fußlahmer, aber toller Männerfilm.", "work.judged", True),  # compound
    ("Die Kamera ist gut und die Musik toll.", "work.judged", False),  # parts, not the whole
    ("Der neue Film des Regisseurs ist überraschend gut.", "work.judged", False),  # "neue"
    # the work as the subject after a short lead-in ending in a colon (`LEAD_IN_WORDS`)
    ("Aber ehrlich: Die achte und finale Staffel ist eine riesige Enttäuschung.", "work.subject",
     True),
    ("Mal ehrlich: Die zweite und längere Staffel ist ein Ärgernis.", "work.subject", True),
    ("Die Szenen im Hafen und am Strand der kleinen Insel: Der Film ist großartig.",
     "work.subject", False),
    ("Aber ehrlich: Die Musik ist großartig.", "work.subject", False),  # a part of the work
])
def test_verdict_features_of_a_whole_work_judgement(sentence: str, feature: str,
                                                    present: bool) -> None:
    found = verdict_candidates(sentence)
    assert found, sentence
    assert (found[0].features.get(feature) == 1.0) is present


def test_spans_point_into_source() -> None:
    text = ("Die „Serie“ ist ca. 10 Folgen lang. Die Darsteller sind toll, aber das Drehbuch hat "
            "Logiklücken. Fazit: Gute Unterhaltung mit Schwächen.")
    r = run(text)
    for o in [*r.pros, *r.cons, *([r.verdict] if r.verdict else [])]:
        assert r.source_text[o.start:o.end] == o.text
        assert o.rule


# ---- the points' words as features, and the blame's own threshold ---------------------------

def test_word_features_cut_words_to_their_stem() -> None:
    from reviewextract.opinions.evaluative import word_features

    got = word_features(["die", "effekte", "3d", "ja", "überzeugen"], 5)
    assert got == {"word.die": 1.0, "word.effek": 1.0, "word.überz": 1.0}


def _point_features(text: str) -> list[dict[str, float]]:
    """The features of every candidate point the extractor scores for `text`."""
    from reviewextract.opinions import evaluative

    seen: list[dict[str, float]] = []
    original = evaluative.keep

    def spy(*args: object, **kwargs: object) -> object:
        kept = original(*args, **kwargs)  # type: ignore[arg-type]
        seen.extend(dict(p.features) for p in args[2])  # type: ignore[attr-defined,index]
        return kept

    evaluative.keep = spy  # type: ignore[assignment]
    try:
        extract(text)
    finally:
        evaluative.keep = original
    return seen


def test_points_read_their_words_where_the_scorer_was_fitted_with_them(
        monkeypatch: pytest.MonkeyPatch) -> None:
    text = "Die Effekte sind großartig. Die Dialoge wirken hölzern."
    lang = reviewextract.lang.get_language("de")
    scorer = lang.scorer("points")
    stem = int(scorer.params["word_stem"])
    feats = _point_features(text)
    assert feats and all(f"word.{'effekte'[:stem]}" in f or f"word.{'dialoge'[:stem]}" in f
                         for f in feats)
    from dataclasses import replace

    plain = replace(scorer, params={k: v for k, v in scorer.params.items() if k != "word_stem"})
    monkeypatch.setitem(lang.scorers, "points", plain)
    assert not any(k.startswith("word.") for f in _point_features(text) for k in f)


def test_blame_is_kept_at_its_own_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    from dataclasses import replace

    text = "Die Effekte sind großartig. Die Dialoge wirken hölzern."
    lang = reviewextract.lang.get_language("de")
    scorer = lang.scorer("points")
    both = run(text)
    assert both.pros and both.cons
    monkeypatch.setitem(lang.scorers, "points",
                        replace(scorer, params={**scorer.params, "threshold_cons": 1.0}))
    no_cons = run(text)
    assert [o.text for o in no_cons.pros] == [o.text for o in both.pros] and not no_cons.cons


# the one-sentence points the fitted filter drops (FILTERED here and in
# test_opinions_idioms.py): their polarity is still read, and the filter alone drops them
FILTERED_READINGS = [
    pytest.param("Das haben wir alles schon viel besser gesehen.", -1, id="besser-gesehen"),
    pytest.param("Ein Krimi, den man nicht verpassen sollte.", 1, id="nicht-verpassen"),
    pytest.param("Es gibt Besseres.", -1, id="gibt-besseres"),
    pytest.param("Der Sog lässt über alle acht Folgen nicht nach.", 1, id="laesst-nicht-nach"),
    pytest.param("Im Zentrum steht eine Mutter, die man so schnell nicht vergisst.", 1,
                 id="head-added"),
    pytest.param("Ich konnte nichts mit den platten Sprüchen anfangen.", -1, id="nichts-mit-pp"),
]


@pytest.mark.parametrize(("text", "sign"), FILTERED_READINGS)
def test_filtered_points_are_still_read(monkeypatch: pytest.MonkeyPatch, text: str,
                                        sign: int) -> None:
    from dataclasses import replace

    feats = _point_features(text)
    assert len(feats) == 1 and (feats[0]["pol.positive"] if sign > 0 else
                                not feats[0].get("pol.positive"))
    lang = reviewextract.lang.get_language("de")
    scorer = lang.scorer("points")
    monkeypatch.setitem(lang.scorers, "points", replace(
        scorer, threshold=0.0, params={**scorer.params, "threshold_cons": 0.0}))
    r = run(text)
    assert (len(r.pros), len(r.cons)) == ((1, 0) if sign > 0 else (0, 1))


@pytest.mark.parametrize("stem", [0, 5])
def test_verdict_candidates_read_their_words_where_the_scorer_does(
        monkeypatch: pytest.MonkeyPatch, stem: int) -> None:
    from dataclasses import replace

    lang = reviewextract.lang.get_language("de")
    scorer = lang.scorer("verdict")
    params = {k: v for k, v in scorer.params.items() if k != "word_stem"}
    if stem:
        params["word_stem"] = float(stem)
    monkeypatch.setitem(lang.scorers, "verdict", replace(scorer, params=params))
    found = verdict_candidates("Die Story ist dünn. Fazit: Ein großartiger Film für Kinder.")
    words = {k for v in found for k in v.features if k.startswith("word.")}
    if stem:
        assert {"word.großa", "word.film", "word.kinde", "word.story"} <= words
    else:
        assert not words
