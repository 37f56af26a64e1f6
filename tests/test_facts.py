"""Fact fields, table-driven by phenomenon. The sentences are written for these tests; none is
copied from the corpus. Each case names the phenomenon it covers."""

from __future__ import annotations

from typing import Any

import pytest

import reviewextract
from reviewextract.fields._common import words_before
from reviewextract.model import Review


def run(text: str) -> Review:
    return reviewextract.extract(text)


def case(id_: str, text: str, expected: Any) -> Any:
    return pytest.param(text, expected, id=id_)


EPISODES = [
    # episodes still to come, a run so far, a rough count: no count of the season's episodes
    case("episodes-to-come", "Es kommen noch 3 Folgen, aber die Serie ist schwach.", None),
    case("episodes-so-far", "Seit dreizehn Folgen ermittelt er im Norden. Die Serie ist gut.",
         None),
    case("episodes-rough", "Er spielte die Rolle in über 400 Folgen. Die Serie ist gut.", None),
    # a table's label cell and value cell
    case("table-cells", "Staffeln | 3 |\nFolgen | 39 |\nGenre | Krimi |\n\nDie Serie ist "
         "gut.", 39),
    case("vague-couple-is-not", "Man braucht ein, zwei Folgen, bis man drin ist. Die Staffel "
         "hat zehn Folgen.", 10),
    case("number-word", "Die neue Staffel hat dreizehn Episoden und ist spannend.", 13),
    # the episodes seen so far are no count of the season's
    case("seen-so-far-is-not", "Die Serie ist gut. Ansonsten stellt sich nach nun vier Folgen "
         "das Gefühl ein, dass sie zäh wird.", None),
    # a count of episodes times the minutes each lasts
    case("count-times-minutes", "Die Serie ist spannend.\n\n(6x ca. 50 Min./ab 16 J.)\n\n"
         "Fazit: gut gemacht.", 6),
    case("count-times-minutes-spaced", "Die Miniserie läuft 3 × 90 Minuten und ist stark.", 3),
    case("digits", "Alle 24 Folgen der Staffel sind auf vier Discs verteilt.", 24),
    case("teile", "Die Miniserie erzählt in acht Teilen von einem Bankraub.", 8),
    case("n-teilig", "Die sechsteilige Serie überzeugt mit starken Bildern.", 6),
    case("dreiteiler", "Der Dreiteiler lief im Winter im Fernsehen.", 3),
    case("infobox", "Krimiserie\nEpisoden: 12\nLaufzeit: 45 Min.\n\nSpannend.", 12),
    case("not-the-first-n", "In der Serie sind die ersten fünf Folgen stark, danach "
         "lässt sie nach.", None),
    case("film-has-none", "Der Film hat zwei Teile, die man am Stück sehen sollte. Regie "
         "führte Anna Muster.", None),
    case("describing-adjective", "Die Staffel umfasst acht einstündige Episoden.", 8),
    case("new-episodes", "Die Fortsetzung bringt zehn neue Folgen mit.", 10),
    case("part-adjective-is-not", "Die Serie hat zwei schwache Folgen, sonst ist sie gut.", None),
    # a count in a sentence about another season belongs to that season
    case("other-season-compared", "Die dritte Staffel von „Moorland“ enttäuscht. Wie die erste "
         "Staffel, deren zwölf Folgen alle sehenswert waren, ist sie nicht.", None),
    case("other-season-numbered", "Staffel 2 von „Moorland“ ist stärker. Staffel 1 hatte noch "
         "sechs Folgen. Die neue Staffel wirkt runder.", None),
    case("this-season-named-too", "Die dritte Staffel von „Moorland“ hat wie die zweite Staffel "
         "zehn Folgen.", 10),
    case("this-season-own-sentence", "Die dritte Staffel von „Moorland“ überzeugt. Die erste "
         "Staffel war schwächer. Die dritte Staffel hat acht Folgen.", 8),
]


@pytest.mark.parametrize(("text", "expected"), EPISODES)
def test_episodes(text: str, expected: int | None) -> None:
    assert run(text).episodes == expected


RUNTIME = [
    # hours in prose count after "knapp", a runtime label, "dauert" or "mit", not bare
    case("bare-hours-in-prose", "Zwei Stunden, die ich nie wieder zurückbekomme. Der Film ist "
         "zäh.", None),
    case("hours-for-a-world", "Er katapultiert einen für zwei Stunden in eine andere Welt.",
         None),
    case("hours-after-dauert", "Der Film dauert zwei Stunden und ist trotzdem kurzweilig.", 120),
    case("hours-after-label", "Laufzeit: 2 Stunden\n\nEin schöner Film.", 120),
    # a duration longer, a lead in time, a disc's extras: no runtime
    case("longer-is-no-runtime", "Andere Zombiefilme gehen noch eine Stunde länger. Dieser "
         "ist kurzweilig.", None),
    case("lead-is-no-runtime", "Der Zuschauer ist dem Kommissar um 15 Minuten voraus. Der "
         "Film ist spannend.", None),
    case("extras-are-no-runtime", "Die Blu-ray bietet satte fünf Stunden Extras. Der Film ist "
         "stark.", None),
    case("bonus-material-is-no-runtime", "Dazu gibt es 100 Minuten Bonusmaterial. Der Film ist "
         "stark.", None),
    # a vague word before an approximate duration, or time passing, is no runtime
    case("vague-before-approx", "Ich habe die DVD nach knapp einer Stunde ausgemacht. Der "
         "Film ist zäh.", None),
    case("time-passing", "Bis die Figuren eingeführt waren, waren schon 90 Minuten vorbei. "
         "Der Film ist zäh.", None),
    case("documentary-series-per-episode", "Die Dokuserie begleitet in vier Folgen à 45 "
         "Minuten die letzten Monate einer Zeche.", 45),
    # a label that names its version before the colon
    case("label-of-a-version", "Ein harter Film.\nLaufzeit der ungekürzten DVD: 122:17 Min.\n"
         "FSK 18", 122),
    # a series' info box giving the discs' total is no runtime of an episode
    case("series-discs-total", "Die Serie ist witzig und bleibt es.\nGenre: TV-Serie, Comedy\n"
         "Laufzeit: ca. 375 Min.\nFSK: ab 12 Jahren\n\nIn den zehn neuen Folgen gibt es viel "
         "zu lachen.", None),
    case("series-episode-in-info-box", "Die Serie ist witzig und bleibt es.\nGenre: TV-Serie\n"
         "Laufzeit: ca. 25 Min.\nFSK: ab 12 Jahren\n\nIn den zehn neuen Folgen gibt es viel "
         "zu lachen.", 25),
    # a moment in the film or a comparison is no runtime
    case("after-an-hour", "Nach einer Stunde hatte ich vom Film genug, die Kamera nervt.", None),
    case("an-hour-more", "Da hätte ich lieber noch eine Stunde mehr mit den Figuren verbracht.",
         None),
    case("first-half-hour", "Die erste halbe Stunde des Films ist noch ganz in Ordnung.", None),
    case("minutes-seconds-data-line", "TV-Drama D 2010, 88:03 - mit Anna Beispiel", 88),
    case("ca-minutes-episode", "Die Serie hat zehn Folgen à ca. 25 Minuten.", 25),
    case("rund-min-abbrev", "Der Film läuft rund 95 Min. und wird nie langweilig.", 95),
    case("knapp-zwei-stunden", "Mit knapp zwei Stunden ist der Film angenehm kurz.", 120),
    case("std-min", "Das Drama dauert 1 Std. 45 Min. und fordert Geduld.", 105),
    case("colon-hours", "Laufzeit: 1:47 h. Ein schöner Film.", 107),
    case("range-jeweils", "Die Serie hat acht Folgen, jeweils 40–50 Minuten lang.", 40),
    case("infobox-label", "Ein Film\nRegie: Hans Beispiel\nLaufzeit: 137 Min.\n\nGut.", 137),
    case("episodes-a-minutes", "Die acht Episoden à 50 Minuten vergehen wie im Flug.", 50),
    case("hour-long-episodes", "Die Staffel umfasst acht einstündige Episoden.", 60),
    case("each-episode-about", "Die Serie ist kurzweilig. Jede Episode dauert etwa 45 "
         "Minuten.", 45),
    case("zweieinhalb-stunden", "Der Film ist mit zweieinhalb Stunden zu lang.", 150),
    case("aside-not-runtime", "Der Film ist stark. Zehn Minuten lang passiert gar nichts, "
         "dann zieht er an.", None),
    case("total-of-a-series", "Die komplette Serie hat eine Gesamtlaufzeit von ca. 900 "
         "Minuten in fünf Staffeln.", None),
    # a year before a dash is no range's start; a label with its figure in the next cell, on
    # the next line or bullet (across a blank line); minutes and seconds before a minute unit
    case("year-dash-minutes", "Ein stiller Film.\nDeutschland 2023 – 91 min – Regie: Anna "
         "Beispiel\n", 91),
    case("label-cell", "Gattung: | Kurzfilm |\nRegie: | Anna Beispiel |\nLänge: | 9 Minuten |\n",
         9),
    case("label-bullet-above", "Ein Film\n- Buch\n- Anna Beispiel\n- Länge\n- 55 Minuten\n"
         "- Kinostart", 55),
    case("label-above-minutes-seconds", "Ein Film\nLaufzeit\n\n113:16 min. (FSK 16)\n", 113),
]


@pytest.mark.parametrize(("text", "expected"), RUNTIME)
def test_runtime(text: str, expected: int | None) -> None:
    assert run(text).runtime_minutes == expected


SEASON = [
    # a season still to come is not the one reviewed
    case("upcoming-season", "Die Serie ist großartig. Im Netz gibt es Spuren einer "
         "anstehenden zweiten Staffel.", None),
    # "in der dritten Staffel" opening a sentence is its topic; a number word after "Staffel"
    case("in-der-topic", "In der dritten Staffel wird alles besser.", 3),
    case("number-word", "Staffel drei ist die beste der Serie.", 3),
    case("separable-verb-is-not", "Ein Cliffhanger leitet die Staffel ein.", None),
    case("ordinal", "Die zweite Staffel von „Nordlicht“ ist besser als die erste.", 2),
    case("noun-number", "Staffel 3 von „Nordlicht“ bringt neue Figuren.", 3),
    case("season-english", "Die dritte Season von „Nordlicht“ ist ein Höhepunkt.", 3),
    case("ordinal-dot", "Die 4. Staffel von „Nordlicht“ enttäuscht.", 4),
    case("headline", "Nordlicht – Staffel 5\nDie Staffel ist gut.", 5),
    case("wish-is-not-season", "„Nordlicht“ hat mir gefallen. Eine zweite Staffel wäre "
         "schön.", None),
    case("since-is-not-season", "Ich liebe die Serie seit der ersten Staffel, aber die "
         "finale Staffel enttäuscht.", None),
    case("label", "Nordlicht\nStaffel: 2\nRegie: Hans Beispiel\n\nGut.", 2),
    case("zur-ordinal", "Ich muss mal was zur dritten Season von „Nordlicht“ sagen.", 3),
    case("first-compound", "Die Auftaktstaffel von „Nordlicht“ umfasst acht Folgen.", 1),
    case("topic-opening", "Mit der zweiten Staffel legt „Nordlicht“ noch einmal zu.", 2),
    case("compared-with-is-not", "Verglichen mit der ersten Staffel wirkt die Serie müde.",
         None),
    case("topic-opening-loses-to-stated", "Die dritte Staffel überzeugt. Mit der ersten Staffel "
         "kann sie nicht mithalten.", 3),
    # a range of seasons names no one season
    case("season-range-names-none", "Ich habe Staffel 1 bis 3 gesehen, die erste Staffel ist "
         "die beste.", None),
]


@pytest.mark.parametrize(("text", "expected"), SEASON)
def test_season(text: str, expected: int | None) -> None:
    assert run(text).season == expected


YEAR = [
    # a person's life dates or birth in brackets are no work's year; a series' run is
    case("life-dates-are-no-year", "Die Doku über Thor Heyerdahl (1914-2002) ist spannend.",
         None),
    case("life-dates-after-name", "Mit Danny Wilde (Tony Curtis, 1925-2010) als Millionär. "
         "Die Serie ist gut.", None),
    case("birth-is-no-year", "Joschka Fischer (* 1948) war Minister. Die Doku ist gut.", None),
    case("birth-geb-is-no-year", "Über Klaus Lemke (geb. 1940) und seine Filme. Die Doku "
         "ist gut.", None),
    case("series-run-is-a-year", "Die Serie „Borgen“ (2010-2013) ist großartig.", 2010),
    # a year of another kind of work, named by a compound; the end of a span
    case("album-compound-is-no-year", "Im Jahr 1970 veröffentlichte Rodriguez sein "
         "Debütalbum. Die Doku über ihn ist berührend.", None),
    case("novel-after-release-is-no-year", "Der 1998 erschienene Roman war ein Skandal, der "
         "Film ist es nicht.", None),
    case("article-compound-is-no-year", "In einem Vice-Artikel von 2015 wird er erwähnt. Die "
         "Doku ist gut.", None),
    case("until-month-is-no-year", "Die Folgen liefen bis Januar 1972 im ZDF. Die Serie ist "
         "gut.", None),
    # a release label with a channel or a country before its colon, and more date forms
    case("release-label-channel", "Finkes Fälle\nErstsendung (ARD): 27.03.1977\n\nEin "
         "schöner Krimi.", 1977),
    case("release-label-network-month", "Erstausstrahlung Fox: 07/2001\n\nEine schöne Serie.",
         2001),
    case("release-label-abbreviated-month", "Erstausstrahlung: 28. Sep. 2008\n\nEine schöne "
         "Serie.", 2008),
    # the maker before the verb, the year right after it
    case("made-by-year-after-verb", "John Ford drehte 1939 den maßgeblichen Western seiner "
         "Zeit. Er ist großartig.", 1939),
    # countries that are no more
    case("country-ussr", "UDSSR 1975 | OmU | 185 Min.\n\nEin schöner Film.", 1975),
    case("release-then-novel-later", "Der Film kam 2005 in die Kinos und wurde später ein "
         "Kultfilm, wie der Roman.", 2005),
    # a column of labels and values: the label alone on its line, the year on the next
    case("label-column-year", "Land\nDeutschland\nJahr\n1954\nFSK\nab 6\n\nEin schöner "
         "Film.", 1954),
    case("label-column-year-dash", "Produktionsjahr\n- 1975\n\nEin schöner Film.", 1975),
    # more country forms before a year
    case("country-code-at", "AT 2018\nRegie: Anna Berg\n\nEin schöner Film.", 2018),
    case("country-br-deutschland", "Roadmovie | BR Deutschland 1975 | 175 Minuten\n\nEin "
         "schöner Film.", 1975),
    # the year the work came about, a run's first year
    case("came-about", "Die Koproduktion entstand 1973 unter der Regie von Anna Berg. Ein "
         "schöner Film.", 1973),
    case("came-about-between", "Die Serie entstand in den USA zwischen 1956 und 1961. Eine "
         "schöne Serie.", 1956),
    # a label without its colon with the year closing the line; a country code and a year on a
    # line; a TV film's credit line of channel, year and minutes
    case("label-without-colon", "Ein stiller Film.\nREGIE Anna Muster\nLAUFZEIT 91 min\n"
         "JAHR 2014\n", 2014),
    case("label-word-in-prose-is-not", "Jahr 2014 war ein gutes Jahr für den Film.", None),
    case("country-code-line", "Ein stiller Film.\nO: Lashou shentan\nHK 1992\nR:\nAnna Muster\n",
         1992),
    case("channel-credit-line", "Ein stiller Krimi.\nRegie: Anna Muster\nZDF 2019, 88 Minuten\n",
         2019),
    # a year alone in an info line's cell (bars, middle dots, bullets); a capsule's genre line;
    # country and year after a semicolon; two years of prose set off by a bar are no cell line
    case("year-in-a-bar-cell", "Blind Dates | Tom Keller | GEO | 2013\n\nEin stiller und "
         "genauer Film über zwei Schwestern.", 2013),
    case("year-between-middle-dots", "Die Flut\n\nGB · 2007 · Laufzeit 185 Minuten\n\nEin "
         "stiller und genauer Film über zwei Schwestern.", 2007),
    case("year-in-a-bullet-cell", "Nordlicht\n\n  • USA, Großbritannien |\n  • 2009 |\n"
         "  • FSK 18 |\n\nEin stiller und genauer Film über zwei Schwestern.", 2009),
    case("genre-and-year-line", "Kurzkritik: Nordlicht\n\nDrama, 2019\n\nEin stiller und "
         "genauer Film über zwei Schwestern.", 2019),
    case("country-year-after-semicolon", "Der Film „Afrika“ von Tom Keller (B+R; Südafrika "
         "1986; 85 Minuten) ist stiller und genauer als erwartet.", 1986),
    case("years-in-prose-with-a-bar", "Wir sahen 2013 viele Filme, und 2014 | 2015 noch mehr "
         "davon im Kino.", None),
    # country and year after a bracket closing the maker's name; "seit" as an info line's cell
    case("country-year-after-bracket", "Der Nebel (Tom Keller) USA 1951\n\nEin spannender und "
         "kluger Film über zwei Männer.", 1951),
    # a comma between country and year, a dash before the country, a country's code
    case("country-comma-year", "Fakten:\nNordlicht\nBRD, 2003. Regie: Tom Keller\n\nEin "
         "spannender und kluger Film über zwei Männer.", 2003),
    case("countries-comma-year-in-a-cell", "EUROSPY: BRD/I, 1968 | Regie: Tom Keller\n\nEin "
         "spannender und kluger Film über zwei Agenten.", 1968),
    case("genre-dash-country-year", "Nordlicht\nDrama - USA 1984\n\nEin spannender und "
         "kluger Film über zwei Männer.", 1984),
    case("country-code-year", "Nordlicht\nDE 1950 | Regie: Tom Keller\n\nEin spannender "
         "und kluger Film über zwei Männer.", 1950),
    case("since-in-a-cell", "Nordlicht\nUSA | seit 2011 | ca. 43 Min. | FSK: ab 16\n\nEine "
         "spannende und kluge Serie über zwei Ermittler.", 2011),
    case("entry-maker-year", "Die 10 besten Filme:\n\n1. „Nordlicht“ – Tom Keller, 2003\n\n"
         "Ein kluger und packender Film über zwei Schwestern.", 2003),
    case("premiere-in-a-month", "Der Film feierte seine Premiere im Januar 1927 und wurde ein "
         "großer Erfolg bei der Kritik.", 1927),
    case("debut-in-the-year", "Nach dem Debüt im Jahre 2002 wurde die Serie schnell ein großer "
         "Erfolg bei der Kritik.", 2002),
    case("made-by-maker", "Mit dem Stummfilm „Nordlicht“ drehte Tom Keller 1921 sein erstes "
         "Meisterwerk, das bis heute wirkt.", 1921),
    case("release-noun", "Der Film hat seit seinem Erscheinen im Jahr 2001 viele Fans.", 2001),
    case("disc-release-is-not", "Im Februar 2013 erschien das Mediabook. Der Film ist stark.",
         None),
    case("since-bracket", "Nordlicht (seit 2014 | Netflix) ist eine kluge Krimiserie.", 2014),
    case("since-in-prose-is-not", "Seit 2014 schaue ich jeden Krimi. Der Film ist gut.", None),
    case("song-year-is-not", "Der Film beginnt mit dem Lied aus 1997 und bleibt ruhig.", None),
    case("made-year", "Was Anna Beispiel da 1968 inszeniert hat, ist bis heute unerreicht.", 1968),
    case("series-run", "Ich habe alles gesehen: sechs Staffeln, 121 Folgen, 2004 bis 2010.", 2004),
    case("aired-on", "Die zwölf Folgen wurden im Herbst 2020 zuerst bei Sky gezeigt.", 2020),
    case("bracket-with-kind", "Die Salzwiesen (ZDF-Zweiteiler, 2023) – eure Meinung zum Film?",
         2023),
    case("bracket-with-figures", "Katar – Gas und Spiele (94 min, 2022, arte) ist eine gute Doku.",
         2022),
    case("bracket-range", "Nordlicht (2006–2008) war eine kurze, aber gute Serie.", 2006),
    case("country-after-label", "Produktion: Deutschland 2021\nRegie: Anna Beispiel", 2021),
    case("country-after-sentence", "Nordlicht, Staffel 4. USA 2023. Zehn Episoden sind es.", 2023),
    case("streaming-date", "Seit dem 5. April 2019 ist die Reihe bei Netflix abrufbar.", 2019),
    case("aus", "Die erste Staffel aus 2017 überzeugt.", 2017),
    case("parenthesis", "„Nordlicht“ (2006) ist ein stiller Film.", 2006),
    case("in-die-kinos", "Der Film kam 2019 in die Kinos und war ein Erfolg.", 2019),
    case("participle-adjective", "Die 2019 gestartete Serie „Nordlicht“ ist ein Phänomen.", 2019),
    case("er-adjective", "Der 2023er Film hat viele Preise gewonnen.", 2023),
    case("decade-er-adjective-is-not", "Die beiden haben eine Fortsetzung ihrer flotten "
         "1990er-Serie geschrieben.", None),
    case("label", "Ein Film\nProduktionsjahr: 1999\nRegie: Hans Beispiel\n\nGut.", 1999),
    case("release-date-is-not", "Die Blu-ray (VÖ: 12.03.2021) ist gut gemacht.", None),
    # a full date: the year of a cinema start counts, a disc date or viewing day does not
    case("cinema-start-date", "Der Film startete am 20. Juli 2023 in den deutschen Kinos.",
         2023),
    case("cinema-start-numeric-date", "Der Film kam am 20.07.2023 in die Kinos.", 2023),
    case("label-with-date", "Ein Film\nKinostart: 20. Juli 2023\nRegie: Hans Beispiel\n\nGut.",
         2023),
    case("disc-date-is-not", "Die Blu-ray erschien am 3. März 2024 bei Capelight.", None),
    case("production-year-beside-cinema-start", "Nordlicht\n\nKINOSTART: 23.05.2013 • "
         "Dokumentarfilm • Deutschland (2012)\n\nEin stiller Film über zwei Schwestern.", 2012),
    case("viewing-date-is-not", "Ich habe den Film am 3. März 2024 im Kino gesehen.", None),
    case("plot-year-is-not", "Der Film spielt im Jahr 1984 in Ost-Berlin.", None),
    case("viewing-year-is-not", "Ich habe ihn 2005 zum ersten Mal gesehen.", None),
    case("book-year-is-not", "Die Vorlage ist ein Roman aus dem Jahr 2012; die Serie ist "
         "gelungen.", None),
    case("original-is-not", "Das Remake ist schwächer als das Original von 1975.", None),
    case("plural-release-verb", "Im Juli 2023 starteten zwei große Filme, dieser war der "
         "bessere.", 2023),
    case("country-year", "Ein Film\nUSA 2014 · 120 Min.\n\nGut.", 2014),
    case("square-bracket", "Kritik: Nordlicht [2019]\nNordlicht ist ein Justizdrama.", 2019),
    case("open-run-in-bracket", "NORDLICHT (F 2005 -)\nDie Krimiserie ist hart.", 2005),
    case("credits-country-year", "Nordlicht Deutschland 2013; Regie: Jonas Beispiel", 2013),
    case("running-since", "Die Serie läuft bereits seit 2005 und ist gut.", 2005),
    case("seit-in-prose-is-not", "Er ist seit 2005 verheiratet.", None),
    case("aus-dem-jahre", "Nordlicht aus dem Jahre 1929 ist ein starker Film.", 1929),
    case("im-jahre-is-plot-time", "Der Film spielt im Jahre 1929 in Berlin.", None),
    # a year right after another quoted name is that work's, once the review's title is known;
    # the reviewed work's own quoted year still counts
    case("other-quoted-work-in-brackets", "Kritik: Nordlicht\n\nNordlicht ist ein kluger "
         "Thriller. Wie schon „Die Brücke“ (2011) zeigte, kann das Genre viel.", None),
    case("other-quoted-work-aus-dem-jahr", "Kritik: Nordlicht\n\nNordlicht ist ein kluger "
         "Thriller, besser als »Die Brücke« aus dem Jahr 1999.", None),
    case("own-quoted-name-in-brackets", "Kritik: Nordlicht\n\n„Nordlicht“ (2011) ist ein "
         "kluger Thriller über zwei Schwestern.", 2011),
]


@pytest.mark.parametrize(("text", "expected"), YEAR)
def test_year(text: str, expected: int | None) -> None:
    assert run(text).year == expected


DIRECTORS = [
    # "Regie bei <Titel> führte X", a hyphenated "Regie-Debüt von X", "Regisseur und Ko-Autor X"
    case("regie-bei-title-fuehrte", "Die Regie bei Der Tod im roten Jaguar führte Harald Reinl, "
         "der Film ist gut.", ["Harald Reinl"]),
    case("regie-debut-hyphen", "Dieses Drama ist das Regie-Debüt von Greta Gerwig, in dem sie "
         "großes Kino macht.", ["Greta Gerwig"]),
    case("role-and-co-author", "Regisseur und Ko-Autor Lars Kraume geht es um mehr. Der Film "
         "ist gut.", ["Lars Kraume"]),
    # a role word names the person right after it, not a noun a few words on
    # a name ending in s takes an apostrophe in the genitive: "Madness Film" is no "Madnes"
    case("no-genitive-s-after-s", "Oscar Madness Film 128 (1 Nominierung): Dogtooth ist ein "
         "kluger Film.", []),
    case("genitive-apostrophe-after-s", "Johann Strauss’ Film ist ein kluger Film über "
         "zwei Brüder.", ["Johann Strauss"]),
    # a participle after an article is the work's adjective, not a maker's verb
    case("staged-participle-after-article", "Verlorene Illusionen ist eine prachtvoll "
         "inszenierte Satire über die Presse.", []),
    case("role-word-then-pronoun", "Eine Charakterstudie, in der der Regisseur sie auf eine "
         "Tour de Force durch viele Genres schickt.", []),
    case("role-word-then-preposition", "Sie musste mit dem Regisseur für die Rolle Sex haben, "
         "sagt sie heute.", []),
    # a quoted work "by" a person, and "mit „X“ legt Y ... vor"
    case("quoted-by", "„Der Nebelwald“ von Anna Beispiel aus dem Jahr 1990 ist ein Meisterwerk.",
         ["Anna Beispiel"]),
    case("presents-with", "Mit „Nebelwald“ legt Paul Muster einen ruhigen Film vor.",
         ["Paul Muster"]),
    case("name-presents-with", "Paul Muster lieferte mit „Nebelwald“ sein bestes Werk.",
         ["Paul Muster"]),
    # a name as the subject of "inszenieren", a role word before it left out
    case("subject-staged", "Anna Beispiel inszeniert diesen Film wie ein Kammerspiel.",
         ["Anna Beispiel"]),
    case("subject-staged-role", "Regisseurin Lena van Dyke inszeniert die beiden Zeitebenen mit "
         "der gleichen Ruhe.",
         ["Lena van Dyke"]),
    case("von-name-staged", "Die dritte Folge wurde von Paul Muster mit wackliger Kamera "
         "inszeniert.", ["Paul Muster"]),
    case("regie-trio", "Das Regie-Trio Anna Beispiel, Paul Muster und Lena van Dyke hat die "
         "Staffel gedreht.", ["Anna Beispiel", "Paul Muster", "Lena van Dyke"]),
    case("regie-without-colon", "Mit Eva Kern in der Hauptrolle, Regie Paul Muster, nach einem "
         "Roman.", ["Paul Muster"]),
    case("apostrophe-genitive", "Hans Weiss' Neuverfilmung ist kalt und schön.", ["Hans Weiss"]),
    case("question-word-not-a-name", "Was Paul Muster da 1968 inszeniert hat, ist bis heute "
         "unerreicht.", ["Paul Muster"]),
    case("writer-in-list-stops-it", "Regie führte Anna Beispiel und Drehbuchautor Paul Muster "
         "schrieb die Dialoge.", ["Anna Beispiel"]),
    case("credit-abbreviation", "Ein netter Film.\n\nD 2013, 110 Min., R: Paul Muster, "
         "D: Eva Kern, Tom Beck", ["Paul Muster"]),
    # a name with works in brackets is an actor's as often as a maker's: no director
    case("filmography-in-brackets", "Der erfahrene Paul Muster („Der Nebelwald“, „Nordlicht“) "
         "erzählt diesmal von einem Dorf.", []),
    case("name-then-regisseur", "Paul Muster, der Regisseur der Doku, ist selbst zu sehen.",
         ["Paul Muster"]),
    case("no-name-across-lines", "Kurzkritik\n\nPaul Muster lieferte mit „Nebelwald“ sein bestes "
         "Werk.", ["Paul Muster"]),
    case("garbage-run-is-no-name", "Ein Film von " + "Q" + "x" * 129 + " Mustermanns neuer Film "
         "ist gut.", []),
    # a novel "by" someone is the writer's, and a stated "Regie" outranks it
    case("novel-by-is-not-direction", "Regie: Anna Beispiel\nVorlage: „Der Fisch“ von Paul "
         "Muster", ["Anna Beispiel"]),
    case("regie-fuehrte", "Regie führte Anna Muster, die auch das Buch schrieb.",
         ["Anna Muster"]),
    case("regie-uebernahm", "Regie übernahm Paul Beispiel, der hier unbekannt ist.",
         ["Paul Beispiel"]),
    case("inszeniert-von", "Der Film wurde inszeniert von Lena van Dyke und wirkt ruhig.",
         ["Lena van Dyke"]),
    case("unter-der-regie", "Unter der Regie von Jan de Vries und Eva Klein entstand ein "
         "Drama.", ["Jan de Vries", "Eva Klein"]),
    case("genitive", "Maria Beispiels neuer Film ist eine Wucht.", ["Maria Beispiel"]),
    case("infobox-list", "Ein Film\nRegie: Tom Eins, Tina Zwei\nJahr: 2020\n\nGut.",
         ["Tom Eins", "Tina Zwei"]),
    case("regisseurin", "Regisseurin Karla Stern erzählt das ruhig.", ["Karla Stern"]),
    case("words-between", "Die Regie übernahm in den ersten Folgen Ida Nord, danach "
         "wechselte es.", ["Ida Nord"]),
    case("actors-are-not", "Darsteller Max Mustermann spielt stark, die Musik von Otto "
         "Klang ist gut.", []),
    case("writer-is-not", "Das Drehbuch schrieb Anna Muster, der Showrunner ist Paul "
         "Beispiel.", []),
    case("regie-for-all-episodes", "Regie bei allen Folgen führte Lea Sand.", ["Lea Sand"]),
    case("film-by", "Der neue Film von Ida Nordmann ist ein stiller Sommerfilm.",
         ["Ida Nordmann"]),
    case("debut-by-role", "Das Spielfilmdebüt von Regisseurin Lea Sand berührt.", ["Lea Sand"]),
    case("film-from-year-is-not", "Den Film von 1981 muss man niemandem vorstellen.", []),
    case("novel-by-is-not", "Nach dem Roman von Hans Feder entstand ein guter Film.", []),
    # the name before "führt Regie"; "die Regie von X"; a label after a sentence end
    case("name-leads-regie", "Jan Brandt führt Regie, Pia Sommer spielt die Hauptrolle.",
         ["Jan Brandt"]),
    case("pair-leads-regie", "Jan Brandt und Tom Keller führten gemeinsam die Regie.",
         ["Jan Brandt", "Tom Keller"]),
    case("regie-von", "Die Regie von Jan Brandt ist präzise.", ["Jan Brandt"]),
    case("label-after-sentence", "In der Hauptrolle: Pia Sommer. Regie: Jan Brandt.",
         ["Jan Brandt"]),
    case("regie-zeichnet", "Für die Regie zeichnet Pia Sommer verantwortlich.", ["Pia Sommer"]),
    case("behind-camera", "Hinter der Kamera stand diesmal Jan Brandt.", ["Jan Brandt"]),
    case("staged-has", "Inszeniert hat das Ganze Pia Sommer, und zwar mit Gespür.",
         ["Pia Sommer"]),
    case("own-work", "Mit seinem neuen Film legt Jan Brandt ein starkes Drama vor.",
         ["Jan Brandt"]),
    case("genitive-regie", "Jan Brandts Regie ist präzise.", ["Jan Brandt"]),
    # descriptors before the name are no part of it; short hyphenated syllables are
    case("role-word-before", "Oscar-Preisträger Jan Brandt führt Regie.", ["Jan Brandt"]),
    case("adjective-before", "Regie führte der Krimi-erfahrene Tom Keller.", ["Tom Keller"]),
    case("hyphenated-given-name", "Regie führte Bong Joon-ho.", ["Bong Joon-ho"]),
    case("marked-regie", "Die Hauptrolle spielt Pia Sommer, Jan Brandt (Regie) hält sich "
         "zurück.", ["Jan Brandt"]),
    case("regiedebuet", "Tom Keller gibt mit „Nebel“ sein Regiedebüt.", ["Tom Keller"]),
    case("prize-winner-before", "Oscar-Gewinner Jan Brandt führt Regie.", ["Jan Brandt"]),
    # the role word in the genitive; a maker's genitive before a kind of film
    case("role-genitive", "Ich sah „Nebel“ des Regisseurs Tom Keller im Kino.", ["Tom Keller"]),
    case("genitive-study", "Pia Sommers Charakterstudie über einen Bauern berührt.",
         ["Pia Sommer"]),
    case("stop-word-surname", "Mit: Pia Sommer, Jan Brandt | Regie: Franziska Buch\nEin Krimi.",
         ["Franziska Buch"]),
    case("stop-word-in-genitive-is-not", "Der Einstieg des Star Trek Autors hat der Serie nicht "
         "gut getan.", []),
    case("abbreviation-before-name", "Die ersten Folgen hat wie bei GoT Tom Keller inszeniert.",
         ["Tom Keller"]),
    case("director-of-earlier-work", "Die erste Staffel (Regie damals Tom Keller) war besser. "
         "Regie führte diesmal Pia Sommer.", ["Pia Sommer"]),
    case("creator-of-a-series-is-not", "Tom Kellers bahnbrechende Politserie läuft wieder.",
         []),
    case("label-after-dash", "Deutschland 2023 – 91 min – Regie: Pia Sommer\nEin Drama.",
         ["Pia Sommer"]),
    case("source-author-is-not", "Der Film basiert auf Pia Sommers „Nebel“ und ist gut.", []),
    case("article-is-no-particle", "Auf dem Cover der Hinweis „FSK 16“ prangt groß.", []),
    case("comedy-by-and-with", "Eine romantische Komödie von und mit Tom Keller.",
         ["Tom Keller"]),
    case("second-genitive-is-another-work", "Pia Sommers Komödie ist klüger als Tom Kellers "
         "Drama vom letzten Jahr.", ["Pia Sommer"]),
    case("genitive-camera-work-is-not", "Tom Kellers Kameraarbeit ist großartig.", []),
    # a sentence end inside the matched group: the names start after it
    case("after-sentence-end", "Die Musik ist gut, die Hauptfigur eine gute Figur. Tom Keller, "
         "der wieder mehrere Folgen inszeniert hat, holt viel raus.", ["Tom Keller"]),
    # a filmography in brackets names no director, nor in a sentence naming another credit
    case("filmography", "Der erfahrene Tom Keller („Nebelwald“, „Hafenwache“) liefert einen "
         "guten Krimi.", []),
    case("filmography-of-writers", "Das Drehbuch schrieb das Duo Eva Muster und Paul Beispiel "
         "(„Nebelwald“).", []),
    # a data line's label after the year or a comma; a genitive before more kinds of work and
    # with initials; role compounds before the name
    case("label-after-year", "Frankreich 2014 Regie: Eva Muster & Paul Beispiel\nDer Film ist "
         "stark.", ["Eva Muster", "Paul Beispiel"]),
    case("label-after-comma", "USA 2019, Regie: Jane Beispiel\nDer Film ist stark.",
         ["Jane Beispiel"]),
    case("genitive-meilenstein", "Tom Kellers Meilenstein des Horrorkinos erscheint auf Blu-ray.",
         ["Tom Keller"]),
    case("genitive-remake", "Eva Musters Remake der spanischen Komödie hat Tempo.",
         ["Eva Muster"]),
    case("genitive-initials", "Der erste Stummfilm der Liste ist F. W. Kellers „Nebel“.",
         ["F. W. Keller"]),
    case("role-compound", "Die klare Struktur gab Regieneuling Luis Beispiel seinem Film.",
         ["Luis Beispiel"]),
    case("role-compound-profi", "Regieprofi Tom Keller liefert keine gute Arbeit ab.",
         ["Tom Keller"]),
    # a genitive and the work noun it governs stand on one line: a heading ending in s over a
    # genre line is no maker's genitive
    case("genitive-across-lines-is-not", "Broken Wings\n\nDrama\n\nEin stiller, genauer Film "
         "über zwei Schwestern.", []),
    # a relative clause that ends in "Regie führte", a bracket of roles with the direction
    # among them, a TV film in parts "by" its makers
    case("relative-regie-fuehrte", "Die Serie stammt von Clea Beispiel, die bei den ersten "
         "Folgen auch selbst Regie führte.", ["Clea Beispiel"]),
    case("roles-bracket", "Mit dabei ist Tom Keller (Buch und Regie), der den Stoff gut kennt.",
         ["Tom Keller"]),
    # (a "Regie:" label inside the bracket names its director, not the name before it)
    case("roles-bracket-label-names-another-is-not", "Die Hauptrolle spielt Tom Keller (Regie: "
         "Eva Muster), und das gut.", ["Eva Muster"]),
    case("dreiteiler-von", "Der Dreiteiler von Eva Muster und Paul Beispiel ist spannend.",
         ["Eva Muster", "Paul Beispiel"]),
    # only adjectives stand between a maker's genitive and the work noun: a name ending in s
    # before a preposition is no genitive
    case("genitive-before-preposition-is-not", "Die Hauptfigur Julius in seinem Film ist ein "
         "stiller Mann.", []),
    case("genitive-two-adjectives", "Pia Sommers zweiter abendfüllender Film ist ein Ereignis.",
         ["Pia Sommer"]),
    # a lone first name before "und" and a full name shares its surname; a sibling word
    # before the names is no part of them
    case("shared-surname", "Regie: Ethan und Joel Beispiel\nDer Film ist stark.",
         ["Ethan Beispiel", "Joel Beispiel"]),
    case("shared-surname-siblings", "Die Regie führten die Brüder Anthony und Joe Muster.",
         ["Anthony Muster", "Joe Muster"]),
    case("shared-surname-in-a-list", "Regie: Tom Keller, Anna und Paul Beispiel\nStark.",
         ["Tom Keller", "Anna Beispiel", "Paul Beispiel"]),
    case("two-full-names-share-nothing", "Regie: Tom Keller und Anna Beispiel\nStark.",
         ["Tom Keller", "Anna Beispiel"]),
    # a run of blanks sets off a table's next cell; two blanks are still one name
    case("name-ends-at-cell-gap", "Das Salz\nRegie: Tom Keller   Wunschfilm der Woche\nEin "
         "großer Film.", ["Tom Keller"]),
    case("name-with-double-blank", "Regie:  Tom  Keller\nEin großer Film.", ["Tom Keller"]),
    case("genitive-over-line-end-is-not", "Nordlicht Pictures\nTV-Kritik\n\nDer "
         "Dokumentarfilm ist klug gebaut.", []),
    # a label line at the very end of the text (its genitive check once raised IndexError)
    case("label-at-text-end", "Ein ruhiger Film.\n\nRegie: Tom Keller\n", ["Tom Keller"]),
    # one label for several credits of one person
    case("label-of-two-credits", "Ein ruhiger Film.\n\nRegie und Buch: Tom Keller\nKamera: "
         "Anna Beispiel\n", ["Tom Keller"]),
    case("label-of-three-credits", "Ein ruhiger Film.\n\nDrehbuch, Kamera und Regie: Tom "
         "Keller\n\nSchnitt: Anna Beispiel\n", ["Tom Keller"]),
    case("label-gendered", "Der Nebel\nRegisseur/in: Tom Keller\nEine Frau flieht.",
         ["Tom Keller"]),
    case("camera-label-is-not", "Ein ruhiger Film.\n\nKamera und Schnitt: Tom Keller\n", []),
    # several info boxes ("Regie: X" per work): the page's first work
    case("first-of-several-labels", "Der Nebel\nRegie: Tom Keller\nEin Drama.\n\nDas Eis\n"
         "Regie: Anna Beispiel\nEine Komödie.", ["Tom Keller"]),
    case("role-with-second-role", "Was Regisseur/Drehbuchautor Tom Keller aus der Idee "
         "macht, überzeugt.", ["Tom Keller"]),
    # a role word set off by commas, a table's label cell, a director's "Regiearbeit"
    case("role-then-comma", "Eine bedrückende Doku über einen Prozess. Die Regisseurin, Tom "
         "Keller, war an allen Tagen dabei.", ["Tom Keller"]),
    case("role-then-comma-clause-is-not", "Der Regisseur, der den Film drehte, ist klug und der "
         "Film ist gut.", []),
    case("label-cell", "| Genre |   | Drama | | Regie |      | Tom Keller ...  |  | Buch |    "
         "  | Anna Beispiel ... |\n\nEin starker und kluger Film.", ["Tom Keller"]),
    case("regiearbeit-von", "Die zweite Regiearbeit von Tom Keller ist ein kluger und witziger "
         "Film.", ["Tom Keller"]),
    # a table's label on its own line, the name on the next
    case("label-above-name", "Ein düsterer Film über Korruption und Angst.\n\nRegie\nTom "
         "Keller\nBesetzung\nAnna Beispiel\n", ["Tom Keller"]),
    case("label-above-prose-is-not", "Regie\nDie Regie ist schwach, der Film zäh und "
         "langweilig.", []),
    # a list entry of a quoted title, its maker and its year
    case("entry-maker-year", "Die 10 besten Filme:\n\n1. „Nordlicht“ – Tom Keller, 2003\n\n"
         "Ein kluger und packender Film über zwei Schwestern.", ["Tom Keller"]),
    # initials written together
    case("joined-initials", "Ein stiller Film.\n\nRegie: T.K. Beispiel\n", ["T.K. Beispiel"]),
    case("joined-initials-genitive", "Der schönste Stummfilm ist T.K. Beispiels „Nebel“.",
         ["T.K. Beispiel"]),
    case("genitive-single-quote", "Tom Zavadis‘ aktueller Kinofilm ist laut.",
         ["Tom Zavadis"]),
    # a kind of film in a compound or a genre word, "by" a person
    case("compound-kind-by", "Der Horrorfilm von Tom Keller ist laut.", ["Tom Keller"]),
    case("genre-word-by", "Nebelland: Monumentales Epos von Tom Keller\n\nEin Schmied zieht "
         "los.", ["Tom Keller"]),
    case("western-by-shared-surname", "Ein US-Western von Ethan und Joel Beispiel. Mit viel "
         "Witz.", ["Ethan Beispiel", "Joel Beispiel"]),
    case("favourite-film-is-not", "Der Lieblingsfilm von Tom Keller ist laut.", []),
    # a weak compound reading further on does not hide the maker's genitive before it
    case("first-weak-reading", "Tom Kellers Film „Nebel“ rührt.\n\nAuch gut: Episodenfilm "
         "von Anna Beispiel", ["Tom Keller"]),
    # a word of an honour or a talent before a name is no part of it
    case("honour-before-name", "Der neue Film von Oscargewinner Tom Keller ist laut.",
         ["Tom Keller"]),
    case("talent-before-name", "Der Film von Alleskönner Tom Keller ist klug.",
         ["Tom Keller"]),
    # a table's label above the name with a blank line or a list bullet between, a label
    # with the name in the next cell, an English label, "R:" at a line's start
    case("label-above-blank-line", "Ein düsterer Film über Korruption und Angst.\n\nRegie\n\n"
         "Tom Keller\n\nDarsteller\n\nAnna Beispiel\n", ["Tom Keller"]),
    case("label-above-bullet", "Ein düsterer Film über Korruption und Angst.\nBesetzung und "
         "Crew\nRegisseur\n- Tom Keller\nProduzent\n- Anna Beispiel\n", ["Tom Keller"]),
    case("label-then-cell", "Ein düsterer Film über Korruption und Angst.\nGattung: | Kurzfilm "
         "|\nRegie: | Tom Keller |\nLänge: | 9 Minuten |", ["Tom Keller"]),
    case("label-english", "Ein düsterer Film über Korruption und Angst.\ndirector:  Tom "
         "Keller\nscript:  Anna Beispiel\n", ["Tom Keller"]),
    case("credit-r-line-start", "„Nebel“, D 2006, 80 Min.,\n\nR: Tom Keller, D: Anna "
         "Beispiel\n\nEin düsterer Film über Korruption und Angst.", ["Tom Keller"]),
    # a data line "Von X. Mit Y"; a film "vom" X; two roles joined by "und"
    case("von-name-period-mit", "INFO: D 2018. 116 Min. Von Tom Keller. Mit Anna Beispiel, Paul "
         "Muster\n\nEin düsterer Film über Korruption und Angst.", ["Tom Keller"]),
    case("film-vom", "Der Film vom Tom Keller ist eine gelungene Satire.", ["Tom Keller"]),
    case("role-und-role", "Regisseur und Autor Tom Keller begeht nicht den Fehler, alles zu "
         "erklären.", ["Tom Keller"]),
    # a film's data in brackets: maker, country, year; of a listing's several, the first
    case("bracket-maker-country-year", "Der Nebel (Tom Keller, USA 1995)\nMan versteht, "
         "warum dieser Film so ruhig erzählt ist.", ["Tom Keller"]),
    case("bracket-maker-listing", "Der Nebel (Tom Keller) USA 1951\n\nEin starker Film.\n\n"
         "Das Eis (Anna Beispiel) USA 1990\n\nEin schwacher Film.", ["Tom Keller"]),
    # a work its maker calls hers or his; a person who "has a film about" something
    case("name-own-documentary", "Feld und Wiese: Anna Beispiel bringt in ihrem "
         "Dokumentarfilm Jäger und Förster zusammen.", ["Anna Beispiel"]),
    case("name-own-debut-inverted", "Behutsam erzählt Anna Beispiel in ihrem Spielfilmdebüt "
         "von einer Schülerin.", ["Anna Beispiel"]),
    case("actor-own-film-is-not", "Tom Keller glänzt in seinem neuen Film als Pilot.", []),
    case("name-has-film-about", "Tom Keller hat einen schönen Film über die USA gedreht.",
         ["Tom Keller"]),
    # a label after a list bullet or a closing bracket; a data line in cells (maker, country,
    # year; not a genre); a film "realised" or "shot" by a person a few words later
    case("label-after-bullet", "Informationen\n- Deutschland 2005\n- Regisseur/in: Anna "
         "Beispiel\n- Darsteller/innen: Kinder\n\nEin starker Film.", ["Anna Beispiel"]),
    case("label-after-bracket", "Frankreich 2019 (Les Vétos) Regie: Anna Beispiel, mit Tom "
         "Keller\n\nEin starker Film.", ["Anna Beispiel"]),
    case("maker-in-cells", "NORDLICHT  |  Tom Keller  | GEO |  2013\n\nEin starker Film.",
         ["Tom Keller"]),
    case("genre-in-cells-is-not", "Nordlicht | Drama | USA | 2013\n\nEin starker Film.", []),
    # once the review's title is known, a weak cue binding a name to another quoted work names
    # that work's maker; the reviewed work's own maker still counts
    case("genitive-of-another-quoted-work", "Kritik: Nordlicht\n\nNordlicht ist ein starker "
         "Film. Er erinnert an Martin Scorseses „Casino“.", []),
    case("quoted-by-another-work", "Kritik: Nordlicht\n\nNordlicht ist ein starker Film, "
         "fast so gut wie „Amarcord“ von Tom Keller.", []),
    case("genitive-of-the-reviewed-work", "Kritik: Casino\n\nMartin Scorseses „Casino“ ist "
         "ein starkes Epos.", ["Martin Scorsese"]),
    case("von-name-realised", "Der Spielfilm „Nordlicht“, der von Anna Beispiel mit wenigen "
         "Mitteln realisiert wurde, ist stark.", ["Anna Beispiel"]),
    # the film in the genitive before "von"; role compounds of "Regie" and "-filmer"
    case("film-genitive-von", "Der Rest des Filmes von Tom Keller ist gut gemachte "
         "Unterhaltung.", ["Tom Keller"]),
    case("role-regielegende", "Mit NORDLICHT wagt sich Regielegende Anna Beispiel ans "
         "Kriegsdrama.", ["Anna Beispiel"]),
    case("role-autorenfilmer", "Der Thriller mit aktuellen Bezügen von Autorenfilmer Tom "
         "Keller („Eis“) erscheint neu.", ["Tom Keller"]),
    # a surname ending in "s" before a work noun keeps it when the review writes it so alone
    case("genitive-s-is-the-name", "Tom Kellers Film über den Maler\nTom Kellers erzählt "
         "mit viel Ruhe vom Leben eines Malers.", ["Tom Kellers"]),
    # a filmography quoted with “ as the opening mark names nobody either
    case("filmography-curly-quotes", "Tom Keller (“Das Eis“, “Der Nebel“) schuf mit dieser "
         "Serie sein zugänglichstes Werk.", []),
    case("genitive-s-before-hyphenated-noun", "Damals lief Tom Kellers seinerzeit "
         "bahnbrechender Science-Fiction-Film an. Fazit: Tom Kellers Stummfilmklassiker ist "
         "schön.", ["Tom Keller"]),
    case("genitive-s-before-a-noun-elsewhere", "Tom Kellers ZDF-Fünfteiler ist stark. Tom "
         "Kellers Regie ist souverän und Kellers Inszenierung klug.", ["Tom Keller"]),
    case("genitive-s-stays-an-ending", "Tom Kellers Film über den Maler ist ruhig. Kellers "
         "Film ist gut.", ["Tom Keller"]),
    case("genitive-s-beside-the-bare-name", "Tom Keller lässt es diesmal komischer angehen. "
         "In Tom Kellers Komödie geht es um ein Restaurant. Aber eigentlich geht es in Tom "
         "Kellers weniger ums Essen.", ["Tom Keller"]),
    # a "Regie:" label inside a bracket, after a slash or a data line's middle dot
    case("label-in-brackets", "Im Thriller „Nordlicht“ (Regie: Anna Beispiel) erfährt man, "
         "warum der Kommissar keine Freunde hat.", ["Anna Beispiel"]),
    case("label-after-slash", "Ein Polizist ermittelt (Buch: Tom Keller/Regie: Anna Beispiel). "
         "Das ist spannend.", ["Anna Beispiel"]),
    case("label-after-middle-dot", "Laufzeit: 64 Min. · FSK: 0 · Familie · Regie: Anna "
         "Beispiel, Tom Keller · Mit: Ida Born", ["Anna Beispiel", "Tom Keller"]),
    case("label-shared-in-brackets", "„Nordlicht“ (Buch & Regie: Tom Keller, Montag, 20:15 Uhr, "
         "ZDF) ist ein Krimi.", ["Tom Keller"]),
    # the role with a second one in the dative ("dem Regisseur und Produzenten X")
    case("role-and-producer-dative", "Nach langen Jahren gelang es dem Regisseur und "
         "Produzenten Tom Keller doch, den Film fertigzustellen.", ["Tom Keller"]),
]


@pytest.mark.parametrize(("text", "title", "directors"), [
    # the review's own title, then "von" and a name: its maker
    ("Nordlicht\n\nNORDLICHT von Anna Beispiel :: ab 16. Juli im Kino\n\nWas wie ein Krimi "
     "beginnt, wird ein Film über Einsamkeit. „Nordlicht“ ist stark.", "Nordlicht",
     ["Anna Beispiel"]),
    ("Nordlicht\n\nNordlicht (2003) von Anna Beispiel ist ein stiller Film über einen "
     "Leuchtturm. Nordlicht lohnt sich.", "Nordlicht", ["Anna Beispiel"]),
    # another work "von" someone names that work's maker
    ("Nordlicht\n\nNordlicht erinnert an Glutsommer von Anna Beispiel, ist aber ruhiger. "
     "Nordlicht lohnt sich.", "Nordlicht", []),
])
def test_the_title_then_von_names_the_maker(text: str, title: str,
                                              directors: list[str]) -> None:
    r = reviewextract.extract(text)
    assert r.title == title
    assert r.directors == directors


@pytest.mark.parametrize(("text", "expected"), DIRECTORS)
def test_directors(text: str, expected: list[str]) -> None:
    assert run(text).directors == expected


RATING = [
    # the scores of a disc's parts (picture, sound, extras) and a count are no rating of the work
    case("disc-part-scores", "Film: 8/10\nBild: 10/10\nTon: 8,5/10\n\nDer Film ist gut.",
         (8.0, 10.0)),
    case("disc-part-scores-table", "| Film | 5 von 6 Punkten |\n| Bildqualität | 5 von 6 Punkten "
         "|\n| Bonusmaterial | 4 von 6 Punkten |\n\nDer Film ist gut.", (5.0, 6.0)),
    case("disc-part-label-above", "Film\n\n(5/6)\n\nBild\n\n(3/6)\n\nExtras\n\n(4.5/6)\n\n"
         "Der Film ist gut.", (5.0, 6.0)),
    case("count-is-no-rating", "Anbieter Warner\nDiscs / Folgen 2 / 10\n\nDie Serie ist gut.",
         None),
    # a score under a section of a disc's part; an average of many
    case("score-in-picture-section", "Bild:\n\nDie Schärfe ist im guten Mittel.\n\nBewertung: "
         "4 von 5.\n\nTon:\n\nDolby Digital.", None),
    case("score-in-verdict-section", "Fazit:\n\nDer Film ist gut.\n\nBewertung: 4 von 5.",
         (4.0, 5.0)),
    case("overall-score-after-sound-section", "Ton:\n\nDolby Digital 5.1, kräftig.\n\n"
         "Gesamtwertung: 8/10", (8.0, 10.0)),
    case("average-of-many", "Eilís (7 Bewertungen, ∅ 3.9 Sterne)\nDer Film ist gut.", None),
    # a score line with a full stop, a site's unit of two words, "von möglichen 10"
    case("score-line-full-stop", "Die Bilder sind legendär.\n9 von 10.", (9.0, 10.0)),
    case("given-two-word-unit", "Dafür gibt es von mir 10 von 10 angsterfüllten Schreien!",
         (10.0, 10.0)),
    case("of-possible-units", "Ich gebe dem Film 7 von möglichen 10 Punkten.", (7.0, 10.0)),
    case("episode-count-is-no-score-line", "Die Serie ist gut.\n8 von 10 Folgen.", None),
    case("half-star-without-scale", "Ein schöner Film. ★★★½", (3.5, 5)),
    case("half-star-spaced", "Ein schöner Film. ★★ ½", (2.5, 5)),
    case("content-score-of-several", "Ein starker Krimi.\n\nInhalt: 5 von 6 | Bild: 5 von 6 | "
         "Ton: 6 von 6 | Extras: 2 von 6", (5, 6)),
    # a score the reviewer gives, without a unit, where the clause ends
    case("ich-gebe", "Der Film ist gut. Ich gebe 8 von 10.", (8, 10)),
    case("von-mir-gibt-es", "Der Film ist gut. Von mir gibt es 4 von 5.", (4, 5)),
    case("count-is-no-score", "Es gibt 3 von 5 Staffeln auf DVD.", None),
    # a score given by a rating site or the audience is not the reviewer's
    case("imdb-is-not", "Die IMDb-Publikumswertung fällt mit 6,0/10 bescheiden aus. Mir hat "
         "der Film gefallen.", None),
    case("own-after-imdb", "Bei IMDb steht er bei 6/10. Ich gebe 8/10.", (8, 10)),
    case("von-sternen", "Ein schöner Film. 4 von 5 Sternen.", (4, 5)),
    case("slash", "Ein schöner Film. Meine Note: 8/10", (8, 10)),
    case("decimal-comma", "Spannend, aber zu lang. 7,5 von 10 Punkten.", (7.5, 10)),
    case("glyphs", "Ein toller Film mit einer starken Hauptdarstellerin! ★★★☆☆", (3, 5)),
    case("glyphs-short", "Toller Film! ★★★☆☆", (3, 5)),
    case("label", "Ein Film\nWertung: 6/10\nRegie: Hans Beispiel\n\nGut.", (6, 10)),
    case("slash-before-period", "Ein leerer Film. 2/5.", (2, 5)),
    case("aspect-ratio-is-not", "Das Bild ist im 4:3 Format.", None),
    case("date-is-not", "Erschienen am 12/03/2021 auf Blu-ray.", None),
    case("above-scale-dropped", "Ein Film für die Ewigkeit: 11 von 10 Punkten!", None),
    case("labelled-percent", "Ein starker Film. Unsere Wertung: 85 %", (85.0, 100.0)),
    # numbers in words, and a star glyph as the unit
    case("number-words", "Ein schöner Film über zwei Schwestern. Wir gaben zwei von zehn "
         "Punkten.", (2, 10)),
    case("given-in-words", "Ein schöner Film über zwei Schwestern. Ich gebe drei von fünf.",
         (3, 5)),
    case("star-glyph-unit", "Ein schöner Film über zwei Schwestern.\n\nKritik: 4 von 5 ★\n",
         (4, 5)),
    case("words-count-is-not", "Es gibt drei von fünf Staffeln auf DVD, schön gemacht.", None),
    case("unlabelled-percent-is-not", "Nur 12 % der Zuschauer hielten durch.", None),
    # a labelled score may have any scale and a » after its label; one star and a half is a
    # score, two stars alone may be ornament; a score given or on its own line may name a unit
    # of the site's own, in one or two words (but no episodes)
    case("labelled-odd-scale", "Ein schöner Film.\nBEWERTUNG » 8 / 9\nLABEL » Universal", (8, 9)),
    case("labelled-above-scale-is-not", "Ein schöner Film.\nBewertung: 8 / 2\n", None),
    case("one-star-and-a-half", "Nordlicht ★½\n\nEs gibt Filme, die man gesehen haben muss.",
         (1.5, 5)),
    case("two-stars-alone-are-not", "Nordlicht ★★\n\nEs gibt Filme, die man sehen muss.", None),
    case("given-with-own-unit", "Der Film ist gut. Von mir gibt es 7 von 10 Zauberschwertern.",
         (7, 10)),
    case("given-episodes-are-not", "Der Film ist gut. Ich gebe 3 von 10 Folgen.", None),
    case("star-scale-range-is-not", "Franks Bewertung des Films\n(0-5 Sterne für den Film)\n\n"
         "Ein stiller Film.", None),
    case("star-scale-end-is-not", "Die Wertungen werden auf die Skala von 0,5 bis 5 Sternen "
         "umgerechnet.", None),
    case("score-line-with-two-words", "Ein schöner Film.\n4,6 von 10 anbrechende Tage\n",
         (4.6, 10)),
]


@pytest.mark.parametrize(("text", "expected"), RATING)
def test_rating(text: str, expected: tuple[float, float] | None) -> None:
    r = run(text).rating
    assert (None if r is None else (r.value, r.best)) == expected


WORK_TYPE = [
    # a series of murders, and "folgen" inside a verb, are no TV series
    case("murder-series-is-no-series", "Ein Kommissar vermutet hinter den Taten eine "
         "Mordserie. Die Auflösung ist spannend.", "movie"),
    case("verb-folgen-is-no-series", "Die Polizei muss den Täter quer durch die Stadt "
         "verfolgen. Die Auflösung ist spannend.", "movie"),
    case("compound-series-word", "Die Netflix-Serie ist spannend.", "series"),
    # a disc's bonus documentary makes no documentary of the film
    case("making-of-doku-is-an-extra", "Extras: Making of-Doku, Trailer. Die Auflösung ist "
         "spannend.", "movie"),
    case("background-doku-is-an-extra", "Das Bonus-Highlight ist die Hintergrund-"
         "Dokumentation. Die Auflösung ist spannend.", "movie"),
    case("whole-run-counted", "Ich habe alle sechs Staffeln gesehen. Die erste Staffel ist "
         "immer noch stark, danach wird es schwächer.", "series"),
    case("final-season-after-count", "Nach vier Staffeln endet die Serie. Die vierte Staffel "
         "ist die beste.", "season"),
    # a range of seasons is more than one: the review is of the series
    case("season-range-dash", "Gesehen: Staffel 1-3. Danach hat die Serie nachgelassen.",
         "series"),
    case("season-range-plus", "Meine Meinung zu Season 1 + 2: ein starker Auftakt.", "series"),
    case("seasons-and", "Langweilig sind die Staffeln 7 und 8, davor war die Serie top.",
         "series"),
    # a count of episodes after the season's number is no range
    case("season-then-episode-count", "Die Staffel 3 – 10 Folgen à 50 Minuten – ist "
         "spannend.", "season"),
    case("not-a-documentary", "Ein Film über Musiker, aber keine Doku. Die Songs sind gut.",
         "movie"),
    case("movie", "Der Film ist ein starkes Drama, Regie führte Anna Muster.", "movie"),
    case("season", "Die zweite Staffel der Serie ist besser.", "season"),
    case("series", "Die komplette Serie in einer Box: alle fünf Staffeln.", "series"),
    case("miniseries", "Die Miniserie erzählt in vier Teilen eine wahre Geschichte.",
         "miniseries"),
    case("documentary", "Der Dokumentarfilm begleitet drei Bergbauern.", "documentary"),
    # a compound names a documentary of a kind; a disc's bonus documentary is none
    case("documentary-compound", "Die Architekturdoku zeigt Bauten aus hundert Jahren.",
         "documentary"),
    case("documentary-compound-hyphen", "Die Sport-Doku über eine Basketballmannschaft ist "
         "stark.", "documentary"),
    case("documentation-film", "Ein Dokumentationsfilm über Bäume, sehr ruhig erzählt.",
         "documentary"),
    # an info box filing the page under series, or counting its seasons or episodes
    case("info-category-series", "Kategorie: Serie\n\nSeit 2006 wird in Oxford gemordet. Der "
         "Film ist gut.", "series"),
    case("info-season-count", "Genre: Drama\nStaffeln: 1\nFolgen: 13\nFilm: 2\n\nDie "
         "Geschichte ist schön.", "series"),
    # a film that documents; not what was documented in the story
    case("documents-verb", "Wim Wenders dokumentiert mit viel Empathie das Leben eines "
         "Fotografen.", "documentary"),
    case("documentary-portrait-film", "Ein dokumentarischer Porträtfilm über einen Maler, "
         "still und genau.", "documentary"),
    case("documented-passive-is-not", "Die Krawalle, die in einem Video dokumentiert wurden, "
         "prägen den Spielfilm.", "movie"),
    case("bonus-documentary-is-not", "Die Bonusdoku ist kurz. Der Film selbst ist gut.",
         "movie"),
    case("bonus-doku-is-not", "Der Film ist gut, als Extra gibt es eine Doku über die "
         "Dreharbeiten.", "movie"),
    # a drama told like a documentary, or a fake one, is no documentary
    case("doku-drama-is-not", "Ein steifes Doku-Drama über einen umstrittenen Politiker.",
         "movie"),
    case("fake-doku-is-not", "Inszeniert als Fake-Doku mit Handkamera, und leider zäh.",
         "movie"),
    case("runtime-per-episode", "Die acht Episoden à 50 Minuten vergehen wie im Flug.",
         "series"),
    case("one-series-word-no-film-word", "Die HBO-Serie ist ein Meisterwerk.", "series"),
    case("film-word-outweighs", "Der Film basiert auf einer Serie und ist gelungen.", "movie"),
    case("film-runtime-is-no-vote", "Der Film dauert 50 Minuten und vergeht wie im Flug.",
         "movie"),
    # a TV film of a German "Reihe" is a film, even beside its count of episodes
    case("tv-film-of-a-reihe", "Die Krimi-Reihe scheint nach 29 Folgen auserzählt, der neue "
         "Samstagskrimi ist zäh.", "movie"),
    case("fernsehfilm", "Der Fernsehfilm erzählt von einer Serie von Einbrüchen.", "movie"),
]


@pytest.mark.parametrize(("text", "expected"), WORK_TYPE)
def test_work_type(text: str, expected: str) -> None:
    assert run(text).work_type.value == expected


_BODY = ("Die Geschichte ist spannend erzählt, die Darsteller sind gut, nur das Ende zieht sich "
         "etwas. Insgesamt ein sehenswerter Film.")

_ENTRY = "Ein kluger, witziger und sehr trauriger Film über zwei Männer, die warten müssen."

TITLE = [
    # a heading's bracket that names the kind of work, a season said with an ordinal or as
    # "Serie 6", a review label such as "im Blu-raycheck" or "Serienbericht" are no part of it
    case("heading-kind-bracket", "Die Rosenheim-Cops (Neue Folgen)\n\nDie Serie ist gemütlich "
         "und die Fälle sind harmlos.", "Die Rosenheim-Cops"),
    case("heading-tv-series-bracket", "Wickie und die starken Männer (TV-Serie)\n\nDie Serie "
         "ist liebevoll gezeichnet.", "Wickie und die starken Männer"),
    case("heading-ordinal-season-english", "Beverly Hills 90210 - Die vierte Season\n\nDie "
         "Staffel ist seicht, aber unterhaltsam.", "Beverly Hills 90210"),
    case("heading-serie-number", "Peep Show: Serie 6\n\nDie Staffel ist so fies wie immer.",
         "Peep Show"),
    case("heading-review-label-check", "Geostorm im Blu-raycheck\n\nDer Film ist laut und "
         "dumm, das Bild ist stark.", "Geostorm"),
    case("heading-series-report", "Rom - Der komplette Serienbericht\n\nDie Serie ist "
         "opulent und blutig.", "Rom"),
    case("heading-vol-is-the-titles", "Guardians of the Galaxy Vol. 3\n\nDer Film ist "
         "rührend und laut.", "Guardians of the Galaxy Vol. 3"),
    # edition words go with the media word; a label of several words whose head is a section
    # word; a film series as a label names the episode; "X im Test: …"; a quoted name and a
    # line about it are no one name; a season bracket before a cut separator
    case("special-edition", f"Der Nebelwald - Special Edition [Blu-ray]\n\n{_BODY}",
         "Der Nebelwald"),
    case("label-of-three-words", f"Kinotipp der Woche: Der Nebelwald\n\n{_BODY}",
         "Der Nebelwald"),
    case("film-series-label", f"Tatort: Der Nebelwald\n\n{_BODY}", "Der Nebelwald"),
    case("doubled-marks-headline", f"Was war das denn bitte???\n\n{_BODY}", None),
    case("filmography-is-no-title", "Regie führt Tom Keller („Nebelwald“, „Hafenwache“). "
         "Sein neuer Film „Nordlicht“ ist ein ruhiges Drama.", "Nordlicht"),
    case("question-title", f"Wer rettet den Nebelwald?\n\n{_BODY}", "Wer rettet den Nebelwald?"),
    case("bracket-numbered-entry", f"1) Der Nebelwald (seit 2014): Ein Krimi\n\n{_BODY}",
         "Der Nebelwald"),
    case("film-series-is-no-title", "Der neue „Tatort“ ist spannend, aber zu lang. Die "
         "Kommissare überzeugen.", None),
    case("ranked-entry", f"Platz 3: Der Nebelwald\n\n{_BODY}", "Der Nebelwald"),
    case("tv-slot-label", f"Fernsehfilm der Woche: Der Nebelwald\n\n{_BODY}", "Der Nebelwald"),
    case("review-word-opens-label", f"Rezension Krimikomödie: Der Nebelwald\n\n{_BODY}",
         "Der Nebelwald"),
    case("skip-link-is-chrome", f"Skip to main content\n\nDer Nebelwald\n\n{_BODY}",
         "Der Nebelwald"),
    case("im-test", f"Der Nebelwald im Test: Ein Wald voller Geheimnisse\n\n{_BODY}",
         "Der Nebelwald"),
    case("quoted-then-line", f"Kritik zu „Der Nebelwald“: Ein Wald voller Geheimnisse\n\n"
         f"{_BODY}", "Der Nebelwald"),
    case("season-bracket", f"Der Nebelwald (Staffel 2) – Kritik\n\n{_BODY}", "Der Nebelwald"),
    # a capitalised article inside a sentence opens an unquoted name
    case("inline-article", f"Ich habe gestern Der Nebelwald gesehen. {_BODY}", "Der Nebelwald"),
    case("inline-article-comma", f"Heute lief im Kino Der Nebelwald, und ich war begeistert. "
         f"{_BODY}", "Der Nebelwald"),
    case("german-quotes", "Mit „Nordlicht“ ist ein starker Film gelungen. „Nordlicht“ "
         "lohnt sich.", "Nordlicht"),
    case("comparison-is-not", "„Nordlicht“ ist spannend. Mit „Südwind“ kann er wie "
         "„Westwind“ nicht mithalten. „Nordlicht“ bleibt gut.", "Nordlicht"),
    case("headline-separator", "Nordlicht – warum ich den Film liebe\nNordlicht ist ein "
         "stiller Film.", "Nordlicht"),
    case("headline-season-suffix", "Nordlicht - Staffel 2 [Blu-ray]\nGute Staffel.",
         "Nordlicht"),
    case("before-year", "Für mich ganz klar Nordlicht (2015), ein Meisterwerk.", "Nordlicht"),
    case("forum-prefix", "Re: Nordlicht – wirklich so gut??\nIch fand Nordlicht gut.",
         "Nordlicht"),
    case("nothing-named", "Ein schöner Abend im Kino, die Musik war toll.", None),
    # a headline that says it is a review names the work once, without quotes or repetition
    case("review-of-prefix", "Filmkritik zu Glutsommer\n\nDer Film von Ida Born ist klug.",
         "Glutsommer"),
    case("review-suffix-segment", "Glutsommer – Unsere Kritik\n\nDer Film ist klug.",
         "Glutsommer"),
    case("review-suffix-ending", "Glutsommer im Test\n\nDer Film ist klug.", "Glutsommer"),
    case("my-opinion-of", "Meine Meinung zu Glutsommer\n\nDer Film ist klug.", "Glutsommer"),
    case("review-prefix-series", "Kritik zur Serie Hafenwache – Staffel 2\n\nDie Serie bleibt "
         "stark.", "Hafenwache"),
    # section labels, genre names and bylines above a review are page chrome, never the title
    case("section-label-not-a-title", "DVD-Kritik\n\nDer Film ist klug.", None),
    case("genre-label-not-a-title", "Horror\n\nDer Film ist klug und spannend.", None),
    case("label-then-heading", "Blu-ray-Test\nDer Nebelwald\n\nDer Nebelwald ist ein kluger "
         "Film.", "Der Nebelwald"),
    case("heading-label-prefix", "Review: Hafenwache – Staffel 7 (Blu-ray)\n\nHafenwache "
         "bleibt stark.", "Hafenwache"),
    case("all-caps-heading-with-year", "DER NEBELWALD (1939)\n\nRegie: Anna Beispiel\n"
         "Laufzeit: 98 Min.\n\nEin kluger Film.", "DER NEBELWALD"),
    case("breadcrumb-not-a-title", "Start › Kino › Kritiken\nDer Nebelwald\n\nDer Nebelwald "
         "überzeugt.", "Der Nebelwald"),
    case("review-word-alone", "Kritik\n\nDer Film ist klug.", None),
    # the name right after "der Film", "die Serie", "die Netflix-Serie"
    case("subject-compound-work-noun", "Glutsommer ist ein Gerichtsdrama aus Frankreich.",
         "Glutsommer"),
    case("subject-definite-work-of-the-year", "Glutsommer ist der Film des Jahres.",
         "Glutsommer"),
    case("subject-definite-part-is-not", "Das Drehbuch ist der Schwachpunkt des Films.", None),
    case("apposition-film", "Der Film Glutsommer erzählt von einem heißen August.",
         "Glutsommer"),
    case("apposition-series-two-words", "In der Serie Hafen Nord geht es um Schmuggel.",
         "Hafen Nord"),
    case("apposition-compound", "Die Netflix-Serie Kalte Küste ist spannend.", "Kalte Küste"),
    case("apposition-glue-word", "Der Film Anatomie eines Sturms ist ein kluges Drama.",
         "Anatomie eines Sturms"),
    case("apposition-genitive-maker-is-not", "Der neue Film Ida Nordmanns ist ein "
         "Sommerfilm.", None),
    case("apposition-platform-is-not", "Die Serie Netflix hat viel Geld gekostet.", None),
    # a label's value of two names joined by a slash (local and original title) gives the
    # first; a name before a year bracket that fills a heading after a label keeps its commas
    # a heading's later piece that says what kind of work it is joins no name
    case("description-piece", "The Pacific: Die zehnteilige Dramaserie\n\nDie Serie erzählt vom "
         "Krieg im Pazifik, und sie tut das mit großer Wucht.", "The Pacific"),
    case("label-value-alternatives", "Filmtitel: Der stille Wald / The Silent Forest\n"
         "Regie: Anna Muster\nLaufzeit: 95 Minuten\n\nDer Film ist klug.", "Der stille Wald"),
    case("before-year-whole-heading", "DVD-Rezensionen (012): Das stille, kalte Haus (1957)\n\n"
         "Dieser Film nach einem alten Märchen ist klug.", "Das stille, kalte Haus"),
    case("apposition-comparison-is-not", "Im Vergleich zum Film Nordwind ist das hier "
         "schwach.", None),
    case("label-with-colon", "Nordlicht: Teil Zwei\nOriginaltitel: Nordlicht: Teil Zwei\n"
         "Regie: Hans Beispiel\n\nDie Fortsetzung ist stark.", "Nordlicht: Teil Zwei"),
    case("own-brackets-kept", "Nordlicht (Fast) – Staffel 1: Ein Test\nFazit: „Nordlicht "
         "(Fast)“ ist gut.", "Nordlicht (Fast)"),
    case("season-brackets-dropped", "Nordlicht (Staffel 1) – ein Test\nNordlicht ist gut.",
         "Nordlicht"),
    case("review-label-with-count", "Nordlicht – Filmkritik II\nNordlicht ist ein Film über das "
         "Meer.", "Nordlicht"),
    case("quoted-seven-words", "Die Kinder wollten ihn sehen. „Nordlicht: Auf der Suche nach dem "
         "Mini-Boss“ spielt in den 70ern. Sie haben gelacht.",
         "Nordlicht: Auf der Suche nach dem Mini-Boss"),
    case("abbreviation-in-heading", "Dr. Nebel, Staffel 4\nDie Serie ist gut.", "Dr. Nebel"),
    case("misspelt-media-word", "Nordlicht Blue-Ray\nDer Film ist ein Fest.", "Nordlicht"),
    # a broadcaster is no work's name ("Das Erste zeigt …")
    case("broadcaster-not-a-title", "Am Sonntag zeigt Das Erste einen neuen Krimi aus Kiel. Die "
         "Darsteller sind großartig und die Geschichte packend.", None),
    # a film database's name and a quoted kind of film are no titles
    case("database-not-a-title", "IMDB\nEin ruhiger Film über zwei Brüder, schön gespielt.", None),
    case("quoted-genre-not-a-title", "Wer „Mockumentarys“ mag, wird „Nordlicht“ lieben. Die "
         "Darsteller sind großartig.", "Nordlicht"),
    case("found-footage-is-a-genre", "Wer „Found Footage“ mag, wird „Nordlicht“ lieben.",
         "Nordlicht"),
    # a festival or its prize heads a festival report; share buttons glued together are chrome
    case("festival-heading-not-a-title", "Berlinale 2025\n\nIm Wettbewerb lief „Nordlicht“, "
         "ein stiller und genauer Film über zwei Schwestern.", "Nordlicht"),
    case("prize-heading-not-a-title", "Goldener Löwe\n\nDer Preis ging an „Nordlicht“, einen "
         "stillen Film über zwei Schwestern.", "Nordlicht"),
    case("share-buttons-not-a-title", "DruckenTeilen\n\nNordlicht\n\nEin stiller und genauer "
         "Film über zwei Schwestern.", "Nordlicht"),
    # a listing's numbered entry with a slash is no breadcrumb: the first entry names the work
    case("numbered-entry-with-slash", "Die besten Mafia-Filme\n\nWir zeigen die besten Filme "
         "über die Unterwelt.\n\n1. Nebel über Brügge / Fog in Bruges (2008)\n\n" + _ENTRY
         + "\n\n2. Der Pate (1972)\n\n" + _ENTRY + "\n\n3. Nordlicht (1990)\n\n" + _ENTRY,
         "Nebel über Brügge / Fog in Bruges"),
    # a table's title label without a colon; "Titel" opening prose is no label
    case("title-label-without-colon", "Nordlicht-Kritik\nTitel Heist – Der letzte Coup\n"
         "Fußlahmer Männerfilm mit guten Dialogen und schwachem Ende.", "Heist – Der letzte Coup"),
    case("title-word-in-prose-is-no-label", "Titel und Thema des Films sind schwer, aber der "
         "Film ist gut gespielt und klug.", None),
    # a link to a page's other comments and a like button are chrome
    case("comments-link-not-a-title", "Alle Kurzkommentare\n\nEin stiller und genauer Film "
         "über zwei Schwestern, schön gespielt.", None),
    # a column or a dated issue of a page is no work's name
    case("column-of-the-week-not-a-title", "Corona-Kino – Kurzfilm der Woche\n\nEndzeit\n\nEin "
         "stiller und genauer Film über zwei Schwestern.", "Endzeit"),
    case("numbered-column-not-a-title", "Media Monday #295\n\nEin stiller und genauer Film über "
         "zwei Schwestern, schön gespielt.", None),
    # a time stamp and a page's section on the plot are no names either
    case("time-stamp-not-a-title", "03/26/2021, 09:26 AM\n\nEin stiller und genauer Film über "
         "zwei Schwestern, schön gespielt.", None),
    case("plot-section-not-a-title", "Filmhandlung und Hintergrund\n\nEin stiller und genauer "
         "Film über zwei Schwestern, schön gespielt.", None),
    # a poster without a name, a shop's description label, a jury's statement are chrome
    case("anonymous-poster-not-a-title", "Anonymer User\n\nEin stiller und genauer Film über "
         "zwei Schwestern, schön gespielt.", None),
    case("description-label-not-a-title", "Beschreibung\n\nEin stiller und genauer Film über "
         "zwei Schwestern, schön gespielt.", None),
    case("jury-statement-not-a-title", "Jury-Begründung\n\nEin stiller und genauer Film über "
         "zwei Schwestern, schön gespielt.", None),
    case("capsule-reviews-heading-not-a-title", "Kurzkritiken zu den Filmen der Woche\n\nEin "
         "stiller und genauer Film über zwei Schwestern, schön gespielt.", None),
    # a film's data line in cells: the name is the first cell, never a run across the bars
    # nor a later cell of a country code or a year
    case("data-line-cells", "Blind Dates | Tom Keller | GEO | 2013\n\nEin stiller und genauer "
         "Film über zwei Schwestern.", "Blind Dates"),
    case("country-alone-not-a-title", "Kanada\n\n8/10\n\nEin stiller und genauer "
         "Film über zwei Schwestern, schön gespielt.", None),
    case("data-line-cells-genre", "Nordlicht | Drama | USA/F | 2013\n\nEin stiller und "
         "genauer Film über zwei Schwestern.", "Nordlicht"),
    # a section label as a heading's first piece before a separator, spelt with one "p" too
    case("section-label-piece", "Kinotip – Sommer in Lissabon\n\nEin stiller und genauer Film "
         "über zwei Schwestern.", "Sommer in Lissabon"),
    # a word ending in a media word ("-box") after an article is the name's own
    case("media-ending-after-article", "THE SANDBOX\n\nEin stiller und genauer Film über zwei "
         "Schwestern.", "THE SANDBOX"),
    # "mit" joins an unquoted name when an article follows it, not a cast
    case("inline-name-with-mit-article", "Gestern sahen wir Der Mann mit der Eisenmaske, und "
         "der Film hat mir gut gefallen.", "Der Mann mit der Eisenmaske"),
    # after a forum's asterisk aside a capital article opens a clause; the article and a
    # kind of work are no name
    case("article-after-asterisk-aside", "Die Musik ist toll *Gänsehaut* Der Nebelwald hat "
         "zwölf Folgen, und alle sind stark.", None),
    case("inline-name-mit-cast-ends", "Gestern sahen wir Der Nebelwald mit Anna Berg, und "
         "der Film hat mir gut gefallen.", "Der Nebelwald"),
    # a series of standalone TV films in the genitive is no film's name either
    case("film-series-genitive-not-a-title", "Sonntag ist Krimizeit. Der Krimi steht im "
         "Schatten des „Tatorts“, aber er ist gut gespielt.", None),
    # a list's rank alone on its line, and a data line of a country code and a year
    case("rank-line-not-a-title", "Platz 20\nEin stiller und genauer Film über zwei "
         "Schwestern, schön gespielt.", None),
    case("country-year-line-not-a-title", "AT 2018\nRegie: Anna Berg\n\nEin stiller und "
         "genauer Film über zwei Schwestern.", None),
    # the value after an info label is no subject name before a year
    case("info-value-not-a-subject", "Drama | Regie: Anna Berg | aus 2019\n\nEin stiller und "
         "genauer Film über zwei Schwestern.", None),
]


@pytest.mark.parametrize(("text", "expected"), TITLE)
def test_title(text: str, expected: str | None) -> None:
    assert run(text).title == expected


def test_seed_review_facts_and_evidence(seed_text: str) -> None:
    r = run(seed_text)
    assert (r.title, r.work_type.value, r.season, r.year, r.episodes, r.runtime_minutes,
            r.directors) == ("Missions", "season", 1, 2017, 10, 22, ["Julien Lacombe"])
    expect_in_evidence = {"title": "Missions", "season": "erste Staffel", "year": "2017",
                          "episodes": "zehn Folgen", "runtime_minutes": "22 Minuten",
                          "directors": "Julien Lacombe"}
    for name, surface in expect_in_evidence.items():
        spans = r.evidence[name]
        assert all(seed_text[s.start:s.end] == s.text for s in spans)
        assert any(surface in s.text for s in spans), (name, [s.text for s in spans])


def test_unstated_values_are_null() -> None:
    r = run("Ein wunderbarer Film, den ich jedem empfehle.")
    assert (r.title, r.season, r.year, r.episodes, r.runtime_minutes, r.rating) == (
        None, None, None, None, None, None)
    assert r.directors == []
    assert set(r.evidence) <= {"work_type"}


DROPPED = [
    case("year-9999", "Der Film aus dem Jahr 9999 ist ein Drama.", ("year", "9999")),
    case("year-0", "Der Film aus dem Jahr 0 ist ein Drama.", ("year", "0")),
    case("episodes-9999", "Die Serie hat 9999 Folgen, jede spannend.", ("episodes", "9999")),
    case("negative-runtime", "Der Film dauert -5 Minuten, ein Drama.", ("runtime_minutes", "-5")),
    case("rating-above-scale", "Ein großer Film: 11 von 10 Punkten!", ("rating", "11/10")),
]


@pytest.mark.parametrize(("text", "expected"), DROPPED)
def test_impossible_stated_values_are_dropped_with_a_warning(
        text: str, expected: tuple[str, str]) -> None:
    r = run(text)
    field, value = expected
    assert getattr(r, field) is None
    warns = [w for w in r.warnings if w.code == "dropped_value"]
    assert [w.field for w in warns] == [field]
    assert f" {value} " in warns[0].message


@pytest.mark.parametrize(
    "text",
    ["Jahr: 2016\nEpisoden" + "1" * 400, "Die Serie hat " + "9" * 400 + " Folgen.",
     "Laufzeit: " + "1" * 400 + " Minuten", "Wertung: " + "1" * 400 + "/10"],
    ids=["episodes-label", "episodes-prose", "runtime", "rating"],
)
def test_digit_runs_that_overflow_a_float_give_a_record(text: str) -> None:
    # found by the fuzz run: int(float("1" * 400)) raised OverflowError
    r = run(text)
    assert r.episodes is None and r.runtime_minutes is None and r.rating is None


WORDS_BEFORE = [
    case("last-words", "die erste staffel", ["erste", "staffel"]),
    case("stops-at-sentence-end", "gut. neue staffel", ["neue", "staffel"]),
    case("long-word-not-cut", "ein " + "x" * 70 + " staffel", ["x" * 70, "staffel"]),
    case("long-word-cut-by-the-80-chars", "y" * 100 + " staffel", ["y" * 72, "staffel"]),
    case("fewer-words-than-asked", "staffel", ["staffel"]),
]


@pytest.mark.parametrize(("text", "expected"), WORDS_BEFORE)
def test_words_before_reads_the_last_words(text: str, expected: list[str]) -> None:
    """Only a short tail is read when it holds enough words; a long word is never cut short."""
    assert words_before(text, len(text), 2) == expected



@pytest.mark.parametrize("text", [
    "Der Film ist gut. Die Darsteller überzeugen.",  # articles opening sentences
    "DER FILM IST GUT, DIE DARSTELLER ÜBERZEUGEN.",  # a line in capitals
    "Er sagte: Die Darsteller überzeugen.",  # after a colon a clause opens
])
def test_a_capitalised_article_opening_a_clause_opens_no_name(text: str) -> None:
    from reviewextract.fields.title_inline import inline_articles
    from reviewextract.lang import get_language
    from reviewextract.text import Doc

    assert inline_articles(Doc(text, get_language("de"))) == []


def test_a_title_label_inside_the_text_gives_a_candidate() -> None:
    from reviewextract.fields.title_inline import inline_labels
    from reviewextract.lang import get_language
    from reviewextract.text import Doc

    text = "Die Kamera serviert nur Alltagskost (dt. Ein Chef zum Glück, engl. Two Weeks)."
    found = inline_labels(Doc(text, get_language("de")))
    assert [(f.value, f.features) for f in found] == [("Ein Chef zum Glück", {"src.label": 1.0})]
    assert text[found[0].start:found[0].end] == "Ein Chef zum Glück"


def _title_candidates(text: str) -> dict[str, dict[str, float]]:
    from reviewextract.fields.title import candidates
    from reviewextract.lang import get_language
    from reviewextract.text import Doc

    return {f.value: f.features for f in candidates(Doc(text, get_language("de")))}


@pytest.mark.parametrize(("text", "name", "feature", "present"), [
    # a short name ending in a genre noun names a kind of work
    ("Heimatkrimi\n\nDer Film „Freiwild“ läuft heute. Er ist spannend.", "Heimatkrimi",
     "shape.genre", True),
    ("Katastrophenfilme\n\nIn „2012“ geht die Welt unter.", "Katastrophenfilme", "shape.genre",
     True),
    ("Nachtschicht\n\nDer Film ist spannend.", "Nachtschicht", "shape.genre", False),
    # a word in quotes after an indefinite article is an expression, not a name
    ("Das Finale ist ein absolutes „Highlight“ der Serie.", "Highlight", "quoted.indefinite",
     True),
    ("Das Finale von „Highlight“ ist stark.", "Highlight", "quoted.indefinite", False),
    # a headline that ends in "!" is a cry, a counter is a page's
    ("Gerade gesehen und enttäuscht!\n\nDer Film ist schwach.",
     "Gerade gesehen und enttäuscht!", "shape.exclaim", True),
    ("929 Kritiken\n\nDer Film ist schwach.", "929 Kritiken", "shape.count", True),
    ("Apollo 13\n\nDer Film ist stark.", "Apollo 13", "shape.count", False),
    # a heading's second piece opening in lower case is the headline's tag line
    ("Lost – rückblickend\n\nDie Serie war stark.", "Lost – rückblickend", "head.tail_lower",
     True),
    ("Nosferatu – Der Untote\n\nDer Film ist stark.", "Nosferatu – Der Untote",
     "head.tail_lower", False),
    # the names of a list after a comparison cue are all compared with, as is one after an
    # article ("wie der „X“")
    ("Klassiker wie „Der letzte Zug“, „Die weiße Stadt“ oder „Nordlicht“ sind besser.",
     "Die weiße Stadt", "quoted.comparison", True),
    ("Ein Western wie der „Ritt zum Fluss“ ist selten.", "Ritt zum Fluss", "quoted.comparison",
     True),
    ("Mir gefiel „Der letzte Zug“, „Die weiße Stadt“ ist schwächer.", "Die weiße Stadt",
     "quoted.comparison", False),
    # a quoted name after "mit dem Titel" is a title label's value; after "unter dem Titel"
    # it is often another name of the work (a season's, a release's)
    ("Bei einem Film mit dem Titel „Nordfront“ ist diese Gefahr gering.", "Nordfront",
     "src.label", True),
    ("Die Staffel, unter dem Titel „Nordfront“ vermarktet, ist gut.", "Nordfront", "src.label",
     False),
    # a data line of cells with a year under a heading counts as an info-box line
    ("Der stille Wald\nKrimi | DDR 1988 | 103 Minuten\nRegie: Anna Muster\n\nDer Film ist "
     "klug.", "Der stille Wald", "head.infobox", True),
    ("Der stille Wald\nKrimi, Drama und Liebe\nRegie: Anna Muster\n\nDer Film ist klug.",
     "Der stille Wald", "head.infobox", False),
])
def test_title_candidates_carry_features_of_their_shape(text: str, name: str, feature: str,
                                                         present: bool) -> None:
    found = _title_candidates(text)
    assert name in found
    assert (feature in found[name]) is present


def test_a_heading_name_before_a_year_with_doubled_blanks_is_read() -> None:
    # the whole-line name is taken as the text spaces it (joining its words anew once made a
    # name the text does not hold, and the extraction failed)
    r = reviewextract.extract("DVD-Rezensionen (012):  Das  stille, kalte Haus (1957)\n\n"
                              "Dieser Film nach einem alten Märchen ist klug.")
    assert r.title is not None and r.title.split() == ["Das", "stille,", "kalte", "Haus"]


def test_a_title_label_alone_is_no_candidate() -> None:
    found = _title_candidates("Filmtitel\nDer stille Wald\n\nDer Film ist klug und still.")
    assert "Filmtitel" not in found and "Der stille Wald" in found


def test_a_capital_article_and_a_kind_of_work_is_no_candidate() -> None:
    found = _title_candidates("Im Programm lief gestern Der Anime, den alle lieben, und "
                              "danach Der Nebelwald.")
    assert "Der Anime" not in found and "Der Nebelwald" in found


def test_an_info_label_alone_is_no_candidate() -> None:
    found = _title_candidates("Staffeln\n\nDie Serie ist klug, und ihre Figuren sind es auch.")
    assert "Staffeln" not in found


def test_a_genre_heading_yields_to_the_quoted_name() -> None:
    """A kicker naming the genre above the review is not the title; the quoted name is."""
    text = ("Heimatkrimi\n\nMit „Freiwild“ zeigt das Erste einen Krimi aus Würzburg. „Freiwild“ "
            "ist spannend erzählt, die Darsteller überzeugen, und das Ende überrascht.")
    assert reviewextract.extract(text).title == "Freiwild"


@pytest.mark.parametrize(("text", "directors"), [
    # a work "by" a person "with" its cast names the director
    ("Gestern lief ein guter Film: Mein Führer von Dani Levy, mit Ulrich Mühe. Er war gut.",
     ["Dani Levy"]),
    ("Am Abend sahen wir Sonnenallee von Leander Haußmann mit Alexander Scheer. Sehr lustig.",
     ["Leander Haußmann"]),
    # ... unless the work is a book: its author
    ("Ein Roman von Thomas Mann mit Thomas Buddenbrook als Held wurde verfilmt.", []),
    # a quoted book's "von" names its author, a quoted film's its director
    ("Jakob Lass hat den St. Pauli-Roman „So was von da“ von Tino Hanekamp verfilmt.", []),
    ("Das Hörspiel „Die drei Fragezeichen“ von Anna Beispiel ist die Vorlage.", []),
    ("„Der Pate“ von Francis Ford Coppola ist ein Meisterwerk.", ["Francis Ford Coppola"]),
    # one subject for two verbs: the name before "schrieb …, führt Regie"; a second name
    # before the verb is that verb's own subject
    ("Anna Muster schrieb das Drehbuch, führt Regie und spielt die Hauptrolle.",
     ["Anna Muster"]),
    ("Anna Muster schrieb das Drehbuch, Tom Keller führt Regie.", ["Tom Keller"]),
    # an article after "Film von" opens what the film is about, no maker
    ("Sensibel und klug erzählt der Film von den nationalen Wunden Polens.", []),
    # a film lexicon's credit line of one-letter codes: the names after "R"
    ("Ein stiller Film.\nR Anna von Muster, Tom Keller B Tom Keller K Eva Beispiel D Jan Ruhig\n",
     ["Anna von Muster", "Tom Keller"]),
    # a particle that is also an article ends a name of two words unless another precedes it
    ("Ein Thriller, in dem der Exilregisseur Tom Keller den Sturz einer Regierung schildert.",
     ["Tom Keller"]),
    ("Regie führte Anna von der Muster. Ein starker Film.", ["Anna von der Muster"]),
    # a name with its best-known work in brackets, in a sentence about the cast, is an actor's
    ("Mit ihrem gut gelaunten Ensemble, zu dem neben Anna Muster („Hafenwache“) auch Tom "
     "Keller gehört, macht die Serie Spaß.", []),
    # a bracket of works after a name in a cast list is an actor's filmography
    ("Als Polizisten sind Sylvester Groth, der in ähnlichen Rollen mitspielt, Florence Kasumba "
     "(„Black Panther“) und Eva Meckbach zu sehen.", []),
    # a word of a director's role before the name describes the person
    ("Der Film von Erfolgsregisseur Andy Tennant ist eine Komödie.", ["Andy Tennant"]),
    ("Regieneuling Luis Mandokis Film ist schön.", ["Luis Mandoki"]),
    ("Die Dokumentarfilmerin Anna Beispiel zeigt viel.", ["Anna Beispiel"]),
    # "mit X" names the cast, whatever brackets follow; an article makes a noun, not a name
    ("Ein Drama mit Mark Wahlberg („Alles Geld der Welt“, „Broken City“) über einen Lauf.", []),
    ("Der Krimi-erfahrene Urs Egger („Der letzte Kronzeuge“, „Wolfsfährte“) hat Routine.",
     []),
    ("Wir zeigen, wie geschickt er das Thema Manipulation und Machtmissbrauch inszeniert.", []),
    ("Alfred Hitchcock inszeniert diesen Film mit leichter Hand.", ["Alfred Hitchcock"]),
])
def test_directors_by_and_not_by(text: str, directors: list[str]) -> None:
    assert reviewextract.extract(text).directors == directors


@pytest.mark.parametrize(("text", "rating"), [
    # a line of its own holding a score, even broken before "von", with the site's own unit
    ("Der Film ist gut.\n\n7,0\nvon 10 Kürbissen\n\nDie Story ist stark.", (7.0, 10.0)),
    ("Die Serie ist gut.\n\n4 von 5\n\nDie Story ist stark.", (4.0, 5.0)),
    # a count of episodes or seasons on such a line is no score
    ("Die Serie ist gut.\n\n3 von 5 Folgen\n\nDie Story ist stark.", None),
    ("Die Serie ist gut.\n\n3 von 5 Staffeln\n\nDie Story ist stark.", None),
    # inside a sentence, "2 von 3" counts things
    ("Die Serie ist gut, 2 von 5 Figuren sind stark.", None),
    # a page of rated entries, each score on a line of its own: the first entry's
    ("Glutsommer\nEin starker Film, spannend bis zum Ende.\n8/10\nHafen Nord\nLangweilig.\n"
     "3/10\nKalte Küste\nSolide.\n6/10", (8.0, 10.0)),
    # one review: its closing score, also after a score inside a sentence
    ("Der Film bekommt von mir 6/10, die Musik wäre eine 9/10 wert.\nFazit: gut.\n7/10",
     (7.0, 10.0)),
])
def test_a_score_line_is_a_rating(text: str, rating: tuple[float, float] | None) -> None:
    r = reviewextract.extract(text).rating
    assert (None if r is None else (r.value, r.best)) == rating


def test_the_calibration_weighs_the_rule_that_found_a_value() -> None:
    """A calibration with a weight for a rule moves that rule's values, and only those; a rule
    the calibration has not seen reads as no rule at all."""
    from dataclasses import replace

    from reviewextract.lang import get_language
    from reviewextract.lang.scorer import Scorer
    from reviewextract.pipeline import calibrated
    from reviewextract.text import Doc

    lang = get_language("de")
    cal = Scorer("confidence.work_type", 0.0, {"logit": 1.0, "rule.work_type.season_number": -2.0},
                 0.0)
    doc = Doc("Die zweite Staffel ist stark.", replace(
        lang, scorers={**lang.scorers, "confidence.work_type": cal}))
    plain = calibrated(doc, "work_type", 0.9)
    assert calibrated(doc, "work_type", 0.9, "work_type.series_word") == plain
    assert calibrated(doc, "work_type", 0.9, "work_type.season_number") < plain
    assert plain == 0.9  # logit weight 1, bias 0: the raw confidence unchanged


@pytest.mark.parametrize(("text", "title"), [
    # a blog's "watched" label before the name is no part of it
    ("Gesehen: Sein oder Nichtsein (1942)\n\nDer Film ist herrlich, und die Komödie von damals "
     "wirkt noch heute frisch. „Sein oder Nichtsein“ bleibt ein Meisterwerk.",
     "Sein oder Nichtsein"),
    ("Zuletzt gesehen: Der Pate\n\nDer Film ist ein Meisterwerk, das ich immer wieder sehe. "
     "„Der Pate“ hat nichts von seiner Kraft verloren.", "Der Pate"),
])
def test_a_watched_label_is_cut_from_the_heading(text: str, title: str) -> None:
    assert reviewextract.extract(text).title == title


@pytest.mark.parametrize(("text", "pos", "before", "after"), [
    ("wie „Die Brücke“ (2011)", 17, "Die Brücke", None),
    ("wie “Die Brücke”  (2011)", 18, "Die Brücke", None),  # English marks, two blanks
    ("Scorseses „Casino“ ist", 11, None, "Casino"),
    ("Scorseses »Casino« ist", 11, None, "Casino"),
    ("ein Film (2011)", 9, None, None),
    ("„Die Brücke\n“ (2011)", 14, None, None),  # marks on two lines: no name
])
def test_quoted_name_next_to_a_cue(text: str, pos: int, before: str | None,
                                   after: str | None) -> None:
    from reviewextract.fields._common import quoted_after, quoted_before
    assert quoted_before(text, pos) == before
    assert quoted_after(text, pos) == after


def test_another_work_is_neither_held_by_the_title_nor_holding_it() -> None:
    from reviewextract.fields._common import names_other_work
    assert names_other_work("Die Brücke", "Nordlicht")
    assert not names_other_work("Nordlicht", "nordlicht")
    assert not names_other_work("Dune", "Dune: Part Two")
    assert not names_other_work("Star Wars: Episode 1", "Star Wars")

