"""The CV-postkort and the kompetencekort: what they say, what they never say, and the fit."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from support.papers import shipped, squash, with_cv_consent
from support.report import pages_of

from screener.demo import create_demo, demo_answers, load_demo
from screener.errors import ExportError
from screener.papers.build import card_pdf_bytes, check_cv, cv_pdf_bytes, cv_texts
from screener.papers.consent import may_print_card, may_print_cv
from screener.papers.sources import PRIVATE_SECTIONS, usable_items
from screener.questionnaire.model import Item, Questionnaire
from screener.store.records import Answer, AnswerState, Consent, Interview, Status
from screener.store.repository import Repository

CANARY = "KANARIE"


def _interview(q: Questionnaire, answers: dict[str, Any], **info: Any) -> Interview:
    stamp = datetime(2026, 11, 22, 10, 0).astimezone()
    return Interview(
        id=1,
        info=dataclasses.replace(load_demo().info, **info),
        status=Status.DRAFT,
        created_at=stamp,
        updated_at=stamp,
        finalized_at=None,
        questionnaire=q,
        questionnaire_hash=q.content_hash(),
        answers={
            name: Answer(name, AnswerState.ANSWERED, value) for name, value in answers.items()
        },
        consent=with_cv_consent(None),
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Interview:
    repo = Repository(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    try:
        interview = repo.get(create_demo(repo, shipped()))
    finally:
        repo.close()
    return dataclasses.replace(interview, consent=with_cv_consent(interview.consent))


def _private(q: Questionnaire) -> list[tuple[Item, Item | None]]:
    """Every answerable item that must never reach a paper, with its repeat if it has one."""
    found = []
    for section, item, parent in q.walk():
        if not item.answerable or item.kind == "group":
            continue
        hidden = item.sensitive or item.interviewer_only
        if section.name in PRIVATE_SECTIONS or hidden or (parent is not None and parent.sensitive):
            found.append((item, parent))
    return found


def _canaries(q: Questionnaire) -> tuple[dict[str, Any], list[str]]:
    """Demo answers everywhere, and a canary in every private field (repeat children too)."""
    answers = dict(demo_answers(q))
    canaries: list[str] = []
    repeats: dict[str, dict[str, Any]] = {}
    for number, (item, parent) in enumerate(_private(q)):
        text = f"{CANARY}{number:03d}X"
        canaries.append(text)
        if parent is not None and parent.kind == "repeat":
            repeats.setdefault(parent.name, {})[item.name] = text
        elif item.kind == "repeat":
            repeats.setdefault(item.name, {})
        elif item.kind == "select_multiple":
            answers[item.name] = [text]
        else:
            answers[item.name] = text
    for name, entry in repeats.items():
        answers[name] = [entry, entry]
    return answers, canaries


def test_every_private_field_holds_a_canary() -> None:
    q = shipped()
    private = {item.name for item, _parent in _private(q)}
    # The fixture covers what the issue names: sensitive items, family, health, asylum.
    assert {"limitations_description", "planned_leave", "spouse_work", "child_age"} <= private
    assert {"status", "asylum_centre", "home_country", "consultant_notes"} <= private
    assert {"workplace_alignment", "source_information", "typology"} <= private  # religion
    assert not private & set(usable_items(q))


@pytest.mark.parametrize("lang", ["da", "en"])
def test_papers_never_show_a_private_answer(lang: str) -> None:
    q = shipped()
    answers, canaries = _canaries(q)
    interview = _interview(
        q, answers, place=f"{CANARY}PLACE", nationality=f"{CANARY}NAT", case_id=f"{CANARY}CASE"
    )
    texts, _prefill = cv_texts(interview, lang)
    assert CANARY not in " ".join(texts.values())
    cv = squash(" ".join(pages_of(cv_pdf_bytes(interview, lang))))
    card, _short = card_pdf_bytes(interview, lang)
    card_text = squash(" ".join(pages_of(card)))
    assert len(canaries) > 30
    assert CANARY not in cv and CANARY not in card_text
    # ... while the card is really filled: the safe answers are there.
    assert "MAG-svejsning" in cv and "MAG-svejsning" in card_text


def test_demo_card_reads_as_an_employee(demo: Interview) -> None:
    texts, _prefill = cv_texts(demo, "da")
    assert texts["job"].startswith("Svejser")
    assert "Smed i eget værksted – 7 år" in texts["experience"]  # no "(with his brother)"
    assert "Arabisk: flydende" in texts["languages"]
    assert "Dansk: lidt" in texts["languages"]
    assert texts["licence"] == "Personbil (B)"
    assert texts["contact"].endswith("Jobcenter Sønderborg")
    check = check_cv(texts, "da")
    assert check.fits and check.scale >= 1.0 and not check.problems
    pages = pages_of(cv_pdf_bytes(demo, "da"))
    assert len(pages) == 1
    text = squash(pages[0])
    for value in texts.values():  # every text of the card is on it (twice: two cards a sheet)
        for line in value.split("\n"):
            assert text.count(squash(line)) == 2, line
    assert "Asylcenter" not in pages[0] and "Syrien" not in pages[0]


def test_demo_card_in_english(demo: Interview) -> None:
    texts, _prefill = cv_texts(demo, "en")
    assert "Arabisk: fluent" in texts["languages"]
    pages = pages_of(cv_pdf_bytes(demo, "en"))
    assert "LOOKING FOR WORK AS" in pages[0] and "Cut here" in pages[0]


def test_demo_kompetencekort(demo: Interview) -> None:
    data, shortened = card_pdf_bytes(demo, "da")
    pages = pages_of(data)
    assert len(pages) == 1 and not shortened
    text = pages[0]
    for words in (
        "Kompetencekort".upper(),
        "Anbefalet branche",
        "Metal og svejsning",
        "Udvikling i praktikken",
        "Dokument set",
        "Selvrapporteret",
        "Elektrodesvejsning",
        "7 år",
    ):
        assert squash(words) in squash(text), words
    assert "Asylcenter" not in text


def _long(q: Questionnaire) -> Interview:
    answers = dict(demo_answers(q))
    long = "Meget lang beskrivelse uden punktum " * 30
    answers["job_wishes"] = long
    answers["jobs"] = [
        {
            "job_title": f"Job nummer {n} med en meget lang titel " * 3,
            "job_years": n,
            "job_tasks": long,
            "job_tools": ", ".join(f"værktøj{n}-{k}" for k in range(30)),
        }
        for n in range(1, 9)
    ]
    answers["competence_list"] = [
        {"competence_name": long[:200], "competence_level": "expert"} for _n in range(8)
    ]
    answers["practical_skills"] = long
    answers["looking_forward"] = long
    answers["language_list"] = [
        {"language_name": f"Sprog{n}", "language_speak": 3} for n in range(9)
    ]
    return _interview(q, answers, candidate_name="Abdulrahman Mohammed Al-Hussein " * 2)


def test_very_long_answers_still_give_a_card_that_fits() -> None:
    interview = _long(shipped())
    texts, _prefill = cv_texts(interview, "da")
    check = check_cv(texts, "da")
    assert check.fits, check.problems
    text = squash(" ".join(pages_of(cv_pdf_bytes(interview, "da"))))
    for value in texts.values():  # no text lost off the card
        for line in value.split("\n"):
            assert squash(line) in text, line


def test_an_edit_too_long_for_the_card_is_named_and_never_printed(tmp_path: Path) -> None:
    interview = _long(shipped())
    interview.papers["cv.skills.da"] = "\n".join(f"Kan noget nummer {n}" for n in range(40))
    texts, _prefill = cv_texts(interview, "da")
    check = check_cv(texts, "da")
    assert not check.fits
    assert any("Færdigheder" in problem for problem in check.problems), check.problems
    assert any("linjer" in problem for problem in check.problems)
    with pytest.raises(ExportError, match="Færdigheder"):
        cv_pdf_bytes(interview, "da")


def test_kompetencekort_of_very_long_answers_stays_one_page() -> None:
    data, shortened = card_pdf_bytes(_long(shipped()), "da")
    assert len(pages_of(data)) == 1 and shortened


def test_markup_in_texts_prints_as_text() -> None:
    q = shipped()
    interview = _interview(q, demo_answers(q), candidate_name="Amina <b>[/]</b> Testperson")
    interview.papers["cv.job.da"] = 'Kok <img src="/etc/passwd"/> & bager'
    text = pages_of(cv_pdf_bytes(interview, "da"))[0]
    assert "Amina <b>[/]</b> Testperson" in text
    assert 'Kok <img src="/etc/passwd"/> & bager' in text


def test_consent_rules() -> None:
    q = shipped()
    interview = _interview(q, demo_answers(q))
    assert may_print_cv(interview) and may_print_card(interview)
    refused = dataclasses.replace(interview, consent=with_cv_consent(None, given=False))
    assert not may_print_cv(refused) and may_print_card(refused)
    plain = dataclasses.replace(interview, consent=Consent(True, True, "ar"))
    assert not may_print_cv(plain)  # a consent recorded before the CV-postkort consent existed
    none = dataclasses.replace(interview, consent=None)
    assert not may_print_cv(none) and not may_print_card(none)
    with pytest.raises(ExportError, match="CV-postkort"):
        cv_pdf_bytes(refused, "da")
    with pytest.raises(ExportError):
        card_pdf_bytes(none, "da")


def test_bundle_takes_only_consented_papers_that_fit(demo: Interview) -> None:
    from screener.papers.build import bundle_papers

    assert sorted(bundle_papers(demo, "da")) == [
        "cv-postkort-00001.pdf",
        "kompetencekort-00001.pdf",
    ]
    refused = dataclasses.replace(demo, consent=with_cv_consent(demo.consent, given=False))
    assert sorted(bundle_papers(refused, "da")) == ["kompetencekort-00001.pdf"]
    too_long = dataclasses.replace(demo, papers={"cv.skills.da": "Kan\n" * 60})
    assert sorted(bundle_papers(too_long, "da")) == ["kompetencekort-00001.pdf"]
    assert bundle_papers(dataclasses.replace(demo, consent=None), "da") == {}
