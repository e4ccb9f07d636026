"""The Textual application: built by one factory from explicit settings."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from screener import i18n
from screener.i18n import _
from screener.settings import Settings
from screener.ui.saver import Saver
from screener.ui.translate import LanguageChanged, translate_bindings

if TYPE_CHECKING:
    from screener.questionnaire.model import Questionnaire
    from screener.store.repository import Repository


class ScreenerApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "Screener"
    BINDINGS = [
        Binding("f1", "toggle_help", "Help"),
        Binding("f2", "toggle_language", "Dansk/English"),
        Binding("ctrl+q", "quit", "Quit", priority=True),
    ]

    def __init__(
        self, settings: Settings, repo: Repository, questionnaire: Questionnaire | None = None
    ) -> None:
        super().__init__()
        self.settings = settings
        self.repo = repo
        self._questionnaire = questionnaire
        self.saver = Saver(on_change=self._saver_changed)
        self.ui_language = settings.language

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
        translate_bindings(self)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield SystemCommand(
            _("Keys"), _("Show or hide all keys of this screen"), self.action_toggle_help
        )
        yield SystemCommand(
            _("Language"), _("Switch between Danish and English"), self.action_toggle_language
        )
        yield SystemCommand(_("Quit"), _("Save and quit"), self.action_quit)

    def action_toggle_help(self) -> None:
        from screener.ui.keys import KeysScreen, key_rows

        if isinstance(self.screen, KeysScreen):
            self.screen.dismiss(None)
        else:
            self.push_screen(KeysScreen(key_rows(self.screen)))

    def action_toggle_language(self) -> None:
        self.set_language("en" if self.ui_language == "da" else "da")

    def set_language(self, lang: str) -> None:
        """Switch screens and questionnaire texts without losing focus or typed input."""
        i18n.set_language(lang)
        self.ui_language = lang
        translate_bindings(self)
        for screen in self.screen_stack:
            translate_bindings(screen)
            for node in screen.walk_children():
                if node.__class__.BINDINGS:
                    translate_bindings(node)
            screen.post_message(LanguageChanged())
        self.refresh_bindings()

    def _saver_changed(self) -> None:
        """Called on the saver's thread; the screens show the state on the UI thread.

        ``post_message`` is thread-safe and does not wait: ``call_from_thread`` would block the
        saver until the UI runs, which deadlocks ``saver.flush()`` called on the UI thread.
        """
        self._post_save_state()

    def _post_save_state(self) -> None:
        from screener.ui.messages import SaveStateChanged

        try:
            screen = self.screen
        except Exception:  # no screen while starting or closing: nothing to show it on
            return
        screen.post_message(SaveStateChanged(self.saver.pending, self.saver.failed))

    async def action_quit(self) -> None:
        """Never quit with an answer still on its way to the disk."""
        for widget in self.screen.query("*"):
            flush = getattr(widget, "save_now", None)
            if callable(flush):
                flush()
        self.saver.flush()
        self.exit()

    def on_unmount(self) -> None:
        self.saver.close()


def build_app(settings: Settings, repo: Repository | None = None) -> ScreenerApp:
    """Open the store named by ``settings`` and build the app on it (the questionnaire is read
    when a new interview needs it: ``ScreenerApp.questionnaire``)."""
    from screener.store.repository import Repository

    i18n.set_language(settings.language)
    if repo is None:
        repo = Repository(settings.db_path, actor=settings.actor)
    app = ScreenerApp(settings, repo)
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
        app.run()
    finally:
        app.repo.close()
    return 0
