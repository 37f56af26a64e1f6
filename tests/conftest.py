from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent


def corpus_records() -> list[dict]:
    out = []
    for p in sorted(DATA.glob("*.jsonl")):
        out += [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines() if line]
    return out


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (ROOT / "examples" / "missions.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def records() -> list[dict]:
    return corpus_records()


CHROMIUM = Path("/usr/bin/chromium")
# headless Chromium as root on a machine without network: no sandbox, no background traffic
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"]


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's Chromium: skipped where it is missing, except under CI, where that fails."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("CI needs /usr/bin/chromium (apt-get install chromium)")
        pytest.skip("no /usr/bin/chromium")
    return CHROMIUM


def comparable_record(review: Any) -> dict:
    """A record without what differs by input format (spans, source text, page meta): the
    values, and the texts of pros, cons and verdict."""
    data = review.model_dump(mode="json", exclude={"evidence", "source_text", "meta", "warnings"})
    for key in ("pros", "cons"):
        data[key] = [o["text"] for o in data[key]]
    data["verdict"] = data["verdict"]["text"] if data["verdict"] else None
    return data
