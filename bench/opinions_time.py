"""Time of the opinions stage on the seed review: `extract_opinions(Doc(text, lang), None)`.

    python bench/opinions_time.py            # median, best and p90 of 300 calls, in µs
    python bench/opinions_time.py --calls 1000 --profile

Each call builds a fresh `Doc`, so the review's words, sentences and per-review memo are built
inside the measured time, as in `extract`. The lexicon is loaded once before timing.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import time
from pathlib import Path

from reviewextract.fields.opinions import extract_opinions
from reviewextract.lang import get_language
from reviewextract.lang.lexicon import get_lexicon
from reviewextract.text import Doc

SEED = Path(__file__).resolve().parent.parent / "examples" / "missions.txt"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--calls", type=int, default=300)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    text = SEED.read_text(encoding="utf-8")
    lang = get_language("de")
    get_lexicon(lang.code)
    for _ in range(20):  # warm the lexicon's per-token memo, as a long-running process has it
        extract_opinions(Doc(text, lang), None)
    times = []
    for _ in range(args.calls):
        t = time.perf_counter()
        extract_opinions(Doc(text, lang), None)
        times.append(time.perf_counter() - t)
    times.sort()
    us = [x * 1e6 for x in times]
    print(f"{args.calls} calls: median {statistics.median(us):.0f} µs, best {us[0]:.0f} µs, "
          f"p90 {us[int(len(us) * 0.9)]:.0f} µs")
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        for _ in range(args.calls):
            extract_opinions(Doc(text, lang), None)
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
