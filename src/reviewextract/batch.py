"""Convert many reviews: read inputs as a stream, convert each record, keep input order.

An input is a JSON Lines file (`{"id": …, "text": …}` or `{"id": …, "html": …}`), a folder of
`.txt`/`.html` files, a single `.txt`/`.html` file, or `-` (JSON Lines on stdin). Reading yields
small picklable *items*; `convert_item` turns one item into one output line, so the same code
runs in-process, in a `multiprocessing` pool, in Dask or in Spark. A record that cannot be
converted becomes an error line; nothing is dropped.

Output line shapes (one per input record, always carrying `id`, other input keys passed through):

    {"id": …, …, "review": {…}}        --format json
    {"id": …, …, "jsonld": {…}}        --format jsonld
    {"id": …, …, "error": {"type": …, "message": …}}
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from . import DEFAULT_LANGUAGE
from .errors import ReviewExtractError

DEFAULT_MAX_CHARS = 1_000_000  # same limit as `extract`; kept here so reading needs no import
DOC_SUFFIXES = {".txt": False, ".html": True, ".htm": True}  # suffix -> is HTML
PAYLOAD_KEYS = ("text", "html")  # consumed, never passed through (they are the big part)
_READ_CHUNK = 1 << 16


@dataclass(frozen=True)
class BatchOptions:
    """How to convert; frozen and tiny so it travels with every chunk to a worker."""

    format: str = "json"  # "json" or "jsonld"
    include_source_text: bool = False
    max_chars: int = DEFAULT_MAX_CHARS
    raise_internal: bool = False  # re-raise bugs (not input errors) instead of an error line

    @property
    def max_bytes(self) -> int:
        # UTF-8 needs at most 4 bytes a character; JSON escaping can double that again
        return self.max_chars * 8


DEFAULT_OPTIONS = BatchOptions()

# An item is a plain tuple so it pickles small and fast:
#   ("line", source, lineno, raw bytes or None when the line was over the byte limit)
#   ("file", path, id, is_html)
Item = tuple[str, str, Any, Any]


INTERNAL_ERROR = "internal_error"  # the error line's type for a failure of the library


class RecordError(ReviewExtractError):
    """A record is not usable; `code` becomes the error line's `type`."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def read_lines(fh: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """Yield (line number, bytes) without ever holding more than `max_bytes` of one line.

    A longer line is skipped to its end and yielded as None, so it still becomes an error line.
    """
    lineno = 0
    while True:
        line = fh.readline(max_bytes + 1)
        if not line:
            return
        lineno += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:  # drain the rest of the over-long line in bounded pieces
                rest = fh.readline(_READ_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield lineno, None
            continue
        if line.strip():
            yield lineno, line


def iter_folder(folder: Path) -> Iterator[Item]:
    """The `.txt`/`.html` files under `folder`, in sorted path order, as items."""
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            is_html = DOC_SUFFIXES.get(Path(name).suffix.lower())
            if is_html is None:
                continue
            path = Path(root, name)
            yield ("file", str(path), path.relative_to(folder).as_posix(), is_html)


def iter_items(inputs: Iterable[str], options: BatchOptions,
               stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Every record of every input, in order, as items; files are opened one at a time."""
    for name in inputs:
        if name == "-":
            if stdin is None:
                raise ValueError("stdin was named as an input but none was given")
            for lineno, raw in read_lines(stdin, options.max_bytes):
                yield ("line", "<stdin>", lineno, raw)
            continue
        path = Path(name)
        if path.is_dir():
            yield from iter_folder(path)
        elif path.suffix.lower() in DOC_SUFFIXES:
            yield ("file", str(path), path.name, DOC_SUFFIXES[path.suffix.lower()])
        else:
            with path.open("rb") as fh:
                for lineno, raw in read_lines(fh, options.max_bytes):
                    yield ("line", name, lineno, raw)


def count_records(inputs: Iterable[str]) -> int | None:
    """How many items `iter_items` will yield (for an ETA); None when an input is stdin."""
    total = 0
    for name in inputs:
        path = Path(name)
        if name == "-":
            return None
        if path.is_dir():
            total += sum(1 for _ in iter_folder(path))
        elif path.suffix.lower() in DOC_SUFFIXES:
            total += 1
        else:
            with path.open("rb") as fh:
                # counts non-blank lines in bounded pieces, like read_lines does
                total += sum(1 for _, _ in read_lines(fh, 1 << 62))
    return total


def _decode(raw: bytes, what: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RecordError("not_text", f"{what} is not valid UTF-8: {exc}") from None


def _record_from_line(raw: bytes | None, options: BatchOptions) -> dict[str, Any]:
    if raw is None:
        raise RecordError("input_too_large",
                          f"the line is over the limit of {options.max_bytes} bytes")
    try:
        record = json.loads(_decode(raw, "the line"))
    except json.JSONDecodeError as exc:
        raise RecordError("invalid_json", f"the line is not valid JSON: {exc}") from None
    except RecursionError:
        raise RecordError("invalid_json", "the line nests JSON too deeply to read") from None
    if not isinstance(record, dict):
        raise RecordError("invalid_record", "the line is not a JSON object")
    return record


def _record_from_file(path: str, doc_id: str, is_html: bool, options: BatchOptions) -> dict:
    if os.path.getsize(path) > options.max_bytes:
        raise RecordError("input_too_large",
                          f"the file is over the limit of {options.max_bytes} bytes")
    text = _decode(Path(path).read_bytes(), "the file")
    return {"id": doc_id, "html" if is_html else "text": text}


def _payload(record: dict[str, Any]) -> tuple[str, str]:
    """The record's ("text" | "html", string), or a RecordError saying what is wrong."""
    for key in PAYLOAD_KEYS:
        if key in record:
            value = record[key]
            if not isinstance(value, str):
                raise RecordError("invalid_record", f'"{key}" must be a string')
            if not value.strip():
                raise RecordError("empty_input", f'"{key}" is empty')
            return key, value
    raise RecordError("missing_text", 'the record has neither "text" nor "html"')


def convert_record(record: dict[str, Any], options: BatchOptions = BatchOptions()) -> dict:
    """One input record (a dict) -> one output record (a dict); input errors become error dicts.

    Keys other than `text`/`html` pass through; `id` comes first.
    """
    out: dict[str, Any] = {"id": record.get("id")}
    out.update((k, v) for k, v in record.items() if k not in PAYLOAD_KEYS and k != "id")
    try:
        out.update(_convert_payload(record, options))
    except ReviewExtractError as exc:  # every input problem the library reports on purpose
        out["error"] = _error(exc)
    except Exception as exc:
        # a bug, or broken language data: not the input's fault, whatever its class (a
        # LanguageDataError or a pydantic ValidationError is a ValueError too). Still one line
        # per record, in order; the batch exits with 2
        if options.raise_internal:
            raise
        out["error"] = {"type": INTERNAL_ERROR, "message": f"{type(exc).__name__}: {exc}"}
    return out


def is_internal_error(line: str) -> bool:
    """Whether an output line that is an error line reports an internal error."""
    error = json.loads(line).get("error")
    return isinstance(error, dict) and error.get("type") == INTERNAL_ERROR


def _convert_payload(record: dict[str, Any], options: BatchOptions) -> dict[str, Any]:
    key, value = _payload(record)
    if len(value) > options.max_chars:  # checked here too, so a page is refused before parsing
        raise RecordError("input_too_large", f'"{key}" has {len(value)} characters; the limit '
                          f"is {options.max_chars}")
    if key == "html":
        from .html import extract_html

        review = extract_html(value, url=record.get("url"))
    else:
        from .pipeline import extract

        review = extract(value, max_chars=options.max_chars)
    if options.format == "jsonld":
        data = jsonld_converter()(review)
        if not options.include_source_text:
            data.pop("reviewBody", None)  # the review text again: left out like source_text
        return {"jsonld": data}
    exclude = None if options.include_source_text else {"source_text"}
    return {"review": review.model_dump(mode="json", exclude=exclude)}


def jsonld_converter() -> Callable[[Any], Any]:
    """`reviewextract.jsonld.to_jsonld`, imported on first use; a clear error if missing."""
    try:
        from .jsonld import to_jsonld
    except ImportError as exc:
        raise RuntimeError("--format jsonld needs reviewextract.jsonld.to_jsonld, which this "
                           f"build does not provide ({exc})") from exc
    return to_jsonld


def _error(exc: ReviewExtractError) -> dict[str, str]:
    code = getattr(exc, "code", None)
    if not isinstance(code, str):
        code = "invalid_input"
    return {"type": code, "message": str(exc)}


def convert_item(item: Item, options: BatchOptions) -> tuple[str, bool]:
    """One item -> (output JSON line without newline, converted without error)."""
    kind, source, where, data = item
    try:
        if kind == "line":
            record = _record_from_line(data, options)
        else:
            record = _record_from_file(source, where, data, options)
    except (ReviewExtractError, OSError) as exc:
        error = _error_or_os(exc)
        if kind == "line":
            error.update(source=source, line=where)
        out = {"id": where if kind == "file" else None, "error": error}
        return json.dumps(out, ensure_ascii=False), False
    out = convert_record(record, options)
    return json.dumps(out, ensure_ascii=False), "error" not in out


def _error_or_os(exc: Exception) -> dict[str, Any]:
    if isinstance(exc, ReviewExtractError):
        return _error(exc)
    return {"type": "unreadable", "message": str(exc)}


def convert_chunk(chunk: list[Item], options: BatchOptions) -> list[tuple[str, bool]]:
    return [convert_item(item, options) for item in chunk]


def convert_lines(lines: Iterable[str], options: BatchOptions = BatchOptions()) -> Iterator[str]:
    """JSON Lines text in, JSON Lines text out (no newlines): the unit for Dask or Spark."""
    for lineno, line in enumerate(lines, 1):
        if line.strip():
            # surrogateescape gives back the original bytes of a line read with that handler,
            # so undecodable input is reported as `not_text` instead of crashing the caller
            raw = line.encode("utf-8", "surrogateescape")
            yield convert_item(("line", "<partition>", lineno, raw), options)[0]


def chunked(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


@functools.cache
def warm_up_worker(language: str = DEFAULT_LANGUAGE) -> None:
    """Build what a first record would build lazily (modules, language data, lexicon, pydantic
    validators: about 0.5 s), once per process. Called before the pool forks, so the workers
    inherit it instead of each paying it again; as the pool initializer where workers are
    spawned instead of forked. Cached: a second call in the same process costs nothing."""
    import lxml.html  # noqa: F401  (the HTML parser, for pages)

    from .guard import load_langid
    from .jsonld import to_jsonld
    from .pagemeta import warm_up_dates
    from .pipeline import extract

    warm_up_dates(language)

    langid = load_langid(language)
    # a text of the language's own function words passes the language check and visits every
    # stage; it is built from the language data, so no words of a language live in this code
    words = sorted(langid.own)[:60] if langid is not None else []
    with contextlib.suppress(ValueError):  # no function words: the data is loaded all the same
        to_jsonld(extract(" ".join(words) + ".", language=language))


DEFAULT_CHUNK_SIZE = 8


def convert_parallel(items: Iterable[Item], options: BatchOptions, jobs: int,
                     chunk_size: int = DEFAULT_CHUNK_SIZE) -> Iterator[tuple[str, bool]]:
    """Results in input order; at most `4 * jobs` chunks in flight, so memory stays flat.

    Chunks are small (8 records, a few ms each): with big chunks the last ones leave one worker
    idle while another finishes, which on a 300-record batch cost a third of the speed-up.
    """
    warm_up_worker()  # loaded once here; forked workers inherit it instead of loading it again
    if jobs <= 1:
        for item in items:
            yield convert_item(item, options)
        return
    import gc
    import multiprocessing

    # the language data loaded above is shared with forked workers copy-on-write; frozen, the
    # collector never writes to those objects, so their pages stay shared (Python's gc docs)
    gc.freeze()
    try:
        with multiprocessing.Pool(jobs, initializer=warm_up_worker) as pool:
            pending: deque = deque()
            for chunk in chunked(items, chunk_size):
                pending.append(pool.apply_async(convert_chunk, (chunk, options)))
                if len(pending) >= 4 * jobs:
                    yield from pending.popleft().get()
            while pending:
                yield from pending.popleft().get()
    finally:
        gc.unfreeze()  # a long-lived caller's objects become collectable again
