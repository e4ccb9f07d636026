"""What may leave the laptop for the municipality, by the candidate's consents.

One rule for the PDF, the JSON and anything else exported (docs/consent.md):
- without the handover consent nothing is exported (``ConsentError``);
- without the sensitive consent, no sensitive item (``sensitive = true``, or in the report's
  sensitive part) is exported: no answer, no note, no flag;
- a *declined* sensitive item is never exported: "declined to say whether you are pregnant" in
  a handover is itself a disclosure.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from screener.errors import ConsentError
from screener.i18n import _
from screener.store.records import AnswerState, Interview

if TYPE_CHECKING:
    from screener.questionnaire.model import Item, Questionnaire

SENSITIVE_REPORT_KEY = "sensitive"


def sensitive_items(questionnaire: Questionnaire) -> set[str]:
    """Names of every sensitive item, children of a sensitive group or repeat included."""
    names: set[str] = set()
    for _section, item, parent in questionnaire.walk():
        if (
            item.sensitive
            or item.report == SENSITIVE_REPORT_KEY
            or (parent and parent.name in names)
        ):
            names.add(item.name)
    return names


def check_handover(interview: Interview) -> None:
    """Raise ConsentError unless the candidate consented to the handover."""
    consent = interview.consent
    if consent is None or consent.screening is not True or consent.handover is not True:
        raise ConsentError(
            _(
                "The candidate has not consented to handing the result to the municipality, "
                "so nothing was exported. Record the consent first (palette: Consent)."
            )
        )


def for_handover(interview: Interview) -> Interview:
    """The interview as the municipality may see it; raises ConsentError without the handover
    consent. The stored interview is not changed."""
    check_handover(interview)
    assert interview.consent is not None
    sensitive = sensitive_items(interview.questionnaire)
    share_sensitive = interview.consent.sensitive is True
    withheld = {
        name
        for name in sensitive
        if not share_sensitive
        or (name in interview.answers and interview.answers[name].state is AnswerState.DECLINED)
    }
    if not withheld:
        return interview
    return replace(
        interview,
        questionnaire=_without(interview.questionnaire, withheld),
        answers={n: a for n, a in interview.answers.items() if n not in withheld},
        notes={n: t for n, t in interview.notes.items() if n not in withheld},
        flags={n for n in interview.flags if n not in withheld},
    )


def _without(questionnaire: Questionnaire, names: set[str]) -> Questionnaire:
    """The questionnaire without the withheld items, so no report or JSON even names them
    ("not asked: pregnancy" would disclose too). The pinned hash stays on the interview."""

    def keep(items: list[Item]) -> list[Item]:
        return [
            item.model_copy(update={"items": keep(item.items)})
            for item in items
            if item.name not in names
        ]

    sections = [
        section.model_copy(update={"items": keep(section.items)})
        for section in questionnaire.sections
    ]
    return questionnaire.model_copy(update={"sections": sections})
