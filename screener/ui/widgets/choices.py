"""A keyboard-first choice list: number keys pick, space toggles, arrows move.

Used for select_one, select_multiple, yes_no and (horizontally) scale. Up/down at the ends of the
list and up/down on a horizontal scale are left to the screen, which moves to the previous or
next question, so arrows walk through the whole interview.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from textual import events
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget

DIGIT_WINDOW = 0.9  # seconds in which a second digit makes a two-digit choice number
LABEL_INDENT = 8  # "  1 ( ) ": where a label starts, and where its next lines start


@dataclass
class Option:
    value: str
    label: str
    description: str = ""
    key: str = ""  # an extra letter that picks it (y/j/n for yes_no)


class ChoicePicker(Widget, can_focus=True):
    """Shows numbered options; the picked ones are marked. ``multiple`` allows several.
    ``on_edit`` is called when the consultant changes the pick, before the tick is drawn."""

    on_edit: Callable[[], None] | None = None

    class Changed(Message):
        def __init__(self, picker: ChoicePicker) -> None:
            super().__init__()
            self.picker = picker

        @property
        def control(self) -> ChoicePicker:
            return self.picker

    class Submitted(Message):
        """Enter on a picked option: the screen moves to the next question."""

        def __init__(self, picker: ChoicePicker) -> None:
            super().__init__()
            self.picker = picker

        @property
        def control(self) -> ChoicePicker:
            return self.picker

    def __init__(
        self,
        options: list[Option],
        multiple: bool = False,
        horizontal: bool = False,
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.options = options
        self.multiple = multiple
        self.horizontal = horizontal
        self.picked: list[str] = []
        self.cursor = 0
        self._last_digit: tuple[float, int, list[str]] | None = None
        self._moved = False  # the arrows moved the cursor since the last pick
        self._heights: dict[int, int] = {}  # width -> lines: rendering to count them is slow

    # -- value -----------------------------------------------------------------------------------
    def set_picked(self, values: list[str], move_cursor: bool = True) -> None:
        """Show ``values`` as picked (loading a stored answer puts the cursor on the first)."""
        known = [o.value for o in self.options]
        self.picked = [v for v in known if v in values]
        if self.picked and move_cursor:
            self.cursor = known.index(self.picked[0])
        self.refresh()  # ticks change no line: no new layout

    def set_options(self, options: list[Option]) -> None:
        """New labels (a language switch); the picked values stay."""
        self.options = options
        self.cursor = min(self.cursor, max(len(options) - 1, 0))
        self._heights.clear()
        self.refresh(layout=True)

    # -- rendering -------------------------------------------------------------------------------
    # Drawn as Textual content, a line per row, wrapped here: a Rich table took a millisecond
    # to draw a list, and every section switch draws the lists it shows.
    def render(self) -> Content:
        focused = self.has_focus
        if self.horizontal:
            return self._render_row(focused)
        return Content("\n").join(self._lines(self.size.width, focused))

    def _lines(self, width: int, focused: bool) -> list[Content]:
        """The number (right-aligned), the mark, and the label wrapped under itself."""
        room = max(width - LABEL_INDENT, 8)
        lines: list[Content] = []
        for index, option in enumerate(self.options):
            picked = option.value in self.picked
            mark = ("[x]" if picked else "[ ]") if self.multiple else ("(•)" if picked else "( )")
            style = "bold" if picked else ""
            if focused and index == self.cursor:
                style += " reverse"
            style = style.strip()
            body = Content.styled(option.label, style).wrap(room)
            if option.description:
                body += Content.styled(option.description, "dim italic").wrap(room)
            for row, piece in enumerate(body):
                if row == 0:
                    lead = Content.assemble((f"{index + 1:>3}", "dim"), " ", (mark, style), " ")
                else:
                    lead = Content(" " * LABEL_INDENT)
                lines.append(lead + piece)
        return lines

    def _render_row(self, focused: bool) -> Content:
        # The pick has a tick as well as reverse video: a pale projector, a monochrome screen
        # or a photo of it still shows which one is picked (same width either way).
        pieces: list[tuple[str, str] | str] = []
        for index, option in enumerate(self.options):
            picked = option.value in self.picked
            text, style = (
                (f"✓{option.label} ", "bold reverse") if picked else (f" {option.label} ", "")
            )
            if focused and index == self.cursor and not picked:
                style = "underline"
            pieces += [(text, style), " "]
        return Content.assemble(*pieces)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if self.horizontal:
            return 1
        if width not in self._heights:
            self._heights[width] = len(self._lines(width, False))
        return self._heights[width]

    # -- keys ------------------------------------------------------------------------------------
    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_key(self, event: events.Key) -> None:
        if self.disabled or not self.options:
            return
        key = event.key
        forward, back = ("right", "left") if self.horizontal else ("down", "up")
        if key in ("up", "down") and not self.horizontal:
            self._consume(event)  # arrows never leave a list by surprise: tab or enter do
        if key == forward:
            if self.cursor < len(self.options) - 1:
                self._consume(event)
                self.cursor += 1
                self._moved = True
                if self.horizontal:
                    self._pick(self.cursor, toggle=False)
                self.refresh()
        elif key == back:
            if self.cursor > 0:
                self._consume(event)
                self.cursor -= 1
                self._moved = True
                if self.horizontal:
                    self._pick(self.cursor, toggle=False)
                self.refresh()
        elif key == "space":
            self._consume(event)
            self._pick(self.cursor, toggle=True)
        elif key == "enter":
            self._consume(event)
            self.press_enter()
            self.post_message(self.Submitted(self))
        elif key in ("backspace", "delete"):
            self._consume(event)
            if self.picked:
                self.picked = []
                self._changed()
        elif event.character and event.character.isdigit():
            self._consume(event)
            if self.numbered_by_value:
                self._pick_value(event.character)
            else:
                self._digit(int(event.character))
        elif event.character:
            for index, option in enumerate(self.options):
                if option.key and event.character.lower() in option.key:
                    self._consume(event)
                    self._pick(index, toggle=False)
                    break

    def press_enter(self) -> None:
        """Enter picks only an option the arrows went to; otherwise it just moves on, so
        skipping a question never answers it."""
        if self._moved and not self.multiple and not self.horizontal and not self.disabled:
            self._pick(self.cursor, toggle=False)

    @staticmethod
    def _consume(event: events.Key) -> None:
        event.stop()
        event.prevent_default()

    def _digit(self, digit: int) -> None:
        now = time.monotonic()
        last = self._last_digit
        self._last_digit = None
        if last is not None and now - last[0] < DIGIT_WINDOW:
            number = last[1] * 10 + digit
            if 10 <= number <= len(self.options):
                self.picked = last[2]  # undo the first digit's pick
                self._pick(number - 1, toggle=self.multiple)
                return
        index = (digit or 10) - 1
        if index < len(self.options):
            before = list(self.picked)
            self._pick(index, toggle=True)
            if len(self.options) >= 10 and digit:
                self._last_digit = (now, digit, before)

    def _pick(self, index: int, toggle: bool) -> None:
        value = self.options[index].value
        self.cursor = index
        self._moved = False
        if self.multiple:
            if value in self.picked:
                if toggle:
                    self.picked = [v for v in self.picked if v != value]
            else:
                self.set_picked([*self.picked, value], move_cursor=False)
        elif value in self.picked and toggle and not self.horizontal:
            self.picked = []
        else:
            self.picked = [value]
        self._changed()

    @property
    def numbered_by_value(self) -> bool:
        """A scale's options are numbers: the key is the value (0-4 takes 0-4)."""
        return (
            self.horizontal
            and bool(self.options)
            and all(o.value.isdigit() and len(o.value) == 1 for o in self.options)
        )

    def _pick_value(self, character: str) -> None:
        for index, option in enumerate(self.options):
            if option.value == character:
                self._pick(index, toggle=False)
                return

    def _changed(self) -> None:
        self.refresh(layout=True)
        if self.on_edit is not None:
            self.on_edit()
        self.post_message(self.Changed(self))


DOCUMENT_LANGUAGES = (("da", "Dansk"), ("en", "English"))


class LanguagePicker(ChoicePicker):
    """Dansk or English for a document, on one line: ←→, 1/2 or d/e (a dropdown lost the pick
    when enter and tab came quickly after each other)."""

    def __init__(self, value: str = "da", *, id: str | None = None) -> None:
        options = [Option(code, name, key=code[0]) for code, name in DOCUMENT_LANGUAGES]
        super().__init__(options, horizontal=True, id=id)
        self.set_picked([value])

    @property
    def value(self) -> str:
        return self.picked[0] if self.picked else DOCUMENT_LANGUAGES[0][0]

    @value.setter
    def value(self, code: str) -> None:
        """Pick ``code`` as the consultant would (``Changed`` is posted); a language the
        documents are not written in (an imported interview's) leaves the pick as it is."""
        index = next((i for i, option in enumerate(self.options) if option.value == code), None)
        if index is not None and code != self.value:
            self._pick(index, toggle=False)
