"""Snapshot of the input guard, record building, JSON-LD and HTML extraction, to prove a speed
change leaves their output unchanged.

    python bench/edge_snapshot.py /tmp/in.json --make-inputs          # once, working tree
    PYTHONPATH=/tmp/base/src python bench/edge_snapshot.py /tmp/in.json /tmp/before.json
    python bench/edge_snapshot.py /tmp/in.json /tmp/after.json         # new code
    cmp /tmp/before.json /tmp/after.json

Inputs (written once, so both runs read the very same ones): every corpus record (plain text
through `extract`, HTML through `extract_html`), the seed, hostile inputs (empty, controls,
binary, bytes in UTF-8/BOM/UTF-16/cp1252, English, French, JSON, code, CRLF, NFD, surrogates,
bidi marks, over a small size limit), texts of the fuzzer's `mutated_review`, random-text and
random-HTML generators (seeded), and field sets for `build_review` with values it must drop.

For each input it records what `guard.prepare_input` returns (or the error's type and message),
`model_dump_json()` of the record, `jsonld.dumps(to_jsonld(...))`, `to_script` with every
keyword set, and the Google snippet issues of the JSON-LD.
"""

from __future__ import annotations

import argparse
import base64
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "missions.txt"
INFOBOX = ("Das Boot\nRegie: Wolfgang Petersen\nProduktionsjahr: 1981\nLaufzeit: 149 Min.\n"
           "Wertung: 9/10\nDer Film ist ein beklemmendes Kammerspiel unter Wasser und "
           "für mich einer der besten deutschen Filme.")


def _hostile() -> list[dict[str, Any]]:
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
    out: list[dict[str, Any]] = [{"kind": "text", "value": t} for t in texts]
    raw = [b"", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, INFOBOX.encode(),
           b"\xef\xbb\xbf" + INFOBOX.encode(), INFOBOX.encode("utf-16"),
           INFOBOX.encode("cp1252"), seed.encode("cp1252", "replace"), b"\x81\x8d\x8f" * 30,
           b"Gut \xff\xfe Film", bytes(range(32)) * 4 + INFOBOX.encode()]
    out += [{"kind": "bytes", "value": base64.b64encode(b).decode("ascii")} for b in raw]
    out += [{"kind": "text", "value": INFOBOX * 2, "max_chars": 100},
            {"kind": "bytes", "value": base64.b64encode(INFOBOX.encode() * 2).decode("ascii"),
             "max_chars": 100},
            {"kind": "text", "value": INFOBOX, "language": "en"},
            {"kind": "text", "value": seed, "meta": {"title_hint": "Mission: Impossible",
                                                    "author": "A. Autor", "url": "https://x/"}}]
    return out


def _draw(strategy: Any, count: int) -> list[str]:
    from hypothesis import HealthCheck, Phase, given, settings

    drawn: list[str] = []

    @settings(max_examples=count, database=None, deadline=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck), derandomize=True)
    @given(strategy)
    def collect(value: str) -> None:
        drawn.append(value)

    collect()
    return drawn


def _fuzzed(n: int) -> list[dict[str, Any]]:
    sys.path.insert(0, str(ROOT))
    from fuzz.run import mutated_review, random_html, text_strategy

    return ([{"kind": "text", "value": v} for v in _draw(mutated_review(), n)]
            + [{"kind": "text", "value": v} for v in _draw(text_strategy, n // 4)]
            + [{"kind": "html", "value": v} for v in _draw(random_html(), n // 4)])


def make_inputs(n_fuzz: int) -> list[dict[str, Any]]:
    sys.path.insert(0, str(ROOT))
    from tests.conftest import corpus_records

    todo: list[dict[str, Any]] = [{"kind": "text", "value": SEED.read_text(encoding="utf-8")}]
    for rec in corpus_records():
        todo.append({"kind": "html" if rec.get("format") == "html" else "text",
                     "value": rec["text"]})
    return todo + _hostile() + _fuzzed(n_fuzz)


def _error(exc: Exception) -> dict[str, str]:
    return {"error": f"{type(exc).__name__}: {exc}"}


def _value(item: dict[str, Any]) -> str | bytes:
    return base64.b64decode(item["value"]) if item["kind"] == "bytes" else item["value"]


def _exports(review: Any) -> dict[str, Any]:
    from reviewextract import jsonld

    data = jsonld.to_jsonld(review)
    issues = jsonld.google_review_issues(data)
    return {"jsonld": jsonld.dumps(data),
            "script": jsonld.to_script(review, author="Kim Kritik", publisher="Blatt",
                                       url="https://example.org/r", name="Eine Kritik",
                                       date_published="2024-05-01"),
            "issues": [repr(i) for i in issues]}


def one(item: dict[str, Any]) -> dict[str, Any]:
    from reviewextract import extract
    from reviewextract.guard import prepare_input
    from reviewextract.html import extract_html
    from reviewextract.model import PageMeta

    value = _value(item)
    lang = item.get("language", "de")
    kw: dict[str, Any] = {"max_chars": item["max_chars"]} if "max_chars" in item else {}
    row: dict[str, Any] = {}
    if item["kind"] != "html":
        try:
            p = prepare_input(value, language=lang, **kw)
            row["prepare"] = {"text": p.text, "language": p.language,
                              "extractable": p.extractable, "encoding": p.encoding,
                              "warnings": [w.model_dump() for w in p.warnings]}
        except Exception as exc:  # the error type and message are the output here
            row["prepare"] = _error(exc)
    try:
        if item["kind"] == "html":
            review = extract_html(value)
        else:
            meta = PageMeta(**item["meta"]) if "meta" in item else None
            review = extract(value, language=lang, meta=meta, **kw)
    except Exception as exc:
        row["review"] = _error(exc)
        return row
    row["review"] = review.model_dump_json()
    row.update(_exports(review))
    row["records"] = _build_cases(review)
    return row


def _build_cases(review: Any) -> list[str]:
    """`build_review` on the record's own fields and on copies with values it must drop."""
    from reviewextract.guard import build_review
    from reviewextract.model import Evidence

    base = {k: getattr(review, k) for k in type(review).model_fields}
    cases = [dict(base), dict(base, year=1700), dict(base, episodes=0, runtime_minutes=99999),
             dict(base, season=3, work_type="movie"), dict(base, season=0),
             dict(base, rating={"value": 12, "best": 10}), dict(base, language=5)]
    if review.source_text:
        bad = Evidence(start=0, end=1, text="\x01", rule="x", confidence=0.5)
        cases.append(dict(base, evidence={**base["evidence"], "year": [bad]}, year=2000))
        cases.append(dict(base, pros=[*base["pros"], bad]))
    out = []
    for fields in cases:
        try:
            out.append(build_review(fields).model_dump_json())
        except Exception as exc:
            out.append(json.dumps(_error(exc)))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("inputs", type=Path)
    ap.add_argument("out", type=Path, nargs="?")
    ap.add_argument("--make-inputs", action="store_true", help="write the inputs file")
    ap.add_argument("--fuzz", type=int, default=400, help="mutated reviews (default 400)")
    args = ap.parse_args()
    if args.make_inputs:
        todo = make_inputs(args.fuzz)
        args.inputs.write_text(json.dumps(todo), encoding="ascii")
        print(f"{len(todo)} inputs -> {args.inputs}", file=sys.stderr)
        return 0
    import reviewextract

    print(f"reviewextract from {reviewextract.__file__}", file=sys.stderr)
    todo = json.loads(args.inputs.read_text(encoding="ascii"))
    snap = [one(item) for item in todo]
    args.out.write_text(json.dumps(snap, indent=0, sort_keys=True), encoding="ascii")
    print(f"{len(snap)} inputs -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
