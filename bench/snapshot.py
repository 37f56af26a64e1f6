"""Record reviewextract's output on a fixed set of inputs; compare two recordings field by field.

Run from the repository root; a refactor shows "output identical before and after" so:

    python bench/snapshot.py record /tmp/base.json.gz --rev main   # a git revision's output
    python bench/snapshot.py compare /tmp/base.json.gz             # the working tree against it
    python bench/snapshot.py record /tmp/now.json.gz               # the working tree's output
    python bench/snapshot.py compare /tmp/base.json.gz /tmp/now.json.gz    # two recordings

`--rev` exports that revision's `src/` with `git archive` into a temporary folder and records in
a child process with PYTHONPATH pointing there. `record` builds the inputs here, by this
checkout (its data, and its own guard and HTML stage for the texts of the facts and opinions
sections), and stores them in the recording; `compare` runs the working tree (or `--rev`) on
the stored inputs, so both sides see the very same ones, exits 1 when anything differs and lists
the first differing inputs and fields. A `.gz` name writes gzip. The output is deterministic:
sorted keys, nothing timed, no timestamps, the same for any PYTHONHASHSEED.

Corpus texts: examples/missions.txt; the written gold tests/data/*.jsonl; the web set
tests/data/web/*.jsonl; ../shared/corpus/**.jsonl when present (texts not already read); the
real texts (NNN.txt, from --real-texts, default ~/.cache/reviewextract/real) when present. A
recording holds the real texts' output, so it may not be written inside the repository.

Sections (each input's result, or the error it raised):
- records: `guard.prepare_input`, `extract`/`extract_html`'s record as JSON, its JSON-LD, the
  `to_script` element with every keyword and Google's snippet issues, and `build_review` on the
  record's fields and on copies with values it must drop. Inputs: every corpus text, hostile
  inputs (controls, bytes in several encodings, other languages, code, size limits, page meta)
  and `--fuzz` texts of fuzz/run.py's generators (mutated reviews, random text, random HTML).
- html: what the HTML stage hands on: decoding, markup hints, main text, headline, byline lines.
  Pages: the corpus's HTML, bench/run.py's 29 KB page, every plain corpus text as an article
  page, `--pages` random pages of fuzz/run.py and a quarter as many corpus pages cut at random.
- facts: `Doc` sentences and lines, every rule's match spans and `extract_facts`' values,
  evidence and warnings, on each corpus text (as prepared), lowercased and uppercased, and
  `--mutations` seeded edits of the written texts (joins, cuts, cue words, numbers, junk).
- opinions: `extract_opinions` on each corpus text and rating as `extract` read them, and
  lowercased: pros, cons, verdict, sentiment; upstream changes cannot show up here.
"""

from __future__ import annotations

import argparse
import base64
import gzip
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from run import ROOT, SEED, exported_src, html_page, short_rev

DATA = ROOT / "tests" / "data"
SHARED = ROOT.parent / "shared" / "corpus"
REAL = Path.home() / ".cache" / "reviewextract" / "real"
Item = dict[str, Any]

INFOBOX = ("Das Boot\nRegie: Wolfgang Petersen\nProduktionsjahr: 1981\nLaufzeit: 149 Min.\n"
           "Wertung: 9/10\nDer Film ist ein beklemmendes Kammerspiel unter Wasser und "
           "für mich einer der besten deutschen Filme.")
# cue words, numbers, quote marks, labels, and characters whose lowercase has another length
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
# cue templates filled with random numbers ({n}) and years ({y})
TEMPLATES = ["Staffel {n}", "Season {n}", "{n}. Staffel", "{n} Folgen", "{n} Episoden",
             "Episoden: {n}", "{n} Minuten", "{n}-{n} Min.", "{n} Std. {n} Min.", "{n}:{n} h",
             "Laufzeit: {n} Min.", "({y})", "aus {y}", "von {y}", "{y}er Film", "USA {y}",
             "kam {y} in die Kinos", "Produktionsjahr: {y}", "{n}/{n}", "{n},{n} von {n} Punkten",
             "{n} von {n} Sternen", "Wertung: {n}/{n}", "{n} Sterne", "{n}-teilige Serie",
             "S{n}E{n}", "{n} Stunden"]
NUMBERS = ["0", "1", "2", "3", "5", "8", "10", "12", "22", "45", "99", "100", "137", "1000", "5001"]
YEARS = ["1879", "1880", "1950", "1999", "2007", "2017", "2024", "2099", "9999"]


# --- inputs (built in this process, by this checkout) ----------------------------------------

def corpus(real: Path) -> list[tuple[str, str, str]]:
    """(id, format, text) of every corpus text; the written ones first."""
    seen: set[tuple[str, str]] = set()
    out: list[tuple[str, str, str]] = []

    def add(rid: str, fmt: str, text: str) -> None:
        if (fmt, text) not in seen:
            seen.add((fmt, text))
            out.append((rid, fmt, text))

    add("seed", "text", SEED.read_text(encoding="utf-8"))
    for name, paths in (("written", DATA.glob("*.jsonl")), ("web", DATA.glob("web/*.jsonl")),
                        ("shared", [*SHARED.glob("*.jsonl"), *SHARED.glob("*/*.jsonl")])):
        for path in sorted(paths):
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip() and "text" in (rec := json.loads(line)):
                    add(f"{name}:{path.stem}:{rec['id']}", rec.get("format", "text"), rec["text"])
    if real.is_dir():
        for path in sorted(real.glob("*.txt")):
            add(f"real:{path.stem}", "text", path.read_text(encoding="utf-8"))
    else:
        print(f"snapshot: no real texts in {real}; recording without them", file=sys.stderr)
    return out


def _draw(strategy: Any, count: int) -> list[Any]:
    """`count` values of a hypothesis strategy, the same ones on every run."""
    from hypothesis import HealthCheck, Phase, given, settings
    from hypothesis.internal.conjecture import providers

    # hypothesis also draws the string and number literals of the loaded local modules (src/,
    # this script), so an edit to them would change every input drawn after: none of them
    providers._get_local_constants = providers.Constants
    drawn: list[Any] = []

    @settings(max_examples=count, database=None, deadline=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck), derandomize=True)
    @given(strategy)
    def collect(value: Any) -> None:
        drawn.append(value)

    if count:
        collect()
    return drawn


def hostile() -> list[Item]:
    seed = SEED.read_text(encoding="utf-8")
    texts = ["", "  \n\t \r\n ", "\x00\x01\x02 \x1f\u200b\ufeff", INFOBOX, "\ufeff" + INFOBOX,
             INFOBOX.replace("\n", "\r\n"), INFOBOX.replace("\n", "\r"),
             INFOBOX.replace("Kammer", "Kam\u200bmer\u00ad"), INFOBOX + " \ud800 Ende",
             INFOBOX.replace("\n", "\u2028\x0c\x85"), INFOBOX.replace(" ", "\x00 \x7f"),
             "Über den Wolken\nRegie: Jürgen Müller\n".replace("Ü", "U\u0308") + INFOBOX,
             "Gut.\r\nSchlecht.", "Ein\u200bFilm", "Cafe\u0301 am Meer", "Tab\x0bzu",
             "Directed by Christopher Nolan, this 2010 film is one of the best movies of the "
             "decade. The runtime is 148 minutes and I would give it 9/10.",
             "Réalisé par Christopher Nolan, ce film de 2010 est une merveille. Il dure 148 "
             "minutes et je lui donne 9/10, c'est vraiment un des meilleurs.",
             "Xqzv plorkt ghanu wibbel frotz, mnarg quibble zorp 1999 blarg fnord skree vontu "
             "pelk 9/10 Regie: Glorp Snarf.",
             "def extract(text):\n    if not text:\n        raise ValueError('x')\n    return "
             "{'year': 1999, 'title': text[:10]}  # Regie: 2010\n",
             '{"title": "Das Boot", "year": 1981, "text": "Der Film ist ein Kammerspiel und '
             'Regie führte Wolfgang Petersen."}', "[1, 2, 3]", "{kein json", "x" * 5000,
             "Regie: " * 300, "\u202eDer Film\u202c ist gut.", seed.upper(), seed.lower(),
             seed[:200], seed * 3, "<p>Ein Film</p> <b>gut</b>", "★★★☆☆ " + INFOBOX]
    raw = [b"", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, INFOBOX.encode(),
           b"\xef\xbb\xbf" + INFOBOX.encode(), INFOBOX.encode("utf-16"),
           INFOBOX.encode("cp1252"), seed.encode("cp1252", "replace"), b"\x81\x8d\x8f" * 30,
           b"Gut \xff\xfe Film", bytes(range(32)) * 4 + INFOBOX.encode()]
    b64 = [base64.b64encode(b).decode("ascii") for b in [*raw, INFOBOX.encode() * 2]]
    return ([{"kind": "text", "value": t} for t in texts]
            + [{"kind": "bytes", "value": b} for b in b64[:-1]]
            + [{"kind": "text", "value": INFOBOX * 2, "max_chars": 100},
               {"kind": "bytes", "value": b64[-1], "max_chars": 100},
               {"kind": "text", "value": INFOBOX, "language": "en"},
               {"kind": "text", "value": seed, "meta": {"title_hint": "Mission: Impossible",
                                                       "author": "A. Autor", "url": "https://x/"}}])


def mutate(rng: random.Random, pool: list[str]) -> str:
    """One seeded edit of a corpus text that feeds the fact rules."""
    op, text = rng.randrange(8), rng.choice(pool)
    if op == 0:  # sentences of several reviews joined
        sents = [s for t in rng.sample(pool, 3) for s in re.split(r"(?<=[.!?…])\s+|\n+", t)
                 if s.strip()]
        picked = rng.sample(sents, min(len(sents), rng.randint(2, 14)))
        return "".join(s + rng.choice([" ", " ", "\n", "\n\n"]) for s in picked)
    if op == 1:  # a random stretch
        i = rng.randrange(len(text))
        return text[i:i + rng.randint(1, 1500)]
    if op in (2, 7):  # snippets or filled templates inserted
        for _ in range(rng.randint(1, 12)):
            i = rng.randint(0, len(text))
            piece = rng.choice(SNIPPETS) if op == 2 else " " + re.sub(
                r"\{y\}", lambda _: rng.choice(YEARS),
                re.sub(r"\{n\}", lambda _: rng.choice(NUMBERS), rng.choice(TEMPLATES))) + " "
            text = text[:i] + piece + text[i:]
        return text
    if op == 3:  # part of the text in another case
        i = rng.randrange(len(text))
        j = min(len(text), i + rng.randint(1, 800))
        case = rng.choice([str.lower, str.upper, str.swapcase, str.title])
        return text[:i] + case(text[i:j]) + text[j:]
    if op == 4:  # characters deleted
        chars = list(text)
        for _ in range(rng.randint(1, 60)):
            if chars:
                del chars[rng.randrange(len(chars))]
        return "".join(chars)
    if op == 5:  # punctuation, line breaks or blanks removed
        return re.sub(rng.choice([r"[.!?]", r"\n", r"[,:;]", r"[„“\"]", r" "]), "", text)
    for _ in range(rng.randint(1, 8)):  # random characters and a repeated snippet
        i = rng.randint(0, len(text))
        junk = "".join(chr(rng.choice([rng.randint(32, 0x24F), rng.randint(0x2000, 0x2BFF)]))
                       for _ in range(rng.randint(1, 6)))
        text = text[:i] + junk + rng.choice(SNIPPETS) * rng.randint(1, 30) + text[i:]
    return text


def build_inputs(settings: dict[str, Any]) -> dict[str, dict[str, Item]]:
    """Every section's inputs by id."""
    sys.path[:0] = [str(ROOT / "src"), str(ROOT)]
    from fuzz.run import mutated_review, random_html, text_strategy
    from tests.test_html_equivalence import as_page

    from reviewextract import extract
    from reviewextract.errors import ReviewExtractError
    from reviewextract.guard import prepare_input
    from reviewextract.html import extract_html

    texts = corpus(Path(settings["real_texts"]))
    n = settings["fuzz"]
    records = [{"kind": fmt, "value": t} for _, fmt, t in texts] + hostile()
    ids = [rid for rid, _, _ in texts] + [f"hostile-{i}" for i in range(len(records) - len(texts))]
    fuzzed = [("mutated", "text", mutated_review(), n), ("text", "text", text_strategy, n // 4),
              ("html", "html", random_html(), n // 4)]
    for name, kind, strategy, count in fuzzed:
        drawn = _draw(strategy, count)
        records += [{"kind": kind, "value": v} for v in drawn]
        ids += [f"fuzz-{name}-{i}" for i in range(len(drawn))]

    pages = {"bench-page": html_page(SEED.read_text(encoding="utf-8")),
             "seed-page": (DATA / "html" / "missions.html").read_text(encoding="utf-8")}
    pages |= {rid: t if fmt == "html" else as_page(t) for rid, fmt, t in texts}
    pool = [p for rid, p in pages.items() if not rid.startswith(("real:", "web:", "shared:"))]
    pages |= {f"random-{i}": p for i, p in enumerate(_draw(random_html(), settings["pages"]))}
    rng = random.Random(7)
    for i in range(settings["pages"] // 4):  # pages cut at random: unclosed tags, half attributes
        p = rng.choice(pool[:40])
        a = rng.randrange(len(p))
        pages[f"cut-{i}"] = p[:a] + p[a + rng.randrange(1, 400):]

    facts: dict[str, Item] = {}
    opinions: dict[str, Item] = {}
    for rid, fmt, raw in texts:
        try:
            review = extract_html(raw) if fmt == "html" else extract(raw)
            text = review.source_text if fmt == "html" else prepare_input(raw).text
        except ReviewExtractError:
            continue  # its error is in the records section
        hint = review.meta.title_hint if fmt == "html" else None
        rating = review.rating.model_dump() if review.rating is not None else None
        for suffix, case in (("", str), ("#lower", str.lower), ("#upper", str.upper)):
            facts[rid + suffix] = {"text": case(text), "hint": hint}
        opinions[rid] = {"text": review.source_text, "rating": rating}
        opinions[rid + "#lower"] = {"text": review.source_text.lower(), "rating": rating}
    rng = random.Random(settings["seed"])
    written = [f["text"] for rid, f in facts.items() if rid.startswith(("seed", "written:"))
               and "#" not in rid]
    for k in range(settings["mutations"]):
        facts[f"mutation-{k}"] = {"text": mutate(rng, written), "hint": None}
    return {"records": dict(zip(ids, records, strict=True)),
            "html": {rid: {"page": p} for rid, p in pages.items()},
            "facts": facts, "opinions": opinions}


# --- results (in the child process, with the tree under test) --------------------------------

def _error(exc: Exception) -> dict[str, str]:
    return {"error": f"{type(exc).__name__}: {exc}"}


def record_result(item: Item) -> dict[str, Any]:
    from reviewextract import extract, jsonld
    from reviewextract.guard import prepare_input
    from reviewextract.html import extract_html
    from reviewextract.model import Evidence, PageMeta

    try:
        from reviewextract.record import build_review
    except ImportError:  # trees before record.py (11a7d2f)
        from reviewextract.guard import build_review  # type: ignore[attr-defined,no-redef]

    value = base64.b64decode(item["value"]) if item["kind"] == "bytes" else item["value"]
    kw: dict[str, Any] = {"language": item.get("language", "de")}
    kw |= {"max_chars": item["max_chars"]} if "max_chars" in item else {}
    row: dict[str, Any] = {}
    try:
        if item["kind"] != "html":
            p = prepare_input(value, **kw)
            row["prepare"] = {"text": p.text, "language": p.language,
                              "extractable": p.extractable, "encoding": p.encoding,
                              "warnings": [w.model_dump() for w in p.warnings]}
    except Exception as exc:  # the error's type and message are the output here
        row["prepare"] = _error(exc)
    try:
        if item["kind"] == "html":
            review = extract_html(value)
        else:
            review = extract(value, meta=PageMeta(**item["meta"]) if "meta" in item else None, **kw)
    except Exception as exc:
        return row | {"review": _error(exc)}
    data = jsonld.to_jsonld(review)
    row |= {"review": review.model_dump_json(), "jsonld": jsonld.dumps(data),
            "script": jsonld.to_script(review, author="Kim Kritik", publisher="Blatt",
                                       url="https://example.org/r", name="Eine Kritik",
                                       date_published="2024-05-01"),
            "issues": [repr(i) for i in jsonld.google_review_issues(data)]}
    base = {k: getattr(review, k) for k in type(review).model_fields}
    cases = [dict(base), dict(base, year=1700), dict(base, episodes=0, runtime_minutes=99999),
             dict(base, season=3, work_type="movie"), dict(base, season=0),
             dict(base, rating={"value": 12, "best": 10}), dict(base, language=5)]
    if review.source_text:
        bad = Evidence(start=0, end=1, text="\x01", rule="x", confidence=0.5)
        cases += [dict(base, evidence={**base["evidence"], "year": [bad]}, year=2000),
                  dict(base, pros=[*base["pros"], bad])]
    row["build_review"] = []
    for fields in cases:
        try:
            row["build_review"].append(build_review(fields).model_dump_json())
        except Exception as exc:
            row["build_review"].append(json.dumps(_error(exc)))
    return row


def html_result(item: Item) -> dict[str, Any]:
    from reviewextract import html
    from reviewextract.markup import markup_hints

    try:
        root, enc = html.parse_page(item["page"])
        hints = markup_hints(root).__dict__
        found = html.main_text(root, "de", site_name=hints.get("site_name"))
    except ValueError as exc:
        return _error(exc)
    return {"enc": enc, "hints": hints, "text": found.text, "headline": found.headline,
            "meta_lines": found.meta_lines}


def facts_result(item: Item) -> dict[str, Any]:
    from reviewextract.fields._common import matches
    from reviewextract.lang import get_language
    from reviewextract.pipeline import extract_facts
    from reviewextract.text import Doc

    lang = get_language("de")
    doc = Doc(item["text"], lang, title_hint=item["hint"])
    values, evidence, warnings = extract_facts(doc)
    return {"sentences": [(s.start, s.end) for s in doc.sentences], "lines": doc.lines,
            "line_starts": doc.line_starts,
            "rules": {r.id: [m.regs for m in matches(doc, r)]
                      for rules in lang.rules.values() for r in rules},
            "values": {k: v.model_dump(mode="json") if hasattr(v, "model_dump") else v
                       for k, v in values.items()},
            "evidence": {k: [e.model_dump(mode="json") for e in v] for k, v in evidence.items()},
            "warnings": [w.model_dump(mode="json") for w in warnings]}


def opinions_result(item: Item) -> dict[str, Any]:
    from reviewextract.fields.opinions import extract_opinions
    from reviewextract.lang import get_language
    from reviewextract.model import Rating
    from reviewextract.text import Doc

    rating = Rating(**item["rating"]) if item["rating"] is not None else None
    r = extract_opinions(Doc(item["text"], get_language("de")), rating)

    def one(o: Any) -> dict[str, Any]:
        return {k: getattr(o, k) for k in ("text", "start", "end", "aspect", "score", "rule")}

    return {"pros": [one(o) for o in r.pros], "cons": [one(o) for o in r.cons],
            "verdict": one(r.verdict) if r.verdict is not None else None,
            "sentiment": r.sentiment.value if r.sentiment is not None else None}


SECTIONS: dict[str, Callable[[Item], dict[str, Any]]] = {
    "records": record_result, "html": html_result, "facts": facts_result,
    "opinions": opinions_result}


def child(inputs_path: str, out_path: str) -> None:
    import reviewextract

    inputs = json.loads(Path(inputs_path).read_text(encoding="utf-8"))
    out: dict[str, Any] = {"module": reviewextract.__file__, "results": {}}
    for section, fn in SECTIONS.items():
        results: dict[str, Any] = {}
        for rid in sorted(inputs[section]):
            try:
                results[rid] = fn(inputs[section][rid])
            except ImportError as exc:  # this tree lacks a module or name the section reads
                results = {"unavailable": f"{type(exc).__name__}: {exc}"}
                break
            except Exception as exc:  # recorded: both trees must fail alike
                results[rid] = _error(exc)
        out["results"][section] = results
    Path(out_path).write_text(json.dumps(out), encoding="ascii")


# --- record and compare ------------------------------------------------------------------------

def record(settings: dict[str, Any], rev: str | None,
           inputs: dict[str, dict[str, Item]] | None = None) -> dict[str, Any]:
    """A recording of the working tree or of `rev` on `inputs` (built now when None)."""
    inputs = inputs or build_inputs(settings)
    with tempfile.TemporaryDirectory() as tmp, exported_src(rev) as src:
        paths = [Path(tmp) / "inputs.json", Path(tmp) / "out.json"]
        paths[0].write_text(json.dumps(inputs), encoding="ascii")
        print(f"snapshot: {sum(map(len, inputs.values()))} inputs, recording with {src}",
              file=sys.stderr)
        subprocess.run([sys.executable, __file__, "_child", *map(str, paths)], check=True,
                       env={**os.environ, "PYTHONPATH": str(src)})
        out = json.loads(paths[1].read_text(encoding="utf-8"))
    return {"rev": f"{rev} ({short_rev(rev)})" if rev else "working tree",
            "module": out["module"], "settings": settings, "inputs": inputs,
            "results": out["results"]}


def save(snap: dict[str, Any], path: Path) -> None:
    data = json.dumps(snap, sort_keys=True, indent=0).encode()
    path.write_bytes(gzip.compress(data, mtime=0) if path.suffix == ".gz" else data)


def load(path: Path) -> dict[str, Any]:
    data = path.read_bytes()
    snap: dict[str, Any] = json.loads(gzip.decompress(data) if path.suffix == ".gz" else data)
    return snap


def _paths(a: Any, b: Any, at: str) -> Iterator[tuple[str, Any, Any]]:
    """Where `a` and `b` differ: (path, a's value, b's value); JSON strings are read first."""
    if isinstance(a, str) and isinstance(b, str) and a[:1] in "{[" and b[:1] in "{[":
        try:
            a2, b2 = json.loads(a), json.loads(b)
        except ValueError:
            a2 = b2 = None
        if a2 is not None and b2 is not None:
            yield from (_paths(a2, b2, at) if a2 != b2 else [(at, "same JSON", "other bytes")])
            return
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b), key=str):
            if a.get(k) != b.get(k):
                yield from _paths(a.get(k), b.get(k), f"{at}.{k}")
    elif isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            if x != y:
                yield from _paths(x, y, f"{at}[{i}]")
    else:
        yield at, a, b


def compare(a: dict[str, Any], b: dict[str, Any], show: int) -> int:
    print(f"A: {a['rev']} ({a['module']})\nB: {b['rev']} ({b['module']})")
    bad = 0
    for section in sorted(set(a["results"]) | set(b["results"])):
        ra, rb = a["results"].get(section, {}), b["results"].get(section, {})
        if a["inputs"].get(section) != b["inputs"].get(section):
            print(f"{section}: the recordings have different inputs (recorded from other data, "
                  "settings or checkouts); differences below may come from them")
        gone = [f"{name}: {r['unavailable']}" for name, r in (("A", ra), ("B", rb))
                if "unavailable" in r]
        differ = [k for k in ra if k in rb and ra[k] != rb[k]]
        only = sorted(set(ra) ^ set(rb))
        bad += bool(differ or only)
        if gone:
            print(f"{section}: NOT RECORDED in {'; '.join(gone)}")
            continue
        print(f"{section}: {len(ra)} inputs, "
              + (f"{len(differ)} DIFFER" if differ else "identical" if not only else "0 differ")
              + (f", {len(only)} in one only: {', '.join(only[:5])}" if only else ""))
        for rid in differ[:show]:
            print(f"  {rid}")
            for path, x, y in list(_paths(ra[rid], rb[rid], ""))[:4]:
                print(f"    {path[1:] or '(whole)'}\n      A {x!r:.300}\n      B {y!r:.300}")
    print("identical" if not bad else f"DIFFERENT in {bad} section(s)")
    return 1 if bad else 0


def main() -> int:
    if sys.argv[1:2] == ["_child"]:
        child(*sys.argv[2:4])
        return 0
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="command", required=True)
    rec = sub.add_parser("record", help="record the output of the working tree or of --rev")
    rec.add_argument("out", type=Path, help="the recording (.json or .json.gz)")
    rec.add_argument("--fuzz", type=int, default=400, help="mutated reviews (and a quarter as "
                     "many random texts and random HTML inputs), default 400")
    rec.add_argument("--pages", type=int, default=2000, help="random pages, default 2000")
    rec.add_argument("--mutations", type=int, default=3000, help="fact texts, default 3000")
    rec.add_argument("--seed", type=int, default=7, help="seed of the mutations")
    cmp = sub.add_parser("compare", help="compare a recording with the working tree, --rev or "
                         "a second recording; exit 1 when anything differs")
    cmp.add_argument("base", type=Path)
    cmp.add_argument("other", type=Path, nargs="?")
    cmp.add_argument("--show", type=int, default=10, help="differing inputs shown per section")
    rec.add_argument("--real-texts", type=Path, default=REAL, help=f"default {REAL}")
    for sp in (rec, cmp):
        sp.add_argument("--rev", help="record this git revision's src/ instead of the working tree")
    args = p.parse_args()
    if args.command == "compare":
        base = load(args.base)
        other = load(args.other) if args.other else record(base["settings"], args.rev,
                                                           base["inputs"])
        return compare(base, other, args.show)
    settings = {k: getattr(args, k) for k in ("fuzz", "pages", "mutations", "seed")}
    settings["real_texts"] = str(args.real_texts)
    if args.real_texts.is_dir() and args.out.resolve().is_relative_to(ROOT):
        p.error("a recording holds the real texts' output: write it outside the repository")
    snap = record(settings, args.rev)
    save(snap, args.out)
    print(f"snapshot: {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
