"""Facts typed once on the new-interview form, copied into the items that ask for them.

An item names its form field with ``prefill`` (see ``PREFILL_FIELDS``). The interview then
starts with those answers filled in for the consultant to confirm, so status, country of origin,
asylum centre, municipality and interpreting language are never asked twice.
"""

from __future__ import annotations

from typing import Any

from screener.questionnaire.model import Questionnaire
from screener.store.records import InterviewInfo


def form_value(info: InterviewInfo, status: str, field: str, lang: str) -> str:
    """The form's value for ``field``, in words (a country or language code is spelled out)."""
    from screener.report.answers import language_name, territory_name

    if field == "status":
        return status
    value = str(getattr(info, field, "") or "")
    if field == "nationality":
        return territory_name(value, lang)
    if field == "interpreter_language":
        return language_name(value, lang)
    return value


def prefill_answers(
    q: Questionnaire, info: InterviewInfo, status: str, lang: str | None = None
) -> dict[str, Any]:
    """Item name -> value for every item with a ``prefill`` whose form field was filled in."""
    lang = lang or q.default_language
    answers: dict[str, Any] = {}
    for _section, item, parent in q.walk():
        if item.prefill is None or parent is not None:
            continue
        value = form_value(info, status, item.prefill, lang)
        if value:
            answers[item.name] = value
    return answers
