"""Offline validation of JSON-LD against the schema.org vocabulary (release 30.0, CC BY-SA 3.0).

Checks that every `@type` is a schema.org class, every property exists and its domain includes one
of the node's types (following `subClassOf`), and every value fits the property's range: a node of
a fitting class, or a literal of a fitting data type (Text, URL, Number, Integer, Boolean, Date,
DateTime, Time, and the Quantity strings such as ISO 8601 durations). The vocabulary comes from
`data/schemaorg-subset.json` (see `data/NOTICE.md`), loaded once on first use.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Any

_SCHEMA_PREFIXES = ("https://schema.org/", "http://schema.org/", "schema:")
_KEYWORDS = {"@context", "@id", "@type", "@graph", "@language", "@value", "@list", "@set"}

_DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")
_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?")
_DATETIME = re.compile(_DATE.pattern + r"T" + _TIME.pattern)
# ISO 8601 duration: at least one component, the time part needs "T" and at least one component
_DURATION = re.compile(r"P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?")
_URL = re.compile(r"(https?|ftp|mailto|urn|data):\S+|/\S*|\.\.?/\S*|#\S*", re.IGNORECASE)
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Code(StrEnum):
    """What an `Issue` is about; stable ids for tests and tools."""

    NOT_JSON = "not-json"
    BAD_CONTEXT = "bad-context"
    NO_TYPE = "no-type"
    UNKNOWN_TYPE = "unknown-type"
    UNKNOWN_PROPERTY = "unknown-property"
    WRONG_DOMAIN = "wrong-domain"
    WRONG_RANGE = "wrong-range"
    TEXT_FOR_NODE = "text-for-node"
    EMPTY_VALUE = "empty-value"
    SUPERSEDED = "superseded"
    # Google review snippet profile (reviewextract.jsonld.google_review_issues)
    GOOGLE_MISSING = "google-missing"
    GOOGLE_RATING_SCALE = "google-rating-scale"
    GOOGLE_UNSUPPORTED_ITEM = "google-unsupported-item"
    GOOGLE_AUTHOR_NAME = "google-author-name"


@dataclass(frozen=True)
class Issue:
    """One finding: how bad, where (a JSONPath-like path), what kind, and a readable message."""

    level: Level
    path: str
    code: Code
    message: str

    def __str__(self) -> str:
        return f"{self.level.value}: {self.path}: {self.message} [{self.code.value}]"


class Vocabulary:
    """The schema.org classes and properties, with the class hierarchy resolved on demand."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.version: str = data["version"]
        self.classes: dict[str, list[str]] = data["classes"]
        self.properties: dict[str, list[list[str]]] = data["properties"]
        self.members: dict[str, list[str]] = data["members"]
        self.superseded: dict[str, str] = data["superseded"]
        self._datatype_roots = frozenset(data["datatypes"])

    @cache  # noqa: B019 - one Vocabulary per process (see `vocabulary()`), so the cache is bounded
    def ancestors(self, cls: str) -> frozenset[str]:
        """`cls` and every class it is a subclass of, transitively."""
        seen = {cls}
        todo = [cls]
        while todo:
            for parent in self.classes.get(todo.pop(), []):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        return frozenset(seen)

    def is_datatype(self, cls: str) -> bool:
        return bool(self.ancestors(cls) & self._datatype_roots)

    def domain_fits(self, prop: str, types: list[str]) -> bool:
        domain = set(self.properties[prop][0])
        return any(self.ancestors(t) & domain for t in types)


@cache
def vocabulary() -> Vocabulary:
    """The packaged vocabulary, read on first use (not at import)."""
    text = resources.files("reviewextract").joinpath("data/schemaorg-subset.json").read_text(
        encoding="utf-8")
    return Vocabulary(json.loads(text))


def _local(name: str) -> str | None:
    """The schema.org term of a compact or full IRI, or None for another vocabulary."""
    for prefix in _SCHEMA_PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix):]
    return None if ":" in name else name


def _literal_fits(vocab: Vocabulary, value: str | int | float | bool, dtype: str) -> bool:
    """Whether a JSON literal is a valid value of the data type `dtype` (or its ancestors)."""
    chain = vocab.ancestors(dtype)
    if isinstance(value, bool):
        return "Boolean" in chain
    if isinstance(value, int | float):
        if dtype == "Integer":
            return float(value).is_integer()
        return "Number" in chain
    checks: dict[str, Callable[[str], bool]] = {
        "URL": lambda v: bool(_URL.fullmatch(v)),
        "Date": lambda v: bool(_DATE.fullmatch(v)),
        "DateTime": lambda v: bool(_DATETIME.fullmatch(v) or _DATE.fullmatch(v)),
        "Time": lambda v: bool(_TIME.fullmatch(v)),
        "Duration": lambda v: bool(_DURATION.fullmatch(v)),
        "Integer": lambda v: v.lstrip("+-").isdigit(),
        "Number": lambda v: bool(_NUMBER.fullmatch(v)),
        "Boolean": lambda v: v in ("True", "False", "true", "false"),
    }
    for name in (dtype, *sorted(chain - {dtype})):
        if name in checks:
            return checks[name](value)
    return "Text" in chain or "Quantity" in chain  # Text, or a Quantity written as free text


def _member_fits(vocab: Vocabulary, value: str, ranges: list[str]) -> bool:
    """An enumeration member named by a string, e.g. "https://schema.org/InStock"."""
    enums = vocab.members.get(_local(value) or "", [])
    return any(vocab.ancestors(e) & set(ranges) for e in enums)


class _Checker:
    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab
        self.issues: list[Issue] = []

    def add(self, level: Level, path: str, code: Code, message: str) -> None:
        self.issues.append(Issue(level, path, code, message))

    def node_types(self, node: dict[str, Any], path: str) -> list[str]:
        raw = node.get("@type")
        names = raw if isinstance(raw, list) else [raw] if raw is not None else []
        types = []
        for name in names:
            local = _local(str(name))
            if local is None or local not in self.vocab.classes:
                self.add(Level.ERROR, path, Code.UNKNOWN_TYPE,
                         f"@type {name!r} is not a schema.org {self.vocab.version} class")
            else:
                types.append(local)
        return types

    def node(self, node: dict[str, Any], path: str) -> None:
        if "@graph" in node:
            self.values(node["@graph"], f"{path}.@graph", self.node)
        types = self.node_types(node, path)
        props = [k for k in node if k not in _KEYWORDS]
        if "@type" not in node and props:
            self.add(Level.WARNING, path, Code.NO_TYPE,
                     "node without @type: its properties cannot be checked against a domain")
        for key in props:
            self.prop(types, key, node[key], f"{path}.{key}", typed="@type" in node)

    def prop(self, types: list[str], key: str, value: Any, path: str, typed: bool) -> None:
        vocab = self.vocab
        name = _local(key)
        if name is None or name not in vocab.properties:
            self.add(Level.ERROR, path, Code.UNKNOWN_PROPERTY,
                     f"{key!r} is not a schema.org {vocab.version} property")
            return
        if name in vocab.superseded:
            self.add(Level.WARNING, path, Code.SUPERSEDED,
                     f"{name!r} is superseded by {vocab.superseded[name]!r}")
        if types and not vocab.domain_fits(name, types):
            self.add(Level.ERROR, path, Code.WRONG_DOMAIN,
                     f"{name!r} is not a property of {'/'.join(types)} "
                     f"(domain: {', '.join(vocab.properties[name][0])})")
        ranges = vocab.properties[name][1]
        self.values(value, path, lambda v, p: self.value(name, ranges, v, p))

    def values(self, value: Any, path: str, check: Callable[[Any, str], None]) -> None:
        if isinstance(value, list):
            if not value:
                self.add(Level.ERROR, path, Code.EMPTY_VALUE, "empty list")
            for i, item in enumerate(value):
                check(item, f"{path}[{i}]")
        else:
            check(value, path)

    def value(self, prop: str, ranges: list[str], value: Any, path: str) -> None:
        vocab = self.vocab
        if value is None or value == "" or value == {}:
            self.add(Level.ERROR, path, Code.EMPTY_VALUE, f"{prop!r} has an empty value")
            return
        if isinstance(value, dict) and "@value" in value:
            value = value["@value"]
        if isinstance(value, dict):
            self.node(value, path)
            types = list(self.node_types_quiet(value))
            if types and not any(vocab.ancestors(t) & set(ranges) for t in types):
                self.add(Level.ERROR, path, Code.WRONG_RANGE,
                         f"{'/'.join(types)} does not fit {prop!r} (expects {', '.join(ranges)})")
            return
        if isinstance(value, str) and _member_fits(vocab, value, ranges):
            return
        literal_ranges = [r for r in ranges if vocab.is_datatype(r)]
        if any(_literal_fits(vocab, value, r) for r in literal_ranges):
            return
        if isinstance(value, str) and not literal_ranges:
            # schema.org lets a text stand for a thing; consumers such as Google prefer nodes.
            # Where the range also has a data type, a text failing it is a malformed literal.
            self.add(Level.WARNING, path, Code.TEXT_FOR_NODE,
                     f"text where {prop!r} expects {', '.join(ranges)}")
            return
        self.add(Level.ERROR, path, Code.WRONG_RANGE,
                 f"{value!r} does not fit {prop!r} (expects {', '.join(ranges)})")

    def node_types_quiet(self, node: dict[str, Any]) -> Iterator[str]:
        raw = node.get("@type")
        for name in raw if isinstance(raw, list) else [raw] if raw is not None else []:
            local = _local(str(name))
            if local in self.vocab.classes:
                yield local


def _context_ok(doc: dict[str, Any]) -> bool:
    ctx = doc.get("@context")
    if isinstance(ctx, dict):
        ctx = ctx.get("@vocab")
    return isinstance(ctx, str) and ctx.rstrip("/").split("://")[-1] == "schema.org"


def validate(doc: Any, *, vocab: Vocabulary | None = None) -> list[Issue]:
    """Check one JSON-LD document (a node, a list of nodes, or an `@graph`) against schema.org."""
    checker = _Checker(vocab or vocabulary())
    tops = doc if isinstance(doc, list) else [doc]
    for i, top in enumerate(tops):
        path = f"$[{i}]" if isinstance(doc, list) else "$"
        if not isinstance(top, dict):
            checker.add(Level.ERROR, path, Code.NOT_JSON, "a JSON-LD document must be an object")
            continue
        if not _context_ok(top):
            checker.add(Level.ERROR, path, Code.BAD_CONTEXT,
                        '"@context" must be "https://schema.org"')
        checker.node(top, path)
    return checker.issues


def errors(issues: list[Issue]) -> list[Issue]:
    return [i for i in issues if i.level is Level.ERROR]
