"""Finds the data that ships with the package, both in an installed wheel and in a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """Return the shipped folder ``name`` (``questionnaires``, ``locales`` or ``fonts``).

    A wheel carries it under ``screener/_data``; a source checkout keeps it at the top level.
    """
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"shipped data folder missing: {name}")
