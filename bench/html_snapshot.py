"""Snapshot of the HTML stage, to prove a speed change leaves its output unchanged.

    PYTHONPATH=/tmp/base/src python bench/html_snapshot.py /tmp/before.json --pages /tmp/p.json
    python bench/html_snapshot.py /tmp/after.json --pages /tmp/p.json           # new code
    cmp /tmp/before.json /tmp/after.json

For each page it records what the HTML stage hands to extraction: the main text, headline and
byline/date lines (`html.main_text`), the markup hints (`markup_hints`, or `pagemeta` in older
trees) and the decoding; or the error a page raises. Pages: the corpus's HTML records, the seed
page, the benchmark's 29 KB page, every plain-text corpus review inside the seed page's frame,
and `--random N` pages from the fuzzer's random-HTML generator (seeded, so both runs see the
same pages).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "bench"), str(ROOT)]


def pages(n_random: int) -> list[tuple[str, str]]:
    from run import html_page  # the benchmark's page
    from tests.conftest import corpus_records
    from tests.test_html_equivalence import as_page

    seed = (ROOT / "examples" / "missions.txt").read_text(encoding="utf-8")
    out = [("bench", html_page(seed)),
           ("seed-page", (ROOT / "tests/data/html/missions.html").read_text(encoding="utf-8"))]
    for rec in corpus_records():
        if rec.get("format") == "html":
            out.append((rec["id"], rec["text"]))
        else:
            out.append((rec["id"] + "#page", as_page(rec["text"])))
    if n_random:
        from fuzz.run import random_html
        from hypothesis import HealthCheck, Phase, given, settings

        drawn: list[str] = []

        @settings(max_examples=n_random, database=None, deadline=None, phases=[Phase.generate],
                  suppress_health_check=list(HealthCheck), derandomize=True)
        @given(random_html())
        def collect(page: str) -> None:
            drawn.append(page)

        collect()
        rng = random.Random(7)
        out += [(f"random-{i}", p) for i, p in enumerate(drawn)]
        # corpus pages cut at random places: unclosed tags, half attributes
        html_pages = [p for _, p in out[:40]]
        for i in range(n_random // 4):
            p = rng.choice(html_pages)
            a = rng.randrange(len(p))
            out.append((f"cut-{i}", p[:a] + p[a + rng.randrange(1, 400):]))
    return out


def stage(page: str) -> dict[str, Any]:
    from reviewextract import html

    try:
        from reviewextract.markup import markup_hints
    except ImportError:  # older trees
        from reviewextract.pagemeta import markup_hints
    try:
        root, enc = html.parse_page(page)
        hints = markup_hints(root).__dict__
        found = html.main_text(root, "de", site_name=hints.get("site_name"))
        return {"enc": enc, "hints": hints, "text": found.text, "headline": found.headline,
                "meta_lines": found.meta_lines}
    except ValueError as exc:
        return {"error": f"{type(exc).__name__}: {exc}"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--random", type=int, default=2000, help="random pages (default 2000)")
    ap.add_argument("--pages", type=Path,
                    help="JSON file of the pages: written when missing, else read (so both runs "
                         "read the very same pages)")
    args = ap.parse_args()
    import reviewextract

    print(f"reviewextract from {reviewextract.__file__}", file=sys.stderr)
    if args.pages and args.pages.exists():
        todo = json.loads(args.pages.read_text(encoding="ascii"))
    else:
        todo = pages(args.random)
        if args.pages:
            args.pages.write_text(json.dumps(todo), encoding="ascii")
    snap = {name: stage(page) for name, page in todo}
    args.out.write_text(json.dumps(snap, indent=0, sort_keys=True), encoding="ascii")
    print(f"{len(snap)} pages -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
