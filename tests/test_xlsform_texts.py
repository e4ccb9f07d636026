"""Any text a questionnaire may hold survives the trip to a workbook and back."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_fixture import questionnaire_data

from screener.errors import ExportError
from screener.questionnaire.loader import load_from_text
from screener.questionnaire.model import Questionnaire
from screener.xlsform.export import write_workbook
from screener.xlsform.importer import import_workbook
from screener.xlsform.toml_out import to_toml

# Printable text; a cell keeps inner line breaks and quotes, but not surrounding blanks.
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\u2028\u2029"),
    min_size=1,
    max_size=40,
).map(str.strip).filter(bool) | st.sampled_from(
    ['a "quoted"\nline', "back\\slash", "100 % {x}", "=1+1"]
)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(label=TEXT, hint=TEXT, title=TEXT)
def test_texts_round_trip(label: str, hint: str, title: str) -> None:
    data = questionnaire_data()
    item = data["sections"][0]["items"][1]
    item["label"] = {"da": label, "en": label}
    item["hint"] = {"da": hint, "en": hint}
    data["title"] = {"da": title, "en": title}
    q = Questionnaire.model_validate(data)
    assert load_from_text(to_toml(q), "t.toml") == q
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.xlsx"
        write_workbook(q, path)
        assert import_workbook(path).questionnaire == q


def test_a_control_character_is_refused_with_a_message(tmp_path: Path) -> None:
    data = questionnaire_data()
    data["sections"][0]["items"][1]["label"] = {"da": "bad\x01", "en": "bad"}
    with pytest.raises(ExportError, match="mother_tongue"):
        write_workbook(Questionnaire.model_validate(data), tmp_path / "t.xlsx")
    assert not (tmp_path / "t.xlsx").exists()


def test_a_label_that_would_insert_an_answer_is_refused(tmp_path: Path) -> None:
    data = questionnaire_data()
    data["sections"][0]["items"][1]["hint"] = {"da": "Se ${x}", "en": "See ${x}"}
    with pytest.raises(ExportError, match="mother_tongue"):
        write_workbook(Questionnaire.model_validate(data), tmp_path / "t.xlsx")


def test_a_text_starting_with_equals_stays_text(tmp_path: Path) -> None:
    import openpyxl

    data = questionnaire_data()
    data["sections"][0]["items"][1]["label"] = {"da": "=SUM(A1)", "en": "=1+1"}
    q = Questionnaire.model_validate(data)
    path = tmp_path / "t.xlsx"
    write_workbook(q, path)
    sheet = openpyxl.load_workbook(path)["survey"]
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    assert import_workbook(path).questionnaire == q
