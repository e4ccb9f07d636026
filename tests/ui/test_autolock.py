"""Auto-lock in the real app: after the idle time the screen shows nothing of the candidate, and
what was typed is still there (and on disk) after the passphrase."""

from __future__ import annotations

from pathlib import Path

from ui_kit import (
    CONSENTED,
    PilotApp,
    focus,
    open_screen,
    question,
    screen_text,
    stored,
    until,
)

from screener import i18n
from screener.questionnaire.model import Questionnaire
from screener.security import vault
from screener.security.kdf import KdfParams
from screener.settings import Settings
from screener.store.records import InterviewInfo
from screener.store.repository import Repository
from screener.ui.screens.interview import InterviewScreen
from screener.ui.screens.unlock import LockScreen

PASS = "a long test passphrase"
NAME = "Saba Testperson"


async def test_locked_screen_shows_no_personal_data(
    tmp_path: Path, questionnaire: Questionnaire
) -> None:
    db = tmp_path / "locked.sqlite3"
    vault.create(db, PASS, KdfParams.FAST)
    repo = Repository(db, key=vault.unlock(db, PASS))
    iid = repo.create_interview(InterviewInfo(NAME), questionnaire, consent=CONSENTED)
    i18n.set_language("en")
    settings = Settings(db_path=db, language="en", cursor_blink=False, lock_after_s=600)
    app = PilotApp(settings, repo, questionnaire)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await open_screen(app, pilot, InterviewScreen(iid))
            await focus(pilot, screen, "home_town")
            await pilot.press(*"Massawa")
            assert NAME in screen_text(app) and "Massawa" in screen_text(app)
            assert app.auto_lock is not None
            app.auto_lock.lock()
            await until(pilot, lambda: isinstance(app.screen, LockScreen))
            await pilot.pause(0.2)
            shown = screen_text(app)
            assert NAME not in shown and "Massawa" not in shown
            assert stored(app, repo, iid).values()["home_town"] == "Massawa"  # flushed first
            await pilot.press("enter")  # nothing typed yet: asked for it, not called wrong
            await pilot.pause()
            shown = screen_text(app)
            assert "Type your passphrase" in shown and "not right" not in shown
            assert isinstance(app.screen, LockScreen)
            app.screen.query_one("#passphrase").value = PASS  # type: ignore[attr-defined]
            await pilot.press("enter")
            await until(pilot, lambda: app.screen is screen)
            assert question(screen, "home_town").control.value == "Massawa"  # type: ignore[union-attr]
    finally:
        repo.close()
