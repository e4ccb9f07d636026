"""What is still open in an interview, as the review screen and the finalize screen list it:
required questions without an answer, flags, notes and non-responses, in questionnaire order."""

from __future__ import annotations

from screener.i18n import _, current_language
from screener.interview.logic import missing_required
from screener.interview.values import state_text
from screener.store.records import NON_RESPONSES, Interview


def review_rows(interview: Interview) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """Groups of (section, item, text) rows in questionnaire order, for the review list."""
    q = interview.questionnaire
    lang = current_language()
    values = interview.values()
    nonresponses = {
        name for name, answer in interview.answers.items() if answer.state in NON_RESPONSES
    }
    order = {item.name: index for index, (_s, item, _p) in enumerate(q.walk())}

    def row(name: str, suffix: str = "") -> tuple[str, str, str]:
        section = q.section_of(name)
        label = q.text(q.item(name).label, lang)
        text = f"{q.text(section.title, lang)}: {label}" + (f"  ({suffix})" if suffix else "")
        return section.name, name, text

    known = [name for name in order]
    missing = [
        (section.name, item.name, f"{q.text(section.title, lang)}: {q.text(item.label, lang)}")
        for section, item in missing_required(q, values, nonresponses)
    ]
    flagged = [
        row(name)
        for name in sorted(interview.flags, key=lambda name: order.get(name, 0))
        if name in order
    ]
    notes = [
        row(name, interview.notes[name])
        for name in sorted(interview.notes, key=lambda name: order.get(name, 0))
        if name in order and interview.notes[name]
    ]
    non_responses = [
        row(name, state_text(interview.answers[name].state))
        for name in known
        if name in nonresponses
    ]
    return [
        (_("Required questions without an answer"), missing),
        (_("Flagged for follow-up"), flagged),
        (_("Notes"), notes),
        (_("Not answered: don't know, declined, not applicable"), non_responses),
    ]
