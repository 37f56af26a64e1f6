"""Executable docs: every example in README.md and docs/*.md runs, so the docs cannot drift.

- A ```python block containing `>>>` is a doctest (ELLIPSIS on), run from the repo root with
  fresh globals per block: each block imports what it uses.
- A ```console block's `$ ` lines are shell commands, run one after another from the repo root
  with the venv's bin directory first on PATH; a line ending in `\\` continues on the next `$`-less
  line. Each command must exit 0; the lines that follow a command are sample output, not checked.
- Other blocks (```text, ```json, ```sh, ...) are illustrations and are not run.

Test ids are `file:line` of the block's opening fence.
"""

from __future__ import annotations

import doctest
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import ROOT

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^\n`]*)$")


@dataclass(frozen=True)
class Block:
    path: Path
    line: int  # 1-based line of the opening fence
    lang: str
    body: str

    @property
    def id(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


def doc_files() -> list[Path]:
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def blocks(path: Path) -> list[Block]:
    """The fenced code blocks of a Markdown file, with their info-string language."""
    out: list[Block] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        m = _FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        fence, start, body = m.group("fence"), i, []
        i += 1
        while i < len(lines) and not lines[i].strip().startswith(fence):
            body.append(lines[i][len(m.group("indent")):] if lines[i].startswith(
                m.group("indent")) else lines[i])
            i += 1
        lang = (m.group("info").strip().split() or [""])[0].lower()
        out.append(Block(path, start + 1, lang, "\n".join(body) + "\n"))
        i += 1
    return out


def runnable() -> list[Block]:
    found = []
    for path in doc_files():
        for b in blocks(path):
            if (b.lang in ("python", "py", "pycon") and ">>>" in b.body) or (
                    b.lang == "console" and commands(b.body)):
                found.append(b)
    return found


def commands(body: str) -> list[str]:
    """The `$ ` command lines of a console block, continuation lines joined."""
    out: list[str] = []
    pending: str | None = None
    for line in body.splitlines():
        if pending is not None:
            pending += "\n" + line
        elif line.startswith("$ "):
            pending = line[2:]
        else:
            continue
        if not pending.endswith("\\"):
            out.append(pending)
            pending = None
    if pending is not None:
        out.append(pending)
    return out


BLOCKS = runnable()


def test_docs_have_runnable_examples() -> None:
    """Guards the collector itself: the README's doctest and the guide's commands are found."""
    ids = [b.id for b in BLOCKS]
    assert any(i.startswith("README.md:") for i in ids)
    assert any(i.startswith("docs/guide.md:") and b.lang == "console"
               for i, b in zip(ids, BLOCKS, strict=True))
    assert commands("$ a \\\n  b\nout\n$ c\n") == ["a \\\n  b", "c"]


def _run_doctest(block: Block) -> None:
    parser = doctest.DocTestParser()
    test = parser.get_doctest(block.body, {"__name__": "__docs__"}, block.id, str(block.path),
                              block.line)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    report: list[str] = []
    runner.run(test, out=report.append, clear_globs=True)
    if runner.failures:
        pytest.fail(f"{block.id}: doctest failed\n" + "".join(report), pytrace=False)


def _run_console(block: Block) -> None:
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env.setdefault("PYTHONIOENCODING", "utf-8")
    for cmd in commands(block.body):
        done = subprocess.run(["bash", "-c", "set -o pipefail\n" + cmd], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=300, check=False)
        if done.returncode != 0:
            pytest.fail(f"{block.id}: `{cmd}` exited {done.returncode}\n"
                        f"stdout:\n{done.stdout[-3000:]}\nstderr:\n{done.stderr[-3000:]}",
                        pytrace=False)


@pytest.mark.parametrize("block", BLOCKS, ids=[b.id for b in BLOCKS])
def test_doc_block(block: Block, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    if block.lang == "console":
        _run_console(block)
    else:
        _run_doctest(block)
