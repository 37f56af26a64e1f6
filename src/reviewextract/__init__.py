"""reviewextract: German film and TV reviews to a validated record and schema.org JSON-LD."""

from .extract import extract
from .jsonld import embed, to_jsonld
from .model import Review

__version__ = "0.1.0"
__all__ = ["Review", "__version__", "embed", "extract", "to_jsonld"]
