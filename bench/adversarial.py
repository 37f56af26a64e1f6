"""Does extraction time grow linearly on adversarial input? Prints time(2n)/time(n) per family.

Run from the repository root:

    .venv/bin/python bench/adversarial.py            # n = 100,000 characters
    .venv/bin/python bench/adversarial.py --n 200000 --families regie runtime_line

A ratio near 2 is linear; near 4 is quadratic. Each family builds an input of about `n`
characters from one repeated unit that stresses the fact patterns (cue words, digits, dots,
quotes, brackets); `--max-chars` is raised so the size limit does not cut the runs short.
Each time is the best of `--repeat` runs, so one busy moment on a shared machine does not count.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from collections.abc import Callable

from reviewextract import extract
from reviewextract.errors import ReviewExtractError


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda n: unit * max(1, n // len(unit))


def _runs(n: int) -> str:
    """Runs of capitals, digits and blanks next to cue words: the rules' windows grow with the
    longest run, so these must not make them quadratic."""
    third = n // 3
    return ("Der Film. " + "A" * third + ", der Regie führte " + "1" * third + " Minuten"
            + " " * third + "Folgen, Wim Wenders' Film")


def _name_list(n: int) -> str:
    """One list of names as long as the text, before the verb that makes them directors."""
    return "Der Film wurde von " + "Tom Tykwer und " * max(1, n // 15) + "Anna Berg inszeniert."


def _nested(n: int) -> str:
    half = n // 2
    return "(" * half + "Regie: Tom Tykwer" + ")" * half


FAMILIES: dict[str, Callable[[int], str]] = {
    "digits": _repeat("1"),
    "digit_words": _repeat("1 "),
    "dots": _repeat("."),
    "ordinal_dots": _repeat("1. "),
    "quotes": _repeat('"'),
    "german_quotes": _repeat("„Dark“ und "),  # "und": judged German, so the rules run
    "parens_nested": _nested,
    "regie": _repeat("Regie "),
    "regie_colon": _repeat("Regie: "),
    "staffel": _repeat("Staffel 1 "),
    "folgen": _repeat("10 Folgen "),
    "rating": _repeat("8/10 "),
    "year_parens": _repeat("Film (1999) "),
    # ordinary prose on one line, each stretch naming a runtime
    "runtime_line": _repeat("Der Film ist gut und dauert 90 Minuten "),
    "prose_line": _repeat("Der Film ist spannend, die Bilder sind schön und die Musik passt. "),
    # many sentences, each with a dated year candidate: every candidate looks up its sentence
    # (a linear walk over the sentences made this quadratic: 860 KB took 20 s)
    "dated_release": _repeat("Die Serie kam am 3. Mai 2019 in die Kinos. "),
    # many candidates of every fact field, one sentence (or info-box block) each
    "every_field": _repeat("Die 2. Staffel von „Dark“ aus 2019 hat 10 Folgen à 50 Minuten, "
                           "Regie führte Tom Tykwer, Wertung 8/10. "),
    "infobox_blocks": _repeat("Dark\nRegie: Tom Tykwer\nLaufzeit: 90 Min.\nJahr: 2019\n"
                              "Folgen: 10\nWertung: 8/10\n\n"),
    "work_type_sentences": _repeat("Die Miniserie ist eine Doku. "),
    "title_sentences": _repeat("„Dark“ ist gut. "),
    "season_sentences": _repeat("Die 2. Staffel ist gut. "),
    "episode_sentences": _repeat("Die Staffel hat 10 Folgen. "),
    "runtime_sentences": _repeat("Der Film dauert 90 Minuten. "),
    "year_sentences": _repeat("Der Film aus 2019 ist gut. "),
    "director_sentences": _repeat("Der Film wurde von Tom Tykwer inszeniert. "),
    "rating_sentences": _repeat("Der Film ist gut, ich gebe ihm 8/10 Punkten. "),
    # long names, many names: matches longer than any fixed window around their anchor
    "long_names": _repeat("Der Film wurde von Maximiliane Augustina Lichtenberger, Konstantin "
                          "Friedemann Oberhausen und Bartholomäus Ferdinand Wittgensteiner "
                          "inszeniert. "),
    "name_list": _name_list,
    "runs_at_cues": _runs,
    # one sentence of many candidates whose checks look back over their sentence: a score given
    # to others, a weak director cue, a genitive maker, an article opening a name
    "scores_one_sentence": _repeat("die Wertung 8/10 und "),
    "weak_directors_one_sentence": _repeat("„Nebel“ von Anna Beispiel und "),
    "genitives_one_sentence": _repeat("Anna Beispiels Film und "),
    "inline_articles_one_line": _repeat("ich sah Der Film und "),
}


def seconds(text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        with contextlib.suppress(ReviewExtractError):
            extract(text, max_chars=len(text) + 1)
        best = min(best, time.perf_counter() - t)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=100_000, help="characters of the smaller input")
    ap.add_argument("--repeat", type=int, default=2, help="runs per size (best counts)")
    ap.add_argument("--families", nargs="*", default=list(FAMILIES), choices=list(FAMILIES))
    ap.add_argument("--limit", type=float, default=3.0,
                    help="ratio above which a family is marked SUPERLINEAR")
    args = ap.parse_args(argv)
    extract("Der Film ist gut.")  # load the language data outside the timings
    print(f"{'family':16} {'t(n) s':>9} {'t(2n) s':>9} {'ratio':>6}   (n = {args.n:,} chars)")
    bad = 0
    for name in args.families:
        make = FAMILIES[name]
        t1 = seconds(make(args.n), args.repeat)
        t2 = seconds(make(2 * args.n), args.repeat)
        ratio = t2 / t1 if t1 > 0 else float("nan")
        flag = "  SUPERLINEAR" if ratio > args.limit else ""
        bad += bool(flag)
        print(f"{name:16} {t1:9.3f} {t2:9.3f} {ratio:6.2f}{flag}", flush=True)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
