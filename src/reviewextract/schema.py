"""The JSON Schema of the record.

`python -m reviewextract.schema` rewrites schemas/review.schema.json.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from .model import Review

SCHEMA_ID = "https://github.com/reviewextract/reviewextract/schemas/review.schema.json"


def review_json_schema() -> dict[str, Any]:
    schema = Review.model_json_schema(mode="serialization")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}


def render() -> str:
    return json.dumps(review_json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else Path("schemas/review.schema.json")
    target.write_text(render(), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
