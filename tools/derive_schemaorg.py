"""Derive the compact schema.org vocabulary file that `reviewextract.vocab` validates against.

Reads the schema.org release file (RDFS in JSON-LD) and keeps only what validation needs: each
class with its direct superclasses, each property with its domain and range, enumeration members
with their enumeration, which terms are pending and which are superseded. Comments and labels are
dropped, so the file is small enough to ship inside the package.

The output is a derived work of the schema.org vocabulary (CC BY-SA 3.0); it ships as its own file
with a NOTICE beside it. Run from the repository root:

    .venv/bin/python tools/derive_schemaorg.py [/work/shared/schemaorg]

A test regenerates the file when the source is present and compares it with the committed copy.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

SOURCE_FILE = "schemaorg-current-https.jsonld"
DEFAULT_SOURCE = Path("/work/shared/schemaorg")
OUT = Path(__file__).resolve().parent.parent / "src" / "reviewextract" / "data"
OUT_FILE = OUT / "schemaorg-subset.json"
VERSION = "30.0"
PREFIX = "schema:"
PENDING = "https://pending.schema.org"


def _ids(value: Any) -> list[str]:
    """The schema.org names in a JSON-LD reference or a list of them (others are left out)."""
    refs = value if isinstance(value, list) else [value] if value is not None else []
    out = []
    for ref in refs:
        rid = ref.get("@id", "") if isinstance(ref, dict) else str(ref)
        if rid.startswith(PREFIX):
            out.append(rid[len(PREFIX):])
    return sorted(set(out))


def _types(node: dict[str, Any]) -> list[str]:
    t = node.get("@type", [])
    return t if isinstance(t, list) else [t]


def derive(graph: list[dict[str, Any]]) -> dict[str, Any]:
    classes: dict[str, list[str]] = {}
    datatypes: list[str] = []
    properties: dict[str, list[list[str]]] = {}
    members: dict[str, list[str]] = {}
    pending: list[str] = []
    superseded: dict[str, str] = {}
    for node in graph:
        nid = node.get("@id", "")
        if not nid.startswith(PREFIX):
            continue
        name = nid[len(PREFIX):]
        types = _types(node)
        if "rdfs:Class" in types:
            classes[name] = _ids(node.get("rdfs:subClassOf"))
            if "schema:DataType" in types:
                datatypes.append(name)
        elif "rdf:Property" in types:
            properties[name] = [_ids(node.get("schema:domainIncludes")),
                                _ids(node.get("schema:rangeIncludes"))]
        else:  # an enumeration member: its @type is the enumeration class
            members[name] = sorted(t[len(PREFIX):] for t in types if t.startswith(PREFIX))
        if PENDING in json.dumps(node.get("schema:isPartOf", "")):
            pending.append(name)
        replaced = _ids(node.get("schema:supersededBy"))
        if replaced:
            superseded[name] = replaced[0]
    return {
        "classes": dict(sorted(classes.items())),
        "datatypes": sorted(datatypes),
        "properties": dict(sorted(properties.items())),
        "members": dict(sorted(members.items())),
        "pending": sorted(pending),
        "superseded": dict(sorted(superseded.items())),
    }


def build(source_dir: Path) -> str:
    """The text of the derived file for the release in `source_dir`."""
    raw = (source_dir / SOURCE_FILE).read_bytes()
    data = derive(json.loads(raw)["@graph"])
    head = {
        "source": f"schema.org vocabulary release {VERSION}, file {SOURCE_FILE}",
        "source_sha256": hashlib.sha256(raw).hexdigest(),
        "license": "CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0/)",
        "attribution": "schema.org (Google, Microsoft, Yahoo, Yandex and the schema.org community)",
        "version": VERSION,
        "generator": "tools/derive_schemaorg.py",
    }
    # one entry per line keeps diffs of a new release readable
    return json.dumps({**head, **data}, ensure_ascii=False, indent=0, sort_keys=False) + "\n"


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    OUT.mkdir(parents=True, exist_ok=True)
    OUT_FILE.write_text(build(source), encoding="utf-8")
    print(f"wrote {OUT_FILE} ({OUT_FILE.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
