"""The Dask recipe: dask.bag over JSON Lines partitions on a local cluster, order kept."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import pytest

from reviewextract import extract
from reviewextract.batch import BatchOptions, convert_lines

if os.environ.get("CI"):
    # CI installs the `dev` extra, so a missing dask is a failure there, not a skip
    from dask.distributed import Client, LocalCluster
else:
    pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("dask.distributed")
    Client, LocalCluster = distributed.Client, distributed.LocalCluster

from reviewextract.dask import convert_jsonl_bag, convert_jsonl_files

BAD = {40: b"{broken", 77: b'{"id": 77, "text": "Film \xff 1999"}', 120: b'{"id": 120}'}


@pytest.fixture(scope="module")
def client():
    # threads, not processes: starts in well under a second and still runs the real scheduler
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                      dashboard_address=":0") as cluster, Client(cluster) as c:
        yield c


@pytest.fixture()
def jsonl(tmp_path: Path) -> Path:
    lines = [BAD.get(i, json.dumps({"id": i, "text": f"Der Film lief {1960 + i % 50}."}).encode())
             for i in range(150)]
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def test_bag_on_local_cluster_keeps_order_and_error_lines(client, jsonl: Path) -> None:
    # a tiny blocksize forces several partitions, so order across partitions is checked
    bag = convert_jsonl_bag(str(jsonl), blocksize=1024)
    assert bag.npartitions > 3
    rows = [json.loads(line) for line in bag.compute()]
    assert len(rows) == 150
    for i, row in enumerate(rows):
        if i in BAD:
            assert "error" in row
        else:
            assert (row["id"], row["review"]["year"]) == (i, 1960 + i % 50)
    assert rows[77]["error"]["type"] == "not_text"
    assert rows[120]["error"]["type"] == "missing_text"


def test_files_written_per_partition_match_serial_output(client, jsonl: Path,
                                                         tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    paths = convert_jsonl_files(str(jsonl), str(out_dir), blocksize=1024)
    written = [line for p in sorted(paths) for line in Path(p).read_text("utf-8").splitlines()]
    with jsonl.open(encoding="utf-8", errors="surrogateescape") as fh:
        serial = list(convert_lines(fh))
    got, want = [json.loads(x) for x in written], [json.loads(x) for x in serial]
    assert len(paths) > 1
    assert [r["id"] for r in got] == [r["id"] for r in want]
    assert [r.get("review") for r in got] == [r.get("review") for r in want]


def test_extractor_is_safe_to_ship_to_workers(seed_text: str) -> None:
    # the things a cluster pickles: the options, the functions, and the records that come back
    options = pickle.loads(pickle.dumps(BatchOptions(format="json")))
    assert pickle.loads(pickle.dumps(convert_lines)) is convert_lines
    first = extract(seed_text)
    assert pickle.loads(pickle.dumps(first)) == first
    # no state carried between calls: the same text gives the same record after other work
    list(convert_lines(['{"id": 1, "text": "Ein Film von 2001."}'], options))
    assert extract(seed_text) == first
