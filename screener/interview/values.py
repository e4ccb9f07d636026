"""When a value counts as an answer: the one rule the session, the store, skip logic and the
report share (a blank text, an empty list and None are "nothing")."""

from __future__ import annotations

from typing import Any

from screener.i18n import N_, _
from screener.store.records import AnswerState, Status

# The four answer states in words: one place for the screens, the review and the report.
STATE_TEXTS = {
    AnswerState.ANSWERED: N_("Answered"),
    AnswerState.DONT_KNOW: N_("Don't know"),
    AnswerState.DECLINED: N_("Declined to answer"),
    AnswerState.NOT_APPLICABLE: N_("Not applicable"),
}


# An interview's status in words (home screen, ``screener list``).
STATUS_TEXTS = {
    Status.DRAFT: N_("Draft"),
    Status.FINALIZED: N_("Finalized"),
    Status.EXPORTED: N_("Exported"),
}


def is_empty(value: Any) -> bool:
    if isinstance(value, str):
        return not value.strip()
    return value is None or (isinstance(value, list | tuple) and not value)


def state_text(state: AnswerState) -> str:
    return _(STATE_TEXTS[state])


def status_text(status: Status, declined: bool = False) -> str:
    """``declined``: the candidate said no to the screening, whatever the status."""
    return _("Not taking part") if declined else _(STATUS_TEXTS[status])
