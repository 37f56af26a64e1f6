"""Input checks before extraction: refuse what cannot be a review, normalise what can, and flag
text that is not in the review language (building the record: `record.py`).

Order of work in `prepare_input` (each step is linear in the input length):

1. type and size: not `str`/`bytes` -> `NotTextError`; over `max_chars` -> `InputTooLargeError`
   (checked before any other work, so a huge input costs nothing);
2. bytes are decoded (`decode_bytes`): UTF-8 (with or without BOM), UTF-16 with BOM, else
   Windows-1252; binary data -> `NotTextError`;
3. normalisation (`normalise`): lone surrogates, BOM and invisible format characters, control
   characters, CR/CRLF line ends, NFC. The normalised text becomes `Review.source_text`, so
   every span points into it; a `normalised` warning says what changed;
4. nothing left -> `EmptyInputError`;
5. language check (`judge_language`) from the language folder's `langid.toml`: a text that is
   not in the requested language is flagged (`language`, a `not_german`-style warning) and no
   facts or opinions are read from it.
"""

from __future__ import annotations

import json
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from . import DEFAULT_LANGUAGE
from .errors import EmptyInputError, InputTooLargeError, NotTextError
from .model import Warning_

DEFAULT_MAX_CHARS = 1_000_000
# UTF-8 needs at most 4 bytes a character: more bytes than this cannot fit in max_chars
_BYTES_PER_CHAR = 4

_SURROGATE = re.compile("[\ud800-\udfff]")
# BOM/zero-width no-break space, zero-width space, soft hyphen, direction marks and overrides,
# word joiners: invisible, they only break matching (and bidi overrides can hide text)
_INVISIBLE = re.compile("[\ufeff\u00ad\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069]")
_CRLF = re.compile(r"\r\n?")
# vertical tab, form feed, file/group/record separators, NEL, line/paragraph separator: breaks
_BREAKS = re.compile("[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_WORDS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# ASCII symbols that are rare in prose and dense in code and markup (not "*" or "★": ratings)
_CODE_SYMBOLS = frozenset("{}[]<>=;\\|_$#@^~`")
_SYMBOL_RX = re.compile("[" + re.escape("".join(sorted(_CODE_SYMBOLS))) + "]")
# what marks decoded bytes as binary: NUL, U+FFFD and C0 controls other than tab and line ends
_BINARY_MARKS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]")
# share of control characters above which decoded bytes are taken for binary data
_BINARY_RATIO = 0.05
# the language check reads this many characters: plenty to judge, cheap on a 1 MB input
_LANGID_SAMPLE = 20_000


@dataclass
class Prepared:
    """The checked input: the text to extract from and what the checks found."""

    text: str
    language: str
    extractable: bool
    warnings: list[Warning_] = field(default_factory=list)
    encoding: str | None = None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode review bytes: returns (text, encoding name). Binary data -> `NotTextError`."""
    if data.startswith(b"\xef\xbb\xbf"):
        text, enc = data.decode("utf-8", errors="replace")[1:], "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, enc = data.decode("utf-16", errors="replace"), "utf-16"
    else:
        try:
            text, enc = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            # the legacy encoding of German CMS exports; five unassigned bytes become U+FFFD
            text, enc = data.decode("cp1252", errors="replace"), "cp1252"
    if text and _control_share(text) > _BINARY_RATIO:
        raise NotTextError("the input is binary data, not text")
    return text, enc


def _control_share(text: str) -> float:
    sample = text[:65536]
    return len(_BINARY_MARKS.findall(sample)) / len(sample)


# any character one of the steps below would change: one scan finds that most texts need none
_TO_NORMALISE = re.compile("[\ud800-\udfff\ufeff\u00ad\u200b\u200e\u200f\u202a-\u202e"
                           "\u2060-\u2064\u2066-\u2069\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029"
                           "\x00-\x08\x0e-\x1f\x7f-\x9f]")


def normalise(text: str) -> tuple[str, list[str]]:
    """The text cleaned for extraction, and what was changed (empty when nothing was)."""
    changes: list[str] = []
    # every character a step changes is one `str.isprintable` refuses (a control, format,
    # surrogate or separator character): a text it passes, line feeds aside, needs no scan
    if (text.replace("\n", " ").isprintable() or _TO_NORMALISE.search(text) is None) and (
            text.isascii() or unicodedata.is_normalized("NFC", text)):
        return text, changes

    def step(rx: re.Pattern[str], repl: str, what: str) -> None:
        nonlocal text
        text, n = rx.subn(repl, text)
        if n:
            changes.append(f"{n} {what}")

    step(_SURROGATE, "\ufffd", "lone surrogate(s) replaced")
    step(_INVISIBLE, "", "invisible format character(s) (BOM, zero-width, bidi) removed")
    step(_CRLF, "\n", "CR/CRLF line end(s) made LF")
    step(_BREAKS, "\n", "page/paragraph separator(s) made line breaks")
    step(_CONTROLS, " ", "control character(s) (NUL, ...) made spaces")
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
        changes.append("combining characters composed (Unicode NFC)")
    return text, changes


@dataclass(frozen=True)
class LangId:
    """The tables of a language folder's `langid.toml`."""

    name: str
    own: frozenset[str]
    foreign: dict[str, tuple[str, frozenset[str]]]
    min_words: int
    min_ratio: float
    foreign_min_ratio: float
    max_symbol_ratio: float
    # own and foreign words together sort out the few words that count at all, the foreign
    # ones the fewer that count abroad
    listed: frozenset[str] = frozenset()
    foreign_listed: frozenset[str] = frozenset()


@cache
def load_langid(code: str) -> LangId | None:
    """The language check data for `code`, or None when its folder has no `langid.toml`."""
    try:
        raw = resources.files(f"reviewextract.lang.{code}").joinpath("langid.toml")
        data = tomllib.loads(raw.read_text(encoding="utf-8"))
    except (FileNotFoundError, ModuleNotFoundError):
        return None
    th = data["thresholds"]
    foreign = {k: (str(v["name"]), frozenset(v["words"])) for k, v in data["foreign"].items()}
    own = data["own"]
    abroad = frozenset(w for _, ws in foreign.values() for w in ws)
    return LangId(name=str(own["name"]), own=frozenset(own["words"]), foreign=foreign,
                  min_words=int(th["min_words"]), min_ratio=float(th["min_ratio"]),
                  foreign_min_ratio=float(th["foreign_min_ratio"]),
                  max_symbol_ratio=float(th["max_symbol_ratio"]),
                  listed=abroad | set(own["words"]), foreign_listed=abroad)


def _looks_like_json(text: str) -> bool:
    head = text.lstrip()[:1]
    if head not in ("{", "["):
        return False
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


def _scan(text: str) -> tuple[list[str], int, int]:
    """Every word of `text.lower()` (not in text order), its non-blank characters (what
    `str.split` leaves) and its code symbols.

    No word crosses white space, so the words are read token by token: a token of letters only
    (`str.isalpha`, in C) is one word, and only the other tokens (with punctuation, digits or
    an apostrophe) go through the word pattern, whose scan tests every character it reads.
    With words kept as `str` (no UTF-8 copy each) the guard costs a third of the plain regex
    pass over the whole text: about 6 % of a call on the seed (callgrind, bench/run.py)."""
    tokens = text.lower().split()
    words = list(filter(str.isalpha, tokens))
    rest = " ".join(t for t in tokens if not t.isalpha())
    words += _WORDS.findall(rest)
    return words, sum(map(len, tokens)), len(_SYMBOL_RX.findall(rest))


def judge_language(text: str, code: str) -> tuple[str, str | None]:
    """(language, reason): `reason` is None when the text is in language `code` (or too short to
    tell); otherwise it says why not, and `language` is the detected code or "und".

    >>> judge_language("This is a great movie and I really liked the cast.", "de")[0]
    'en'
    >>> judge_language('Der Joker fragt: "Why so serious?" Das ist der beste Moment.', "de")
    ('de', None)"""
    data = load_langid(code)
    if data is None:
        return code, None
    if _looks_like_json(text):
        return "und", "the text is a JSON document, not prose"
    words, marks, symbols = _scan(text[:_LANGID_SAMPLE])
    symbol_share = symbols / marks if marks > 0 else 0.0
    if symbol_share > data.max_symbol_ratio:
        return "und", (f"{symbol_share:.0%} of the characters are symbols: code or markup, "
                       "not prose")
    if len(words) < data.min_words:
        return code, None
    # words of any list, then the few of them on a foreign list: two C passes, not one a list
    listed = list(filter(data.listed.__contains__, words))
    abroad = list(filter(data.foreign_listed.__contains__, listed))
    own = (len(listed) - sum(w not in data.own for w in abroad)) / len(words)
    shares = {k: sum(w in ws for w in abroad) / len(words)
              for k, (_, ws) in data.foreign.items()}
    other = max(shares, key=shares.__getitem__) if shares else None
    other_share = shares[other] if other else 0.0
    if own >= data.min_ratio and own >= other_share:
        return code, None
    if other is not None and other_share >= data.foreign_min_ratio:
        name = data.foreign[other][0]
        return other, (f"the text looks like {name}, not {data.name} ({other_share:.0%} {name} "
                       f"function words, {own:.0%} {data.name} ones)")
    return "und", f"the text does not look like {data.name} ({own:.0%} function words)"


def _check_size(n: int, max_chars: int, unit: str) -> None:
    if n > max_chars:
        raise InputTooLargeError(f"the review has {n} {unit}; the limit is {max_chars} characters")


def prepare_input(text: str | bytes, *, language: str = DEFAULT_LANGUAGE,
                  max_chars: int = DEFAULT_MAX_CHARS) -> Prepared:
    """Check and normalise the input (see the module doc); raises the errors of `errors.py`."""
    encoding = None
    if isinstance(text, bytes | bytearray):
        _check_size(len(text), max_chars * _BYTES_PER_CHAR, "bytes")
        text, encoding = decode_bytes(bytes(text))
    elif not isinstance(text, str):
        raise NotTextError(f"expected str or bytes, got {type(text).__name__}")
    _check_size(len(text), max_chars, "characters")
    if not text.strip():
        raise EmptyInputError("the review text is empty")
    text, changes = normalise(text)
    if not text.strip():
        raise EmptyInputError("the review text is empty once control characters are removed")
    warnings = []
    if changes:
        warnings.append(Warning_(code="normalised", message="the text was normalised before "
                                 "extraction; spans point into source_text: " + "; ".join(changes)))
    detected, reason = judge_language(text, language)
    if reason is not None:
        langid = load_langid(language)
        expected = langid.name.lower() if langid is not None else language
        warnings.append(Warning_(code=f"not_{expected}",
                                 message=f"{reason}; no facts or opinions were extracted"))
    return Prepared(text=text, language=detected, extractable=reason is None,
                    warnings=warnings, encoding=encoding)
