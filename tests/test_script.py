"""The shipped script fits two hours with an interpreter, asks each fact once, and keeps the
candidate's status, the typology and the effort elements consistent."""

from __future__ import annotations

import io
import tomllib
from pathlib import Path

import pytest

from screener.interview.logic import validate
from screener.questionnaire.check import run_check
from screener.questionnaire.effort import (
    suggested_efforts,
    typology_fits_status,
    with_suggestions,
)
from screener.questionnaire.lint import lint
from screener.questionnaire.loader import load_questionnaire
from screener.questionnaire.model import PREFILL_FIELDS, Questionnaire
from screener.store.records import Consent

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "questionnaires" / "tm-screening.toml"


@pytest.fixture(scope="module")
def q() -> Questionnaire:
    return load_questionnaire(SCRIPT)


def core_names(q: Questionnaire) -> list[str]:
    return [item.name for item in q.spoken_items()]


# --- two hours, with an interpreter ----------------------------------------------------------


def test_core_script_is_at_most_sixty_spoken_questions(q: Questionnaire) -> None:
    core = core_names(q)
    assert 40 <= len(core) <= 60, len(core)
    # Optional questions exist and are reachable, but are not counted in the core.
    assert len(q.spoken_items(core_only=False)) > len(core)


def test_time_budgets_fit_with_room_for_coffee_and_a_break(q: Questionnaire) -> None:
    assert q.minutes is not None and q.minutes <= 100
    assert q.interview_minutes <= q.minutes
    assert q.minutes - q.interview_minutes >= 5  # a break and slack
    by_name = {s.name: s for s in q.sections}
    assert by_name["welcome"].minutes >= 5  # small talk, coffee, purpose, consent
    for section in q.sections:
        if section.after_interview:
            continue
        core = [i for s, i, _p in q.walk() if s is section and i in q.spoken_items()]
        assert len(core) <= section.minutes, section.name  # at least a minute per question


def test_consultant_ratings_come_after_the_candidate_has_left(q: Questionnaire) -> None:
    assessment = next(s for s in q.sections if s.name == "assessment")
    assert assessment.after_interview
    for name in ("cc_stable", "cc_motivated", "du_track_indicator", "attention_points"):
        assert q.section_of(name).name == "assessment", name
    assert q.section_of("health_follow_up").after_interview


def test_linter_reports_budget_overrun_and_core_count(q: Questionnaire) -> None:
    from screener import i18n

    i18n.set_language("en")
    tight = q.model_copy(update={"minutes": 60})
    problems = lint(tight, "tight.toml")
    assert any("more than the budget of 60 minutes" in p.message for p in problems)
    out = io.StringIO()
    assert run_check([SCRIPT], out) == 0, out.getvalue()
    assert f"{len(core_names(q))} core questions" in out.getvalue()


# --- each fact once -------------------------------------------------------------------------


def test_facts_from_the_form_are_prefilled_not_asked(q: Questionnaire) -> None:
    prefilled = {i.prefill: i.name for _s, i, _p in q.walk() if i.prefill}
    assert set(prefilled) == set(PREFILL_FIELDS)
    core = set(core_names(q))
    assert not core & set(prefilled.values())


def test_no_fact_asked_twice(q: Questionnaire) -> None:
    names = {i.name for _s, i, _p in q.walk()}
    # Mother-tongue reading and writing, and the Danish and English levels, are in the grid only.
    for gone in (
        "reads_mother_tongue",
        "writes_mother_tongue",
        "danish_level",
        "english_level",
        "permit_granted",  # could force someone to disclose a refusal
    ):
        assert gone not in names, gone
    labels = [q.text(i.label, "da") for i in q.spoken_items(core_only=False)]
    repeated = {label for label in labels if labels.count(label) > 1}
    # One per repeat: years of an education and of a job; the source of a competence and of a
    # language level.
    assert repeated <= {"Hvor mange år?", "Hvordan ved vi det?"}, repeated


# --- one status model -----------------------------------------------------------------------


def test_three_statuses_with_correct_english(q: Questionnaire) -> None:
    status = q.by_role("status")
    assert status is not None
    choices = {c.value: c for c in q.choice_list(status)}
    assert list(choices) == ["asylum_seeker", "permit_waiting", "placed"]
    assert choices["asylum_seeker"].label["en"].startswith("Asylum seeker")
    assert "Residence permit" in choices["permit_waiting"].label["en"]
    assert "waiting for a municipality" in choices["permit_waiting"].label["en"]
    assert "Residence permit" in choices["placed"].label["en"]


def test_typologies_name_their_statuses_and_are_translated_right(q: Questionnaire) -> None:
    typology = q.by_role("typology")
    assert typology is not None
    for choice in q.choice_list(typology):
        assert choice.statuses, choice.value
        assert "Asylum seeker" not in choice.label["en"], choice.value  # "asylant" is a refugee
        if choice.value in ("type1", "type2"):
            assert choice.label["en"].split(". ", 1)[1].startswith("Refugee not yet placed")
            assert "placed" not in choice.statuses
        else:
            assert choice.statuses == ["placed"]


@pytest.mark.parametrize(
    ("status", "typology", "ok"),
    [
        ("placed", "type4", True),
        ("placed", "type1", False),
        ("asylum_seeker", "type1", True),
        ("permit_waiting", "type2", True),
        ("asylum_seeker", "type5", False),
        ("", "type4", True),  # no status on the form yet: nothing to contradict
    ],
)
def test_typology_that_contradicts_the_status_is_refused(
    q: Questionnaire, status: str, typology: str, ok: bool
) -> None:
    item = q.item("typology")
    values = {"status": status, "typology": typology}
    error = validate(item, typology, values, q)
    assert (error is None) is ok, error
    assert typology_fits_status(q, values) is ok


def test_effort_suggestions_follow_status_and_profile(q: Questionnaire) -> None:
    waiting = {"status": "asylum_seeker", "highest_education": "primary"}
    asylum = suggested_efforts(q, "type1", waiting)
    assert "kontakt_udlaendingestyrelsen" in asylum
    assert "linkedin" not in asylum  # no higher education: no LinkedIn profile
    educated = suggested_efforts(
        q, "type2", {"status": "permit_waiting", "highest_education": "master"}
    )
    assert "linkedin" in educated
    placed = suggested_efforts(q, "type4", {"status": "placed"})
    assert "kontakt_udlaendingestyrelsen" not in placed
    elements = q.choice_list(q.item("effort_elements"))
    for choice in elements:
        assert choice.phase in ("asylum", "municipality"), choice.value
        assert choice.owner.get("da") and choice.owner.get("en"), choice.value
        assert choice.timing.get("da") and choice.timing.get("en"), choice.value
    firsts = {c.value: c.timing["en"] for c in elements}
    assert firsts["virksomhedspraktik"] == "In the first month in the municipality"


def test_suggestions_only_add_to_the_consultants_picks(q: Questionnaire) -> None:
    values = {"status": "placed", "effort_elements": ["other", "linkedin"]}
    merged, added = with_suggestions(q, "type4", values)
    assert added and set(added) == set(suggested_efforts(q, "type4", values)) - {"linkedin"}
    assert "linkedin" in merged and merged[-1] == "other"  # kept; unknown picks stay last
    order = [c.value for c in q.choice_list(q.item("effort_elements"))]
    known = [v for v in merged if v in order]
    assert known == sorted(known, key=order.index)  # the method's order
    assert with_suggestions(q, "type4", {**values, "effort_elements": merged}) == (merged, [])


def test_no_cv_postcard_is_suggested_after_a_no_to_it(q: Questionnaire) -> None:
    values = {"status": "asylum_seeker", "highest_education": "primary"}
    said_no = Consent(screening=True, handover=True, sensitive=True, cv_postcard=False)
    said_yes = Consent(screening=True, handover=True, sensitive=True, cv_postcard=True)
    assert "cv_postkort" not in suggested_efforts(q, "type1", values, said_no)
    assert "cv_postkort" not in suggested_efforts(q, "type1", values, None)  # not asked yet
    assert "cv_postkort" in suggested_efforts(q, "type1", values, said_yes)
    assert "kontakt_udlaendingestyrelsen" in suggested_efforts(q, "type1", values, said_no)


# --- sensitive items, wording, order --------------------------------------------------------


def test_sensitive_items(q: Questionnaire) -> None:
    for name in ("planned_leave", "workplace_alignment", "functional_limitations"):
        assert q.item(name).sensitive, name
    leave = q.item("planned_leave")
    assert leave.optional and leave.relevant is None  # asked of everyone alike, if at all
    assert q.section_of("planned_leave").name == "health"


def test_wording(q: Questionnaire) -> None:
    text = SCRIPT.read_text(encoding="utf-8")
    for bad in (
        "vores alfabet",
        "hav tålmodighed",
        "sanktioner",
        "overlevering",
        '"Mod løntilskud',
    ):
        assert bad not in text, bad
    rkv = next(c for c in q.choices["effort_elements"] if c.value == "rkv")
    assert rkv.label["da"].startswith("Realkompetencevurdering (RKV; IKV i AMU)")
    assert q.item("home_country").label["en"] == "Country of origin"


def test_missing_items_were_added(q: Questionnaire) -> None:
    for name in ("numeracy", "work_permit", "mutual_understanding", "spouse_work"):
        assert name in core_names(q), name
    assert "jobcent" in q.text(q.item("spouse_work").hint, "da")
    branches = {c.value for c in q.choices["branches"]}
    for trade in (
        "auto_mechanic",
        "care",
        "cleaning_service",
        "process_food",
        "construction",
        "warehouse_transport",
        "agriculture",
        "metal_welding",
        "retail",
        "hotel_kitchen",
    ):
        assert trade in branches, trade


def test_closing_question_is_the_last_question(q: Questionnaire) -> None:
    closing = next(s for s in q.sections if s.name == "closing")
    answerable = [i.name for i in closing.items if i.answerable]
    assert answerable[-1] == "looking_forward"
    names = [i.name for i in closing.items]
    assert names.index("closing_script") > names.index("looking_forward")


def test_evidence_on_every_rating(q: Questionnaire) -> None:
    languages = q.item("language_list")
    assert any(child.role == "language_evidence" for child in languages.items)
    assert q.by_role("rating_evidence") is not None
    assert q.section_of(q.by_role("rating_evidence").name).name == "assessment"  # type: ignore[union-attr]


def test_linter_checks_prefill(q: Questionnaire) -> None:
    from screener import i18n

    i18n.set_language("en")
    text = SCRIPT.read_text(encoding="utf-8")
    twice = text.replace('prefill = "place"', 'prefill = "nationality"', 1)
    unknown = text.replace('prefill = "place"', 'prefill = "shoe_size"', 1)
    for source, message in (
        (twice, "is already used by 'asylum_centre'"),
        (unknown, "is not a field of the new-interview form"),
    ):
        broken = Questionnaire.model_validate(tomllib.loads(source))
        problems = lint(broken, "x.toml", source)
        hits = [p for p in problems if message in p.message]
        assert hits and hits[0].line, problems
