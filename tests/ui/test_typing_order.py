"""Editing keys keep their place among the letters typed around them (Textual issue 6605): a
correction typed faster than the app handles keys stores what was typed, not a reordering."""

from __future__ import annotations

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Input, TextArea

from screener.ui.typing import TypingArea, TypingInput

KEYS = [("t", "t"), ("i", "i"), ("j", "j"), ("a", "a"), ("backspace", "\x7f")]
KEYS += [("backspace", "\x7f"), ("y", "y"), ("a", "a"), ("left", None), ("x", "x")]


class Fields(App[None]):
    def __init__(self, field: Input | TextArea) -> None:
        super().__init__()
        self.field = field

    def compose(self) -> ComposeResult:
        yield self.field


async def typed_at_once(field: Input | TextArea) -> str:
    app = Fields(field)
    async with app.run_test() as pilot:
        field.focus()
        await pilot.pause()
        for key, character in KEYS:  # all queued before the first is handled
            app.post_message(events.Key(key, character))
        for _ in range(5):
            await pilot.pause()
        return field.value if isinstance(field, Input) else field.text


@pytest.mark.parametrize("make", [TypingInput, lambda: TypingArea(tab_behavior="focus")])
async def test_a_quick_correction_is_stored_as_typed(make) -> None:  # type: ignore[no-untyped-def]
    assert await typed_at_once(make()) == "tiyxa"


async def test_the_stock_input_reorders_them() -> None:
    """The upstream behaviour these fields correct: when it is fixed, this fails, and the
    subclasses can go."""
    assert await typed_at_once(Input()) != "tiyxa"


class TwoFields(App[None]):
    """Enter moves on at once (a priority key, as in the interview)."""

    BINDINGS = [Binding("enter", "next", priority=True)]

    def compose(self) -> ComposeResult:
        yield TypingInput("first", id="a")
        yield TypingInput("second", id="b")

    def action_next(self) -> None:
        self.screen.set_focus(self.query_one("#b"))  # at once, as the interview does


async def test_a_key_right_after_enter_belongs_to_the_next_field() -> None:
    app = TwoFields()
    async with app.run_test() as pilot:
        app.query_one("#a").focus()
        await pilot.pause()
        for key, character in [("enter", "\r"), ("end", None), ("backspace", "\x7f")]:
            app.post_message(events.Key(key, character))
        for _ in range(5):
            await pilot.pause()
        assert [field.value for field in app.query(TypingInput)] == ["first", "secon"]


async def test_every_field_of_the_interview_keeps_the_order(
    tmp_path, repo, questionnaire, iid
) -> None:  # type: ignore[no-untyped-def]
    from ui_kit import make_app, until

    from screener.ui.screens.interview import InterviewScreen

    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = InterviewScreen(iid)
        app.push_screen(screen)
        await until(pilot, lambda: screen.state is not None and bool(screen.query(Input)))
        fields = [*screen.query(Input), *screen.query(TextArea)]
        assert fields and all(isinstance(f, TypingInput | TypingArea) for f in fields)


def test_no_screen_makes_a_stock_text_field() -> None:
    """A field added later as a plain ``Input``/``TextArea`` would reorder keys again."""
    import re
    from pathlib import Path

    import screener

    made = re.compile(r"(?<![\w.])(Input|TextArea)\(")
    ui = Path(screener.__file__).parent / "ui"
    found = [
        f"{path.relative_to(ui)}:{number}"
        for path in ui.rglob("*.py")
        if path.name != "typing.py"
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if made.search(line)
    ]
    assert found == []
