"""The report of the shipped demo interview, stored and read back through the real store.

Rendered once for the module.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from support.report import flat, pages_of

from screener.demo import create_demo
from screener.interview.values import STATE_TEXTS
from screener.questionnaire.loader import load_questionnaire
from screener.report import render_pdf_bytes
from screener.report.answers import in_report
from screener.report.plan import plan
from screener.store.records import NON_RESPONSES, AnswerState, Interview

GENERATED = datetime(2026, 11, 22, 13, 0)
QUESTIONNAIRE = Path(__file__).resolve().parents[1] / "questionnaires" / "tm-screening.toml"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Interview, bytes, list[str]]:
    from screener.store.repository import Repository

    questionnaire = load_questionnaire(QUESTIONNAIRE)
    with Repository(tmp_path_factory.mktemp("demo") / "demo.sqlite3") as repo:
        interview = repo.get(create_demo(repo, questionnaire))
    data = render_pdf_bytes(interview, "da", GENERATED)
    return interview, data, pages_of(data)


def test_demo_page_count(rendered: tuple[Interview, bytes, list[str]]) -> None:
    _interview, _data, pages = rendered
    assert 5 <= len(pages) <= 12


def test_demo_overview(rendered: tuple[Interview, bytes, list[str]]) -> None:
    interview, _data, pages = rendered
    first = flat(pages[0])
    info = interview.info
    for value in (info.candidate_name, info.municipality, info.case_id, info.consultant):
        if value:
            assert flat(value) in first, value
    closing = interview.questionnaire.by_role("looking_forward")
    assert closing is not None
    assert interview.questionnaire.text(closing.label, "da") in first


def test_demo_every_section_title(rendered: tuple[Interview, bytes, list[str]]) -> None:
    interview, _data, pages = rendered
    text = flat(" ".join(pages))
    q = interview.questionnaire
    for chapter in plan(q).topics:
        assert chapter.section is not None
        assert flat(q.text(chapter.section.title, "da")) in text


def test_demo_closing_answer(rendered: tuple[Interview, bytes, list[str]]) -> None:
    interview, _data, pages = rendered
    closing = interview.questionnaire.by_role("looking_forward")
    assert closing is not None
    answer = interview.answers.get(closing.name)
    assert answer is not None and answer.state is AnswerState.ANSWERED
    assert flat(str(answer.value))[:60] in flat(" ".join(pages))


def test_demo_consent_and_hash(rendered: tuple[Interview, bytes, list[str]]) -> None:
    interview, _data, pages = rendered
    last = pages[-1]
    assert interview.questionnaire_hash in "".join(last.split())
    assert interview.questionnaire.id in last
    if interview.consent is not None and interview.consent.interpreter:
        assert interview.consent.interpreter in flat(last)


def test_demo_non_responses_worded(rendered: tuple[Interview, bytes, list[str]]) -> None:
    interview, _data, pages = rendered
    text = flat(" ".join(pages))
    from screener import i18n

    states = {a.state for a in interview.answers.values()} & set(NON_RESPONSES)
    for state in states:
        assert i18n._(STATE_TEXTS[state]) in text


def test_demo_interviewer_only_left_out(rendered: tuple[Interview, bytes, list[str]]) -> None:
    interview, _data, pages = rendered
    text = flat(" ".join(pages))
    for _section, item, _parent in interview.questionnaire.walk():
        if in_report(item) or item.kind == "note":
            continue
        answer = interview.answers.get(item.name)
        if answer is not None and isinstance(answer.value, str) and len(answer.value) > 12:
            assert flat(answer.value) not in text
        note = interview.notes.get(item.name, "")
        if len(note) > 12:
            assert flat(note) not in text


def test_demo_fonts_embedded(rendered: tuple[Interview, bytes, list[str]]) -> None:
    _interview, data, _pages = rendered
    reader = PdfReader(io.BytesIO(data))
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            fonts = [d.get_object() for d in font.get("/DescendantFonts", [])] or [font]
            for each in fonts:
                assert "/FontFile2" in each["/FontDescriptor"].get_object()


def test_demo_danish_footer(rendered: tuple[Interview, bytes, list[str]]) -> None:
    _interview, _data, pages = rendered
    assert f"Side 1 af {len(pages)}" in flat(pages[0])
    assert "FORTROLIGT" in flat(pages[0])
