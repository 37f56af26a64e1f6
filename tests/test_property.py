"""Property tests: for any Unicode text, `extract` returns a valid record or a documented error.

Checked on every generated input: spans hold (`source_text[start:end] == text` for evidence,
pros, cons and verdict), the record validates against schemas/review.schema.json, and, once
`reviewextract.jsonld` exists, its JSON-LD is valid JSON, its <script> form has no raw `<` or
`>` inside the JSON, and both parse back equal to the dict.
"""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reviewextract import extract
from reviewextract.errors import ReviewExtractError
from reviewextract.model import Review

from .conftest import ROOT, corpus_records

try:
    from reviewextract.jsonld import to_jsonld, to_script
except ImportError:  # written under another issue; the JSON-LD checks wait for it
    to_jsonld = to_script = None  # type: ignore[assignment]

SCHEMA = json.loads((ROOT / "schemas" / "review.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
CORPUS = [r["text"] for r in corpus_records() if r.get("format", "text") == "text"]
_SCRIPT = re.compile(r"<script[^>]*>(.*)</script>\s*$", re.S)

PROFILE = settings(max_examples=200, deadline=None, database=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def check_record(r: Review) -> None:
    spans = [ev for evs in r.evidence.values() for ev in evs] + r.pros + r.cons
    spans += [r.verdict] if r.verdict else []
    for s in spans:
        assert r.source_text[s.start:s.end] == s.text
    VALIDATOR.validate(json.loads(r.model_dump_json()))
    if to_jsonld is None:
        return
    data = to_jsonld(r)
    assert json.loads(json.dumps(data)) == data
    script = to_script(r)
    m = _SCRIPT.search(script)
    assert m is not None, script[:200]
    body = m.group(1)
    assert "<" not in body and ">" not in body
    assert json.loads(body) == data


def extract_or_documented_error(text: str) -> None:
    try:
        r = extract(text)
    except ReviewExtractError:
        return
    check_record(r)


@PROFILE
@given(st.text(st.characters(codec=None), max_size=300))
def test_any_unicode_text(text: str) -> None:
    extract_or_documented_error(text)


@st.composite
def spliced_review(draw: st.DrawFn) -> str:
    """A corpus review with random text (umlauts, combining marks, controls, quotes) spliced in."""
    text = draw(st.sampled_from(CORPUS))
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 200)))
        pieces = [*"äöüßÄÖÜ\u0308\u0301 \n\r\t\x00\x0b\u200b\ufeff\u2028„“\"'()<>&.:/0123456789",
                  "Regie: ", " Minuten", "Staffel ", " Folgen", "/10", "(2019)", "Fazit: "]
        noise = "".join(draw(st.lists(st.sampled_from(pieces), max_size=20)))
        text = text[:i] + noise + text[j:]
    return text


@PROFILE
@given(spliced_review())
def test_corpus_reviews_with_noise(text: str) -> None:
    extract_or_documented_error(text)


@pytest.mark.parametrize("text", CORPUS[:10])
def test_corpus_reviews_are_valid_records(text: str) -> None:
    check_record(extract(text))


def test_jsonld_checks_run_when_the_module_exists() -> None:
    # documents the skip in the test output instead of passing silently
    if to_jsonld is None:
        pytest.skip("reviewextract.jsonld is not importable yet")
    check_record(extract(CORPUS[0] + "\n</script><script>alert(1)</script> <!-- ]]>"))
