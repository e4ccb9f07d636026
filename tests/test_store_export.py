"""JSON export of an interview, and atomic file writing shared with the PDF export."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from store_fixture import CONSENTED, info, questionnaire

from screener import i18n
from screener.errors import ExportError
from screener.files import atomic_write
from screener.store.export_json import dumps, to_json
from screener.store.records import AnswerState, Consent
from screener.store.repository import Repository


@pytest.fixture(autouse=True)
def english() -> None:
    i18n.set_language("en")


def test_json_keeps_states_apart_and_groups_the_assessment(db_path: Path) -> None:
    with Repository(db_path) as repo:
        interview_id = repo.create_interview(
            info(report_language="en"), questionnaire(), consent=CONSENTED
        )
        repo.set_answer(interview_id, "mother_tongue", "Tigrinya")
        repo.mark(interview_id, "children", AnswerState.DONT_KNOW)
        repo.mark(interview_id, "story", AnswerState.DECLINED)
        repo.mark(interview_id, "driving", AnswerState.NOT_APPLICABLE)
        repo.set_answer(interview_id, "languages", ["ar", "other"], other="Saho")
        repo.set_answer(interview_id, "jobs", [{"job_title": "Cook", "job_years": 4}])
        repo.set_answer(interview_id, "typology", "ready")
        repo.set_note(interview_id, "story", "Ask later")
        repo.set_flag(interview_id, "intro", True)
        repo.record_consent(interview_id, Consent(True, True, "ti", "Omar Tolk"))
        repo.add_elapsed(interview_id, "basics", 600)
        repo.finalize(interview_id)
        interview = repo.get(interview_id)
    data = json.loads(dumps(to_json(interview)).decode("utf-8"))
    assert data["format"] == "screener-interview" and data["format_version"] == 1
    assert data["questionnaire"] == {
        "id": "store-test",
        "version": "1",
        "hash": questionnaire().content_hash(),
        "title": "Store test",
    }
    assert data["candidate"]["name"] == "Amina Testperson"
    assert data["candidate"]["birth_date"] == "1990-05-17"
    assert data["metadata"]["interpreter"] == {
        "language": "ar",
        "name": "Omar Tolk",
        "mode": "phone",
    }
    assert data["interview"]["status"] == "finalized"
    assert data["interview"]["event_count"] == interview.event_count > 10
    assert data["consent"]["handover"] is True
    assert data["elapsed"] == {"total_seconds": 600.0, "sections": {"basics": 600.0}}
    assert data["exported_at"] and data["screener_version"]
    by_item = {entry["item"]: entry for entry in data["answers"]}
    assert {name: by_item[name]["state"] for name in by_item} == {
        "intro": "not_asked",  # listed for its flag
        "mother_tongue": "answered",
        "children": "dont_know",
        "story": "declined",
        "driving": "not_applicable",
        "languages": "answered",
        "health_notes": "not_asked",
        "jobs": "answered",
        "typology": "answered",
        "plan": "not_asked",
    }
    assert by_item["languages"]["value"] == ["ar", "other"]
    assert by_item["languages"]["value_text"][0] == "Arabic"
    assert by_item["languages"]["other"] == "Saho"
    assert by_item["story"]["note"] == "Ask later" and by_item["story"]["value"] is None
    assert by_item["intro"]["flagged"] is True
    assert by_item["jobs"]["columns"][0]["item"] == "job_title"
    assert by_item["health_notes"]["sensitive"] is True
    assert data["assessment"]["sections"] == ["assessment"]
    assert [e["item"] for e in data["assessment"]["answers"]] == ["typology", "plan"]
    assert data["assessment"]["answers"][0]["role"] == "typology"


def test_atomic_write(tmp_path: Path) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    target = folder / "out.json"
    atomic_write(target, b"one")
    atomic_write(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in folder.iterdir()] == ["out.json"]


def test_atomic_write_to_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="Folder does not exist"):
        atomic_write(tmp_path / "nowhere" / "out.json", b"x")


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.EACCES, "permission denied"),
        (errno.EROFS, "read-only"),
        (errno.ENOSPC, "full"),
    ],
)
def test_atomic_write_failure_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    target = folder / "out.json"
    target.write_bytes(b"previous export")

    def fail(*args: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(ExportError) as caught:
        atomic_write(target, b"new")
    assert words in str(caught.value) and str(folder) in str(caught.value)
    assert target.read_bytes() == b"previous export"
    assert [p.name for p in folder.iterdir()] == ["out.json"]
