"""`reviewextract batch`: one output line per input, in order, bad records as error lines."""

from __future__ import annotations

import importlib.util
import io
import json
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from reviewextract.batch import BatchOptions, convert_chunk, iter_items, read_lines
from reviewextract.cli import main

from .conftest import ROOT

N_LINES = 10_000
# the bad lines mixed in: (line, expected error type); each goes to its own place in the file
BAD_KINDS: list[tuple[bytes, str]] = [
    (b'{"id": "x", "text": "unterminated', "invalid_json"),
    (b'{"id": "x", "text": "   "}', "empty_input"),
    (b'{"id": "x", "title": "no text"}', "missing_text"),
    (b'{"id": "x", "text": "Film \xff\xfe von 1999"}', "not_text"),
    (json.dumps({"id": "x", "text": "Film " * 500}).encode(), "input_too_large"),
    (b'["not", "an", "object"]', "invalid_record"),
]


def bad_positions(n: int) -> dict[int, tuple[bytes, str]]:
    places = [17, n // 4, n // 2, n * 7 // 9, n * 9 // 10, n - 2]
    return dict(zip(places, BAD_KINDS, strict=True))


def _good_line(i: int) -> bytes:
    # the shortest review that still has a fact: keeps 10,000 extractions quick
    return json.dumps({"id": i, "batch": "t", "text": f"Film von {1950 + i % 70}."}).encode()


def write_mixed(path: Path, n: int) -> dict[int, tuple[bytes, str]]:
    bad = bad_positions(n)
    lines = [bad[i][0] if i in bad else _good_line(i) for i in range(n)]
    path.write_bytes(b"\n".join(lines) + b"\n")
    return bad


def _read_output(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# 10,000 lines through the process pool (the case the issue names); the in-process path gets
# the same mix on fewer lines so the suite stays quick
@pytest.mark.parametrize(("jobs", "n"), [(2, N_LINES), (1, 2_000)])
def test_many_lines_keep_order_and_report_bad_ones(tmp_path: Path, jobs: int, n: int) -> None:
    src, out = tmp_path / "mixed.jsonl", tmp_path / "out.jsonl"
    bad = write_mixed(src, n)
    code = main(["batch", str(src), "-o", str(out), "--jobs", str(jobs),
                 "--max-chars", "2000", "--quiet"])
    rows = _read_output(out)
    assert code == 1
    assert len(rows) == n
    for i, row in enumerate(rows):
        if i in bad:
            assert row["error"]["type"] == bad[i][1], (i, row)
            assert "review" not in row
        else:
            assert row["id"] == i
            assert row["batch"] == "t"
            assert row["review"]["year"] == 1950 + i % 70
    # a line that cannot be parsed has no id, so its error says where it came from
    assert rows[17]["id"] is None
    assert rows[17]["error"]["line"] == 18
    assert rows[n // 4]["id"] == "x"


def test_all_good_exits_zero_and_leaves_source_text_out(tmp_path: Path,
                                                         seed_text: str) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "seed", "text": seed_text}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(out), "-q"]) == 0
    (row,) = _read_output(out)
    assert row["review"]["title"] == "Missions"
    assert "source_text" not in row["review"]
    assert main(["batch", str(src), "-o", str(out), "-q", "--include-source-text"]) == 0
    assert _read_output(out)[0]["review"]["source_text"] == seed_text


def test_folder_input_in_sorted_order(tmp_path: Path, seed_text: str) -> None:
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.txt").write_text(seed_text, encoding="utf-8")
    (folder / "a.html").write_text(
        "<html><body><script>var y = 1987;</script><p>Ein Film aus dem Jahr 2003.</p>"
        "</body></html>", encoding="utf-8")
    (folder / "sub" / "c.txt").write_bytes(b"Film \xff von 1999")
    (folder / "notes.md").write_text("ignored", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(folder), "-o", str(out), "-q"]) == 1
    rows = _read_output(out)
    assert [r["id"] for r in rows] == ["a.html", "b.txt", "sub/c.txt"]
    assert rows[0]["review"]["year"] == 2003
    assert rows[0]["review"]["meta"]["source_format"] == "html"
    assert rows[1]["review"]["title"] == "Missions"
    assert rows[2]["error"]["type"] == "not_text"


def test_html_records_and_passthrough_keys(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    record = {"id": "p1", "url": "https://example.org/r/1", "site": "x",
              "html": "<html><body><p>Ein Film von 1994.</p></body></html>"}
    src.write_text(json.dumps(record) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(src), "-o", str(out), "-q"]) == 0
    (row,) = _read_output(out)
    assert list(row) == ["id", "url", "site", "review"]
    assert row["review"]["meta"]["url"] == "https://example.org/r/1"
    assert row["review"]["year"] == 1994
    assert main(["batch", str(src), "-o", str(out), "-q", "--max-chars", "20"]) == 1
    assert _read_output(out)[0]["error"]["type"] == "input_too_large"


def test_stdin_to_stdout_is_quiet_on_pipes_but_summarises() -> None:
    lines = "".join(json.dumps({"id": i, "text": f"Der Film lief {1990 + i}."}) + "\n"
                    for i in range(5))
    done = subprocess.run([sys.executable, "-m", "reviewextract", "batch", "-", "--jobs", "2"],
                          input=lines.encode(), capture_output=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert [r["review"]["year"] for r in rows] == [1990, 1991, 1992, 1993, 1994]
    summary = done.stderr.decode().splitlines()
    assert len(summary) == 1  # no progress bar on a pipe, just the summary
    assert "5 records, 0 failed" in summary[0]


@pytest.mark.parametrize("argv", [
    ["batch", "does-not-exist.jsonl"],
    ["batch", "-", "-"],
    ["batch", "tests/data/seed.jsonl", "--jobs", "-1"],
    ["batch", "tests/data/seed.jsonl", "-o", "no/such/folder/out.jsonl"],
    ["batch", "tests/data/seed.jsonl", "-o", "tests/data/seed.jsonl"],
], ids=["missing-input", "stdin-twice", "negative-jobs", "missing-out-folder", "overwrite-input"])
def test_usage_errors_exit_two(argv: list[str], monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    assert main(argv) == 2
    assert "error:" in capsys.readouterr().err


def test_unknown_option_exits_two() -> None:
    with pytest.raises(SystemExit) as exc:
        main(["batch", "tests/data/seed.jsonl", "--format", "xml"])
    assert exc.value.code == 2


def test_over_long_line_is_skipped_in_bounded_reads() -> None:
    data = b'{"id": 1}\n' + b"x" * 100 + b"\n\n" + b'{"id": 3}\n'
    got = list(read_lines(io.BytesIO(data), max_bytes=20))
    assert got == [(1, b'{"id": 1}\n'), (2, None), (4, b'{"id": 3}\n')]


def test_items_and_options_pickle_for_workers(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": 1, "text": "Der Film lief 1977."}\n', encoding="utf-8")
    options = BatchOptions()
    items = list(iter_items([str(src)], options))
    chunk, opts = pickle.loads(pickle.dumps((items, options)))
    ((line, ok),) = convert_chunk(chunk, opts)
    assert ok
    assert json.loads(line)["review"]["year"] == 1977


@pytest.mark.skipif(importlib.util.find_spec("reviewextract.jsonld") is None,
                    reason="reviewextract.jsonld is not written yet")
def test_jsonld_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "out.jsonl"
    assert main(["batch", "tests/data/seed.jsonl", "-o", str(out), "-q",
                 "--format", "jsonld"]) == 0
    (row,) = _read_output(out)
    assert row["id"] == "seed"
    assert "schema.org" in json.dumps(row["jsonld"])
    assert row["jsonld"]["itemReviewed"]["name"] == "Missions"
    assert "reviewBody" not in row["jsonld"]
    assert main(["batch", "tests/data/seed.jsonl", "-o", str(out), "-q", "--format", "jsonld",
                 "--include-source-text"]) == 0
    assert _read_output(out)[0]["jsonld"]["reviewBody"].startswith("Sci-Fi")


def test_progress_counts_every_record() -> None:
    from reviewextract.commands.batch import _with_progress

    class Bar:
        done = 0

        def update(self, n: int) -> None:
            self.done += n

    bar = Bar()
    results = [(f"line {i}", i % 3 != 0) for i in range(1000)]
    assert list(_with_progress(iter(results), bar)) == results
    assert bar.done == 1000


def test_reader_closing_the_pipe_stops_quietly(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": f"Film von {1990 + i % 9}."}) + "\n"
                           for i in range(3000)), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "reviewextract", "batch", str(src)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    assert proc.stdout is not None and proc.stderr is not None
    assert json.loads(proc.stdout.readline())["id"] == 0
    proc.stdout.close()  # like `| head -1`
    err = proc.stderr.read().decode()
    assert proc.wait() == 1
    assert "output closed after" in err
    assert "Traceback" not in err


def _fault(kind: str) -> Exception:
    """A library failure of `kind`: both are ValueErrors, neither is the input's fault."""
    if kind == "language-data":
        from reviewextract.lang.base import LanguageDataError

        return LanguageDataError("de: cues.toml: [rules.year] is broken")
    from pydantic import ValidationError

    from reviewextract.model import Evidence

    try:
        Evidence(start=5, end=1, text="", rule="x", confidence=0.5)
    except ValidationError as exc:
        return exc
    raise AssertionError("the record validator accepted a broken span")


@pytest.mark.parametrize("kind", ["language-data", "validation"])
def test_an_internal_error_is_reported_as_one_in_order_with_exit_code_2(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    """Issue 14: a LanguageDataError or a pydantic ValidationError raised inside the library is
    a ValueError, and came out as `invalid_input`, blaming the input."""
    from reviewextract import pipeline

    fault = _fault(kind)
    original = pipeline.extract_facts

    def faulty(doc: Any, intro: Any = None) -> Any:
        if "KAPUTT" in doc.text:
            raise fault
        return original(doc, intro)

    monkeypatch.setattr(pipeline, "extract_facts", faulty)
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    records = [{"id": 1, "text": "Ein Film von 1999."}, {"id": 2, "text": "Ein Film KAPUTT."},
               {"id": 3, "text": ""}, {"id": 4, "text": "Ein Film von 2001."}]
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert main(["batch", str(src), "-o", str(out), "--jobs", "1", "--quiet"]) == 2
    lines = _read_output(out)
    assert [line["id"] for line in lines] == [1, 2, 3, 4]
    assert lines[0]["review"]["year"] == 1999 and lines[3]["review"]["year"] == 2001
    assert lines[1]["error"]["type"] == "internal_error"
    assert lines[1]["error"]["message"].startswith(type(fault).__name__)
    assert lines[2]["error"]["type"] == "empty_input"  # the input's own fault keeps its type
    # without the fault the same batch has only the input error: exit code 1
    monkeypatch.setattr(pipeline, "extract_facts", original)
    assert main(["batch", str(src), "-o", str(out), "--jobs", "1", "--quiet"]) == 1


def test_deeply_nested_json_is_an_invalid_line_not_a_crash(tmp_path: Path) -> None:
    # json.loads raises RecursionError on a very deep nesting: one bad line, the rest go on
    from reviewextract.batch import BatchOptions, convert_lines

    lines = ['{"id": "a", "text": "Der Film ist gut und sehr spannend erzählt."}',
             "[" * 100_000, '{"id": "b", "text": "Die Serie ist schwach und viel zu lang."}']
    out = [json.loads(x) for x in convert_lines(lines, BatchOptions())]
    assert len(out) == 3
    assert out[1]["error"]["type"] == "invalid_json"
    assert "review" in out[0] and "review" in out[2]
