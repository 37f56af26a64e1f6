"""The type hints are checked, not only written: mypy over the package (config in pyproject.toml).

Stale hints are what this catches: when a function starts returning a list instead of an
iterator, or a tuple's fields change, the annotations that say otherwise fail here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_package_type_checks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    api = pytest.importorskip("mypy.api")
    monkeypatch.chdir(ROOT)  # mypy reads its settings and `files` from pyproject.toml here
    out, err, status = api.run(["--cache-dir", str(tmp_path / "mypy_cache")])
    assert status == 0, out + err
    assert "Success" in out
