"""The whole interview through the real app, from the home screen to a finalized interview,
with a quit and a fresh start in the middle (the consultant's day, keys only)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import DataTable, Input
from ui_kit import CONSENTED, finalize_screen_ready, focus, open_screen, question, until

from screener import i18n
from screener.questionnaire.model import Questionnaire
from screener.settings import Settings
from screener.store.records import AnswerState, InterviewInfo, Status
from screener.store.repository import Repository
from screener.ui.app import ScreenerApp
from screener.ui.screens.assessment import AssessmentScreen
from screener.ui.screens.consent import ConsentScreen
from screener.ui.screens.finalize import FinalizeScreen
from screener.ui.screens.home import HomeScreen
from screener.ui.screens.interview import InterviewScreen
from screener.ui.screens.new_interview import NewInterviewScreen
from screener.ui.screens.review import ReviewScreen

NEW_INTERVIEW = {
    "candidate_name": "Amina Testperson",
    "birth_date": "01-02-1990",
    "nationality": "Syrisk",
    "case_id": "T-0001",
    "interpreter_language": "Arabisk",
    "interpreter_name": "Tolk Testesen",
    "consultant": "Konsulent Prøve",
    "place": "Asylcenter Testrup",
    "municipality": "Aarhus",
}


def start(db: Path, questionnaire: Questionnaire) -> ScreenerApp:
    """The app as ``screener`` builds it, on an existing database file."""
    i18n.set_language("en")
    settings = Settings(db_path=db, language="en", cursor_blink=False)
    return ScreenerApp(settings, Repository(db), questionnaire)


async def settle(pilot: Any, times: int = 2) -> None:
    for _ in range(times):
        await pilot.pause()


async def test_from_home_to_finalized_with_a_restart(
    tmp_path: Path, questionnaire: Questionnaire
) -> None:
    db = tmp_path / "flow.sqlite3"
    app = start(db, questionnaire)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("n")
        await settle(pilot)
        new = app.screen
        assert isinstance(new, NewInterviewScreen)
        for name, value in NEW_INTERVIEW.items():
            new.query_one(f"#field-{name}", Input).focus()
            await pilot.press(*value)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConsentScreen))
        consent = app.screen
        assert isinstance(consent, ConsentScreen)
        await pilot.press("ctrl+s")  # nothing answered yet: refused, nothing stored
        await settle(pilot)
        assert app.screen is consent
        assert "first question" in str(consent.query_one("#consent-error").render())
        await pilot.press("j", "down", "y", "down", "n", "down", "y", "ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, InterviewScreen))
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        iid = screen.interview_id

        # One question of every type, typed the way a consultant would.
        assert screen.focused is question(screen, "home_town").control
        await pilot.press(*"Aleppo", "enter")
        await pilot.press("1", "2", "enter", *"1,75", "enter", *"17-05-2015", "enter")
        await pilot.press(*"Grew up by the river", "tab")
        await pilot.press("2", "enter")  # select_one
        await pilot.press("1", "3", "enter")  # select_multiple
        await pilot.press("4", "enter")  # scale
        await pilot.press("y")  # yes_no: the children questions appear
        await focus(pilot, screen, "children")
        await pilot.press("f5")  # don't know
        await pilot.press("ctrl+pagedown")
        await settle(pilot)
        assert screen.section is not None and screen.section.name == "work"
        await pilot.press(*"Nurse")
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press(*"Ask about her diploma", "escape")
        await settle(pilot)
        await pilot.press("f4")
        await focus(pilot, screen, "jobs")
        for title, years in (("Baker", "3"), ("Driver", "")):
            await pilot.press("ctrl+n")
            await settle(pilot)
            await pilot.press(*title, "enter", *years, "escape")
            await settle(pilot)

        # The palette jumps anywhere; the consultant ends where the conversation is.
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"Years in sch")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.section.name == "basics"
        assert screen.focused is question(screen, "school_years").control
        await pilot.press("ctrl+q")

    repo = app.repo
    interview = repo.get(iid)
    assert interview.info.candidate_name == "Amina Testperson"
    assert interview.info.municipality == "Aarhus"
    assert interview.consent is not None and interview.consent.handover
    assert interview.consent.sensitive is False and interview.consent.cv_postcard is True
    values = interview.values()
    assert values["home_town"] == "Aleppo"
    assert values["school_years"] == 12
    assert values["height"] == 1.75
    assert values["arrival"] == "2015-05-17"
    assert values["story"] == "Grew up by the river"
    assert values["status"] == "placed"
    assert values["langs"] == ["ar", "fa"]
    assert values["motivation"] == 4
    assert values["has_children"] == "yes"
    assert values["dream_job"] == "Nurse"
    assert values["jobs"] == [{"job_title": "Baker", "job_years": 3}, {"job_title": "Driver"}]
    assert interview.answers["children"].state is AnswerState.DONT_KNOW
    assert interview.notes["dream_job"] == "Ask about her diploma"
    assert "dream_job" in interview.flags
    repo.close()

    app = start(db, questionnaire)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        app.screen.query_one(DataTable).focus()
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert screen.section is not None and screen.section.name == "basics"
        assert screen.focused is question(screen, "school_years").control

        await pilot.press("ctrl+r")
        await settle(pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        await until(pilot, lambda: review.interview is not None)  # read on a worker
        await pilot.press("down", "enter")  # the first row: the flagged question
        await settle(pilot, 3)
        assert app.screen is screen
        assert screen.section.name == "work"
        assert screen.focused is question(screen, "dream_job").control

        await pilot.press("ctrl+t")
        await settle(pilot)
        assert isinstance(app.screen, AssessmentScreen)
        await pilot.press("1")  # the first typology, with its typical effort elements
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen

        await finalize_screen_ready(app, pilot)
        assert isinstance(app.screen, FinalizeScreen)
        await pilot.press("ctrl+s")  # finalizes on the session's thread, then returns
        await until(pilot, lambda: app.screen is screen and screen.st.read_only)
        await pilot.press("ctrl+q")

    interview = app.repo.get(iid)
    app.repo.close()
    assert interview.status is Status.FINALIZED
    assert interview.values()["typology"] == "type1"
    assert interview.values()["efforts"] == ["cv", "visit"]


async def test_f1_lists_every_key_of_the_screen(
    tmp_path: Path, questionnaire: Questionnaire
) -> None:
    from screener.ui.keys import KeysScreen

    db = tmp_path / "keys.sqlite3"
    app = start(db, questionnaire)
    iid = app.repo.create_interview(
        InterviewInfo("Amina Testperson"), questionnaire, consent=CONSENTED
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, InterviewScreen(iid))
        await pilot.press("f1")
        await settle(pilot)
        keys = app.screen
        assert isinstance(keys, KeysScreen)
        listed = dict((what, key) for key, what in keys.lines())
        # Keys the footer has no room for at 80 columns are listed too.
        assert listed["Next section"] == "^pgdn"
        assert listed["Review"] == "^r"
        assert listed["Finalize"] == "^g"
        assert listed["Declined"] == "f6"
        assert "Focus Next" not in listed  # Textual's own editing keys stay out
        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, InterviewScreen)
    app.repo.close()


async def test_a_broken_questionnaire_file_keeps_existing_interviews_usable(
    tmp_path: Path, questionnaire: Questionnaire
) -> None:
    from screener.ui.app import build_app

    db = tmp_path / "broken.sqlite3"
    with Repository(db) as repo:
        iid = repo.create_interview(
            InterviewInfo("Amina Testperson"), questionnaire, consent=CONSENTED
        )
    folder = tmp_path / "questionnaires"
    folder.mkdir()
    (folder / "tm-screening.toml").write_text('id = "x"\nsections = 3\n', encoding="utf-8")
    settings = Settings(db_path=db, questionnaire_dir=folder, language="en", cursor_blink=False)
    app = build_app(settings)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)  # no new interview on a broken file...
        (message,) = [n.message for n in app._notifications]
        assert "new interview cannot start" in message and "tm-screening.toml" in message
        app.screen.query_one(DataTable).focus()
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen  # ...but the interview on its pinned snapshot opens as always
        assert isinstance(screen, InterviewScreen) and screen.interview_id == iid
        await pilot.press("ctrl+q")
    app.repo.close()


async def test_a_page_pasted_into_the_new_interview_form_is_refused(
    tmp_path: Path, questionnaire: Questionnaire
) -> None:
    """A megabyte pasted into the name (the adversary's paste, or a slip of the clipboard) is
    refused whole; a name typed on stops at the field's length."""
    from textual import events

    from screener.ui.screens.new_interview import FIELD_MAX

    app = start(tmp_path / "paste.sqlite3", questionnaire)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, NewInterviewScreen))
        name = app.screen.query_one("#field-candidate_name", Input)
        name.focus()
        await pilot.press(*"Amina")
        name.post_message(events.Paste("Testperson " * 100_000))
        await settle(pilot)
        assert name.value == "Amina"
        name.value = "x" * (FIELD_MAX - 1)
        name.cursor_position = len(name.value)
        await pilot.press("y", "z")
        assert name.value == "x" * (FIELD_MAX - 1) + "y"
    app.repo.close()
