"""reviewextract: German film and TV reviews to a validated record and schema.org JSON-LD.

The public names are loaded on first use (PEP 562), so `import reviewextract` stays cheap and
pydantic, lxml and the language data are imported only when a review is processed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
# the language a text is read in when the caller names none: the one place that names it
DEFAULT_LANGUAGE = "de"
__all__ = ["Review", "__version__", "embed", "extract", "extract_html", "to_jsonld"]

_LAZY = {
    "extract": ".pipeline",
    "extract_html": ".html",
    "Review": ".model",
    "to_jsonld": ".jsonld",
    "embed": ".jsonld",
}

if TYPE_CHECKING:
    from .html import extract_html
    from .jsonld import embed, to_jsonld
    from .model import Review
    from .pipeline import extract


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'reviewextract' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
