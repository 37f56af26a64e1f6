"""reviewextract: German film and TV reviews to a validated record and schema.org JSON-LD."""

from .extract import extract
from .model import Review

__version__ = "0.1.0"
__all__ = ["Review", "__version__", "extract"]
