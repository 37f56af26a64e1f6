"""Convert JSON Lines on a Dask cluster: `dask.bag` partitions through the batch converter.

Needs the optional extra `dask` (`pip install "reviewextract[dask]"`). Each partition is a
block of whole lines; every worker process loads the language data once, on its first record,
and keeps nothing else between records, so partitions can run anywhere and in any order while
the output keeps the input order (one output file per input block, numbered in order).

    from dask.distributed import Client
    from reviewextract.dask import convert_jsonl_files

    with Client():                       # or Client("scheduler-address:8786")
        convert_jsonl_files("reviews/*.jsonl", "out/")
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .batch import DEFAULT_OPTIONS, BatchOptions, convert_lines

DEFAULT_BLOCKSIZE = "32MiB"  # ~10,000 typical reviews: seconds of work per task, small overhead


def convert_partition(lines: Iterable[str], options: BatchOptions = DEFAULT_OPTIONS) -> list[str]:
    """One partition of input lines -> its output lines (the function `map_partitions` runs).

    Lines come from `read_text(..., errors="surrogateescape")`, so undecodable bytes reach the
    converter unchanged and become `not_text` error lines instead of failing the partition.
    """
    return list(convert_lines(lines, options))


def convert_jsonl_bag(paths: str | list[str], *, options: BatchOptions = DEFAULT_OPTIONS,
                      blocksize: str | int | None = DEFAULT_BLOCKSIZE) -> Any:
    """A lazy `dask.bag.Bag` of output JSON lines (strings), in input order."""
    import dask.bag as db

    lines = db.read_text(paths, blocksize=blocksize, encoding="utf-8",
                         errors="surrogateescape")
    return lines.map_partitions(convert_partition, options)


def convert_jsonl_files(paths: str | list[str], out_dir: str, *,
                        options: BatchOptions = DEFAULT_OPTIONS,
                        blocksize: str | int | None = DEFAULT_BLOCKSIZE) -> list[str]:
    """Convert and write `out_dir/part-00000.jsonl`, … (one per block); returns the paths."""
    bag = convert_jsonl_bag(paths, options=options, blocksize=blocksize)
    return bag.to_textfiles(f"{out_dir.rstrip('/')}/part-*.jsonl", encoding="utf-8",
                            name_function=lambda i: f"{i:05d}", last_endline=True)
