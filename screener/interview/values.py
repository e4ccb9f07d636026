"""When a value counts as an answer: the one rule the session, the store, skip logic and the
report share (a blank text, an empty list and None are "nothing")."""

from __future__ import annotations

from typing import Any

from screener.i18n import N_, _
from screener.store.records import AnswerState

# The four answer states in words: one place for the screens, the review and the report.
STATE_TEXTS = {
    AnswerState.ANSWERED: N_("Answered"),
    AnswerState.DONT_KNOW: N_("Don't know"),
    AnswerState.DECLINED: N_("Declined to answer"),
    AnswerState.NOT_APPLICABLE: N_("Not applicable"),
}


def is_empty(value: Any) -> bool:
    if isinstance(value, str):
        return not value.strip()
    return value is None or (isinstance(value, list | tuple) and not value)


def state_text(state: AnswerState) -> str:
    return _(STATE_TEXTS[state])
