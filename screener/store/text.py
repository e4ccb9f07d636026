"""Text hygiene: every string the store keeps is cleaned the same way before it is written.

SQLite cannot store lone surrogates (the UTF-8 encoder raises), control characters garble the
terminal and the PDF, and the same name typed on two keyboards must compare equal (NFC).
Markup-looking text is *not* touched: escaping is the job of whoever renders it.
"""

from __future__ import annotations

import math
import unicodedata
from typing import Any

_KEEP_CONTROLS = frozenset("\n\t")


def clean_text(text: str) -> str:
    """NFC-normalise, replace lone surrogates with U+FFFD and drop controls except \\n and \\t.

    Line breaks typed as \\r\\n or \\r become \\n. A valid surrogate pair (as some terminals
    deliver emoji) is joined into its character.
    """
    if text.isascii() and text.isprintable():
        return text
    text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(
        char for char in text if char in _KEEP_CONTROLS or unicodedata.category(char) != "Cc"
    )
    return unicodedata.normalize("NFC", text)


def clean_value(value: Any) -> Any:
    """Clean every string in a JSON-shaped value (nested lists and dicts included).

    Raises ValueError for values that cannot be stored as JSON (objects, NaN, infinity).
    """
    if isinstance(value, str):
        return clean_text(value)
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("numbers must be finite")
        return value
    if isinstance(value, list | tuple):
        return [clean_value(entry) for entry in value]
    if isinstance(value, dict):
        return {clean_text(str(key)): clean_value(entry) for key, entry in value.items()}
    raise ValueError(f"cannot store a value of type {type(value).__name__}")


def fold(text: str) -> str:
    """The form used for case-insensitive search: NFC, then casefold (works beyond ASCII)."""
    return unicodedata.normalize("NFC", text).casefold()
