"""The evidence page in a real browser (headless Chromium): it renders, the highlights sit where
the spans say, hostile text stays inert, and the seed review's screenshot is written to
`artifacts/show/missions.png` (the CI artifact).

Skipped when /usr/bin/chromium is missing, except under CI (env CI set), where that fails.
"""

from __future__ import annotations

import struct
import subprocess
import tempfile
from pathlib import Path

from reviewextract import extract
from reviewextract.cli import main
from reviewextract.model import Evidence, Review
from reviewextract.show import marks_of, render_review

from .conftest import CHROMIUM_FLAGS, ROOT
from .test_show import HOSTILE, parse, sample_review

ARTIFACTS = ROOT / "artifacts" / "show"
FLAGS = [*CHROMIUM_FLAGS, "--hide-scrollbars"]


def run_chromium(chromium: Path, page: Path, *extra: str) -> str:
    """Load `page` in a fresh profile; returns stdout (the DOM for --dump-dom)."""
    with tempfile.TemporaryDirectory(prefix="chromium-") as profile:
        done = subprocess.run(
            [str(chromium), *FLAGS, f"--user-data-dir={profile}", *extra, page.as_uri()],
            capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def check_rendered_marks(dom: str, review: Review) -> None:
    """Every span's pieces, joined, are exactly source_text[start:end]; first pieces in order."""
    body = dom[dom.index('<main class="text"'):dom.index("</main>")]
    pieces = parse(body).pieces
    text = review.source_text
    joined: dict[str, str] = {}
    for p in pieces:
        start, end = int(p["data-start"]), int(p["data-end"])
        assert p["_text"] in text[start:end]
        joined[p["data-mark"]] = joined.get(p["data-mark"], "") + p["_text"]
    for p in pieces:
        assert joined[p["data-mark"]] == text[int(p["data-start"]):int(p["data-end"])]
    expected = {m.id for m in marks_of(review) if m.end > m.start}
    assert set(joined) == expected
    firsts = [(int(p["data-start"]), -int(p["data-end"])) for p in pieces if p.get("id")]
    assert firsts == sorted(firsts)
    assert "".join(parse(body).text) == text


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_seed_report_renders_with_spans_in_place(chromium: Path) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = ARTIFACTS / "missions.html"
    seed = ROOT / "examples" / "missions.txt"
    assert main(["show", str(seed), "-o", str(page)]) == 0
    review = extract(seed.read_text(encoding="utf-8"))
    dom = run_chromium(chromium, page, "--dump-dom")
    assert "<title>Evidence: Missions</title>" in dom
    check_rendered_marks(dom, review)
    assert len(marks_of(review)) >= 8  # the seed states title, season, episodes, runtime, ...


def test_seed_report_screenshot(chromium: Path) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = ARTIFACTS / "missions.html"
    assert main(["show", str(ROOT / "examples" / "missions.txt"), "-o", str(page)]) == 0
    shot = ARTIFACTS / "missions.png"
    shot.unlink(missing_ok=True)
    run_chromium(chromium, page, "--window-size=1400,1500", f"--screenshot={shot}")
    assert png_size(shot) == (1400, 1500)
    assert shot.stat().st_size > 20_000  # a blank page compresses to a few hundred bytes


def test_crossing_spans_and_hostile_text_in_browser(chromium: Path, tmp_path: Path) -> None:
    crossing = sample_review()
    page = tmp_path / "crossing.html"
    page.write_text(render_review(crossing), encoding="utf-8")
    check_rendered_marks(run_chromium(chromium, page, "--dump-dom"), crossing)

    t = HOSTILE
    start = t.index("<img")
    hostile = Review(source_text=t, evidence={"title": [Evidence(
        start=start, end=t.index(">", start) + 1, text=t[start:t.index(">", start) + 1],
        rule="t", confidence=0.5)]})
    page = tmp_path / "hostile.html"
    page.write_text(render_review(hostile), encoding="utf-8")
    dom = run_chromium(chromium, page, "--dump-dom")
    tags = parse(dom).tags
    assert "img" not in tags and tags.count("script") == 0
    check_rendered_marks(dom, hostile)
