"""Work grows linearly with the input: the families of bench/adversarial.py, at n and 2n.

The work is counted, not timed: the number of Python lines of the package that run while one
text is extracted (a trace function counts them), so the ratio t(2n)/t(n) is the same on any
machine and under any load. Linear work gives a ratio near 2; a lookup that walks the text (or
its sentences) once per candidate gives a ratio that grows towards 4. The regex engine's own
work is not counted here; `bench/adversarial.py` times it (docs/robustness.md).
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

import reviewextract
from reviewextract import extract

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = str(Path(reviewextract.__file__).parent)
MAX_RATIO = 2.5


def _families() -> dict[str, Callable[[int], str]]:
    spec = importlib.util.spec_from_file_location("adversarial", ROOT / "bench/adversarial.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return dict(module.FAMILIES)


FAMILIES = _families()
# the families of many candidates per fact field; 12,000 characters are 280-750 sentences
COUNTED = ["dated_release", "every_field", "infobox_blocks", "work_type_sentences",
           "title_sentences", "season_sentences", "episode_sentences", "runtime_sentences",
           "year_sentences", "director_sentences", "rating_sentences", "long_names", "name_list",
           "runs_at_cues", "scores_one_sentence", "weak_directors_one_sentence",
           "genitives_one_sentence", "inline_articles_one_line"]
N = 12_000


def lines_run(text: str) -> int:
    """How many lines of the package's code run while `text` is extracted."""
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame: FrameType, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename.startswith(PACKAGE) else None

    old = sys.gettrace()
    sys.settrace(calls)
    try:
        extract(text, max_chars=len(text) + 1)
    finally:
        sys.settrace(old)
    return count


@pytest.mark.parametrize("family", COUNTED)
def test_work_grows_linearly_with_many_candidates(family: str) -> None:
    extract("Der Film ist gut.")  # language data loaded outside the count
    make = FAMILIES[family]
    small, large = lines_run(make(N)), lines_run(make(2 * N))
    assert large / small <= MAX_RATIO, (family, small, large)


def test_names_are_read_from_their_group_not_from_the_text_before_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A copy of the text up to each director match (to read the names in its group) made the
    directors quadratic in time on many matches (a C copy: not seen by the line count above)."""
    from reviewextract.fields import directors

    seen: list[int] = []
    original = directors.read_names

    def recording(text: str, *args: Any) -> Any:
        seen.append(len(text))
        return original(text, *args)

    monkeypatch.setattr(directors, "read_names", recording)
    review = extract(FAMILIES["director_sentences"](N), max_chars=N + 1)
    assert review.directors == ["Tom Tykwer"]
    assert seen and max(seen) < 100  # the group ("Tom Tykwer"), whatever its place in the text
