"""The embedded JSON-LD block in a real browser (headless Chromium).

The page carries a harness script after the block: it records `document.title`, the number of
script elements and `JSON.parse` of the block's text into a body attribute, which `--dump-dom`
prints. A payload that ended the block would run its own script (changing the title) or swallow
the harness (no result at all).

Skipped when /usr/bin/chromium is missing, except under CI (env CI set), where that fails.
"""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest

import reviewextract.jsonld as jsonld
from reviewextract.jsonld import embed, to_jsonld

from .conftest import CHROMIUM_FLAGS
from .test_jsonld import hand_review, seed_review

FLAGS = CHROMIUM_FLAGS
TITLE = "Kritik"
PAGE = f"""<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>{TITLE}</title>
</head>
<body>
<p>Seite</p>
<script>
(function () {{
  var block = document.querySelector("script[data-reviewextract]");
  var result = {{title: document.title, scripts: document.scripts.length, data: null}};
  try {{ result.data = JSON.parse(block.textContent); }} catch (e) {{ result.error = String(e); }}
  document.body.setAttribute("data-result", JSON.stringify(result));
}})();
</script>
</body>
</html>
"""
SCRIPTS_ON_PAGE = 2  # the JSON-LD block and the harness
PAYLOADS = {
    "close-script": "Stark. </script><script>document.title='pwned'</script> Schwach.",
    "comment-script": "Stark. <!--<script> Schwach. ]]> \u2028 \u2029 & mehr",
}


def harness_result(chromium: Path, html: str) -> dict[str, Any] | None:
    """Open `html` as a file:// page in a fresh profile; the harness's record, or None."""
    import lxml.html

    with tempfile.TemporaryDirectory(prefix="chromium-") as tmp:
        page = Path(tmp) / "page.html"
        page.write_text(html, encoding="utf-8")
        done = subprocess.run(
            [str(chromium), *FLAGS, f"--user-data-dir={Path(tmp) / 'profile'}", "--dump-dom",
             page.as_uri()], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    body = lxml.html.document_fromstring(done.stdout).find("body")
    raw = body.get("data-result") if body is not None else None
    return json.loads(raw) if raw else None


def hostile_review(payload: str) -> Any:
    return hand_review(f"{payload} Gute Darsteller. Schwaches Drehbuch.", title=payload)


def test_browser_parses_the_seed_block_to_the_same_data(chromium: Path) -> None:
    kwargs = {"author": "Jane Doe", "publisher": "Filmblog"}
    result = harness_result(chromium, embed(PAGE, seed_review(), **kwargs))
    assert result is not None
    assert result["data"] == to_jsonld(seed_review(), **kwargs)
    assert (result["title"], result["scripts"]) == (TITLE, SCRIPTS_ON_PAGE)


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_hostile_review_runs_no_script(chromium: Path, name: str) -> None:
    review = hostile_review(PAYLOADS[name])
    author = "</script><script>document.title='pwned-author'</script>"
    result = harness_result(chromium, embed(PAGE, review, author=author))
    assert result is not None, "the harness script did not run: the block swallowed the page"
    assert result["title"] == TITLE
    assert result["scripts"] == SCRIPTS_ON_PAGE
    assert result["data"] == to_jsonld(review, author=author)
    assert PAYLOADS[name] in result["data"]["reviewBody"]


@pytest.mark.parametrize("name", sorted(PAYLOADS))
def test_payloads_break_the_page_without_escaping(
        chromium: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The payloads above are real attacks: with the escaping switched off, each one breaks out
    of the block (so the test above is not passing by accident)."""
    monkeypatch.setattr(jsonld, "_UNSAFE", re.compile("(?!)"))  # matches nothing
    result = harness_result(chromium, embed(PAGE, hostile_review(PAYLOADS[name])))
    broken = (result is None or result["title"] != TITLE
              or result["scripts"] != SCRIPTS_ON_PAGE or result["data"] is None)
    assert broken
