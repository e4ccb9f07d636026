"""The new-interview form: the status is set there, facts typed there are prefilled into the
interview (never asked twice), and a municipality for a candidate who is not placed is refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.widgets import Input

from screener import i18n
from screener.questionnaire.loader import load_questionnaire
from screener.settings import Settings
from screener.store.repository import Repository
from screener.ui.app import ScreenerApp
from screener.ui.screens.consent import ConsentScreen
from screener.ui.screens.interview import InterviewScreen
from screener.ui.screens.new_interview import NewInterviewScreen
from screener.ui.widgets.choices import ChoicePicker

SCRIPT = Path(__file__).resolve().parents[1] / "questionnaires" / "tm-screening.toml"
FORM = {
    "candidate_name": "Amina Testperson",
    "nationality": "SY",
    "interpreter_language": "ar",
    "place": "Asylcenter Testrup",
}


async def fill(app: ScreenerApp, pilot: object, status: str, municipality: str) -> None:
    screen = app.screen
    assert isinstance(screen, NewInterviewScreen)
    for name, value in {**FORM, "municipality": municipality}.items():
        screen.query_one(f"#field-{name}", Input).value = value
    screen.query_one("#field-status", ChoicePicker).set_picked([status] if status else [])


def _app(tmp_path: Path) -> ScreenerApp:
    i18n.set_language("en")
    db = tmp_path / "form.sqlite3"
    settings = Settings(db_path=db, language="en", cursor_blink=False)
    return ScreenerApp(settings, Repository(db), load_questionnaire(SCRIPT))


async def _open_form(pilot: Any) -> None:
    await pilot.pause()
    await pilot.press("n")
    await pilot.pause()


async def test_status_and_facts_are_typed_once(tmp_path: Path) -> None:
    app = _app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_form(pilot)
        # An asylum seeker has no receiving municipality yet: the form refuses one.
        await fill(app, pilot, "asylum_seeker", "Aarhus")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NewInterviewScreen)
        error = str(app.screen.query_one("#new-error").render())
        assert "placed" in error
        # Letters that start more than one municipality are not one.
        await fill(app, pilot, "placed", "Hol")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "98" in str(app.screen.query_one("#new-error").render())
        # Letters that start one are the one the field suggests (ctrl+s before the arrow).
        await fill(app, pilot, "placed", "aarh")
        await pilot.press("ctrl+s")
        for _ in range(100):  # the interview is written on a worker
            await pilot.pause(0.05)
            if isinstance(app.screen, ConsentScreen):
                break
        assert isinstance(app.screen, ConsentScreen)  # the facts wait for the consent
        await pilot.press("y", "down", "y", "down", "y", "down", "y", "ctrl+s")
        for _ in range(100):
            await pilot.pause(0.05)
            if isinstance(app.screen, InterviewScreen):
                break
        assert isinstance(app.screen, InterviewScreen)
        screen = app.screen
        for _ in range(100):  # the first section is shown (mounting is asynchronous)
            if screen.section is not None:
                break
            await pilot.pause(0.05)
        iid = screen.interview_id
        for session in app.sessions.values():
            assert session.flush()
        values = app.repo.get(iid).values()  # on disk: the session has written everything
    app.repo.close()
    assert values["status"] == "placed"
    assert values["home_country"] == "Syrien"  # in the report language, Danish by default
    assert values["interview_interpreter_language"] == "arabisk"
    assert values["asylum_centre"] == "Asylcenter Testrup"
    assert values["receiving_municipality"] == "Aarhus"


async def test_choices_typed_ahead_with_tab_are_kept(tmp_path: Path) -> None:
    """A consultant's quick keys, all sent before the app handles the first: a digit picks the
    status, an arrow the interpreting mode, and the tab after each leaves the pick in place
    (a dropdown lost it: the tab moved the focus before the dropdown's enter ran)."""
    from textual import events

    app = _app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_form(pilot)
        screen = app.screen
        assert isinstance(screen, NewInterviewScreen)
        keys = [*"Amina Testperson", "tab", "tab", "tab", "tab", "3", "tab", *"ar", "tab"]
        keys += [*"Selam", "tab", "right", "tab", *"Karen"]
        for key in keys:
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await pilot.pause(0.5)
        assert screen.query_one("#field-status", ChoicePicker).picked == ["placed"]
        assert screen.query_one("#field-mode", ChoicePicker).picked == ["phone"]
        assert screen.query_one("#field-consultant", Input).value == "Karen"
        assert screen.query_one("#field-interpreter_name", Input).value == "Selam"
    app.repo.close()
