"""Translations and locale-aware formatting.

Message ids are English; catalogs live in ``locales/<lang>/LC_MESSAGES/screener.po`` with the
compiled ``.mo`` beside them. The active language is process-wide and can change at run time;
the app re-renders its texts after ``set_language``.
"""

from __future__ import annotations

import gettext
from datetime import date, datetime
from functools import cache
from typing import Any

from screener.resources import data_dir

DOMAIN = "screener"
# How user-visible strings are found in the code: _(), N_(), ngettext() and key descriptions.
EXTRACT_KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "Binding": (3,)}
LOCALES = {"da": "da_DK", "en": "en_GB"}

_state: dict[str, Any] = {"lang": "da", "translations": gettext.NullTranslations()}


@cache
def _translations(lang: str) -> gettext.NullTranslations:
    return gettext.translation(
        DOMAIN, localedir=str(data_dir("locales")), languages=[lang], fallback=True
    )


def set_language(lang: str) -> None:
    """Make ``lang`` ('da' or 'en') the language of every following ``_()`` call."""
    if lang not in LOCALES:
        raise ValueError(f"unsupported language: {lang}")
    _state["translations"] = _translations(lang)
    _state["lang"] = lang


def current_language() -> str:
    return str(_state["lang"])


def _(message: str) -> str:
    """Translate ``message`` into the active language."""
    translations: gettext.NullTranslations = _state["translations"]
    return translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    translations: gettext.NullTranslations = _state["translations"]
    return translations.ngettext(singular, plural, n)


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
