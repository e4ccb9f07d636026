"""What leaves the laptop follows the consents: no handover consent, no file; no sensitive
consent, no sensitive answer; a declined sensitive question is never printed."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from store_fixture import encrypted_store, open_encrypted

from screener import commands, i18n
from screener.questionnaire.loader import load_default
from screener.settings import Settings
from screener.store.records import AnswerState, Consent, InterviewInfo

CANARY = "Zqx-canary-knee-operation"
PLANNED_LEAVE_LABEL = "expecting a child"


@pytest.fixture(autouse=True)
def _encrypted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    encrypted_store(tmp_path / "x.sqlite3", monkeypatch)


def _interview(db: Path, consent: Consent) -> int:
    questionnaire = load_default(Settings(db_path=db).questionnaire_dir)
    with open_encrypted(db) as repo:
        interview_id = repo.create_interview(
            InterviewInfo("Hagos Testperson"),
            questionnaire,
            consent=Consent(screening=True, handover=True, sensitive=True, cv_postcard=True),
        )
        repo.set_answer(interview_id, "mother_tongue", "Tigrinya")
        repo.set_answer(interview_id, "functional_limitations", "yes")
        repo.set_answer(interview_id, "limitations_description", CANARY)
        repo.set_note(interview_id, "accommodations", CANARY + " note")
        repo.mark(interview_id, "planned_leave", AnswerState.DECLINED)
        repo.record_consent(interview_id, consent)
    return interview_id


def _export(db: Path, tmp: Path, interview_id: int, lang: str) -> tuple[int, str, Path, Path]:
    settings = Settings(db_path=db, language=lang)
    pdf, data = tmp / f"out-{lang}.pdf", tmp / f"out-{lang}.json"
    out = io.StringIO()
    with contextlib.redirect_stderr(out):
        code = commands.export(settings, interview_id, data, pdf, out)
    i18n.set_language("en")
    return code, out.getvalue(), pdf, data


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "not consented to handing the result"), ("da", "ikke givet samtykke til")],
)
def test_export_refuses_without_handover_consent(tmp_path: Path, lang: str, words: str) -> None:
    db = tmp_path / "x.sqlite3"
    no_handover = Consent(screening=True, handover=False, sensitive=True, cv_postcard=True)
    interview_id = _interview(db, no_handover)
    code, text, pdf, data = _export(db, tmp_path, interview_id, lang)
    assert code != 0
    assert words in text
    assert not pdf.exists() and not data.exists() and not list(tmp_path.glob("*.part"))
    with open_encrypted(db) as repo:
        assert repo.get(interview_id).exported_at is None


def test_without_sensitive_consent_no_sensitive_answer_leaves(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite3"
    interview_id = _interview(
        db, Consent(screening=True, handover=True, sensitive=False, cv_postcard=False)
    )
    code, _text, pdf, data = _export(db, tmp_path, interview_id, "en")
    assert code == 0
    raw = data.read_text(encoding="utf-8")
    assert "Tigrinya" in raw and "Tigrinya" in _pdf_text(pdf)  # the rest is there
    assert CANARY not in raw and CANARY not in _pdf_text(pdf)
    names = {entry["item"] for entry in json.loads(raw)["answers"]}
    assert not names & {"functional_limitations", "limitations_description", "accommodations"}
    assert "Health and accommodations" not in _pdf_text(pdf)


def test_with_sensitive_consent_the_chapter_is_there_but_not_what_was_declined(
    tmp_path: Path,
) -> None:
    db = tmp_path / "x.sqlite3"
    interview_id = _interview(
        db, Consent(screening=True, handover=True, sensitive=True, cv_postcard=False)
    )
    code, _text, pdf, data = _export(db, tmp_path, interview_id, "en")
    assert code == 0
    raw, text = data.read_text(encoding="utf-8"), _pdf_text(pdf)
    assert CANARY in raw and CANARY in " ".join(text.split())  # the canary can be found
    assert "planned_leave" not in raw
    assert PLANNED_LEAVE_LABEL not in " ".join(text.split())


def test_a_draft_is_marked_on_every_page(tmp_path: Path) -> None:
    db = tmp_path / "x.sqlite3"
    interview_id = _interview(
        db, Consent(screening=True, handover=True, sensitive=True, cv_postcard=True)
    )
    code, _text, pdf, _data = _export(db, tmp_path, interview_id, "en")
    assert code == 0
    pages = [page.extract_text() or "" for page in PdfReader(pdf).pages]
    assert len(pages) > 1
    assert all("DRAFT, NOT FINALIZED" in page for page in pages)
