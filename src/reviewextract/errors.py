"""The errors the library raises. All are `ValueError`s, so `except ValueError` catches them.

Every error has a stable `code` (for logs and the CLI) and a one-line message.
"""

from __future__ import annotations


class ReviewExtractError(ValueError):
    """Base class: the input cannot be turned into a review record."""

    code = "invalid_input"


class EmptyInputError(ReviewExtractError):
    """The input is empty, white space only, or nothing is left once control characters go."""

    code = "empty_input"


class InputTooLargeError(ReviewExtractError):
    """The input is over the size limit (`max_chars`)."""

    code = "input_too_large"


class NotTextError(ReviewExtractError):
    """The input is binary data or cannot be decoded as text."""

    code = "not_text"


class InputDecodeError(NotTextError):
    """Bytes input that is neither UTF-8 nor a single-byte Western encoding."""

    code = "undecodable_input"


ERRORS: tuple[type[ReviewExtractError], ...] = (
    ReviewExtractError, EmptyInputError, InputTooLargeError, NotTextError, InputDecodeError)
