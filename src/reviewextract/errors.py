"""The errors the library raises. All are `ValueError`s, so `except ValueError` catches them."""

from __future__ import annotations


class ReviewExtractError(ValueError):
    """Base class: the input cannot be turned into a review record."""

    code = "invalid_input"


class EmptyInputError(ReviewExtractError):
    """The input is empty or white space only."""

    code = "empty_input"


class InputTooLargeError(ReviewExtractError):
    """The input is over the size limit (`max_chars`)."""

    code = "input_too_large"


class NotTextError(ReviewExtractError):
    """The input is binary data or cannot be decoded as text."""

    code = "not_text"
