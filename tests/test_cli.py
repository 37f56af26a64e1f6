"""The command line's core commands: extract prints the record, evaluate prints the table."""

from __future__ import annotations

import json
import subprocess
import sys

from .conftest import DATA, ROOT


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "reviewextract", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)


def test_extract_prints_the_record_with_the_issue_keys() -> None:
    out = cli("extract", "examples/missions.txt", "--pretty")
    assert out.returncode == 0, out.stderr
    record = json.loads(out.stdout)
    for key in ("title", "work_type", "season", "year", "episodes", "runtime_minutes",
                "directors", "rating", "pros", "cons", "verdict", "sentiment", "evidence"):
        assert key in record
    assert record["title"] == "Missions" and record["episodes"] == 10
    assert out.stdout.startswith("{\n  ")  # --pretty indents


def test_extract_reads_stdin() -> None:
    text = (ROOT / "examples" / "missions.txt").read_text(encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "reviewextract", "extract", "-"], input=text,
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["season"] == 1


def test_a_reader_that_stops_early_gets_no_error() -> None:
    proc = subprocess.Popen([sys.executable, "-m", "reviewextract", "extract",
                             "examples/missions.txt", "--pretty"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=ROOT)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(5)
    proc.stdout.close()  # like `| head -c 5`
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 0
    assert err == ""


def test_evaluate_prints_a_table_and_json() -> None:
    table = cli("evaluate", str(DATA / "seed.jsonl"))
    assert table.returncode == 0, table.stderr
    assert table.stdout.splitlines()[0] == "1 records"
    assert any(line.startswith("title ") and "1.000" in line
               for line in table.stdout.splitlines())
    data = json.loads(cli("evaluate", str(DATA / "seed.jsonl"), "--json").stdout)
    assert data["records"] == 1 and data["facts"]["episodes"] == 1.0
