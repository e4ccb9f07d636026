"""Answers as the reader of the report sees them: plain strings, no markup, no reportlab.

Kept apart from the layout so the wording (choice labels, dates, "4 of 5", non-responses) can be
tested without rendering a PDF.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from screener.i18n import N_, _, babel_locale, format_date, format_datetime, format_number
from screener.interview.values import state_text as values_state_text
from screener.questionnaire.model import NO, YES, Item, Questionnaire
from screener.store.records import AnswerState, Interview

INTERPRETER_MODE_TEXTS = {
    "in_person": N_("In person"),
    "phone": N_("By phone"),
    "video": N_("By video"),
    "none": N_("No interpreter"),
}


class Shown(StrEnum):
    """How an answer is shown: a value, a non-response, or nothing asked at all."""

    VALUE = "value"
    NON_RESPONSE = "non_response"
    NOT_ASKED = "not_asked"


@dataclass(frozen=True)
class Display:
    text: str
    shown: Shown


def in_report(item: Item) -> bool:
    """Interviewer-only items and guidance notes never reach the handover report."""
    return not item.interviewer_only and item.kind != "note"


def state_text(state: AnswerState) -> str:
    """A non-response in words ("" for an answer: its value says it)."""
    return "" if state is AnswerState.ANSWERED else values_state_text(state)


def not_asked() -> str:
    return _("Not asked")


def yes_no(value: bool | None) -> str:
    if value is None:
        return _("Not asked")
    return _("Yes") if value else _("No")


def format_value(
    q: Questionnaire, item: Item, value: Any, lang: str, other: str = "", compact: bool = False
) -> str:
    """One stored value in words; ``other`` is the "other, namely" text of a select.

    ``compact`` leaves out what a table header already says (the ends of a scale).
    """
    if value is None or value == "" or value == []:
        return other
    kind = item.kind
    if kind == "yes_no":
        return _("Yes") if value in (YES, True) else _("No") if value in (NO, False) else str(value)
    if kind == "select_one":
        return _with_other(q.choice_label(item, str(value), lang), other)
    if kind == "select_multiple":
        values = value if isinstance(value, list) else [value]
        labels = [q.choice_label(item, str(v), lang) for v in values]
        return _with_other(", ".join(labels), other)
    if kind == "scale":
        return format_scale(q, item, value, lang, ends=not compact)
    if kind in ("integer", "decimal") and isinstance(value, int | float):
        return format_number(value, lang)
    if kind == "date":
        return format_iso_date(value, lang)
    if kind == "repeat" and isinstance(value, list):
        return "; ".join(summarise_entry(q, item, entry, lang) for entry in value)
    return str(value)


def _with_other(labels: str, other: str) -> str:
    if not other:
        return labels
    return f"{labels}: {other}" if labels else other


def format_scale(q: Questionnaire, item: Item, value: Any, lang: str, ends: bool = True) -> str:
    """'4 of 5 (not at all – very much)': the ends say what the numbers mean."""
    _low, high = item.scale_range
    text = _("{value} of {max}").format(value=value, max=high)
    low_text, high_text = q.text(item.low, lang), q.text(item.high, lang)
    if ends and low_text and high_text:
        text += f" ({low_text} – {high_text})"
    return text


def format_iso_date(value: Any, lang: str) -> str:
    if isinstance(value, date):
        return format_date(value, lang)
    try:
        return format_date(date.fromisoformat(str(value)), lang)
    except ValueError:
        return str(value)


def summarise_entry(q: Questionnaire, repeat: Item, entry: dict[str, Any], lang: str) -> str:
    """A repeat entry on one line, for places that have no room for a table."""
    parts = []
    for child in repeat.items:
        if in_report(child) and entry.get(child.name) not in (None, "", []):
            parts.append(format_value(q, child, entry[child.name], lang, compact=True))
    return ", ".join(parts)


def display(interview: Interview, item: Item, lang: str) -> Display:
    """What to print for ``item``: its value, its non-response, or "not asked"."""
    answer = interview.answers.get(item.name)
    if answer is None:
        return Display(not_asked(), Shown.NOT_ASKED)
    if answer.state is not AnswerState.ANSWERED:
        return Display(state_text(answer.state), Shown.NON_RESPONSE)
    text = format_value(interview.questionnaire, item, answer.value, lang, answer.other)
    if not text:
        return Display(not_asked(), Shown.NOT_ASKED)
    return Display(text, Shown.VALUE)


def level(q: Questionnaire, item: Item, value: Any) -> tuple[int, int] | None:
    """A value as (filled, segments) for a rating bar, or None when it cannot be charted.

    A 1-5 scale answered 4 fills 4 of 5 segments; a select list fills by its order, the first
    choice (usually "none") filling nothing. Values off the list are left out of a chart.
    """
    if value is None:
        return None
    if item.kind == "scale":
        low, high = item.scale_range
        try:
            number = int(value)
        except (TypeError, ValueError):
            return None
        return (number - low + 1, high - low + 1) if low <= number <= high else None
    if item.kind == "select_one":
        values = [choice.value for choice in q.choice_list(item)]
        if str(value) in values and len(values) > 1:
            return values.index(str(value)), len(values) - 1
    if item.kind == "integer" and item.max is not None and isinstance(value, int):
        return max(0, min(value, item.max)), item.max
    return None


def format_when(value: datetime, lang: str) -> str:
    """'22. november 2026 kl. 09.35': date and minutes, without seconds or zone noise."""
    time = format_datetime(value, lang, "HH.mm" if lang == "da" else "HH:mm")
    return _("{date} at {time}").format(date=format_date(value.date(), lang), time=time)


def language_name(code: str, lang: str) -> str:
    """'ar' -> 'arabisk' in Danish; anything that is not a known code is shown as typed."""
    return _babel_name(code, lang, "languages", code.strip().lower())


def territory_name(code: str, lang: str) -> str:
    """'SY' -> 'Syrien' in Danish; a nationality typed out in words is shown as typed."""
    return _babel_name(code, lang, "territories", code.strip().upper())


def _babel_name(text: str, lang: str, table: str, key: str) -> str:
    if not text or len(key) > 3:
        return text
    from babel import Locale

    names: dict[str, str] = getattr(Locale.parse(babel_locale(lang)), table)
    return names.get(key, text)


def interpreter_mode(mode: str) -> str:
    return _(INTERPRETER_MODE_TEXTS[mode]) if mode in INTERPRETER_MODE_TEXTS else mode
