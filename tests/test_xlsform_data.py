"""Interview data as CSV for the exported XLSForm: Kobo's column layout, the four states kept."""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from store_fixture import CONSENTED, encrypted_store, info, open_encrypted, questionnaire

from screener.cli import main
from screener.store.records import AnswerState, Consent
from screener.store.repository import Repository
from screener.xlsform.data_csv import to_csv
from screener.xlsform.export import write_workbook
from screener.xlsform.mapping import STATES_FIELD

XFORMS = "{http://www.w3.org/2002/xforms}"


pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def interview_id(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    encrypted_store(db_path, monkeypatch)
    with open_encrypted(db_path) as repo:
        interview_id = repo.create_interview(info(), questionnaire(), consent=CONSENTED)
        repo.set_answer(interview_id, "mother_tongue", "Tigrinya")
        repo.mark(interview_id, "children", AnswerState.DONT_KNOW)
        repo.mark(interview_id, "story", AnswerState.DECLINED)
        repo.mark(interview_id, "driving", AnswerState.NOT_APPLICABLE)
        repo.set_answer(interview_id, "languages", ["ar", "other"], other="Saho")
        repo.set_answer(
            interview_id,
            "jobs",
            [{"job_title": "Cook", "job_years": 4}, {"job_title": "Driver, bus", "job_years": 2}],
        )
        repo.set_answer(interview_id, "typology", "ready")
        repo.record_consent(
            interview_id, Consent(True, True, "ti", "Omar Tolk", sensitive=True, cv_postcard=True)
        )
        return interview_id


def _rows(data: bytes) -> list[dict[str, str]]:
    assert not data.startswith(b"\xef\xbb\xbf")  # Kobo would read a BOM into the first name
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


def _instance_leaves(workbook: Path) -> set[str]:
    """Paths of the data elements of the form pyxform builds, below the instance root."""
    from pyxform.xls2xform import convert

    xform = ET.fromstring(convert(xlsform=str(workbook), validate=False).xform)
    root = next(iter(xform.iter(f"{XFORMS}instance")))[0]
    leaves: set[str] = set()

    def walk(element: ET.Element, path: str) -> None:
        children = list(element)
        if not children:
            leaves.add(path)
        for child in children:
            name = child.tag.removeprefix(XFORMS)
            walk(child, f"{path}/{name}" if path else name)

    walk(root, "")
    return leaves


def test_the_columns_are_the_forms_data_paths(
    db_path: Path, interview_id: int, tmp_path: Path
) -> None:
    with open_encrypted(db_path) as repo:
        interview = repo.get(interview_id)
    workbook = tmp_path / "form.xlsx"
    write_workbook(interview.questionnaire, workbook)
    leaves = _instance_leaves(workbook)
    header = list(_rows(to_csv([interview]))[0])
    data_columns = [c for c in header if not c.startswith("_")]
    assert {re.sub(r"\[\d+\]", "", c) for c in data_columns} <= leaves
    missing = leaves - {re.sub(r"\[\d+\]", "", c) for c in data_columns}
    assert missing == {"basics/intro", "meta/instanceID"}  # a note has no answer
    assert header[-4:] == [STATES_FIELD, "_index", "_uuid", "_submission_time"]


def test_values_and_the_four_states(db_path: Path, interview_id: int) -> None:
    with open_encrypted(db_path) as repo:
        interview = repo.get(interview_id)
    (row,) = _rows(to_csv([interview]))
    assert row["basics/mother_tongue"] == "Tigrinya"
    assert row["basics/languages"] == "ar other"  # select_multiple: codes, one cell
    assert row["basics/languages_other"] == "Saho"  # pyxform's or_other field
    assert row["basics/jobs[1]/job_title"] == "Cook"
    assert row["basics/jobs[2]/job_title"] == "Driver, bus"
    assert row["basics/jobs[2]/job_years"] == "2"
    assert row["assessment/typology"] == "ready"
    # Non-answers: the cell is empty and the state is kept in screener_states.
    for name in ("children", "story", "driving"):
        assert row[f"basics/{name}"] == ""
    assert row[STATES_FIELD] == "children:dont_know story:declined driving:not_applicable"
    # Not asked: empty, and not listed.
    assert row["basics/health/health_notes"] == ""
    assert "health_notes" not in row[STATES_FIELD]
    assert re.fullmatch(r"[0-9a-f-]{36}", row["_uuid"])
    assert row["_submission_time"].endswith("+00:00")
    # The same interview always gets the same _uuid: a second import is an edit, not a copy.
    assert _rows(to_csv([interview]))[0]["_uuid"] == row["_uuid"]


def test_the_cli_writes_the_csv_and_marks_the_interview_exported(
    db_path: Path, interview_id: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "data.csv"
    code = main(["--db", str(db_path), "export", str(interview_id), "--xlsform-data", str(target)])
    assert code == 0
    assert "data.csv" in capsys.readouterr().out
    assert _rows(target.read_bytes())[0]["basics/mother_tongue"] == "Tigrinya"
    with open_encrypted(db_path) as repo:
        assert repo.get(interview_id).exported_at is not None


def test_the_cli_with_an_unknown_id(db_path: Path, tmp_path: Path) -> None:
    with Repository(db_path):
        pass
    target = tmp_path / "data.csv"
    assert main(["--db", str(db_path), "export", "99", "--xlsform-data", str(target)]) == 1
    assert not target.exists()


def test_interviewer_only_questions_stay_empty_as_in_the_json_export(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from store_fixture import questionnaire_data

    encrypted_store(db_path, monkeypatch)

    from screener.questionnaire.model import Questionnaire

    data = questionnaire_data()
    data["sections"][0]["items"][2]["interviewer_only"] = True  # children
    data["sections"][0]["items"][5]["interviewer_only"] = True  # languages, with "other"
    with open_encrypted(db_path) as repo:
        interview_id = repo.create_interview(
            info(), Questionnaire.model_validate(data), consent=CONSENTED
        )
        repo.set_answer(interview_id, "mother_tongue", "Tigrinya")
        repo.mark(interview_id, "children", AnswerState.DECLINED)
        repo.set_answer(interview_id, "languages", ["other"], other="Saho")
        interview = repo.get(interview_id)
    (row,) = _rows(to_csv([interview]))
    assert row["basics/children"] == ""  # the form's column is there, and empty
    assert row["basics/languages"] == row["basics/languages_other"] == ""
    assert row[STATES_FIELD] == ""
    assert row["basics/mother_tongue"] == "Tigrinya"


def test_json_and_xlsform_data_in_one_command(
    db_path: Path, interview_id: int, tmp_path: Path
) -> None:
    json_path, csv_path = tmp_path / "i.json", tmp_path / "i.csv"
    args = ["--db", str(db_path), "export", str(interview_id), "--json", str(json_path)]
    assert main([*args, "--xlsform-data", str(csv_path)]) == 0
    assert json_path.is_file() and csv_path.is_file()
