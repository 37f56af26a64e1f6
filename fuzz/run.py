"""Fuzz `extract` and `extract_html` with hypothesis-generated inputs; count crashes and hangs.

Run from the repository root (one process; about 15-25 minutes for 100,000 inputs on one core):

    .venv/bin/python fuzz/run.py --count 100000 --out fuzz/last-run.json

Five input families, drawn at random: mutations of the gold corpus reviews (inserted random
Unicode, control characters, combining marks, deleted/duplicated stretches, adversarial runs,
ALL CAPS, ae/oe/ue spellings, no punctuation), random Unicode text, random (often broken) HTML
for `extract_html`, corpus reviews with a sentence of long or many director names
(`long_names`), and corpus reviews with up to 120 dated sentences (`many_dates`). A *crash*
is any exception other than the documented `ReviewExtractError`s; a *hang* is an input that
takes longer than `--timeout` seconds (it is interrupted by an alarm).
Every returned record is also serialised to JSON, which fails on e.g. lone surrogates.
The summary (and each crash's input and traceback) is printed and written to `--out`.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.conftest import corpus_records  # noqa: E402

from reviewextract import extract  # noqa: E402
from reviewextract.errors import ReviewExtractError  # noqa: E402
from reviewextract.html import extract_html  # noqa: E402

CORPUS = [r["text"] for r in corpus_records() if r.get("format", "text") == "text"]
# runs that stress the regexes; kept short here, bench/adversarial.py measures long ones
ADVERSARIAL = ["Regie ", "1", ".", '"', "(", ")", "„", "Staffel ", "9", " Minuten", "/10",
               "von ", "Folge ", ": ", "\u0308", "\x00", "\r", "\u202e", "ß", "İ"]
TRANSLIT = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
TAGS = ["p", "div", "span", "br", "h1", "h2", "article", "main", "script", "style", "table",
        "tr", "td", "li", "ul", "a", "b", "i", "meta", "title", "head", "body", "html", "svg",
        "template", "iframe", "noscript", "pre", "blockquote"]


FAMILIES = ("corpus_mutation", "random_text", "random_html", "long_names", "many_dates")
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember", "Mär", "Sept.", "Dez."]
NAME_CUES = ["Der Film wurde von {n} inszeniert.", "Regie führten {n}.",
             "{n} hat den Film gedreht.", "{n}, der auch Regie führte, erzählt langsam.",
             "Regie: {n}", "{n}s Film „{n}“",
             "unter der Regie von {n} entstanden", "{n} übernahmen die Regie.",
             "der neue Film von {n}", "Die Serie wurde von {n} in Szene gesetzt."]
DATE_CUES = ["Die Serie kam am {d} in die Kinos. ", "Der Film startete am {d} im Kino. ",
             "Erstausstrahlung: {d}\n", "Ich habe ihn am {d} gesehen. ", "({y}) ",
             "Der Film aus dem Jahr {y} lief am {d} im Fernsehen. ", "{d} · ", "aus {y}, ",
             "Kinostart {d}, Laufzeit 90 Minuten. "]


class Hang(Exception):
    """Raised by the alarm when one input runs over the time limit."""


def _alarm(signum: int, frame: Any) -> None:
    raise Hang


text_strategy = st.text(st.characters(codec=None), max_size=400)


@st.composite
def mutated_review(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(CORPUS))
    for _ in range(draw(st.integers(1, 5))):
        op = draw(st.integers(0, 9))
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 300)))
        if op == 0:
            text = text[:i] + draw(text_strategy) + text[i:]
        elif op == 1:
            text = text[:i] + text[j:]
        elif op == 2:
            text = text[:j] + text[i:j] * draw(st.integers(1, 20)) + text[j:]
        elif op == 3:
            text = text[:i] + draw(st.sampled_from(ADVERSARIAL)) * draw(
                st.integers(1, 2000)) + text[i:]
        elif op == 4:
            text = text.upper()
        elif op == 5:
            text = "".join(TRANSLIT.get(c, c) for c in text)
        elif op == 6:
            text = "".join(c for c in text if c.isalnum() or c.isspace())
        elif op == 7:
            text = text.replace("\n", draw(st.sampled_from(["\r\n", "\r", "\u2028", " "])))
        elif op == 8:
            text = text[:i] + chr(draw(st.integers(0, 0x10FFFF))) + text[i:]
        else:
            text = text[:i]
    return text


@st.composite
def random_html(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 40))):
        kind = draw(st.integers(0, 6))
        tag = draw(st.sampled_from(TAGS))
        if kind == 0:
            attrs = draw(st.sampled_from(["", ' class="x"', " id='a'", ' src="http://x/"',
                                          " onload=alert(1)", ' a="<>"', " x"]))
            parts.append(f"<{tag}{attrs}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        elif kind == 2:
            parts.append(draw(st.sampled_from(CORPUS))[: draw(st.integers(0, 400))])
        elif kind == 3:
            parts.append(draw(text_strategy))
        elif kind == 4:
            parts.append(draw(st.sampled_from(["&amp;", "&#0;", "&#x110000;", "&nbsp;", "&lt;",
                                               "<!--", "-->", "<![CDATA[", "]]>", "<!DOCTYPE html>",
                                               "&", "<", ">", "<?xml version='1.0'?>"])))
        elif kind == 5:
            parts.append("<div>" * draw(st.integers(1, 300)))
        else:
            parts.append(f"<{tag}>{draw(text_strategy)}</{tag}>")
    return "".join(parts)


@st.composite
def long_names(draw: st.DrawFn) -> str:
    """A corpus review with a sentence naming directors: long names, many names, long titles
    (the fast rule path once dropped matches longer than a fixed window)."""
    letters = st.characters(categories=["Ll"], max_codepoint=0x24F)
    part = st.builds(lambda c, w: c + w, st.characters(categories=["Lu"], max_codepoint=0x24F),
                     st.text(letters, min_size=1, max_size=40))
    name = st.builds(" ".join, st.lists(st.one_of(part, st.sampled_from(["von", "de", "van der"])),
                                        min_size=1, max_size=5))
    seps = st.sampled_from([", ", " und ", " & ", ",", " sowie ", "  ", "\n"])
    names = draw(st.lists(st.tuples(name, seps), min_size=1, max_size=20))
    joined = "".join(n + sep for n, sep in names[:-1]) + names[-1][0]
    cue = draw(st.sampled_from(NAME_CUES)).replace("{n}", joined)
    text = draw(st.sampled_from(CORPUS))
    i = draw(st.integers(0, len(text)))
    return text[:i] + " " + cue * draw(st.integers(1, 5)) + " " + text[i:]


@st.composite
def many_dates(draw: st.DrawFn) -> str:
    """Many dated sentences (every year is a candidate that looks up its sentence: once
    quadratic), with days, months and years in and out of range, in a corpus review."""
    year = st.integers(0, 10_000)
    date = st.one_of(
        st.builds(lambda d, m, y: f"{d}. {m} {y}", st.integers(0, 40), st.sampled_from(MONTHS),
                  year),
        st.builds(lambda d, m, y: f"{d:02d}.{m:02d}.{y}", st.integers(0, 40),
                  st.integers(0, 13), year),
        st.builds(str, year))
    out = []
    for _ in range(draw(st.integers(1, 120))):
        cue = draw(st.sampled_from(DATE_CUES))
        out.append(cue.replace("{d}", draw(date)).replace("{y}", str(draw(year))))
    text = draw(st.sampled_from(CORPUS))
    i = draw(st.integers(0, len(text)))
    return text[:i] + "".join(out) + text[i:]


class Tally:
    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self.counts: Counter[str] = Counter()
        self.crashes: list[dict[str, Any]] = []
        self.hangs: list[dict[str, Any]] = []
        self.slowest = (0.0, "")

    def run(self, family: str, fn: Any, value: str) -> None:
        self.counts[family] += 1
        signal.setitimer(signal.ITIMER_REAL, self.timeout)
        t = time.perf_counter()
        try:
            fn(value).model_dump_json()
            self.counts["records"] += 1
        except ReviewExtractError as exc:
            self.counts[f"error:{exc.code}"] += 1
        except Hang:
            self.hangs.append({"family": family, "input": value[:5000], "len": len(value)})
        except Exception:
            self.crashes.append({"family": family, "input": value[:5000], "len": len(value),
                                 "traceback": traceback.format_exc()})
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        dt = time.perf_counter() - t
        done = sum(self.counts[f] for f in FAMILIES)
        if done % 10_000 == 0:
            print(f"{done} inputs, {len(self.crashes)} crashes, {len(self.hangs)} hangs",
                  file=sys.stderr, flush=True)
        if dt > self.timeout and not (self.hangs and self.hangs[-1]["input"] is value):
            # a C-level loop (regex engine, parser) is not interrupted by the alarm
            self.hangs.append({"family": family, "input": value[:5000], "len": len(value)})
        if dt > self.slowest[0]:
            self.slowest = (dt, f"{family} len={len(value)}")


def fuzz(count: int, seed_value: int, tally: Tally) -> None:
    families = [("corpus_mutation", mutated_review(), extract), ("random_text", text_strategy,
                extract), ("random_html", random_html(), extract_html),
                ("long_names", long_names(), extract), ("many_dates", many_dates(), extract)]

    @seed(seed_value)
    @settings(max_examples=count, database=None, deadline=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(st.data())
    def one(data: st.DataObject) -> None:
        family, strategy, fn = families[data.draw(st.integers(0, len(families) - 1))]
        tally.run(family, fn, data.draw(strategy))

    one()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, default=100_000, help="inputs to generate")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds before an input hangs")
    ap.add_argument("--out", type=Path, default=None, help="write the summary JSON here")
    args = ap.parse_args()
    signal.signal(signal.SIGALRM, _alarm)
    tally = Tally(args.timeout)
    start = time.perf_counter()
    fuzz(args.count, args.seed, tally)
    elapsed = time.perf_counter() - start
    summary = {"inputs": sum(tally.counts[f] for f in FAMILIES), "seconds": round(elapsed, 1),
        "counts": dict(tally.counts), "crashes": len(tally.crashes), "hangs": len(tally.hangs),
        "timeout_s": args.timeout, "slowest_s": round(tally.slowest[0], 3),
        "slowest_input": tally.slowest[1], "seed": args.seed,
        "crash_kinds": dict(Counter(c["traceback"].strip().splitlines()[-1][:160]
                                    for c in tally.crashes)),
        "crash_details": tally.crashes[:20], "hang_details": tally.hangs[:20]}
    if args.out:
        args.out.write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    short = {k: v for k, v in summary.items() if not k.endswith("_details")}
    print(json.dumps(short, indent=1))
    for c in tally.crashes[:5]:
        print(c["family"], repr(c["input"][:200]), c["traceback"], sep="\n")
    return 1 if tally.crashes or tally.hangs else 0


if __name__ == "__main__":
    sys.exit(main())
