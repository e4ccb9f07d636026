"""Exporting from the app: both files into the chosen folder, or a clear error and nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from screener.demo import create_demo
from screener.errors import ExportError
from screener.exporting import export_interview
from screener.questionnaire.loader import load_default
from screener.resources import data_dir
from screener.store.records import Status
from screener.store.repository import Repository


@pytest.fixture
def demo(tmp_path: Path) -> tuple[Repository, int]:
    repo = Repository(tmp_path / "db.sqlite3")
    interview_id = create_demo(repo, load_default(data_dir("questionnaires")))
    yield repo, interview_id
    repo.close()


def test_export_writes_pdf_and_json(demo: tuple[Repository, int], tmp_path: Path) -> None:
    repo, interview_id = demo
    folder = tmp_path / "usb"
    folder.mkdir()
    result = export_interview(repo, interview_id, folder, "da")
    assert result.pdf.read_bytes().startswith(b"%PDF")
    data = json.loads(result.json.read_text(encoding="utf-8"))
    assert data["candidate"]["name"] == "Şükrü Haddad"
    # The consultant's private questions stay out of the handover files.
    questionnaire = repo.get(interview_id).questionnaire
    private = {item.name for _s, item, _p in questionnaire.walk() if item.interviewer_only}
    assert private
    assert not private & {answer["item"] for answer in data["answers"]}
    assert sorted(p.name for p in folder.iterdir()) == [result.json.name, result.pdf.name]
    assert repo.get(interview_id).status is Status.DRAFT


def test_export_to_a_missing_folder_writes_nothing(
    demo: tuple[Repository, int], tmp_path: Path
) -> None:
    repo, interview_id = demo
    with pytest.raises(ExportError) as error:
        export_interview(repo, interview_id, tmp_path / "no-such-stick", "en")
    assert "no-such-stick" in str(error.value)
    assert not (tmp_path / "no-such-stick").exists()
