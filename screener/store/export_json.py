"""The interview as JSON for the receiving municipality's systems (see docs/export-json.md).

Built from the stored interview alone. Every answerable question is listed with its state, so
"not asked", "don't know", "declined" and "not applicable" stay distinct for the reader.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from screener import __version__
from screener.questionnaire.model import ASSESSMENT_ROLES, Item, Questionnaire, Section
from screener.store.records import Interview

FORMAT = "screener-interview"
FORMAT_VERSION = 1
NOT_ASKED = "not_asked"


def _iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat(timespec="seconds") if value else None


def _answer_items(questionnaire: Questionnaire) -> list[tuple[Section, Item, bool]]:
    """(section, item, holds an answer) in order; a repeat's children live inside its value."""
    result: list[tuple[Section, Item, bool]] = []

    def visit(section: Section, item: Item, inside_repeat: bool) -> None:
        result.append((section, item, item.answerable and not inside_repeat))
        for child in item.items:
            visit(section, child, inside_repeat or item.kind == "repeat")

    for section in questionnaire.sections:
        for item in section.items:
            visit(section, item, False)
    return result


def _value_text(q: Questionnaire, item: Item, value: Any, lang: str) -> Any:
    """Choice labels for a select's codes, in the report language (None for other kinds)."""
    if item.list_name is None:
        return None
    if isinstance(value, list):
        return [q.choice_label(item, str(code), lang) for code in value]
    return q.choice_label(item, str(value), lang)


def _entry(interview: Interview, section: Section, item: Item, lang: str) -> dict[str, Any]:
    q = interview.questionnaire
    answer = interview.answers.get(item.name)
    entry: dict[str, Any] = {
        "item": item.name,
        "section": section.name,
        "type": item.type,
        "label": q.text(item.label, lang),
        "role": item.role,
        "state": answer.state.value if answer else NOT_ASKED,
        "value": answer.value if answer else None,
        "value_text": _value_text(q, item, answer.value, lang) if answer else None,
        "other": answer.other if answer else "",
        "answered_at": _iso(answer.updated_at) if answer else None,
        "note": interview.notes.get(item.name, ""),
        "flagged": item.name in interview.flags,
        "sensitive": item.sensitive,
        "interviewer_only": item.interviewer_only,
    }
    if item.kind == "repeat":
        entry["columns"] = [
            {"item": child.name, "type": child.type, "label": q.text(child.label, lang)}
            for child in item.items
        ]
    return entry


def to_json(
    interview: Interview,
    exported_at: datetime | None = None,
    event_count: int | None = None,
    include_interviewer_only: bool = False,
) -> dict[str, Any]:
    """A JSON-ready dict (format ``screener-interview``, version 1).

    The file travels with the handover report, so the consultant's interviewer-only questions
    are left out unless asked for. ``event_count`` defaults to ``Interview.event_count``.
    """
    q = interview.questionnaire
    info = interview.info
    lang = info.report_language or q.default_language
    answers: list[dict[str, Any]] = []
    assessment_sections: list[str] = []
    for section, item, holds_answer in _answer_items(q):
        if item.interviewer_only and not include_interviewer_only:
            continue
        has_note = item.name in interview.notes or item.name in interview.flags
        if holds_answer or has_note:
            answers.append(_entry(interview, section, item, lang))
        if item.role in ASSESSMENT_ROLES and section.name not in assessment_sections:
            assessment_sections.append(section.name)
    consent = interview.consent
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "screener_version": __version__,
        "exported_at": _iso(exported_at or datetime.now(UTC)),
        "interview": {
            "id": interview.id,
            "uuid": interview.uuid or None,
            "status": interview.status.value,
            "created_at": _iso(interview.created_at),
            "updated_at": _iso(interview.updated_at),
            "finalized_at": _iso(interview.finalized_at),
            "event_count": interview.event_count if event_count is None else event_count,
        },
        "questionnaire": {
            "id": q.id,
            "version": q.version,
            "hash": interview.questionnaire_hash,
            "title": q.text(q.title, lang),
        },
        "candidate": {
            "name": info.candidate_name,
            "birth_date": info.birth_date.isoformat() if info.birth_date else None,
            "nationality": info.nationality,
            "case_id": info.case_id,
        },
        "metadata": {
            "consultant": info.consultant,
            "interpreter": {
                "language": info.interpreter_language,
                "name": info.interpreter_name,
                "mode": info.interpreter_mode,
            },
            "place": info.place,
            "municipality": info.municipality,
            "ui_language": info.ui_language,
            "report_language": info.report_language,
        },
        "consent": None
        if consent is None
        else {
            "screening": consent.screening,
            "handover": consent.handover,
            "sensitive": consent.sensitive,
            "cv_postcard": consent.cv_postcard,
            "language": consent.language,
            "interpreter": consent.interpreter,
            "recorded_at": _iso(consent.recorded_at),
        },
        "elapsed": {
            "total_seconds": round(interview.elapsed_seconds, 1),
            "sections": {name: round(s, 1) for name, s in interview.section_seconds.items()},
        },
        "answers": answers,
        # The consultant's edits of the CV-postkort and kompetencekort texts (field -> text).
        "papers": dict(sorted(interview.papers.items())),
        "assessment": {
            "sections": assessment_sections,
            "answers": [entry for entry in answers if entry["section"] in assessment_sections],
        },
    }


def dumps(data: dict[str, Any]) -> bytes:
    """UTF-8 bytes, readable (indented, non-ASCII kept as is)."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
