"""The linter on its own: problems it finds in otherwise valid models, and run_check's output."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from screener.errors import QuestionnaireError
from screener.questionnaire.check import run_check
from screener.questionnaire.lint import lint
from screener.questionnaire.loader import load_from_text, load_questionnaire

pytestmark = pytest.mark.usefixtures("english")


VALID = Path(__file__).parent / "questionnaires" / "valid" / "small.toml"
ROOT = Path(__file__).resolve().parent.parent


def problems_after(old: str, new: str) -> list[str]:
    text = VALID.read_text(encoding="utf-8")
    assert old in text
    with pytest.raises(QuestionnaireError) as caught:
        load_from_text(text.replace(old, new, 1), "q.toml")
    return [str(problem) for problem in caught.value.problems]


def test_valid_fixture_has_no_problems() -> None:
    q = load_questionnaire(VALID)
    assert lint(q, "small.toml", VALID.read_text(encoding="utf-8")) == []


def test_sibling_in_repeat_entry_may_be_referenced() -> None:
    q = load_questionnaire(VALID)
    assert q.item("job_country").relevant == "${job_abroad} = 'yes'"


def test_reference_to_a_later_sibling_in_a_repeat() -> None:
    found = problems_after("relevant = \"${job_abroad} = 'yes'\"", 'relevant = "${started} = 1"')
    assert found == [
        "q.toml:106: work/jobs/job_country: 'relevant' refers to 'started', which comes later "
        "(work/started); a condition can only use answers given before"
    ]


def test_group_condition_on_its_own_child() -> None:
    found = problems_after("relevant = \"${married} = 'yes'\"", 'relevant = "${spouse_name} = 1"')
    assert len(found) == 1 and "comes later" in found[0] and "about/spouse:" in found[0]


def test_relevant_referring_to_itself_and_to_a_note() -> None:
    found = problems_after('relevant = "${children} > 0"', 'relevant = "${children_ages} = 1"')
    assert found == ["q.toml:60: about/children_ages: 'relevant' refers to the item itself"]
    found = problems_after('relevant = "${children} > 0"', 'relevant = "${intro} = 1"')
    assert found == [
        "q.toml:60: about/children_ages: 'relevant' refers to 'intro', a note without an answer"
    ]


def test_min_max_on_a_non_scale() -> None:
    found = problems_after('type = "decimal"', 'type = "decimal"\nmin = 0')
    assert found == [
        "q.toml:119: work/weight: 'min' only applies to a scale; use a constraint such as '. >= 0'"
    ]


def test_bad_name_and_section_reference() -> None:
    found = problems_after('name = "weight"', 'name = "my weight"')
    assert any("may only contain letters" in line for line in found)
    found = problems_after('relevant = "${children} > 0"', 'relevant = "${about} = 1"')
    assert any("refers to the section 'about'" in line for line in found)


def test_empty_label_text() -> None:
    found = problems_after('label.en = "Weight"', 'label.en = " "')
    assert found == ["q.toml:120: work/weight: label.en is empty"]


def test_run_check_reports_each_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("id = ", encoding="utf-8")
    out = io.StringIO()
    assert run_check([VALID, broken, tmp_path / "nope.toml", tmp_path], out) == 1
    lines = out.getvalue().splitlines()
    assert lines[0].startswith(f"OK {VALID}: 2 sections, 17 items (da, en); ")
    assert "core questions" in lines[0]
    assert lines[1].startswith(f"{broken}: not valid TOML:")
    assert lines[2] == f"{tmp_path / 'nope.toml'}: file not found"
    assert lines[3] == f"{tmp_path}: is a folder, not a questionnaire file"
    assert run_check([VALID], io.StringIO()) == 0
    assert run_check([], io.StringIO()) == 1


def test_shipped_questionnaires_pass_the_linter() -> None:
    files = sorted((ROOT / "questionnaires").glob("*.toml"))
    assert files
    out = io.StringIO()
    code = run_check(files, out)
    assert code == 0, out.getvalue()
