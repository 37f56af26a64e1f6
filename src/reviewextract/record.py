"""Building the `Review` record from the extracted fields: a value the record rejects is dropped
with a `dropped_value` warning, so an implausible value never costs the whole record."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from .model import FACT_FIELDS, Review, Warning_, WorkType

_DROPPABLE = (*FACT_FIELDS, "pros", "cons", "verdict", "sentiment")


def build_review(fields: dict[str, Any]) -> Review:
    """`Review(**fields)`, dropping any value the record rejects (with a `dropped_value`
    warning) instead of failing: an implausible value must never cost the whole record."""
    fields = dict(fields)
    fields["warnings"] = list(fields.get("warnings") or [])
    fields["evidence"] = dict(fields.get("evidence") or {})
    for _ in range(len(_DROPPABLE) + 2):
        try:
            return Review(**fields)
        except ValidationError as exc:
            if not _drop_offending(fields, exc):
                raise
    return Review(**fields)


def _drop(fields: dict[str, Any], name: str, why: str) -> None:
    value = fields.pop(name, None)
    fields["evidence"].pop(name, None)
    fields["warnings"].append(Warning_(code="dropped_value", field=name,
                                       message=f"{name} {value!r} dropped: {why}"))


def _drop_offending(fields: dict[str, Any], exc: ValidationError) -> bool:
    """Drop what made `exc`; False when nothing droppable is to blame."""
    for err in exc.errors():
        loc = err.get("loc", ())
        name = loc[0] if loc else None
        if name == "evidence" and len(loc) > 1:
            name = loc[1]
        if name in _DROPPABLE and (name in fields or name in fields["evidence"]):
            _drop(fields, str(name), str(err.get("msg", "invalid")))
            return True
    # a model-level check failed: a season on a film, or a span that misses the text
    kind = fields.get("work_type")
    if fields.get("season") is not None and kind in (WorkType.MOVIE, WorkType.DOCUMENTARY,
                                                    "movie", "documentary"):
        _drop(fields, "season", f"a {kind} has no season")
        return True
    return _drop_bad_spans(fields)


def _drop_bad_spans(fields: dict[str, Any]) -> bool:
    text = fields.get("source_text", "")

    def ok(s: Any) -> bool:
        return s.end <= len(text) and text[s.start:s.end] == s.text

    for name, spans in list(fields["evidence"].items()):
        if not all(ok(s) for s in spans):
            _drop(fields, name, "its evidence does not match the text")
            return True
    for name in ("pros", "cons"):
        if not all(ok(s) for s in fields.get(name) or []):
            _drop(fields, name, "a span does not match the text")
            return True
    if fields.get("verdict") is not None and not ok(fields["verdict"]):
        _drop(fields, "verdict", "its span does not match the text")
        return True
    return False
