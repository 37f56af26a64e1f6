"""Language data: one folder per language, loaded through `get_language`."""

from .base import Language, LanguageDataError, Rule, get_language

__all__ = ["Language", "LanguageDataError", "Rule", "get_language"]
