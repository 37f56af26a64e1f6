"""Prove that a change to the fact stage leaves its output unchanged, and time the stage.

    python bench/facts_snapshot.py --base /tmp/facts_base/src            # compare outputs
    python bench/facts_snapshot.py --base /tmp/facts_base/src --time     # and time the seed

`--base` is the `src` folder of an exported baseline (`git archive HEAD | tar -x -C DIR`). The
inputs are built once, in this process, with the working tree: every record of
tests/data/*.jsonl (plain text through `guard.prepare_input`, HTML through `extract_html`, whose
source text and title hint are kept), each also lowercased and uppercased, examples/missions.txt,
and `--mutations` texts made from them with a seeded random generator (cuts and joins of
sentences, inserted cue words and odd characters, case changes, deletions).

Two child processes then read the same inputs, one importing the baseline and one the working
tree, and record for every input: `Doc` sentences and lines, the spans (with every group's span)
of each rule's matches, and what `extract.extract_facts` returns: values, evidence (start, end,
text, rule, confidence) and warnings; an exception is recorded by its type and message. The two
records must be identical; the script exits 1 otherwise and prints the first differences.

`--time` also times `Doc(text, lang)` + `extract_facts(doc)` on the seed in both trees (median
and best of `--rounds` calls, the trees run alternately three times so both see the same machine
state).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = sorted((ROOT / "tests" / "data").glob("*.jsonl"))
SEED = ROOT / "examples" / "missions.txt"

# snippets that feed the rules: cue words, numbers, quote marks, info-box labels, and characters
# whose lowercase has another length or that break words
SNIPPETS = ["Staffel ", "staffel", "Season 2", "die erste Staffel", "Regie führte ", "Regie: ",
            "unter der Regie von ", "inszeniert von ", "Folgen", " zehn Folgen", "Episoden: 8",
            "Minuten", " ca. 45 Min.", "1 Std. 20 Min.", "1:47 h", "Laufzeit: ", "(2019)",
            "aus 2017", "von 2012", "kam 2011 in die Kinos", "2015er Film", "USA 2014", "„",
            "“", "\"", "»", "'", "★★★☆☆", "8/10", "4 von 5 Sternen", "Wertung: ", "Film",
            "Serie", "Miniserie", "Dreiteiler", "Doku", "sechsteilige Serie", "Nolans neuer Film",
            "Greta Gerwigs „Barbie“", "hat den Film inszeniert", ", der auch Regie führte",
            "\n", "\n\n", ": ", ". ", "! ", "? ", "...", "…", "(", ")", "/", "-", "–", "1", "22",
            "2020", "ß", "İ", "ẞ", "\u0130stanbul", "ﬁ", "\u0308", "\t", "S03E01", "Teil 2",
            "Produktionsjahr: 1999", "Titel: Dune: Part Two", "Re: ", "Kritik: "]


# cue templates filled with random numbers, so numeric edge cases (two digits, years out of range,
# ranges, fractions) meet every rule
TEMPLATES = ["Staffel {n}", "Season {n}", "{n}. Staffel", "{n} Folgen", "{n} Episoden",
             "Episoden: {n}", "{n} Minuten", "{n}-{n} Min.", "{n} Std. {n} Min.", "{n}:{n} h",
             "Laufzeit: {n} Min.", "({y})", "aus {y}", "von {y}", "{y}er Film", "USA {y}",
             "kam {y} in die Kinos", "Produktionsjahr: {y}", "{n}/{n}", "{n},{n} von {n} Punkten",
             "{n} von {n} Sternen", "Wertung: {n}/{n}", "{n} Sterne", "{n}-teilige Serie",
             "S{n}E{n}", "{n} Stunden"]


def _filled(rng: random.Random) -> str:
    def num(_: re.Match[str]) -> str:
        return str(rng.choice([0, 1, 2, 3, 5, 8, 10, 12, 22, 45, 99, 100, 137, 1000, 5001]))

    def year(_: re.Match[str]) -> str:
        return str(rng.choice([1879, 1880, 1950, 1999, 2007, 2017, 2024, 2099, 9999]))

    return re.sub(r"\{y\}", year, re.sub(r"\{n\}", num, rng.choice(TEMPLATES)))


def _split(text: str) -> list[str]:
    """Rough sentences, only to cut and join texts (not the code under test)."""
    return [s for s in re.split(r"(?<=[.!?…])\s+|\n+", text) if s.strip()]


def _mutate(rng: random.Random, pool: list[str]) -> str:
    op = rng.randrange(8)
    text = rng.choice(pool)
    if op == 0:  # sentences of several reviews joined
        sents = [s for t in rng.sample(pool, 3) for s in _split(t)]
        picked = rng.sample(sents, min(len(sents), rng.randint(2, 14)))
        return "".join(s + rng.choice([" ", " ", "\n", "\n\n"]) for s in picked)
    if op == 1:  # a random stretch
        i = rng.randrange(len(text))
        return text[i:i + rng.randint(1, 1500)]
    if op in (2, 7):  # snippets or filled templates inserted
        for _ in range(rng.randint(1, 12)):
            i = rng.randint(0, len(text))
            piece = rng.choice(SNIPPETS) if op == 2 else f" {_filled(rng)} "
            text = text[:i] + piece + text[i:]
        return text
    if op == 3:  # part of the text in another case
        i = rng.randrange(len(text))
        j = min(len(text), i + rng.randint(1, 800))
        part = rng.choice([str.lower, str.upper, str.swapcase, str.title])(text[i:j])
        return text[:i] + part + text[j:]
    if op == 4:  # characters deleted
        chars = list(text)
        for _ in range(rng.randint(1, 60)):
            if chars:
                del chars[rng.randrange(len(chars))]
        return "".join(chars)
    if op == 5:  # punctuation or line breaks removed
        return re.sub(rng.choice([r"[.!?]", r"\n", r"[,:;]", r"[„“\"]", r" "]), "", text)
    # random characters and a repeated snippet
    for _ in range(rng.randint(1, 8)):
        i = rng.randint(0, len(text))
        junk = "".join(chr(rng.choice([rng.randint(32, 0x24F), rng.randint(0x2000, 0x2BFF)]))
                       for _ in range(rng.randint(1, 6)))
        text = text[:i] + junk + rng.choice(SNIPPETS) * rng.randint(1, 30) + text[i:]
    return text


def build_inputs(mutations: int, seed: int) -> list[dict[str, Any]]:
    """(id, text, title_hint) of every input, built with the working tree's guard and html."""
    sys.path.insert(0, str(ROOT / "src"))
    from reviewextract.guard import prepare_input
    from reviewextract.html import extract_html

    base: list[dict[str, Any]] = [
        {"id": "missions.txt", "text": SEED.read_text(encoding="utf-8"), "hint": None}]
    for path in DATA:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            rec = json.loads(line)
            rid = f"{path.stem}:{rec['id']}"
            if rec.get("format") == "html":
                review = extract_html(rec["text"])
                base.append({"id": rid, "text": review.source_text,
                             "hint": review.meta.title_hint})
            else:
                base.append({"id": rid, "text": prepare_input(rec["text"]).text, "hint": None})
    out = list(base)
    for b in base:
        out.append({**b, "id": b["id"] + "#lower", "text": b["text"].lower()})
        out.append({**b, "id": b["id"] + "#upper", "text": b["text"].upper()})
    rng = random.Random(seed)
    pool = [b["text"] for b in base]
    for k in range(mutations):
        out.append({"id": f"mutation-{k}", "text": _mutate(rng, pool), "hint": None})
    return out


def _record(doc: Any, rules: list[Any]) -> dict[str, Any]:
    """Everything the fact stage derives from one Doc, as plain JSON data."""
    from reviewextract.fields._common import matches
    from reviewextract.pipeline import extract_facts

    out: dict[str, Any] = {
        "sentences": [(s.start, s.end) for s in doc.sentences],
        "lines": doc.lines, "line_starts": doc.line_starts,
        "rules": {r.id: [m.regs for m in matches(doc, r)] for r in rules},
    }
    values, evidence, warnings = extract_facts(doc)
    out["values"] = {k: (v.model_dump(mode="json") if hasattr(v, "model_dump") else v)
                     for k, v in values.items()}
    out["evidence"] = {k: [e.model_dump(mode="json") for e in v] for k, v in evidence.items()}
    out["warnings"] = [w.model_dump(mode="json") for w in warnings]
    return out


def child_run(inputs_path: str, out_path: str) -> None:
    from reviewextract.lang import get_language
    from reviewextract.pipeline import extract_facts
    from reviewextract.text import Doc

    lang = get_language("de")
    rules = [r for rs in lang.rules.values() for r in rs]
    inputs = json.loads(Path(inputs_path).read_text(encoding="utf-8"))
    results: dict[str, Any] = {}
    for item in inputs:
        try:
            results[item["id"]] = _record(Doc(item["text"], lang, title_hint=item["hint"]), rules)
        except Exception as exc:  # recorded: the two trees must fail alike
            results[item["id"]] = {"error": f"{type(exc).__name__}: {exc}"}
    # the stage alone, once over every input (the records above also run each rule again)
    start = time.perf_counter()
    for item in inputs:
        try:
            extract_facts(Doc(item["text"], lang, title_hint=item["hint"]))
        except Exception:  # already recorded above
            continue
    results["__seconds__"] = time.perf_counter() - start
    results["__module__"] = sys.modules["reviewextract"].__file__
    Path(out_path).write_text(json.dumps(results, ensure_ascii=False), encoding="utf-8")


def child_time(rounds: int) -> None:
    from reviewextract.lang import get_language
    from reviewextract.pipeline import extract_facts
    from reviewextract.text import Doc

    lang = get_language("de")
    text = SEED.read_text(encoding="utf-8")
    extract_facts(Doc(text, lang))
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        extract_facts(Doc(text, lang))
        times.append(time.perf_counter() - start)
    times.sort()
    print(json.dumps({"median": times[len(times) // 2] * 1e6, "best": times[0] * 1e6}))


def _env(src: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(src)}


def compare(base: Path, mutations: int, seed: int) -> int:
    inputs = build_inputs(mutations, seed)
    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "inputs.json"
        inp.write_text(json.dumps(inputs, ensure_ascii=False), encoding="utf-8")
        results = {}
        for name, src in (("base", base), ("tree", ROOT / "src")):
            out = Path(tmp) / f"{name}.json"
            subprocess.run([sys.executable, __file__, "_run", str(inp), str(out)],
                           env=_env(src), check=True)
            results[name] = json.loads(out.read_text(encoding="utf-8"))
    b, t = results["base"], results["tree"]
    print(f"base: {b.pop('__module__')}  tree: {t.pop('__module__')}")
    print(f"extract_facts over all {len(inputs)} inputs: base {b.pop('__seconds__'):.2f} s, "
          f"tree {t.pop('__seconds__'):.2f} s")
    differ = [k for k in b if b[k] != t.get(k)]
    errors = sum(1 for v in b.values() if "error" in v)
    print(f"{len(inputs)} inputs ({mutations} mutations, seed {seed}); {errors} raised in the "
          "baseline")
    if not differ:
        print("identical: every input gives the same sentences, rule matches, values, "
              "evidence and warnings")
        return 0
    print(f"DIFFERENT: {len(differ)} inputs")
    for k in differ[:5]:
        for part, was in b[k].items():
            now = t[k].get(part)
            if was == now:
                continue
            if isinstance(was, dict) and isinstance(now, dict):  # only the keys that differ
                keys = [x for x in {**was, **now} if was.get(x) != now.get(x)]
                was, now = {x: was.get(x) for x in keys}, {x: now.get(x) for x in keys}
            print(f"  {k} [{part}]\n    base {str(was)[:400]}\n    tree {str(now)[:400]}")
    return 1


def timing(base: Path, rounds: int) -> None:
    got: dict[str, list[dict[str, float]]] = {"base": [], "tree": []}
    for _ in range(3):
        for name, src in (("base", base), ("tree", ROOT / "src")):
            run = subprocess.run([sys.executable, __file__, "_time", str(rounds)], env=_env(src),
                                 check=True, capture_output=True, text=True)
            got[name].append(json.loads(run.stdout))
    print(f"Doc + extract_facts on the seed, {rounds} calls per run, three runs each:")
    for name, runs in got.items():
        med = ", ".join(f"{r['median']:.0f}" for r in runs)
        best = ", ".join(f"{r['best']:.0f}" for r in runs)
        print(f"  {name}: median {med} µs; best {best} µs")


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "_run":
        child_run(sys.argv[2], sys.argv[3])
        return 0
    if len(sys.argv) > 1 and sys.argv[1] == "_time":
        child_time(int(sys.argv[2]))
        return 0
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--base", type=Path, required=True, help="src folder of the baseline")
    p.add_argument("--mutations", type=int, default=3000)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--time", action="store_true", help="also time the stage on the seed")
    p.add_argument("--rounds", type=int, default=300)
    args = p.parse_args()
    status = compare(args.base.resolve(), args.mutations, args.seed)
    if args.time:
        timing(args.base.resolve(), args.rounds)
    return status


if __name__ == "__main__":
    sys.exit(main())
