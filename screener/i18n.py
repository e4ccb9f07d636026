"""Translations and locale-aware formatting.

Message ids are English; catalogs live in ``locales/<lang>/LC_MESSAGES/screener.po`` with the
compiled ``.mo`` beside them. ``set_language`` sets the process-wide default (the UI's language,
switched with F2; the app re-renders its texts after it). ``with language("en"):`` overrides it
for the current thread or task only (a ``ContextVar``), so a report built in English on a worker
thread never changes what ``_()`` returns on the UI thread, and an F2 switch made meanwhile is
not undone when the report is done.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from functools import cache
from typing import Any

from screener.resources import data_dir

DOMAIN = "screener"
# How user-visible strings are found in the code: _(), N_(), ngettext() and key descriptions.
EXTRACT_KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "Binding": (3,)}
LOCALES = {"da": "da_DK", "en": "en_GB"}

_state: dict[str, Any] = {"lang": "da"}
# None: follow the process-wide default in _state. A thread started with threading.Thread
# begins with an empty context, so it sees the default, never another thread's override.
_override: ContextVar[str | None] = ContextVar("screener_language", default=None)


@cache
def _translations(lang: str) -> gettext.NullTranslations:
    return gettext.translation(
        DOMAIN, localedir=str(data_dir("locales")), languages=[lang], fallback=True
    )


def _check(lang: str) -> None:
    if lang not in LOCALES:
        raise ValueError(f"unsupported language: {lang}")


def set_language(lang: str) -> None:
    """Make ``lang`` ('da' or 'en') the default language of ``_()`` in every thread.

    A ``with language(...)`` block in progress keeps its own language.
    """
    _check(lang)
    _state["lang"] = lang


@contextmanager
def language(lang: str) -> Iterator[None]:
    """Translate into ``lang`` inside the block, in this thread or task only."""
    _check(lang)
    token = _override.set(lang)
    try:
        yield
    finally:
        _override.reset(token)


def current_language() -> str:
    """The language of ``_()`` here: this context's override, else the default."""
    return _override.get() or str(_state["lang"])


def _(message: str) -> str:
    """Translate ``message`` into the active language."""
    return _translations(current_language()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations(current_language()).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for extraction without translating it yet (for module-level tables)."""
    return message


def babel_locale(lang: str | None = None) -> str:
    return LOCALES[lang or current_language()]


def format_date(value: date | None, lang: str | None = None, fmt: str = "long") -> str:
    """A date as people of the language write it: '22. november 2026' in Danish."""
    if value is None:
        return ""
    from babel.dates import format_date as babel_format_date

    return str(babel_format_date(value, format=fmt, locale=babel_locale(lang)))


def format_datetime(value: datetime | None, lang: str | None = None, fmt: str = "medium") -> str:
    if value is None:
        return ""
    from babel.dates import format_datetime as babel_format_datetime

    return str(babel_format_datetime(value, format=fmt, locale=babel_locale(lang)))


def format_number(value: float | int, lang: str | None = None) -> str:
    from babel.numbers import format_decimal

    return str(format_decimal(value, locale=babel_locale(lang)))


def format_duration(seconds: float, lang: str | None = None) -> str:
    """Hours and minutes, e.g. '1 t 45 min' in Danish and '1 h 45 min' in English."""
    total_minutes = int(seconds // 60)
    hours, minutes = divmod(total_minutes, 60)
    hour = "t" if (lang or current_language()) == "da" else "h"
    return f"{hours} {hour} {minutes} min" if hours else f"{minutes} min"
