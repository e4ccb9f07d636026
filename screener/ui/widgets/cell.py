"""A table cell of plain text: Textual's table reads a string cell as markup, so a job title
or a name like "[b]Ali[/]" or "a[/]b" was drawn as something else, or stopped the app."""

from __future__ import annotations

import re

from rich.cells import cell_len, set_cell_size
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment

_CONTROL = re.compile("[\x07\x08\x0b\x0c\x0d]")  # what Rich's Text strips from a text


class Cell:
    """A one-line table cell drawn as a single segment: what a plain Rich ``Text`` cell draws
    in a one-line row (first line, tabs expanded, padded or cut to the column), without Text's
    wrapping and justifying, which cost a fifth of the table's repaint on every keystroke.

    Plain text, never markup: a name like "[b]Ali[/b]" is shown as typed.
    """

    __slots__ = ("text", "width")

    def __init__(self, text: str) -> None:
        self.text = _CONTROL.sub("", text.split("\n", 1)[0]).expandtabs(8)
        self.width = cell_len(self.text)

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return f"Cell({self.text!r})"

    def __eq__(self, other: object) -> bool:
        """A cell is its text (a row read back from the table compares with the strings)."""
        if isinstance(other, Cell):
            return self.text == other.text
        return isinstance(other, str) and self.text == other

    def __hash__(self) -> int:
        return hash(self.text)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(self.width, self.width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Segment(set_cell_size(self.text, options.max_width))
