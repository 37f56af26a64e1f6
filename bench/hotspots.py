"""Where extraction time goes: cProfile of the seed (and a 30 KB page), and every regex timed.

    python bench/hotspots.py              # seed review
    python bench/hotspots.py --html       # the 30 KB page of bench/run.py
    python bench/hotspots.py --top 30

Regexes are timed one by one over the lowercased seed (the language rules) and over the text
(patterns compiled at module level in reviewextract.*), because cProfile books the time of a
`finditer` loop on the function that iterates, not on the pattern.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib
import pkgutil
import pstats
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import SEED, html_page


def profile(fn: Callable[[], object], rounds: int, top: int) -> None:
    fn()
    prof = cProfile.Profile()
    start = time.perf_counter()
    prof.enable()
    for _ in range(rounds):
        fn()
    prof.disable()
    per_call = (time.perf_counter() - start) / rounds * 1e3
    print(f"\n{rounds} calls, {per_call:.2f} ms each under the profiler; by own time:")
    pstats.Stats(prof).sort_stats("tottime").print_stats(top)


def time_pattern(rx: Any, text: str, rounds: int = 20) -> float:
    """µs for one full `finditer` pass (a compiled pattern or a Rule with its own finditer)."""
    start = time.perf_counter()
    for _ in range(rounds):
        for _m in rx.finditer(text):
            pass
    return (time.perf_counter() - start) / rounds * 1e6


def module_patterns() -> list[tuple[str, re.Pattern[str]]]:
    import reviewextract

    found = []
    for info in pkgutil.walk_packages(reviewextract.__path__, "reviewextract."):
        if info.name.endswith(("__main__", ".dask")) or ".commands" in info.name:
            continue
        try:
            mod = importlib.import_module(info.name)
        except ImportError:
            continue
        for name, value in vars(mod).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.append((f"{info.name}.{name}", value))
    return found


def time_regexes(text: str, top: int) -> None:
    from reviewextract.lang import get_language

    lang = get_language("de")
    low = text.lower()
    # a Rule that has its own finditer (literal prefilters, anchors) is timed through it
    rows = [(time_pattern(r if hasattr(r, "finditer") else r.pattern, text if r.case else low),
             f"rule {r.id}")
            for rules in lang.rules.values() for r in rules]
    rows += [(time_pattern(rx, text), name) for name, rx in module_patterns()]
    rows.sort(reverse=True)
    print(f"\nregexes over all {len(text)} characters: {len(rows)} patterns (module-level ones "
          "may only ever see short pieces: check the call site); the slowest:")
    for us, name in rows[:top]:
        print(f"{us:9.0f} µs  {name}")


def stage_table(text: str, rounds: int) -> None:
    """Each step of `extract` timed alone, without the profiler's per-call overhead.

    Uses internal functions, so a stage whose code changed shape is reported as n/a.
    """
    from reviewextract import extract, fields, guard
    from reviewextract import text as text_mod
    from reviewextract.lang import get_language

    lang = get_language("de")
    # a fresh Doc for every call: a Doc memoises its sentences, clauses and polarity, so reusing
    # one would time the cache; subtract the "Doc + sentences" row from the others
    stages: list[tuple[str, Callable[[], object]]] = [
        ("guard.prepare_input", lambda: guard.prepare_input(text)),
        ("text.Doc + sentences", lambda: text_mod.Doc(text, lang).sentences),
    ]
    for name in ("title", "work_type", "season", "year", "episodes", "runtime", "directors",
                 "rating"):
        mod = getattr(fields, name)
        stages.append((f"Doc + fields.{name}.candidates",
                       lambda mod=mod: mod.candidates(text_mod.Doc(text, lang))))
    stages.append(("Doc + fields.opinions.extract_opinions",
                   lambda: fields.opinions.extract_opinions(text_mod.Doc(text, lang), None)))
    review = extract(text)
    stages.append(("Review.model_dump(mode='json')", lambda: review.model_dump(mode="json")))
    try:
        from reviewextract.jsonld import to_jsonld

        stages.append(("jsonld.to_jsonld", lambda: to_jsonld(review)))
    except ImportError:
        pass
    stages.append(("extract (whole)", lambda: extract(text)))
    print(f"\nstages over {len(text)} characters, median of {rounds} calls, no profiler:")
    for name, fn in stages:
        try:
            fn()
        except Exception as exc:  # a stage whose internals changed: say so, keep going
            print(f"{'n/a':>9}     {name} ({type(exc).__name__})")
            continue
        times = []
        for _ in range(rounds):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        print(f"{sorted(times)[len(times) // 2] * 1e6:9.0f} µs  {name}")


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--html", action="store_true", help="profile extract_html on a 30 KB page")
    p.add_argument("--top", type=int, default=20)
    p.add_argument("--rounds", type=int, default=50)
    args = p.parse_args()
    seed = SEED.read_text(encoding="utf-8")
    if args.html:
        from reviewextract.html import extract_html, visible_text

        page = html_page(seed)
        profile(lambda: extract_html(page), args.rounds, args.top)
        time_regexes(visible_text(page), args.top)
    else:
        from reviewextract import extract

        profile(lambda: extract(seed), args.rounds, args.top)
        time_regexes(seed, args.top)
        stage_table(seed, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
