from __future__ import annotations

import json
from pathlib import Path

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
