"""Fixed expressions, counterfactual clauses and idioms on our own sentences, one table each."""

from __future__ import annotations

import pytest

from reviewextract import extract

# a one-sentence point the fitted evaluative filter now drops; test_opinions.py checks its
# reading before the filter (test_filtered_points_are_still_read)
FILTERED = pytest.mark.xfail(strict=True, reason="known miss: the fitted evaluative filter "
                             "drops this one-sentence point (probability 0.14-0.25)")


def sides(text: str) -> tuple[list[str], list[str]]:
    r = extract(text)
    return [o.text for o in r.pros], [o.text for o in r.cons]


# a polar word inside a fixed expression of the plot is no judgement
NEUTRAL_EXPRESSIONS = [
    pytest.param("Tom reist mit seinem besten Freund Max nach Lissabon.", id="bester-freund"),
    pytest.param("Anna trifft ihre gute Freundin Jule im Café.", id="gute-freundin"),
    pytest.param("Der Hausmeister will seine Frau zurückgewinnen.", id="verb-ends-like-head"),
    pytest.param("Die Bande gewinnt am Ende das Rennen gegen die Polizei.", id="verb-gewinnt"),
    pytest.param("Die Ärztin sucht nach einfachen Antworten auf die Krise.",
                 id="einfache-antworten"),
    pytest.param("Egal ob Mord oder Diebstahl, die Kommissarin ermittelt.", id="egal-ob"),
    pytest.param("Egal wie spät es ist, Tom ruft seine Mutter an.", id="egal-wie"),
    pytest.param("So langsam erkennt Anna, wer hinter den Briefen steckt.", id="so-langsam"),
    pytest.param("Die Stadt ist ein gutes Beispiel dafür, wie Macht entsteht.",
                 id="gutes-beispiel"),
]


def test_indifference_is_still_a_judgement() -> None:
    """Only the conjunction "egal ob/wie …" is neutral: "war mir egal" blames."""
    assert sides("Das Ende war mir egal.") == ([], ["Das Ende war mir egal"])


@pytest.mark.parametrize("text", NEUTRAL_EXPRESSIONS)
def test_neutral_expressions_state_no_point(text: str) -> None:
    assert sides(text) == ([], [])


# subjunctive II of sein/haben: what a thing would be is not what it is
COUNTERFACTUAL = [
    pytest.param("Die Szenen ermüden, nicht weil sie langweilig wären, sondern weil sie sich "
                 "wiederholen.", [], ["Die Szenen ermüden", "sie sich wiederholen"],
                 id="nicht-weil-waere"),
    pytest.param("Den Schluss hätte ich gern besser verstanden.", [], [],
                 id="haette-gern-besser"),
    pytest.param("Die Serie wäre großartig, wenn sie ein anderes Ende hätte.", [], [],
                 id="waere-wenn"),
    pytest.param("Die zweite Hälfte hätte ruhig kürzer sein können.", [],
                 ["Die zweite Hälfte hätte ruhig kürzer sein können"],
                 id="haette-kuerzer-sein-koennen"),
    pytest.param("Das Finale hätte ohne Weiteres straffer sein können.", [],
                 ["Das Finale hätte ohne Weiteres straffer sein können"],
                 id="ohne-weiteres-negates-nothing"),
    pytest.param("Die Musik ist großartig.", ["Die Musik ist großartig"], [],
                 id="indicative-unchanged"),
]


@pytest.mark.parametrize(("text", "want_pros", "want_cons"), COUNTERFACTUAL)
def test_counterfactual_clauses(text: str, want_pros: list[str], want_cons: list[str]) -> None:
    assert sides(text) == (want_pros, want_cons)


# verbs and idioms of praise or blame that hold no polar adjective
IDIOMS = [
    pytest.param("Die Kulissen sehen teuer aus.", ["Die Kulissen sehen teuer aus"], [],
                 id="sieht-teuer-aus"),
    pytest.param("Die Schlussszene hat mich zum Weinen gebracht.",
                 ["Die Schlussszene hat mich zum Weinen gebracht"], [], id="zum-weinen"),
    pytest.param("Die Regisseurin traut sich was.", ["Die Regisseurin traut sich was"], [],
                 id="traut-sich-was"),
    pytest.param("Der wuchtige Soundtrack tut sein Übriges.",
                 ["Der wuchtige Soundtrack tut sein Übriges"], [], id="tut-sein-uebriges"),
    pytest.param("Der Hauptdarsteller wirkt deutlich gereifter.",
                 ["Der Hauptdarsteller wirkt deutlich gereifter"], [], id="gereifter"),
    pytest.param("Keine dieser Figuren wirkt ausgedacht.",
                 ["Keine dieser Figuren wirkt ausgedacht"], [], id="nicht-ausgedacht"),
    pytest.param("Die Auflösung wirkt arg ausgedacht.", [],
                 ["Die Auflösung wirkt arg ausgedacht"], id="ausgedacht"),
    pytest.param("Der schrille Humor passt nicht immer zum ernsten Thema.", [],
                 ["Der schrille Humor passt nicht immer zum ernsten Thema"], id="passt-nicht"),
    pytest.param("Im Finale jagt eine Wendung die nächste.",
                 ["Im Finale jagt eine Wendung die nächste"], [], id="wendung-jagt"),
    pytest.param("Bei so vielen Figuren verliert man den Überblick.", [],
                 ["Bei so vielen Figuren verliert man den Überblick"], id="ueberblick"),
    pytest.param("Viele Nebenfäden werden nicht zu Ende geführt.", [],
                 ["Viele Nebenfäden werden nicht zu Ende geführt"], id="nicht-zu-ende-gefuehrt"),
    pytest.param("Jede Einstellung ist sorgfältig durchkomponiert.",
                 ["Jede Einstellung ist sorgfältig durchkomponiert"], [], id="durchkomponiert"),
    # common review idioms (fourteenth round of the lexicon)
    pytest.param("Es gibt Besseres.", [], ["Es gibt Besseres"], id="gibt-besseres",
                 marks=FILTERED),
    pytest.param("Das Finale ist ein Schlag ins Gesicht.", [],
                 ["Das Finale ist ein Schlag ins Gesicht"], id="schlag-ins-gesicht"),
    pytest.param("Der Twist kommt mit Ansage.", [], ["Der Twist kommt mit Ansage"],
                 id="mit-ansage"),
    pytest.param("Die Fortsetzung kann dem Original nicht das Wasser reichen.", [],
                 ["Die Fortsetzung kann dem Original nicht das Wasser reichen"],
                 id="nicht-das-wasser-reichen"),
    pytest.param("Der Soundtrack bleibt im Ohr.", ["Der Soundtrack bleibt im Ohr"], [],
                 id="bleibt-im-ohr"),
    pytest.param("Die zweite Staffel hält das Niveau.", ["Die zweite Staffel hält das Niveau"],
                 [], id="haelt-das-niveau"),
    pytest.param("Die Hauptdarstellerin spielt groß auf.",
                 ["Die Hauptdarstellerin spielt groß auf"], [], id="spielt-gross-auf"),
    pytest.param("Handwerklich macht der Film nichts falsch.",
                 ["Handwerklich macht der Film nichts falsch"], [], id="nichts-falsch"),
    pytest.param("Der Bösewicht spielt auf Autopilot.", [],
                 ["Der Bösewicht spielt auf Autopilot"], id="auf-autopilot"),
    # a quality a work should have, after a word of lack
    pytest.param("Es gibt keinen Kontext und keine Einordnung.", [],
                 ["Es gibt keinen Kontext und keine Einordnung"], id="keinen-kontext"),
    pytest.param("Die Serie hat keinen Spannungsbogen.", [],
                 ["Die Serie hat keinen Spannungsbogen"], id="keinen-spannungsbogen"),
    # judging words of verdict sentences the lexicon did not read (fourteenth round)
    pytest.param("Die Serie ist eine der allerbesten des Jahres.",
                 ["Die Serie ist eine der allerbesten des Jahres"], [], id="allerbesten"),
    pytest.param("Der Prozess ist eine Farce.", [], ["Der Prozess ist eine Farce"], id="farce"),
    pytest.param("Am Ende bricht das Konstrukt in sich zusammen.", [],
                 ["Am Ende bricht das Konstrukt in sich zusammen"], id="bricht-zusammen"),
    pytest.param("Die Serie ist süchtig machend.", ["Die Serie ist süchtig machend"], [],
                 id="suechtig-machend"),
    pytest.param("Das Finale ist ein Befreiungsschlag.", ["Das Finale ist ein Befreiungsschlag"],
                 [], id="befreiungsschlag"),
    pytest.param("Schalten Sie ab!", [], ["Schalten Sie ab"], id="schalten-sie-ab"),
    # judging words of points the lexicon did not read (fourteenth round)
    pytest.param("Ich mochte den Film.", ["Ich mochte den Film"], [], id="mochte"),
    pytest.param("Am Ende schießt die Satire übers Ziel hinaus.", [],
                 ["Am Ende schießt die Satire übers Ziel hinaus"], id="uebers-ziel-hinaus"),
    pytest.param("Der Nebendarsteller ist zum Schießen.", ["Der Nebendarsteller ist zum Schießen"],
                 [], id="zum-schiessen"),
    pytest.param("Ein bildstarkes Werk über den Krieg.", ["Ein bildstarkes Werk über den Krieg"],
                 [], id="bildstark"),
    pytest.param("Die Kamera wirkt angeberisch.", [], ["Die Kamera wirkt angeberisch"],
                 id="angeberisch"),
    pytest.param("Die Nebendarsteller wirken untalentiert.", [],
                 ["Die Nebendarsteller wirken untalentiert"], id="untalentiert"),
    pytest.param("Das Drehbuch ist mißraten.", [], ["Das Drehbuch ist mißraten"],
                 id="old-spelling-missraten"),
    pytest.param("Die Hauptdarstellerin spielt vortrefflich.",
                 ["Die Hauptdarstellerin spielt vortrefflich"], [], id="vortrefflich"),
    pytest.param("Ein aufwühlendes Drama über Schuld.", ["Ein aufwühlendes Drama über Schuld"],
                 [], id="aufwuehlend"),
]


@pytest.mark.parametrize(("text", "want_pros", "want_cons"), IDIOMS)
def test_idioms(text: str, want_pros: list[str], want_cons: list[str]) -> None:
    assert sides(text) == (want_pros, want_cons)


# a modifier before an excess marker strengthens the excess instead of praising
MODIFIED_EXCESS = [
    pytest.param("Die Serie ist einfach zu viel.", [], ["Die Serie ist einfach zu viel"],
                 id="einfach-zu-viel"),
    pytest.param("Der Schnitt ist stark zu hektisch.", [], ["Der Schnitt ist stark zu hektisch"],
                 id="stark-zu"),
    pytest.param("Die Bilder sind einfach großartig.", ["Die Bilder sind einfach großartig"], [],
                 id="modifier-before-praise-unchanged"),
]


# "einfach" before a plain word is the adverb "simply"; at the clause end it judges
ADVERB_FIRST = [
    pytest.param("Die beiden Brüder, die sich einfach „Los Hermanos“ nennen, drehen den Film.",
                 [], [], id="einfach-adverb"),
    pytest.param("Dem Plot zu folgen ist nicht immer einfach.", [],
                 ["Dem Plot zu folgen ist nicht immer einfach"], id="nicht-einfach-at-end"),
]


@pytest.mark.parametrize(("text", "want_pros", "want_cons"), ADVERB_FIRST)
def test_adverb_before_a_plain_word(text: str, want_pros: list[str],
                                    want_cons: list[str]) -> None:
    assert sides(text) == (want_pros, want_cons)


@pytest.mark.parametrize(("text", "want_pros", "want_cons"), MODIFIED_EXCESS)
def test_modifier_before_excess(text: str, want_pros: list[str], want_cons: list[str]) -> None:
    assert sides(text) == (want_pros, want_cons)


# a short lead-in before a colon announces the point; the point is what follows
ANNOUNCEMENTS = [
    pytest.param("Seltsam ist auch: Die Dialoge sind hölzern.", [],
                 ["Die Dialoge sind hölzern"], id="adjective-lead-in"),
    # a clause after the colon without a judgement of its own is the point the lead-in
    # judges, and so is each further item of a list there
    pytest.param("Großartig ist eines: die Musik von Hildur Guðnadóttir.",
                 ["die Musik von Hildur Guðnadóttir"], [], id="lead-in-judges-what-follows"),
    pytest.param("Besonders schön: das Zusammenspiel der beiden Hauptfiguren.",
                 ["das Zusammenspiel der beiden Hauptfiguren"], [], id="lead-in-without-verb"),
    pytest.param("Eher schwach: das Finale, die Nebenfiguren.", [],
                 ["das Finale", "die Nebenfiguren"], id="lead-in-list"),
    pytest.param("Die Kamera ist großartig: ruhige Bilder, klare Farben.",
                 ["Die Kamera ist großartig"], [], id="longer-clause-is-a-point"),
]


@pytest.mark.parametrize(("text", "want_pros", "want_cons"), ANNOUNCEMENTS)
def test_announcements_before_a_colon(text: str, want_pros: list[str],
                                      want_cons: list[str]) -> None:
    assert sides(text) == (want_pros, want_cons)


# a verb of lack before praise denies the praise; alone it is blame
LACK_VERBS = [
    pytest.param("Trotz großer Besetzung fehlen überzeugende Figuren.", [],
                 ["Trotz großer Besetzung fehlen überzeugende Figuren"], id="lack-before-praise"),
    pytest.param("Ich vermisse die starken Dialoge der ersten Staffel.", [],
                 ["Ich vermisse die starken Dialoge der ersten Staffel"], id="missed-praise"),
    pytest.param("Dem Film fehlt es an Spannung.", [], ["Dem Film fehlt es an Spannung"],
                 id="lack-alone"),
]


@pytest.mark.parametrize(("text", "want_pros", "want_cons"), LACK_VERBS)
def test_lack_verbs(text: str, want_pros: list[str], want_cons: list[str]) -> None:
    assert sides(text) == (want_pros, want_cons)


# intensifiers that also judge when they stand alone as the predicate
PREDICATE_INTENSIFIERS = [
    pytest.param("Die Leistung der jungen Hauptdarstellerin ist unglaublich.",
                 ["Die Leistung der jungen Hauptdarstellerin ist unglaublich"], [],
                 id="unglaublich-predicate"),
    pytest.param("In der dritten Folge passiert unglaublich viel.", [], [],
                 id="intensifier-before-intensifier"),
    pytest.param("Die Nebendarstellerin ist eine echte Überraschung.",
                 ["Die Nebendarstellerin ist eine echte Überraschung"], [], id="ueberraschung"),
    pytest.param("Die Kostüme sind bis ins kleinste Detail durchgeplant.",
                 ["Die Kostüme sind bis ins kleinste Detail durchgeplant"], [],
                 id="bis-ins-kleinste-detail"),
    pytest.param("Das Kammerspiel ist ruhig und sicher inszeniert.",
                 ["Das Kammerspiel ist ruhig und sicher inszeniert"], [], id="sicher-inszeniert"),
]


@pytest.mark.parametrize(("text", "want_pros", "want_cons"), PREDICATE_INTENSIFIERS)
def test_predicate_intensifiers_and_praise_idioms(text: str, want_pros: list[str],
                                                  want_cons: list[str]) -> None:
    assert sides(text) == (want_pros, want_cons)


# a separable verb whose particle closes the clause, with any words between
SEPARABLE_VERBS = [
    pytest.param("Nach dem Auftakt fällt die zweite Staffel merklich ab.", [],
                 ["Nach dem Auftakt fällt die zweite Staffel merklich ab"],
                 id="faellt-ab"),
    pytest.param("Gegen Ende hängt der Plot leider durch.", [],
                 ["Gegen Ende hängt der Plot leider durch"], id="haengt-durch"),
    pytest.param("Der Sog lässt über alle acht Folgen nicht nach.",
                 ["Der Sog lässt über alle acht Folgen nicht nach"], [], id="laesst-nicht-nach",
                 marks=FILTERED),
    pytest.param("Der Abspann läuft ab.", [], [], id="verb-not-listed"),
    pytest.param("Die Hauptfigur fällt vom Dach ab und zu.", [], [],
                 id="particle-not-at-clause-end"),
]


@pytest.mark.parametrize(("text", "want_pros", "want_cons"), SEPARABLE_VERBS)
def test_separable_verbs(text: str, want_pros: list[str], want_cons: list[str]) -> None:
    assert sides(text) == (want_pros, want_cons)


def test_separable_verbs_are_their_own_table() -> None:
    from reviewextract.lang.lexicon import get_lexicon

    lex = get_lexicon("de")
    assert lex.split_phrases[("fällt", "ab")].weight < 0
    assert not any("…" in key for key in lex.phrases)


# with a single evaluative sentence, the sentence read as the verdict still gives the points
VERDICT_ONLY_SENTENCE = [
    pytest.param("Die Serie lief 2021 im Fernsehen. Die Kamera ist großartig, die Musik ist "
                 "wunderbar, nur das Drehbuch wirkt manchmal hölzern.",
                 ["Die Kamera ist großartig", "die Musik ist wunderbar"],
                 ["das Drehbuch wirkt manchmal hölzern"], id="only-evaluative-sentence"),
    pytest.param("Die Serie lief 2021 im Fernsehen. Die Kamera ist großartig. Insgesamt ist "
                 "die Musik wunderbar, nur das Drehbuch wirkt manchmal hölzern.",
                 ["Die Kamera ist großartig"], [], id="points-elsewhere-verdict-sums-up"),
]


@pytest.mark.parametrize(("text", "want_pros", "want_cons"), VERDICT_ONLY_SENTENCE)
def test_points_of_the_only_evaluative_sentence(text: str, want_pros: list[str],
                                                want_cons: list[str]) -> None:
    assert sides(text) == (want_pros, want_cons)


# likened to a chore, an advert or a parody: blame, even where the noun alone is praise
LIKENED = [
    pytest.param("Die Rückblenden wirken wie Pflichtprogramm.", [],
                 ["Die Rückblenden wirken wie Pflichtprogramm"], id="wie-pflichtprogramm"),
    pytest.param("Für Fans ist die Staffel ein Pflichtprogramm.",
                 ["Für Fans ist die Staffel ein Pflichtprogramm"], [], id="pflichtprogramm-alone"),
    pytest.param("Die Landschaftsaufnahmen sehen aus wie ein Werbefilm.", [],
                 ["Die Landschaftsaufnahmen sehen aus wie ein Werbefilm"], id="wie-ein-werbefilm"),
    pytest.param("Die Bösewichte wirken wie eine Parodie.", [],
                 ["Die Bösewichte wirken wie eine Parodie"], id="wie-eine-parodie"),
]


@pytest.mark.parametrize(("text", "want_pros", "want_cons"), LIKENED)
def test_likened_to(text: str, want_pros: list[str], want_cons: list[str]) -> None:
    assert sides(text) == (want_pros, want_cons)


# an actor who carries the show; effort and wit named by a set phrase
CARRYING = [
    pytest.param("Die junge Hauptdarstellerin trägt den Film.",
                 ["Die junge Hauptdarstellerin trägt den Film"], [], id="traegt-den-film"),
    pytest.param("Getragen wird die Serie von ihrem Ensemble.",
                 ["Getragen wird die Serie von ihrem Ensemble"], [], id="getragen-wird"),
    pytest.param("Die Nebendarsteller geben sich Mühe.", ["Die Nebendarsteller geben sich Mühe"],
                 [], id="geben-sich-muehe"),
    pytest.param("Das Drehbuch ist straff und erzählt mit einem Augenzwinkern.",
                 ["Das Drehbuch ist straff und erzählt mit einem Augenzwinkern"], [],
                 id="straff-augenzwinkern"),
]


@pytest.mark.parametrize(("text", "want_pros", "want_cons"), CARRYING)
def test_carrying_and_set_phrases(text: str, want_pros: list[str],
                                  want_cons: list[str]) -> None:
    assert sides(text) == (want_pros, want_cons)


# colloquial "null" negates like "kein" ("null Spannung", "bringt … null voran")
NULL_NEGATES = [
    pytest.param("Der Exkurs bringt die Handlung null voran.", [],
                 ["Der Exkurs bringt die Handlung null voran"], id="null-voran"),
    pytest.param("Der Exkurs bringt die Handlung voran.",
                 ["Der Exkurs bringt die Handlung voran"], [], id="bringt-voran"),
    pytest.param("Die zweite Hälfte hat null Charme.", [],
                 ["Die zweite Hälfte hat null Charme"], id="null-noun"),
]


@pytest.mark.parametrize(("text", "want_pros", "want_cons"), NULL_NEGATES)
def test_null_negates(text: str, want_pros: list[str], want_cons: list[str]) -> None:
    assert sides(text) == (want_pros, want_cons)


# a relative clause is reported with the noun phrase it is about, unless that is a point itself
RELATIVE_CLAUSES = [
    pytest.param("Im Zentrum steht eine Mutter, die man so schnell nicht vergisst.",
                 ["eine Mutter, die man so schnell nicht vergisst"], [], id="head-added",
                 marks=FILTERED),
    pytest.param("Das Drehbuch stammt von einem Autor, dessen hölzerne Dialoge nerven.", [],
                 ["einem Autor, dessen hölzerne Dialoge nerven"], id="dessen"),
    pytest.param("Die Kamera ist großartig, die Musik ist kitschig.",
                 ["Die Kamera ist großartig"], ["die Musik ist kitschig"],
                 id="article-not-relative"),
    pytest.param("Die Bilder sind brillant, die man dort sieht.",
                 ["Die Bilder sind brillant"], [], id="head-clause-is-a-point"),
]


@pytest.mark.parametrize(("text", "want_pros", "want_cons"), RELATIVE_CLAUSES)
def test_relative_clauses_keep_their_head(text: str, want_pros: list[str],
                                          want_cons: list[str]) -> None:
    assert sides(text) == (want_pros, want_cons)


# a negator denies its verb, not a blame word inside a prepositional phrase after it; right
# after the negator a blame word is still denied ("nicht schlecht")
NEGATION_SCOPE = [
    pytest.param("Ich konnte nichts mit den platten Sprüchen anfangen.", [],
                 ["Ich konnte nichts mit den platten Sprüchen anfangen"], id="nichts-mit-pp",
                 marks=FILTERED),
    pytest.param("Der Film ist nicht schlecht.", ["Der Film ist nicht schlecht"], [],
                 id="nicht-schlecht"),
    pytest.param("Die Handlung ist nicht langweilig.", ["Die Handlung ist nicht langweilig"], [],
                 id="nicht-langweilig"),
    # "minder" lessens like "weniger"; "nicht minder" is "just as"
    pytest.param("Die Musik ist nicht minder gelungen.", ["Die Musik ist nicht minder gelungen"],
                 [], id="nicht-minder"),
    pytest.param("Die Musik ist minder gelungen.", [], ["Die Musik ist minder gelungen"],
                 id="minder"),
]


@pytest.mark.parametrize(("text", "want_pros", "want_cons"), NEGATION_SCOPE)
def test_negation_scope(text: str, want_pros: list[str], want_cons: list[str]) -> None:
    assert sides(text) == (want_pros, want_cons)
