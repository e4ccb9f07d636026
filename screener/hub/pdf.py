"""The handover PDF of an imported interview, regenerated from the stored export in da or en.

The export names its questionnaire by id, version and content hash; the report needs the
questionnaire itself, so it is found in the hub's questionnaire folder (same hash first, else the
same id and version).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from screener.hub.engine import HubError
from screener.i18n import _

if TYPE_CHECKING:
    from screener.questionnaire.model import Questionnaire
    from screener.store.records import Interview


def find_questionnaire(folder: Path, qid: str, version: str, digest: str) -> Questionnaire:
    from screener.errors import QuestionnaireError
    from screener.questionnaire.loader import load_questionnaire

    fallback: Questionnaire | None = None
    for path in sorted(folder.glob("*.toml")):
        try:
            questionnaire = load_questionnaire(path)
        except QuestionnaireError:
            continue
        if questionnaire.content_hash() == digest:
            return questionnaire
        if questionnaire.id == qid and questionnaire.version == version:
            fallback = questionnaire
    if fallback is None:
        raise HubError(
            _("The questionnaire {id} {version} of this interview is not in {folder}.").format(
                id=qid, version=version, folder=folder
            )
        )
    return fallback


def _when(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) and value else None


def interview_of(data: dict[str, Any], questionnaire: Questionnaire) -> Interview:
    """The laptop's Interview record rebuilt from its JSON export."""
    from screener.store.records import (
        Answer,
        AnswerState,
        Consent,
        Interview,
        InterviewInfo,
        Status,
    )

    meta = data["metadata"]
    person = data["candidate"]
    head = data["interview"]
    birth = person.get("birth_date")
    info = InterviewInfo(
        candidate_name=person["name"],
        birth_date=date.fromisoformat(birth) if birth else None,
        nationality=person.get("nationality", ""),
        case_id=person.get("case_id", ""),
        consultant=meta.get("consultant", ""),
        interpreter_language=meta.get("interpreter", {}).get("language", ""),
        interpreter_name=meta.get("interpreter", {}).get("name", ""),
        interpreter_mode=meta.get("interpreter", {}).get("mode", "in_person"),
        place=meta.get("place", ""),
        municipality=meta.get("municipality", ""),
        ui_language=meta.get("ui_language", "da"),
        report_language=meta.get("report_language", "da"),
    )
    answers: dict[str, Answer] = {}
    notes: dict[str, str] = {}
    flags: set[str] = set()
    for entry in data.get("answers", []):
        name = entry["item"]
        if entry.get("state") in {s.value for s in AnswerState}:
            answers[name] = Answer(
                name,
                AnswerState(entry["state"]),
                entry.get("value"),
                entry.get("other", ""),
                _when(entry.get("answered_at")),
            )
        if entry.get("note"):
            notes[name] = entry["note"]
        if entry.get("flagged"):
            flags.add(name)
    consent_data = data.get("consent")
    consent = (
        None
        if not consent_data
        else Consent(
            screening=bool(consent_data.get("screening")),
            handover=bool(consent_data.get("handover")),
            language=consent_data.get("language", ""),
            interpreter=consent_data.get("interpreter", ""),
            recorded_at=_when(consent_data.get("recorded_at")),
        )
    )
    elapsed = data.get("elapsed", {})
    status = head.get("status", "finalized")
    created = _when(head["created_at"])
    updated = _when(head["updated_at"])
    assert created is not None and updated is not None
    return Interview(
        id=int(head["id"]),
        info=info,
        status=Status(status) if status in {s.value for s in Status} else Status.FINALIZED,
        created_at=created,
        updated_at=updated,
        finalized_at=_when(head.get("finalized_at")),
        questionnaire=questionnaire,
        questionnaire_hash=data["questionnaire"]["hash"],
        answers=answers,
        notes=notes,
        flags=flags,
        consent=consent,
        elapsed_seconds=float(elapsed.get("total_seconds", 0.0)),
        section_seconds={k: float(v) for k, v in elapsed.get("sections", {}).items()},
        event_count=int(head.get("event_count", 0)),
    )


def render(data: dict[str, Any], folder: Path, lang: str) -> bytes:
    from screener.report.render import render_pdf_bytes

    q = data["questionnaire"]
    questionnaire = find_questionnaire(folder, q["id"], q["version"], q["hash"])
    return render_pdf_bytes(interview_of(data, questionnaire), lang)
