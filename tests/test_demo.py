"""The demo interview: complete, consistent with the shipped questionnaire, and valid."""

from __future__ import annotations

from pathlib import Path

import pytest

import screener
from screener.demo import DATA_FILE, create_demo, demo_answers, load_demo
from screener.errors import ScreenerError
from screener.interview.logic import is_relevant, missing_required, validate
from screener.questionnaire.loader import load_questionnaire
from screener.questionnaire.model import Questionnaire
from screener.store.records import AnswerState, Interview
from screener.store.repository import Repository

SHIPPED = Path(__file__).resolve().parent.parent / "questionnaires" / "tm-screening.toml"


@pytest.fixture(scope="module")
def questionnaire() -> Questionnaire:
    return load_questionnaire(SHIPPED)


@pytest.fixture
def interview(tmp_path: Path, questionnaire: Questionnaire) -> Interview:
    with Repository(tmp_path / "demo.sqlite3") as repo:
        interview_id = create_demo(repo, questionnaire)
        return repo.get(interview_id)


def test_every_demo_name_is_in_the_questionnaire(questionnaire: Questionnaire) -> None:
    demo = load_demo()
    names = {item.name for _s, item, _p in questionnaire.walk()}
    assert set(demo.answers) | set(demo.non_responses) | set(demo.notes) | set(demo.flags) <= names
    assert set(demo.minutes) == {section.name for section in questionnaire.sections}


def test_every_section_has_answers(interview: Interview, questionnaire: Questionnaire) -> None:
    answered = {name for name, a in interview.answers.items() if a.state is AnswerState.ANSWERED}
    for section in questionnaire.sections:
        names = {item.name for item in section.items if item.answerable}
        if names:
            assert names & answered, section.name
        else:  # the welcome section: notes only, its consent is recorded by the app
            assert section.name == "welcome"
    assert interview.consent is not None and interview.consent.handover


def test_demo_values_are_valid_and_relevant(questionnaire: Questionnaire) -> None:
    values = demo_answers(questionnaire)
    for name, value in values.items():
        item = questionnaire.item(name)
        assert is_relevant(item, values), name
        assert validate(item, value, values, questionnaire) is None, name
        if item.kind == "repeat":
            assert isinstance(value, list) and value, name
            children = {child.name: child for child in item.items}
            for entry in value:
                assert set(entry) <= set(children), name
                for child_name, child_value in entry.items():
                    child = children[child_name]
                    assert validate(child, child_value, values, questionnaire) is None, child_name


def test_demo_is_complete_and_consistent(
    interview: Interview, questionnaire: Questionnaire
) -> None:
    values = interview.values()
    nonresponses = {
        name for name, a in interview.answers.items() if a.state is not AnswerState.ANSWERED
    }
    assert missing_required(questionnaire, values, nonresponses) == []
    states = {a.state for a in interview.answers.values()}
    assert {AnswerState.DONT_KNOW, AnswerState.DECLINED, AnswerState.NOT_APPLICABLE} <= states
    assert len(interview.notes) == 1 and len(interview.flags) == 1
    assert 110 * 60 <= sum(interview.section_seconds.values()) <= 120 * 60
    assert interview.position == ("closing", "looking_forward")
    assert interview.status.value == "draft"
    # The typology pre-selects the effort elements that fit the candidate's status and profile;
    # the plan has what, why, who and when.
    from screener.questionnaire.effort import suggested_efforts

    suggested = suggested_efforts(questionnaire, values["typology"], values, interview.consent)
    assert suggested and set(suggested) <= set(values["effort_elements"])
    assert "cv_postkort" in values["effort_elements"]  # the candidate said yes to it
    assert "kontakt_udlaendingestyrelsen" not in values["effort_elements"]  # already placed
    assert "linkedin" not in values["effort_elements"]  # no higher education
    assert len(values["effort_plan"]) == 3
    for entry in values["effort_plan"]:
        assert all(entry[key] for key in ("plan_what", "plan_why", "plan_who", "plan_when"))
    assert len(values["jobs"]) == 3 and len(values["language_list"]) == 4
    assert len(values["branches"]) >= 2


def test_the_demo_file_ships_inside_the_package() -> None:
    assert DATA_FILE.parent == Path(screener.__file__).resolve().parent


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("\n[info]", "\ncolour = 'blue'\n[info]", "colour: Extra inputs are not permitted"),
        ("birth_date = 1988-03-14", "birth_date = 'soon'", "info.birth_date: Input should be"),
        ('unpaid_work = "not_applicable"', "unpaid_work = 'maybe'", "non_responses.unpaid_work:"),
        ("child_age = 9", "child_age = 2019-05-01", "answers.children.0.child_age: input was"),
        ("welcome = 8", "welcome = 0", "minutes.welcome: Input should be greater than 0"),
        ("[notes]", "[answers]", "Cannot declare ('answers',) twice"),
    ],
)
def test_a_broken_demo_file_names_the_file_the_key_and_the_problem(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    text = DATA_FILE.read_text(encoding="utf-8")
    assert text.count(old) == 1
    broken = tmp_path / "demo.toml"
    broken.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(ScreenerError) as caught:
        load_demo(broken)
    assert str(caught.value).startswith(f"{broken}: {message}")
