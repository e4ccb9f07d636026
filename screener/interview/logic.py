"""Skip logic, progress, what is missing and value checks: pure and fast, no Textual.

The UI calls these on every keystroke, so conditions are parsed once (cached by text) and a
condition that does not parse never hides a question or blocks an answer (the linter reports it).
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from screener.i18n import N_, _, current_language
from screener.questionnaire.expressions import condition_holds
from screener.questionnaire.model import (
    NO,
    YES,
    Item,
    Questionnaire,
    Section,
    text_in,
)

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DANISH_DATE = re.compile(r"(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{4})")
_YES_WORDS = {"yes", "y", "ja", "j", "true"}
_NO_WORDS = {"no", "n", "nej", "false"}
OTHER = "other"  # the stored value of a select's "other, namely" choice

MSG_INTEGER = N_("Please type a whole number, e.g. 12.")
MSG_DECIMAL = N_("Please type a number, e.g. 12,5.")
MSG_DATE = N_("Please type a date as YYYY-MM-DD or DD-MM-YYYY, e.g. 2024-03-31.")
MSG_NOT_A_DATE = N_("There is no such date.")
MSG_SCALE = N_("Please choose a number from {low} to {high}.")
MSG_YES_NO = N_("Please answer yes or no.")
MSG_CHOICE = N_("Please choose one of the listed answers.")
MSG_TEXT = N_("Please type text.")
MSG_CONSTRAINT = N_("This answer is not allowed here.")


@dataclass(frozen=True)
class Progress:
    answered: int  # answerable visible items with a value or a non-response
    visible: int  # answerable visible items
    complete: bool


def is_answered(value: Any) -> bool:
    """Whether a stored value counts as an answer (empty text or an empty list do not)."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list | tuple | dict):
        return bool(value)
    return True


def is_relevant(
    item: Item,
    values: Mapping[str, Any],
    entry: Mapping[str, Any] | None = None,
    parents: Sequence[Item] = (),
) -> bool:
    """Whether ``item`` is shown: its own condition and those of the groups around it hold.

    ``entry`` is the repeat entry (child name -> value) overlaid on ``values`` for the children
    of a repeat; ``parents`` are the enclosing groups/repeats, outermost first.
    """
    scope: Mapping[str, Any] = {**values, **entry} if entry else values
    for parent in parents:
        # A repeat itself is judged on the answers outside its entries.
        if not condition_holds(parent.relevant, values if parent.kind == "repeat" else scope):
            return False
    return condition_holds(item.relevant, scope)


def _flatten(items: Sequence[Item], values: Mapping[str, Any]) -> Iterator[Item]:
    for item in items:
        if not condition_holds(item.relevant, values):
            continue  # an irrelevant group hides everything inside it
        if item.kind == "group":
            yield item
            yield from _flatten(item.items, values)
        else:
            yield item  # a repeat is listed as one item; its entries are shown by the UI


def visible_items(section: Section, values: Mapping[str, Any]) -> list[Item]:
    """The items to show in order: groups flattened (the group too, as a heading), repeats not."""
    return list(_flatten(section.items, values))


def visible_children(
    repeat: Item, values: Mapping[str, Any], entry: Mapping[str, Any]
) -> list[Item]:
    """The children of a repeat to show for one entry (groups inside it flattened)."""
    return list(_flatten(repeat.items, {**values, **entry}))


def _handled(item: Item, values: Mapping[str, Any], nonresponses: Collection[str]) -> bool:
    return item.name in nonresponses or is_answered(values.get(item.name))


def section_progress(
    section: Section, values: Mapping[str, Any], nonresponses: Collection[str]
) -> Progress:
    """How many of the visible answerable items have an answer or a non-response."""
    answerable = [item for item in visible_items(section, values) if item.answerable]
    answered = sum(1 for item in answerable if _handled(item, values, nonresponses))
    return Progress(answered, len(answerable), answered >= len(answerable))


def missing_required(
    q: Questionnaire, values: Mapping[str, Any], nonresponses: Collection[str]
) -> list[tuple[Section, Item]]:
    """Required, visible items with neither an answer nor a non-response, in order.

    A required child of a repeat is missing when any entry lacks it (listed once).
    """
    missing: list[tuple[Section, Item]] = []
    for section in q.sections:
        for item in visible_items(section, values):
            if item.required and item.answerable and not _handled(item, values, nonresponses):
                missing.append((section, item))
            if item.kind == "repeat":
                missing += [(section, child) for child in _missing_in_entries(item, values)]
    return missing


def _missing_in_entries(repeat: Item, values: Mapping[str, Any]) -> list[Item]:
    entries = values.get(repeat.name)
    if not isinstance(entries, list):
        return []
    found: list[Item] = []
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        for child in visible_children(repeat, values, entry):
            if (
                child.required
                and child.answerable
                and not is_answered(entry.get(child.name))
                and child not in found
            ):
                found.append(child)
    return found


# --- values ---------------------------------------------------------------------------------


def _parse_date(text: str) -> str:
    text = text.strip()
    match = _DANISH_DATE.fullmatch(text)
    if match:
        day, month, year = (int(part) for part in match.groups())
    elif _ISO_DATE.fullmatch(text):
        year, month, day = (int(part) for part in text.split("-"))
    else:
        raise ValueError(_(MSG_DATE))
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        raise ValueError(_(MSG_NOT_A_DATE)) from None


def _parse_int(text: str) -> int:
    cleaned = text.strip().replace(" ", "")
    if not re.fullmatch(r"[+-]?\d+", cleaned):
        raise ValueError(_(MSG_INTEGER))
    return int(cleaned)


def _parse_decimal(text: str) -> float:
    cleaned = text.strip().replace(" ", "").replace(",", ".")
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", cleaned):
        raise ValueError(_(MSG_DECIMAL))
    number = float(cleaned)
    if not math.isfinite(number):
        raise ValueError(_(MSG_DECIMAL))
    return number


def coerce(item: Item, raw: str) -> Any:
    """The stored value for what the consultant typed; ValueError carries a message for them.

    Empty input gives None (no answer). Dates accept ISO and Danish order (31-03-2024).
    """
    if item.kind in ("text", "long_text"):
        return raw if raw.strip() else None
    text = raw.strip()
    if not text:
        return None
    kind = item.kind
    if kind == "integer":
        return _parse_int(text)
    if kind == "decimal":
        return _parse_decimal(text)
    if kind == "date":
        return _parse_date(text)
    if kind == "scale":
        low, high = item.scale_range
        try:
            number = _parse_int(text)
        except ValueError:
            raise ValueError(_(MSG_SCALE).format(low=low, high=high)) from None
        if not low <= number <= high:
            raise ValueError(_(MSG_SCALE).format(low=low, high=high))
        return number
    if kind == "yes_no":
        word = text.casefold()
        if word in _YES_WORDS:
            return YES
        if word in _NO_WORDS:
            return NO
        raise ValueError(_(MSG_YES_NO))
    if kind == "select_multiple":
        return [part for part in re.split(r"[\s,]+", text) if part]
    return text


def _type_error(item: Item, value: Any, q: Questionnaire | None) -> str | None:
    kind = item.kind
    try:
        if kind in ("integer", "decimal"):
            _check_number(item, value)
        elif kind == "date":
            if not isinstance(value, str):
                _fail(MSG_DATE)
            coerce(item, value)
        elif kind == "scale":
            coerce(item, str(value) if not isinstance(value, bool) else "x")
        elif kind == "yes_no" and value not in (YES, NO):
            _fail(MSG_YES_NO)
        elif kind in ("text", "long_text") and not isinstance(value, str):
            _fail(MSG_TEXT)
        elif kind in ("select_one", "select_multiple"):
            chosen = value if kind == "select_multiple" else [value]
            if not isinstance(chosen, list) or not all(isinstance(v, str) for v in chosen):
                _fail(MSG_CHOICE)
            if q is not None:
                allowed = {choice.value for choice in q.choice_list(item)}
                if item.other:
                    allowed.add(OTHER)
                if any(v not in allowed for v in chosen):
                    _fail(MSG_CHOICE)
    except ValueError as error:
        return str(error)
    return None


def _check_number(item: Item, value: Any) -> None:
    if isinstance(value, str):
        coerce(item, value)
    elif isinstance(value, bool) or not isinstance(value, int | float):
        _fail(MSG_INTEGER if item.kind == "integer" else MSG_DECIMAL)
    elif item.kind == "integer" and not isinstance(value, int):
        _fail(MSG_INTEGER)
    elif not math.isfinite(value):
        _fail(MSG_DECIMAL)


def _fail(message: str) -> None:
    raise ValueError(_(message))


def _typed(item: Item, value: Any) -> Any:
    """A valid value in its stored form, so constraints compare numbers as numbers."""
    if isinstance(value, str) and item.kind in ("integer", "decimal", "date", "scale"):
        return coerce(item, value)
    return value


def validate(
    item: Item,
    value: Any,
    values: Mapping[str, Any],
    questionnaire: Questionnaire | None = None,
) -> str | None:
    """None when ``value`` may be stored for ``item``, else a message for the consultant.

    Checks the value's type for the item's kind (and, given the questionnaire, that a choice is
    in its list), then the item's constraint with ``.`` bound to the value. Empty is valid here:
    whether it is required is a separate question (drafts are never blocked).
    """
    if not is_answered(value):
        return None
    problem = _type_error(item, value, questionnaire)
    if problem:
        return problem
    if not item.constraint:
        return None
    typed = _typed(item, value)
    if condition_holds(item.constraint, {**values, item.name: typed}, typed):
        return None
    if item.constraint_message:
        fallback = questionnaire.default_language if questionnaire else None
        return text_in(item.constraint_message, current_language(), fallback)
    return _(MSG_CONSTRAINT)
