"""The UI's one door to the interview logic: relevance, progress and checking a typed value."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from screener.i18n import _
from screener.interview import logic

if TYPE_CHECKING:
    from screener.interview.session import InterviewSession
    from screener.questionnaire.model import Item, Questionnaire, Section


OTHER = logic.OTHER


def progress(section: Section, state: InterviewSession) -> tuple[int, int, bool]:
    """(answered, visible, complete) for the sidebar."""
    result = logic.section_progress(section, state.values(), state.nonresponses())
    return result.answered, result.visible, result.complete


def flatten(items: list[Item]) -> list[Item]:
    """Every item in order, groups (as headings) followed by their children."""
    out: list[Item] = []
    for item in items:
        out.append(item)
        if item.kind == "group":
            out.extend(flatten(item.items))
    return out


def visible_in_entry(repeat: Item, values: dict[str, Any], entry: dict[str, Any]) -> set[str]:
    return {item.name for item in logic.visible_children(repeat, values, entry)}


def visible_names(section: Section, values: dict[str, Any]) -> set[str]:
    return {item.name for item in logic.visible_items(section, values)}


def check(
    item: Item, raw: Any, values: dict[str, Any], questionnaire: Questionnaire | None = None
) -> tuple[Any, str | None]:
    """The value to store for ``raw`` and an error to show; on an error nothing is stored.

    Typed text is coerced (dates to ISO, numbers with a decimal comma); picked choices are
    already values and are only validated.
    """
    if raw is None or raw == [] or (isinstance(raw, str) and not raw.strip()):
        return None, None
    value = raw
    if isinstance(raw, str) and item.kind not in ("select_one", "select_multiple"):
        try:
            value = logic.coerce(item, raw)
        except ValueError as error:
            return None, str(error) or _("This is not a valid value.")
    message = logic.validate(item, value, values, questionnaire)
    return (None, message) if message else (value, None)
