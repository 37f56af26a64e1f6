"""Where a language folder is, how its files are read, and the error its data raises.

A language `xx` is the package folder `reviewextract/lang/xx/`, or a folder outside the package
made known with `add_language` (a site's own language data, or a test's). Every loader (the
language, its opinion lexicon, its page cues) finds the folder here, so one call makes a folder
usable everywhere a language code is taken.
"""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

__all__ = ["LanguageDataError", "add_language", "folder_of", "read_text", "read_toml"]

_CODE = re.compile(r"[a-z]{2,3}")
_ADDED: dict[str, Traversable] = {}


class LanguageDataError(ValueError):
    """A language folder breaks the contract (raised at load time)."""


def add_language(code: str, folder: Path) -> None:
    """Make the language folder `folder` the language `code` (for `get_language(code)` and
    `extract(..., language=code)`). A code that the package ships cannot be replaced."""
    if not _CODE.fullmatch(code):
        raise LanguageDataError(f"not a language code: {code!r}")
    if _shipped(code) is not None:
        raise LanguageDataError(f"{code}: the package ships this language")
    if not folder.is_dir():
        raise LanguageDataError(f"{code}: no folder {folder}")
    _ADDED[code] = folder


def _shipped(code: str) -> Traversable | None:
    try:
        return resources.files(f"reviewextract.lang.{code}")
    except ModuleNotFoundError:
        return None


def folder_of(code: str) -> Traversable:
    """The folder of language `code`; a `LanguageDataError` when there is none."""
    added = _ADDED.get(code)
    if added is not None:
        return added
    if not _CODE.fullmatch(code):
        raise LanguageDataError(f"not a language code: {code!r}")
    found = _shipped(code)
    if found is None:
        raise LanguageDataError(f"{code}: no such language (no folder reviewextract/lang/{code})")
    return found


def as_folder(source: str | Traversable) -> Traversable:
    """A folder given as a package name ("reviewextract.lang.de") or as a folder."""
    if not isinstance(source, str):
        return source
    try:
        return resources.files(source)
    except ModuleNotFoundError:
        raise LanguageDataError(f"no language package {source!r}") from None


def read_text(folder: Traversable, name: str) -> str | None:
    """The file `name` of the folder, or None when it has none."""
    try:
        return folder.joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return None


def read_toml(folder: Traversable, name: str, code: str) -> dict[str, Any]:
    """The TOML file `name` of the folder ({} when it has none)."""
    raw = read_text(folder, name)
    if raw is None:
        return {}
    try:
        return tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise LanguageDataError(f"{code}: {name}: {exc}") from exc
