"""`reviewextract batch INPUT…`: convert many reviews to JSON Lines, in order, in parallel.

Exit codes: 0 every record converted, 1 some records became error lines, 2 usage error
(bad option, missing input, unwritable output, a format this build cannot produce).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

NAME = "batch"
HELP = "convert many reviews (JSON Lines, a folder of .txt/.html files, or - for stdin)"
EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERNAL = 2  # some record hit an internal error (its error line says internal_error)


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="JSON Lines file, folder of .txt/.html files, a .txt/.html file, "
                        "or - for JSON Lines on stdin")
    p.add_argument("-o", "--output", default="-", help="output JSON Lines file (default stdout)")
    p.add_argument("--format", choices=["json", "jsonld"], default="json",
                   help="json: the record under 'review'; jsonld: schema.org under 'jsonld'")
    p.add_argument("--jobs", "-j", type=int, default=1,
                   help="worker processes (default 1; 0 = one per CPU core)")
    p.add_argument("--include-source-text", action="store_true",
                   help="keep source_text in each record (left out by default: it repeats "
                        "the input)")
    p.add_argument("--max-chars", type=int, default=None,
                   help="per-record size limit in characters (default 1,000,000)")
    p.add_argument("--chunk-size", type=int, default=8,
                   help="records sent to a worker at a time (default 8)")
    p.add_argument("--quiet", "-q", action="store_true",
                   help="no progress bar and no summary line")


def _usage_error(message: str) -> int:
    print(f"reviewextract batch: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _check_usage(args: argparse.Namespace) -> str | None:
    """A message when the arguments cannot work; None when they can."""
    if args.jobs < 0 or args.chunk_size < 1 or (args.max_chars is not None
                                                and args.max_chars < 1):
        return "--jobs must be >= 0, --chunk-size and --max-chars >= 1"
    if args.inputs.count("-") > 1:
        return "stdin (-) can be read only once"
    for name in args.inputs:
        if name != "-" and not Path(name).exists():
            return f"no such input: {name}"
    if args.output != "-":
        out = Path(args.output)
        if not out.parent.is_dir():
            return f"the output folder does not exist: {out.parent}"
        if any(name != "-" and out.exists() and out.samefile(name) for name in args.inputs):
            return f"the output would overwrite an input: {args.output}"
    if args.format == "jsonld":
        from ..batch import jsonld_converter

        try:
            jsonld_converter()
        except RuntimeError as exc:
            return str(exc)
    return None


def _progress(total: int | None) -> Any:
    """A tqdm bar on stderr when stderr is a terminal and tqdm (extra `progress`) is installed."""
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    return tqdm(total=total, unit="rec", file=sys.stderr, smoothing=0.1, dynamic_ncols=True)


def _with_progress(results: Iterable[tuple[str, bool]], bar: Any) -> Iterator[tuple[str, bool]]:
    pending, last = 0, time.monotonic()
    for result in results:
        yield result
        pending += 1
        now = time.monotonic()
        if now - last >= 0.1:  # tqdm.update per record would cost more than a fast extraction
            bar.update(pending)
            pending, last = 0, now
    bar.update(pending)


def _open_output(name: str) -> IO[bytes]:
    if name == "-":
        return sys.stdout.buffer
    return open(name, "wb")  # closed in run()


def run(args: argparse.Namespace) -> int:
    problem = _check_usage(args)
    if problem is not None:
        return _usage_error(problem)
    from ..batch import (
        DEFAULT_MAX_CHARS,
        BatchOptions,
        convert_parallel,
        count_records,
        is_internal_error,
        iter_items,
        warm_up_worker,
    )

    begin = time.perf_counter()
    warm_up_worker()  # the one-off start-up, timed apart from the records/s of the summary

    options = BatchOptions(format=args.format, include_source_text=args.include_source_text,
                           max_chars=args.max_chars or DEFAULT_MAX_CHARS,
                           raise_internal=bool(getattr(args, "debug", False)))
    jobs = args.jobs or os.cpu_count() or 1
    show_bar = not args.quiet and sys.stderr.isatty()
    bar = _progress(count_records(args.inputs)) if show_bar else None
    items = iter_items(args.inputs, options, stdin=sys.stdin.buffer)
    results = convert_parallel(items, options, jobs, chunk_size=args.chunk_size)
    if bar is not None:
        results = _with_progress(results, bar)
    start = time.perf_counter()
    records = failed = internal = 0
    out = _open_output(args.output)
    try:
        for line, ok in results:
            out.write(line.encode("utf-8") + b"\n")
            records += 1
            if not ok:
                failed += 1
                internal += is_internal_error(line)
        out.flush()
    except BrokenPipeError:
        # the reader went away (`| head`): stop quietly; the records not written count as failed
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        print(f"reviewextract batch: output closed after {records} records", file=sys.stderr)
        return EXIT_SOME_FAILED
    finally:
        if out is not sys.stdout.buffer:
            out.close()
        if bar is not None:
            bar.close()
    elapsed = time.perf_counter() - start
    if not args.quiet:
        rate = records / elapsed if elapsed > 0 else 0.0
        bugs = f" ({internal} internal errors)" if internal else ""
        print(f"reviewextract batch: {records} records, {failed} failed{bugs}, {elapsed:.1f} s "
              f"({rate:.0f} records/s, {jobs} job{'s' if jobs != 1 else ''}; "
              f"{start - begin:.1f} s start-up)", file=sys.stderr)
    if internal:
        return EXIT_INTERNAL
    return EXIT_SOME_FAILED if failed else EXIT_OK
