"""The Textual application: built by one factory from explicit settings."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App, ScreenStackError, SystemCommand
from textual.command import CommandPalette
from textual.screen import Screen

from screener import i18n
from screener.i18n import _
from screener.quiet_gc import QuietCollector
from screener.settings import Settings
from screener.ui.command_table import AppCommands, bindings, palette_commands
from screener.ui.messages import (
    KeyKeeper,
    OpenConsent,
    OpenHome,
    OpenInterview,
    OpenPapers,
    OpenScreen,
)
from screener.ui.translate import LanguageChanged

if TYPE_CHECKING:
    from screener.interview.session import InterviewSession
    from screener.questionnaire.model import Questionnaire
    from screener.store.repository import Repository
    from screener.ui.screens.unlock.lock import AutoLock

# The screens shown over an interview, by the name screens ask for them (``OpenScreen``): the
# app routes, so screens do not import each other.
SCREENS = {
    "review": ("screener.ui.screens.review", "ReviewScreen"),
    "assessment": ("screener.ui.screens.assessment", "AssessmentScreen"),
    "finalize": ("screener.ui.screens.finalize", "FinalizeScreen"),
    "export": ("screener.ui.screens.export", "ExportScreen"),
}
QUIT_WAIT_SECONDS = 3.0  # how long quitting waits for the last writes before it asks
COLLECT_CHECK_SECONDS = 0.25  # how often the collector looks for a pause (screener.quiet_gc)


class ScreenerApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "Screener"
    BINDINGS = bindings("help", "language", "quit", "palette", "next_field", "previous_field")
    COMMANDS = {AppCommands}

    def __init__(
        self,
        settings: Settings,
        repo: Repository,
        questionnaire: Questionnaire | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """``clock`` (seconds) drives the interview clock; tests pass a fixed one."""
        super().__init__()
        self.settings = settings
        self.repo = repo
        self.clock = clock
        self._questionnaire = questionnaire
        self.sessions: dict[int, InterviewSession] = {}
        self.auto_lock: AutoLock | None = None
        self.ui_language = settings.language
        self.collector = QuietCollector()

    @property
    def questionnaire(self) -> Questionnaire:
        """The questionnaire new interviews start with, loaded when first needed.

        Only a new interview needs it: existing interviews read their pinned snapshot, so a
        questionnaire file that was broken or removed never keeps the app from starting or an
        interview from opening. Raises QuestionnaireError, naming every problem.
        """
        if self._questionnaire is None:
            from screener.questionnaire.loader import load_default

            self._questionnaire = load_default(self.settings.questionnaire_dir)
        return self._questionnaire

    def get_default_screen(self) -> Screen[Any]:
        from screener.ui.screens.home import HomeScreen

        return HomeScreen()

    def on_mount(self) -> None:
        self.theme = "textual-dark"
        self.collector.start()
        self.set_interval(COLLECT_CHECK_SECONDS, self.collector.tick)
        key = getattr(self.repo, "key", None)
        if key is not None and self.settings.lock_after_s > 0:
            from screener.ui.screens.unlock.lock import AutoLock

            # Idle for lock_after_s: a lock screen hides everything until the passphrase is
            # typed again; what was typed stays in the screens underneath and in the sessions.
            self.auto_lock = AutoLock(
                self,  # type: ignore[arg-type]
                self.settings.db_path,
                key,
                self.settings.lock_after_s,
                on_lock=self._before_lock,
                clock=self.clock,
            )
            self.auto_lock.start()

    def _before_lock(self) -> None:
        for session in self.sessions.values():
            session.flush(timeout=1.0)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.MouseDown | events.Paste):
            self.collector.touch()
            if self.auto_lock is not None:
                self.auto_lock.touch()
        if isinstance(event, events.Key) and self._kept(event):
            return  # handed to the app again, in order, when the screen is ready
        await super().on_event(event)

    def _kept(self, event: events.Key) -> bool:
        try:
            screen = self.screen
        except ScreenStackError:
            return False
        return isinstance(screen, KeyKeeper) and screen.keep_key(event)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The command table's palette commands for ``screen``, in the active language."""
        for command, node in palette_commands(screen):
            run = partial(node.run_action, command.action)
            yield SystemCommand(command.palette_title(), command.palette_help(), run)

    def action_command_palette(self) -> None:
        """Textual's palette with a placeholder in the consultant's language."""
        from screener.ui.widgets.palette import Jumpable

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            if isinstance(self.screen, Jumpable):
                placeholder = _("Type part of a section, a question or a command…")
            else:
                placeholder = _("Type part of a command…")
            self.push_screen(CommandPalette(placeholder=placeholder, id="--command-palette"))

    def action_open_consent(self) -> None:
        interview_id = getattr(self.screen, "interview_id", None)
        if isinstance(interview_id, int):
            self.post_message(OpenConsent(interview_id))

    def action_open_papers(self, paper: str) -> None:
        interview_id = getattr(self.screen, "interview_id", None)
        if isinstance(interview_id, int):
            self.post_message(OpenPapers(interview_id, paper))

    def action_toggle_help(self) -> None:
        from screener.ui.keys import KeysScreen, key_rows

        if isinstance(self.screen, KeysScreen):
            self.screen.dismiss(None)
        else:
            self.push_screen(KeysScreen(key_rows(self.screen)))

    def action_toggle_language(self) -> None:
        self.set_language("en" if self.ui_language == "da" else "da")

    def set_language(self, lang: str) -> None:
        """Switch screens and questionnaire texts without losing focus or typed input; the
        footers, F1 and the palette translate the command table when they next draw."""
        i18n.set_language(lang)
        self.ui_language = lang
        for screen in self.screen_stack:
            screen.post_message(LanguageChanged())
        self.refresh_bindings()

    # -- interview sessions: the one write path ------------------------------------------------
    def open_session(self, interview_id: int) -> InterviewSession:
        """The session of ``interview_id``, shared by every screen that shows it (opened on
        first use; reads the database, so call it from a worker thread)."""
        session = self.sessions.get(interview_id)
        if session is None:
            from screener.interview.session import session_for

            session = session_for(self.repo, interview_id, on_change=self._post_save_state)
            self.sessions[interview_id] = session
        return session

    def forget_session(self, interview_id: int) -> None:
        """Close a session no screen shows any more (its last writes finish on its thread)."""
        import threading

        session = self.sessions.pop(interview_id, None)
        if session is not None:
            threading.Thread(target=session.close, daemon=True).start()

    # -- routing: screens ask, the app decides what is shown ------------------------------------
    def on_open_consent(self, message: OpenConsent) -> None:
        from screener.ui.screens.consent import ConsentScreen
        from screener.ui.screens.new_interview import NewInterviewScreen

        screen = ConsentScreen(message.interview_id, first=message.first, prefill=message.prefill)
        if isinstance(self.screen, NewInterviewScreen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen, self._consent_done)

    def _consent_done(self, recorded: bool | None) -> None:
        from screener.ui.screens.interview import InterviewScreen

        if recorded and isinstance(self.screen, InterviewScreen):
            self.screen.reload()

    def on_open_screen(self, message: OpenScreen) -> None:
        import importlib

        module, name = SCREENS[message.kind]
        screen = getattr(importlib.import_module(module), name)(message.interview_id)
        done = message.done
        kind = message.kind
        self.push_screen(screen, (lambda result: done(kind, result)) if done else None)

    def on_open_papers(self, message: OpenPapers) -> None:
        from screener.ui.screens.papers import PapersScreen

        self.push_screen(PapersScreen(message.interview_id, message.paper))

    def on_open_interview(self, message: OpenInterview) -> None:
        from screener.ui.screens.consent import ConsentScreen
        from screener.ui.screens.interview import InterviewScreen
        from screener.ui.screens.new_interview import NewInterviewScreen

        screen = InterviewScreen(message.interview_id, message.section, message.item)
        if isinstance(self.screen, ConsentScreen | NewInterviewScreen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    async def on_open_home(self, message: OpenHome) -> None:
        while len(self.screen_stack) > 2:
            await self.pop_screen()
        if message.forget is not None:
            self.forget_session(message.forget)
        if len(self.screen_stack) > 1:
            await self.pop_screen()

    def _post_save_state(self) -> None:
        """Called on a session's writer thread; ``post_message`` is thread-safe and does not
        wait (``call_from_thread`` would block the writer until the UI runs)."""
        from screener.ui.messages import SaveStateChanged

        try:
            screen = self.screen
        except Exception:  # no screen while starting or closing: nothing to show it on
            return
        pending = sum(s.pending_count for s in self.sessions.values())
        error = next((s.error for s in self.sessions.values() if s.error is not None), None)
        screen.post_message(SaveStateChanged(pending, error))

    def unsaved(self) -> int:
        return sum(session.pending_count for session in self.sessions.values())

    async def action_quit(self) -> None:
        """Never quit silently with typed work that is not on disk: wait a moment for the last
        writes, then ask."""
        import asyncio

        waits = [
            asyncio.to_thread(session.flush, QUIT_WAIT_SECONDS)
            for session in self.sessions.values()
        ]
        if all(await asyncio.gather(*waits)):
            self.exit()
            return
        from screener.ui.dialogs import ConfirmDialog

        question = _(
            "{count} changes could not be saved yet (the database is busy or the disk is "
            "full). They are retried all the time. Quit anyway and lose them?"
        ).format(count=self.unsaved())

        def done(yes: bool | None) -> None:
            if yes:
                self.exit(return_code=3)

        self.push_screen(ConfirmDialog(question, _("Quit without saving")), done)

    def on_unmount(self) -> None:
        for session in self.sessions.values():
            session.close(timeout=1.0)
        self.collector.stop()


def build_app(
    settings: Settings,
    repo: Repository | None = None,
    *,
    clock: Callable[[], float] = time.monotonic,
) -> ScreenerApp:
    """Open the store named by ``settings`` and build the app on it (the questionnaire is read
    when a new interview needs it: ``ScreenerApp.questionnaire``); ``clock`` as in the app."""
    from screener.store.repository import Repository

    i18n.set_language(settings.language)
    if repo is None:
        repo = Repository(settings.db_path, actor=settings.actor)
    app = ScreenerApp(settings, repo, clock=clock)
    # Everything loaded so far (modules, the questionnaire) lives as long as the process: moved
    # out of the collector's view, a full collection no longer stalls a keystroke for ~100 ms.
    gc.freeze()
    return app


def run_app(settings: Settings) -> int:
    # -- data protection: unlock (or set the passphrase on first start) before the app --
    from screener.ui.screens.unlock import unlock_store

    i18n.set_language(settings.language)
    unlocked = unlock_store(settings)
    if unlocked is None:
        return 0
    app = build_app(settings, unlocked)
    # -- end data protection --
    try:
        return run_guarded(app)
    finally:
        app.repo.close()


def run_guarded(app: App[Any], headless: bool = False) -> int:
    """Run ``app``; a crash ends with a short message and a non-zero exit code, never with
    Textual's crash report, whose local variables would print answers on the terminal."""
    import io
    import sys

    from rich.console import Console

    report = io.StringIO()
    app.error_console = Console(file=report, markup=False, highlight=False)
    app.run(headless=headless)
    if app.return_code and report.getvalue():
        print(
            _(
                "Screener stopped because of an internal error. Everything saved before it is "
                "on disk. No details are shown here, because they could contain answers."
            ),
            file=sys.stderr,
        )
        return app.return_code
    return app.return_code or 0
