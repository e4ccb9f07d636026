"""The handover PDF, read back as the municipality would: text by page, fonts, page count.

Each PDF is rendered once per module.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from support.report import SECRET, flat, make_interview, ok, pages_of

from screener import __version__, i18n
from screener.errors import ExportError
from screener.report import build_story, render_pdf_bytes, write_pdf
from screener.store.records import Answer, AnswerState

GENERATED = datetime(2026, 11, 22, 13, 0)


@pytest.fixture(scope="module")
def pdf_da() -> bytes:
    return render_pdf_bytes(make_interview(), "da", GENERATED)


@pytest.fixture(scope="module")
def pdf_en() -> bytes:
    return render_pdf_bytes(make_interview(), "en", GENERATED)


@pytest.fixture(scope="module")
def pages_da(pdf_da: bytes) -> list[str]:
    return pages_of(pdf_da)


@pytest.fixture(scope="module")
def pages_en(pdf_en: bytes) -> list[str]:
    return pages_of(pdf_en)


LONG = " ".join(f"Sætning {n} om erfaring med svejsning og montage." for n in range(220))
ARABIC = "أعمل كهربائيًا منذ عشر سنوات في حلب"
FARSI = "پژمان کریمی"
TIGRINYA = "ሰላም ኣብርሃም ተስፋይ"
INJECTION = "<img src='/etc/passwd'/> & <b>bold</b> <font name=x>"


@pytest.fixture(scope="module")
def hostile_pages() -> list[str]:
    """Markup, long text, Arabic, Farsi, Tigrinya and emoji in one interview."""
    assert len(LONG) >= 10_000
    interview = make_interview(
        answers={
            "work_story": ok("work_story", LONG),
            "strengths": ok("strengths", INJECTION),
            "friends": ok("friends", f"{ARABIC}\n{FARSI}\n{TIGRINYA} 👍🏽"),
            "mother_tongue": ok("mother_tongue", "Tigrinya <ትግርኛ>"),
        },
        notes={"wishes": "</para><para>note & <i>"},
    )
    interview.info.case_id = "<script>&amp;"
    return pages_of(render_pdf_bytes(interview, "da", GENERATED))


# --- the overview page -------------------------------------------------------------------


def test_overview_page_has_the_facts(pages_en: list[str]) -> None:
    first = flat(pages_en[0])
    for expected in (
        "Şükrü Nguyễn Ḥasan",
        "17 May 1990",
        "Syria",
        "Arabisk",
        "Asylum seeker",
        "TM-2026-0042",
        "22 November 2026",
        "1 h 45 min",
        "Mette Jensen",
        "Arabic, in person",
        "Svejsning, præcision og stabilt fremmøde",
        "Arabisk 5/5/4/4",
        "levels 1-5 for understanding/speaking/reading/writing",
        "Svejser eller industrioperatør",
        "Industry, Other: Byggeri",
        "Asylum seeker with practical work experience",
        "Realkompetenceafklaring i svejsning",  # the first step of the plan
        "Skal hente børn kl. 15.",
        "What are you looking forward to most?",
        "At få mit første job og tale dansk med kollegerne.",
    ):
        assert expected in first, expected
    # An asylum seeker has no receiving municipality yet: none is printed, even if one was typed.
    assert "Vejle Kommune" not in first


def test_overview_in_danish_uses_babel_dates(pages_da: list[str]) -> None:
    first = flat(pages_da[0])
    assert "17. maj 1990" in first
    assert "22. november 2026" in first
    assert "1 t 45 min" in first
    assert "Syrien" in first
    assert "Hvad glæder du dig mest til?" in first


# --- sections, answers, non-responses ----------------------------------------------------


def test_every_section_title_in_order(pages_da: list[str]) -> None:
    text = flat(" ".join(pages_da[1:]))
    titles = [
        "Om kandidaten",
        "Uddannelse",
        "Arbejdserfaring",
        "Sprog",
        "Motivation og kompetencer",
        "Jobønsker",
        "Familie og praktiske forhold",
        "Afslutning",
    ]
    positions = [text.index(title) for title in titles]
    assert positions == sorted(positions)


def test_answers_formatted_per_kind(pages_en: list[str]) -> None:
    text = flat(" ".join(pages_en[1:]))
    assert "18 March 2024" in text  # date
    assert "1.5" in text  # decimal (en)
    assert "Yes" in text  # yes_no
    assert "5 of 5 (not at all – very much)" in text  # scale with its ends
    assert "Svejser" in text and "Lagermedarbejder" in text  # repeat as table
    assert "Grundskole" in text


def test_decimal_in_danish(pages_da: list[str]) -> None:
    assert "1,5" in flat(" ".join(pages_da))


def test_non_responses_distinct_from_not_asked(pages_en: list[str]) -> None:
    text = flat(" ".join(pages_en))
    for wording in ("Don't know", "Declined to answer", "Not applicable", "Not asked"):
        assert wording in text, wording
    assert re.search(r"Clubs Not asked", text)  # never answered
    assert re.search(r"Knows the Latin alphabet .*?Don't know", text)
    # A conditional item whose condition holds but was never answered is "not asked" too.
    assert re.search(r"Trade level Not asked", text)


def test_notes_and_flags_marked(pages_en: list[str]) -> None:
    text = flat(" ".join(pages_en))
    assert "Consultant note: Mødte til tiden trods lang bustur." in text
    assert "Consultant note: Har billeder af sine svejsninger på telefonen." in text
    assert "For follow-up" in text


def test_interviewer_only_left_out(pages_da: list[str], pages_en: list[str]) -> None:
    for pages in (pages_da, pages_en):
        text = " ".join(pages)
        assert SECRET not in text
        assert "Personalets indtryk" not in text
        assert "Interne bemærkninger" not in text
        assert "Byd velkommen" not in text  # guidance notes stay in the app


def test_sensitive_section_near_the_end_with_consent_line(pages_en: list[str]) -> None:
    text = flat(" ".join(pages_en))
    health = text.index("Health and accommodations")
    assert health > text.index("Closing")
    assert health < text.index("Assessment and recommendations")
    assert "shared with the candidate's consent" in text
    assert "Ondt i ryggen ved tunge løft." in text


def test_charts_present(pages_en: list[str]) -> None:
    text = flat(" ".join(pages_en))
    assert "The five competences companies look for" in text
    assert "Language profile" in text
    assert "Takes initiative" in text


def test_assessment_chapter(pages_en: list[str]) -> None:
    text = flat(" ".join(pages_en))
    chapter = text[text.index("Assessment and recommendations") :]
    for expected in (
        "Asylum seeker with practical work experience",
        "Lang praktisk erfaring med svejsning",
        "Begrænset dansk",
        "Realkompetenceafklaring i svejsning",
        "Dokumentere niveau",
        "Jobcenter og AMU-center",
        "Inden for 4 uger",
        "Recommendation for housing placement",
        "Kommune med metalindustri",
        "Next steps",
        "Sende uddannelsespapirer til vurdering.",
    ):
        assert expected in chapter, expected
    # The typology's description is guidance for the consultant, never printed about the person.
    assert "Typically a man aged 20-45" not in text
    # Assessment items are not repeated as a Q&A dump among the topics.
    topics = text[: text.index("Assessment and recommendations")]
    assert "Dokumentere niveau" not in topics


# --- last page, header and footer -----------------------------------------------------------


def test_last_page_consent_and_questionnaire_record(pages_en: list[str]) -> None:
    last = flat(pages_en[-1])
    interview = make_interview()
    assert "Consent to the screening" in last
    assert "Consent to handover to the municipality" in last
    assert "22 November 2026 at 09:35" in last
    assert "Arabic" in last and "Omar Saleh" in last
    assert "test-screening" in last and "1.0" in last
    assert interview.questionnaire_hash in last.replace(" ", "").replace("\n", "")
    assert f"Screener {__version__}" in last
    assert "22 November 2026 at 13:00" in last


def test_header_and_footer_on_every_page(pages_en: list[str]) -> None:
    total = len(pages_en)
    for number, page in enumerate(pages_en, start=1):
        text = flat(page)
        assert "CONFIDENTIAL" in text
        assert "Şükrü Nguyễn Ḥasan" in text and "TM-2026-0042" in text
        assert f"Page {number} of {total}" in text


def test_danish_wording(pages_da: list[str]) -> None:
    text = flat(" ".join(pages_da))
    assert "FORTROLIGT" in text
    assert f"Side 1 af {len(pages_da)}" in flat(pages_da[0])
    for wording in ("Ved ikke", "Ønsker ikke at svare", "Ikke relevant", "Ikke spurgt"):
        assert wording in text, wording
    assert "Helbred og skånehensyn" in text


def test_page_count_reasonable(pages_da: list[str]) -> None:
    assert 4 <= len(pages_da) <= 12


def test_all_fonts_embedded(pdf_da: bytes) -> None:
    reader = PdfReader(io.BytesIO(pdf_da))
    seen = 0
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            for font in _descendants(ref.get_object()):
                descriptor = font["/FontDescriptor"].get_object()
                assert "/FontFile2" in descriptor, font.get("/BaseFont")
                seen += 1
    assert seen


def _descendants(font: Any) -> Iterator[Any]:
    if "/DescendantFonts" in font:
        for child in font["/DescendantFonts"]:
            yield child.get_object()
    else:
        yield font


# --- hostile input -----------------------------------------------------------------------


def test_markup_in_answers_prints_literally(hostile_pages: list[str]) -> None:
    text = flat(" ".join(hostile_pages))
    assert "<img src='/etc/passwd'/>" in text
    assert "<b>bold</b>" in text
    assert "</para><para>note & <i>" in text
    assert "<script>&amp;" in text


def test_arabic_and_other_scripts_export(hostile_pages: list[str]) -> None:
    assert hostile_pages  # rendering did not raise


def test_long_answer_wraps_across_pages(hostile_pages: list[str]) -> None:
    holding = [i for i, page in enumerate(hostile_pages) if "Sætning" in page]
    assert len(holding) >= 2
    text = flat(" ".join(hostile_pages))
    assert "Sætning 0 om" in text and "Sætning 219 om" in text


def test_a_long_place_is_shortened_on_page_one() -> None:
    """The place is free text: printed whole in the interview line, a long one once pushed
    the whole summary off page 1. It is shortened there and printed in full in its chapter."""
    place = " ".join(f"Asylcenter {n} ved fjorden." for n in range(400))
    interview = make_interview(answers={"centre": ok("centre", place)})
    pages = pages_of(render_pdf_bytes(interview, "en", GENERATED))
    first = flat(pages[0])
    assert "Asylcenter 0 ved" in first and "(see page" in first
    assert "What are you looking forward to most?" in first
    rest = flat(" ".join(pages[1:]))
    assert "Asylcenter 0 ved" in rest and "Asylcenter 399 ved fjorden." in rest


def test_latin_extended_name_extracts(pages_da: list[str]) -> None:
    assert "Şükrü Nguyễn Ḥasan" in flat(pages_da[0])


def test_minimal_interview_renders() -> None:
    """No answers, no consent, no dates: every part degrades to 'not asked' or is left out."""
    interview = make_interview(answers={}, notes={}, flags=set(), consent=None)
    interview.answers.clear()
    interview.info.birth_date = None
    pages = pages_of(render_pdf_bytes(interview, "en", GENERATED))
    text = flat(" ".join(pages))
    assert "Not asked" in text
    assert "No consent recorded" in text


# --- API ---------------------------------------------------------------------------------


def test_build_story_restores_language() -> None:
    i18n.set_language("da")
    story = build_story(make_interview(), "en", GENERATED)
    assert story
    assert i18n.current_language() == "da"


def test_write_pdf_atomically(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    write_pdf(make_interview(), target, "da", GENERATED)
    assert target.read_bytes().startswith(b"%PDF")
    assert not list(tmp_path.glob("*.part")) and not list(tmp_path.glob(".screener-*"))


def test_write_pdf_to_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ExportError):
        write_pdf(make_interview(), tmp_path / "absent" / "report.pdf", "da", GENERATED)


def test_other_answer_states_are_words(pages_en: list[str]) -> None:
    assert AnswerState.DECLINED.value not in " ".join(pages_en)
    assert Answer  # the shared dataclass is what the fixture builds on


def test_fixture_is_valid() -> None:
    interview = make_interview()
    assert interview.questionnaire.by_role("looking_forward") is not None
    assert interview.values()["status"] == "asylant"
