"""The command table feeds every key: bindings carry its ids, and the footer, F1 and the palette
show its words in the active language, switched with F2 without rewriting a binding."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from pathlib import Path
from typing import Any

from textual.binding import Binding
from textual.dom import DOMNode
from textual.widgets import Input, OptionList, Static
from ui_kit import CONSENTED, open_screen, until

import screener
import screener.ui
from screener import i18n
from screener.questionnaire.model import Questionnaire
from screener.settings import Settings
from screener.store.records import InterviewInfo
from screener.store.repository import Repository
from screener.ui.app import ScreenerApp
from screener.ui.command_table import COMMANDS, TABLE
from screener.ui.keys import KeysScreen
from screener.ui.screens.home import HomeScreen
from screener.ui.screens.interview import InterviewScreen
from screener.ui.widgets.footer import KeysFooter

SOURCE = Path(screener.__file__).parent


def our_classes() -> list[type[DOMNode]]:
    """Every screen, widget and app class defined in ``screener.ui``."""
    found: list[type[DOMNode]] = []
    for module_info in pkgutil.walk_packages(screener.ui.__path__, "screener.ui."):
        module = importlib.import_module(module_info.name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and issubclass(cls, DOMNode):
                found.append(cls)
    return found


def test_every_binding_is_a_command_of_the_table() -> None:
    classes = [cls for cls in our_classes() if "BINDINGS" in cls.__dict__]
    assert {"HomeScreen", "InterviewScreen", "ScreenerApp", "HubScreen"} <= {
        cls.__name__ for cls in classes
    }
    bound: set[str] = set()
    for cls in classes:
        for binding in cls.__dict__["BINDINGS"]:
            assert isinstance(binding, Binding), cls
            command = COMMANDS.get(binding.id or "")
            assert command is not None, f"{cls.__name__}: {binding} is not in the table"
            assert (binding.key, binding.action) == (command.key, command.action)
            bound.add(command.id)
    keyed = {command.id for command in TABLE if command.key}
    assert keyed - bound == set(), "commands with a key that nothing binds"
    assert len(COMMANDS) == len(TABLE), "two commands with one id"


def test_no_private_textual_access_in_the_source() -> None:
    private = re.compile(
        r"\._bindings\b|_bindings_ready|from textual(\.\w+)*\._\w+ import|import textual(\.\w+)*\._"
        r"|from textual[\w.]* import [^\n]*\b_[a-z]\w*"
    )
    found = [
        f"{path.relative_to(SOURCE)}:{number}: {line.strip()}"
        for path in sorted(SOURCE.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if private.search(line)
    ]
    assert found == []


def start(tmp_path: Path, questionnaire: Questionnaire) -> tuple[ScreenerApp, int]:
    """The real app in Danish with one consented interview."""
    i18n.set_language("da")
    db = tmp_path / "keys.sqlite3"
    settings = Settings(db_path=db, language="da", cursor_blink=False)
    repo = Repository(db)
    iid = repo.create_interview(InterviewInfo("Amina Testperson"), questionnaire, consent=CONSENTED)
    return ScreenerApp(settings, repo, questionnaire), iid


def footer_line(app: ScreenerApp) -> str:
    return app.screen.query_one(KeysFooter).render().plain


async def f1_lines(app: ScreenerApp, pilot: Any) -> dict[str, str]:
    """What F1 shows (description -> keys), read from its list on screen; F1 closed again."""
    await pilot.press("f1")
    await pilot.pause()
    keys = app.screen
    assert isinstance(keys, KeysScreen)
    shown = "\n".join(str(static.render()) for static in keys.query(".keys-column"))
    lines = dict((what, key) for key, what in keys.lines())
    assert all(what in shown for what in lines)
    await pilot.press("f1")
    await pilot.pause()
    return lines


async def test_footer_and_f1_are_danish_then_english_after_f2(
    tmp_path: Path, questionnaire: Questionnaire
) -> None:
    app, iid = start(tmp_path, questionnaire)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        line = footer_line(app)
        assert "n Ny" in line and "f1 Hjælp" in line and "^p hop til" in line
        assert (await f1_lines(app, pilot))["Søg"] == "/"

        await open_screen(app, pilot, InterviewScreen(iid))
        line = footer_line(app)
        # At 80 columns what moves the interview on stays in the footer; F1 has the rest.
        for shown in ("^r Overblik", "^t Vurdering", "^g Afslut", "f3 Note"):
            assert shown in line
        assert "Hjælp" not in line
        listed = await f1_lines(app, pilot)
        assert listed["Næste afsnit"] == "^pgdn" and listed["Hjælp"] == "f1"

        await pilot.press("f2")
        await pilot.pause()
        line = footer_line(app)
        assert "^r Review" in line and "^g Finalize" in line and "Overblik" not in line
        listed = await f1_lines(app, pilot)
        assert listed["Next section"] == "^pgdn" and listed["Help"] == "f1"

        await pilot.press("escape")  # back home: its footer switched while it was below
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        line = footer_line(app)
        assert "n New" in line and "f1 Help" in line and "Ny" not in line
        assert (await f1_lines(app, pilot))["Search"] == "/"
    app.repo.close()


async def test_the_palette_lists_the_table_in_the_active_language(
    tmp_path: Path, questionnaire: Questionnaire
) -> None:
    app, iid = start(tmp_path, questionnaire)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, InterviewScreen(iid))
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert titles == ["Luk", "Taster", "Sprog", "Samtykke", "CV-postkort", "Kompetencekort"]
        await pilot.press("f2")
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert titles[:4] == ["Quit", "Keys", "Language", "Consent"]
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette_input = app.screen.query_one(Input)
        assert palette_input.placeholder == "Type part of a section, a question or a command…"
        await pilot.press(*"keys")
        palette = app.screen

        def first_hit() -> str:
            hits = palette.query_one(OptionList)
            return str(hits.get_option_at_index(0).prompt) if hits.option_count else ""

        await until(pilot, lambda: "Keys" in first_hit())
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, KeysScreen))  # the table's action ran
    app.repo.close()


async def test_a_question_ranks_above_the_command_of_the_same_name(
    tmp_path: Path, questionnaire: Questionnaire
) -> None:
    from screener.ui.command_table import AppCommands
    from screener.ui.widgets.palette import QuestionJumps

    app, iid = start(tmp_path, questionnaire)
    async with app.run_test(size=(80, 24)) as pilot:
        i18n.set_language("en")
        await open_screen(app, pilot, InterviewScreen(iid))
        commands = [hit async for hit in AppCommands(app.screen).search("Language")]
        questions = [hit async for hit in QuestionJumps(app.screen).search("Language")]
        assert [hit.text for hit in commands] == ["Language"]
        assert "Languages" in [hit.text for hit in questions]
        assert min(hit.score for hit in questions) > max(hit.score for hit in commands)
    app.repo.close()


async def test_the_footer_draws_again_only_when_its_keys_change(
    tmp_path: Path, questionnaire: Questionnaire
) -> None:
    app, iid = start(tmp_path, questionnaire)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, InterviewScreen(iid))
        footer = app.screen.query_one(KeysFooter)
        shown, focused = footer.keys, app.focused
        await pilot.press("down", "down")  # to another text field: the same footer keys
        await pilot.pause()
        await pilot.pause()
        assert app.focused is not focused and isinstance(app.focused, Input)
        assert footer.keys is shown
        await pilot.press("f2")
        await pilot.pause()
        assert footer.keys is not shown
        assert not footer.query(Static)  # one widget: nothing composed per key
    app.repo.close()


async def test_a_click_on_a_footer_key_presses_it(
    tmp_path: Path, questionnaire: Questionnaire
) -> None:
    app, _iid = start(tmp_path, questionnaire)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeysFooter)
        (start_x,) = [start for start, _end, key in footer.spans if key.key == "f1"]
        await pilot.click(KeysFooter, offset=(start_x + 1, 0))
        await pilot.pause()
        assert isinstance(app.screen, KeysScreen)
    app.repo.close()
