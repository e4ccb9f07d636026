"""Which effort elements fit a candidate: by status, and by the profile the answers give.

The typology suggests its typical elements; this drops those that cannot apply (contact with the
Immigration Service for someone already placed, a LinkedIn profile for someone without the
education to use one). The consultant still confirms every element: this only suggests.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from screener.questionnaire.expressions import condition_holds
from screener.questionnaire.model import Choice, Questionnaire

# Status values that mean a municipality is assigned: the shipped script's, and the one of its
# version 1.0, so interviews started with it still report their municipality.
PLACED = ("placed", "boligplaceret")


def has_municipality(status: str | None) -> bool:
    """A receiving municipality can be known: the candidate is placed, or no status is set."""
    return not status or status in PLACED


def status_value(q: Questionnaire, values: Mapping[str, Any]) -> str | None:
    item = q.by_role("status")
    value = values.get(item.name) if item is not None else None
    return str(value) if value else None


def fits_status(choice: Choice, status: str | None) -> bool:
    """True when the choice names no statuses, the status is unknown, or it is one of them."""
    return not choice.statuses or status is None or status in choice.statuses


def fits(q: Questionnaire, choice: Choice, values: Mapping[str, Any]) -> bool:
    """The status and the ``needs`` condition both allow the choice."""
    if not fits_status(choice, status_value(q, values)):
        return False
    return choice.needs is None or condition_holds(choice.needs, values)


def consented(choice: Choice, consent: object | None) -> bool:
    """The element needs no consent, or the candidate said yes to the one it needs."""
    return choice.consent is None or getattr(consent, choice.consent, None) is True


def suggested_efforts(
    q: Questionnaire, typology: str, values: Mapping[str, Any], consent: object | None = None
) -> list[str]:
    """The typology's suggested effort elements that fit this candidate, in the method's order
    (``consent``: the interview's, for elements that need one)."""
    item = q.by_role("typology")
    elements = q.by_role("effort_elements")
    if item is None or elements is None:
        return []
    choice = next((c for c in q.choice_list(item) if c.value == typology), None)
    if choice is None:
        return []
    known = {c.value: c for c in q.choice_list(elements)}
    return [
        v
        for v in choice.suggests
        if v in known and fits(q, known[v], values) and consented(known[v], consent)
    ]


def with_suggestions(
    q: Questionnaire, typology: str, values: Mapping[str, Any], consent: object | None = None
) -> tuple[list[str], list[str]]:
    """(the effort elements picked, with the typology's suggestions added; those added).

    Only adds: the consultant's own picks stay, in the method's order, and picks the list does
    not know (an "other, namely") stay at the end."""
    efforts = q.by_role("effort_elements")
    if efforts is None:
        return [], []
    current = values.get(efforts.name)
    picked = [str(v) for v in current] if isinstance(current, list) else []
    added = [v for v in suggested_efforts(q, typology, values, consent) if v not in picked]
    order = [c.value for c in q.choice_list(efforts)]
    merged = [v for v in order if v in picked or v in added]
    merged += [v for v in picked if v not in order]
    return merged, added


def typology_fits_status(q: Questionnaire, values: Mapping[str, Any]) -> bool:
    """False when the chosen typology is meant for another status than the candidate's."""
    item = q.by_role("typology")
    value = values.get(item.name) if item is not None else None
    if item is None or not value:
        return True
    choice = next((c for c in q.choice_list(item) if c.value == value), None)
    return choice is None or fits_status(choice, status_value(q, values))
