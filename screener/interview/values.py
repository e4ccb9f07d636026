"""When a value counts as an answer: the one rule the session, the store, skip logic and the
report share (a blank text, an empty list and None are "nothing")."""

from __future__ import annotations

from typing import Any


def is_empty(value: Any) -> bool:
    if isinstance(value, str):
        return not value.strip()
    return value is None or (isinstance(value, list | tuple) and not value)
