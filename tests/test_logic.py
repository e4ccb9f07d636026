"""Interview logic: visibility, progress, what is missing, validation and coercion."""

from __future__ import annotations

from pathlib import Path

import pytest

from screener import i18n
from screener.interview.logic import (
    Progress,
    coerce,
    is_relevant,
    missing_required,
    section_progress,
    validate,
    visible_children,
    visible_items,
)
from screener.questionnaire.loader import load_questionnaire
from screener.questionnaire.model import Questionnaire

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "questionnaires" / "tm-screening.toml"
SMALL = Path(__file__).parent / "questionnaires" / "valid" / "small.toml"


@pytest.fixture(scope="module")
def small() -> Questionnaire:
    return load_questionnaire(SMALL)


@pytest.fixture(scope="module")
def tm() -> Questionnaire:
    return load_questionnaire(SHIPPED)


def names(items: list) -> list[str]:  # type: ignore[type-arg]
    return [item.name for item in items]


# --- the shipped questionnaire ---------------------------------------------------------------


def test_spouse_questions_follow_civil_status(tm: Questionnaire) -> None:
    family = tm.section_of("spouse_location")
    spouse = {"spouse_location", "spouse_work"}
    assert not spouse & set(names(visible_items(family, {})))
    for status in ("married", "partner"):
        assert spouse <= set(names(visible_items(family, {"civil_status": status})))
    single = next(
        c.value
        for c in tm.choice_list(tm.item("civil_status"))
        if c.value not in ("married", "partner")
    )
    assert not spouse & set(names(visible_items(family, {"civil_status": single})))
    assert is_relevant(tm.item("spouse_work"), {"civil_status": "married"})
    assert not is_relevant(tm.item("spouse_work"), {"civil_status": single})


def test_children_follow_has_children(tm: Questionnaire) -> None:
    section = tm.section_of("children")
    assert "children" not in names(visible_items(section, {"has_children": "no"}))
    shown = names(visible_items(section, {"has_children": "yes"}))
    assert "children" in shown and "childcare_view" in shown
    assert "child_age" not in shown  # repeat children are shown per entry, not flattened
    assert names(visible_children(tm.item("children"), {}, {})) == [
        c.name for c in tm.item("children").items
    ]


def test_every_condition_in_the_shipped_file_evaluates(tm: Questionnaire) -> None:
    conditioned = [item for _s, item, _p in tm.walk() if item.relevant]
    assert len(conditioned) >= 10
    for item in conditioned:
        is_relevant(item, {})
        is_relevant(item, {"status": "asylant", "civil_status": "married", "has_children": "yes"})


def test_shipped_constraints(tm: Questionnaire) -> None:
    age = tm.item("child_age")
    assert validate(age, 7, {}) is None
    i18n.set_language("en")
    try:
        assert validate(age, 41, {}) == age.constraint_message["en"]
        assert validate(age, "abc", {}) == "Please type a whole number, e.g. 12."
    finally:
        i18n.set_language("da")
    assert validate(age, 41, {}) == age.constraint_message["da"]


def test_shipped_progress_and_missing(tm: Questionnaire) -> None:
    family = tm.section_of("civil_status")
    empty = section_progress(family, {}, set())
    assert empty.answered == 0 and empty.visible > 0 and not empty.complete
    required = [(s.name, i.name) for s, i in missing_required(tm, {}, set())]
    assert all(tm.item(name).required for _s, name in required)


# --- the small fixture -----------------------------------------------------------------------


def test_group_hides_its_children(small: Questionnaire) -> None:
    about = small.sections[0]
    assert names(visible_items(about, {})) == ["intro", "married", "children"]
    assert names(visible_items(about, {"married": "yes", "children": 2})) == [
        "intro",
        "married",
        "spouse",
        "spouse_name",
        "spouse_in_dk",
        "children",
        "children_ages",
    ]
    spouse = small.item("spouse")
    assert not is_relevant(small.item("spouse_name"), {"married": "no"}, parents=[spouse])
    assert is_relevant(small.item("spouse_name"), {"married": "yes"}, parents=[spouse])


def test_repeat_entry_overlay(small: Questionnaire) -> None:
    jobs = small.item("jobs")
    country = small.item("job_country")
    assert is_relevant(country, {}, {"job_abroad": "yes"}, parents=[jobs])
    assert not is_relevant(country, {}, {"job_abroad": "no"}, parents=[jobs])
    assert "job_country" in names(visible_children(jobs, {}, {"job_abroad": "yes"}))


def test_progress(small: Questionnaire) -> None:
    about = small.sections[0]
    assert section_progress(about, {}, set()) == Progress(0, 2, False)
    values = {"married": "yes", "spouse_name": "Amal", "children": 0}
    assert section_progress(about, values, {"spouse_in_dk"}) == Progress(4, 4, True)


def test_missing_required(small: Questionnaire) -> None:
    assert [i.name for _s, i in missing_required(small, {}, set())] == ["married"]
    assert [i.name for _s, i in missing_required(small, {}, {"married"})] == []
    values = {"married": "yes", "jobs": [{"job_title": "Cook"}, {"job_abroad": "no"}]}
    assert [i.name for _s, i in missing_required(small, values, set())] == [
        "spouse_name",
        "job_title",
    ]


@pytest.mark.parametrize(
    ("name", "raw", "expected"),
    [
        ("children", " 3 ", 3),
        ("weight", "72,5", 72.5),
        ("weight", "72.5", 72.5),
        ("started", "2024-03-31", "2024-03-31"),
        ("started", "31-03-2024", "2024-03-31"),
        ("started", "1.4.2024", "2024-04-01"),
        ("danish", "4", 4),
        ("married", "Ja", "yes"),
        ("married", "no", "no"),
        ("langs", "ar, fa", ["ar", "fa"]),
        ("children", "", None),
        ("children_ages", "  3 og 5 ", "  3 og 5 "),
    ],
)
def test_coerce(small: Questionnaire, name: str, raw: str, expected: object) -> None:
    assert coerce(small.item(name), raw) == expected


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        ("children", "3.5"),
        ("children", "tre"),
        ("weight", "nan"),
        ("weight", "1,2,3"),
        ("started", "2024-02-30"),
        ("started", "yesterday"),
        ("danish", "6"),
        ("danish", "x"),
        ("married", "maybe"),
    ],
)
def test_coerce_rejects(small: Questionnaire, name: str, raw: str) -> None:
    with pytest.raises(ValueError) as caught:
        coerce(small.item(name), raw)
    assert str(caught.value)


def test_validate(small: Questionnaire) -> None:
    i18n.set_language("en")
    try:
        children = small.item("children")
        assert validate(children, 3, {}) is None
        assert validate(children, "3", {}) is None
        assert validate(children, 25, {}) == "Between 0 and 19."
        assert validate(children, None, {}) is None
        assert validate(children, True, {}) == "Please type a whole number, e.g. 12."
        assert validate(small.item("weight"), "70,5", {}) is None
        assert validate(small.item("started"), "2024-13-01", {}) == "There is no such date."
        assert validate(small.item("danish"), 9, {}) == "Please choose a number from 1 to 5."
        assert validate(small.item("married"), "maybe", {}) == "Please answer yes or no."
        langs = small.item("langs")
        assert validate(langs, ["ar", "other"], {}, small) is None
        assert validate(langs, ["xx"], {}, small) == "Please choose one of the listed answers."
        assert validate(small.item("typology"), "a", {}, small) is None
        assert validate(small.item("typology"), "z", {}, small) is not None
    finally:
        i18n.set_language("da")
    assert validate(small.item("children"), 25, {}) == "Mellem 0 og 19."
