"""The unlock screens in a real Textual app (Pilot): first start with a recovery key shown
once, unlock, a wrong passphrase, the recovery key, and the lock screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.widgets import Input, Static

from screener import i18n
from screener.security import vault
from screener.security.kdf import KdfParams
from screener.settings import Settings
from screener.ui.screens.unlock import LockScreen, RecoveryKeyScreen, UnlockApp, UnlockScreen

pytestmark = pytest.mark.usefixtures("english")


PASS = "en lang og god saetning"


def _settings(db: Path) -> Settings:
    i18n.set_language("en")
    return Settings(db_path=db, language="en", cursor_blink=False)


async def _type(pilot: Any, text: str) -> None:
    await pilot.press(*list(text))


async def _wait(pilot: Any, check: Any) -> None:
    for _ in range(1000):
        await pilot.pause(0.02)
        if check():
            return
    raise AssertionError("waited in vain")


async def test_first_start_sets_a_passphrase_and_shows_the_recovery_key_once(
    db_path: Path,
) -> None:
    app = UnlockApp(_settings(db_path), kdf=KdfParams.FAST)
    async with app.run_test() as pilot:
        await _type(pilot, "short")
        await pilot.press("enter")
        await _type(pilot, "short")
        await pilot.press("enter")
        await pilot.pause()
        assert "12" in str(app.screen.query_one("#unlock-error", Static).render())
        app.screen.query_one("#passphrase", Input).value = PASS
        app.screen.query_one("#repeat", Input).value = PASS
        app.screen.query_one("#repeat", Input).focus()
        await pilot.press("enter")
        await _wait(pilot, lambda: isinstance(app.screen, RecoveryKeyScreen))
        recovery = app.screen.recovery  # type: ignore[attr-defined]
        await pilot.press("enter")
        await _wait(pilot, lambda: app.return_value is not None)
    repo = app.return_value
    assert repo is not None and repo.encrypted
    repo.close()
    assert vault.unlock_with_recovery(db_path, recovery) == vault.unlock(db_path, PASS)


async def test_unlock_refuses_a_wrong_passphrase_then_opens(db_path: Path) -> None:
    vault.create(db_path, PASS, KdfParams.FAST)
    app = UnlockApp(_settings(db_path))
    async with app.run_test() as pilot:
        assert isinstance(app.screen, UnlockScreen)
        await _type(pilot, "not the passphrase")
        await pilot.press("enter")
        error = app.screen.query_one("#unlock-error", Static)
        await _wait(pilot, lambda: "not right" in str(error.render()))
        await _type(pilot, PASS)
        await pilot.press("enter")
        await _wait(pilot, lambda: app.return_value is not None)
    assert app.return_value is not None
    app.return_value.close()


async def test_forgotten_passphrase_with_the_recovery_key(db_path: Path) -> None:
    _key, recovery = vault.create(db_path, PASS, KdfParams.FAST)
    app = UnlockApp(_settings(db_path))
    async with app.run_test() as pilot:
        await pilot.press("f3")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#recovery", Input).value = recovery
        screen.query_one("#passphrase", Input).value = "helt ny saetning 2027"
        screen.query_one("#repeat", Input).value = "helt ny saetning 2027"
        screen.query_one("#repeat", Input).focus()
        await pilot.press("enter")
        await _wait(pilot, lambda: app.return_value is not None)
    assert app.return_value is not None
    app.return_value.close()
    assert vault.unlock(db_path, "helt ny saetning 2027") == _key


class _Covered(App[None]):
    def compose(self) -> Any:
        yield Static("Amina Testperson", id="secret")


async def test_the_lock_screen_hides_everything_until_the_passphrase(db_path: Path) -> None:
    key, _recovery = vault.create(db_path, PASS, KdfParams.FAST)
    app = _Covered()
    async with app.run_test() as pilot:
        app.push_screen(LockScreen(db_path, key))
        await pilot.pause()
        assert isinstance(app.screen, LockScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, LockScreen)
        assert "Amina" not in "".join(str(s.render()) for s in app.screen.query(Static))
        await _type(pilot, "wrong wrong wrong")
        await pilot.press("enter")
        error = app.screen.query_one("#unlock-error", Static)
        await _wait(pilot, lambda: "not right" in str(error.render()))
        await _type(pilot, PASS)
        await pilot.press("enter")
        await _wait(pilot, lambda: not isinstance(app.screen, LockScreen))


class _Typing(App[None]):
    def compose(self) -> Any:
        yield Input(id="answer")


async def test_auto_lock_after_idle_time_keeps_what_was_typed(db_path: Path) -> None:
    from screener.ui.screens.unlock import AutoLock

    key, _recovery = vault.create(db_path, PASS, KdfParams.FAST)
    now = [1000.0]
    flushed: list[bool] = []
    app = _Typing()
    async with app.run_test() as pilot:
        lock = AutoLock(
            app, db_path, key, 600, on_lock=lambda: flushed.append(True), clock=lambda: now[0]
        )
        lock.touch()
        await _type(pilot, "Half an answer")
        now[0] += 599
        lock.check()
        await pilot.pause()
        assert not isinstance(app.screen, LockScreen)
        lock.touch()  # a key press resets the idle time
        now[0] += 601
        lock.check()
        await pilot.pause()
        assert isinstance(app.screen, LockScreen) and flushed == [True]
        assert not app.screen.query("#answer")  # nothing of the interview on the lock screen
        app.screen.query_one("#passphrase", Input).value = PASS
        await pilot.press("enter")
        await _wait(pilot, lambda: not isinstance(app.screen, LockScreen))
        assert app.query_one("#answer", Input).value == "Half an answer"
        assert not lock.locked


def test_an_encrypted_store_opens_without_screens_when_the_passphrase_is_given(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from screener.ui.screens.unlock import unlock_store

    vault.create(db_path, PASS, KdfParams.FAST)
    monkeypatch.setenv("SCREENER_PASSPHRASE", PASS)
    repo = unlock_store(_settings(db_path))
    assert repo is not None and repo.encrypted
    repo.close()


async def test_change_the_passphrase_from_the_app(db_path: Path) -> None:
    from screener.ui.screens.unlock import ChangePassphraseScreen

    key, _recovery = vault.create(db_path, PASS, KdfParams.FAST)
    results: list[bool] = []
    app = _Covered()
    async with app.run_test() as pilot:
        app.push_screen(ChangePassphraseScreen(db_path), results.append)
        await pilot.pause()
        screen = app.screen
        screen.query_one("#current", Input).value = "not the current one"
        screen.query_one("#passphrase", Input).value = "en ny og laengere saetning"
        screen.query_one("#repeat", Input).value = "en ny og laengere saetning"
        screen.query_one("#repeat", Input).focus()
        await pilot.press("enter")
        error = screen.query_one("#unlock-error", Static)
        await _wait(pilot, lambda: "not right" in str(error.render()))
        screen.query_one("#current", Input).value = PASS
        screen.query_one("#repeat", Input).focus()
        await pilot.press("enter")
        await _wait(pilot, lambda: results == [True])
    assert vault.unlock(db_path, "en ny og laengere saetning") == key
