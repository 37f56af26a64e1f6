"""Language data: one folder per language, loaded through `get_language`, checked against the
contract of `lang/contract.py`; `add_language` makes a folder outside the package a language."""

from .base import Language, LanguageDataError, Rule, get_language
from .folder import add_language

__all__ = ["Language", "LanguageDataError", "Rule", "add_language", "get_language"]
