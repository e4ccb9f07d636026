"""The interview clock and the header line that shows it with the candidate and the saved state.

The clock counts only while the interview screen is shown and not paused. The seconds not yet
stored are handed to the store every ~10 s and on pause, section switch and leaving, so a crash
loses at most those few seconds.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from rich.cells import cell_len
from textual import messages
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Static

from screener.i18n import _


class Clock:
    """Unstored running time of the current section on top of the stored totals."""

    def __init__(self, now: Callable[[], float] = time.monotonic) -> None:
        self._now = now
        self.section: str | None = None
        self.paused = False
        self._since: float | None = None
        self._banked = 0.0  # counted but not yet taken for the store

    @property
    def running(self) -> bool:
        return self._since is not None

    def start(self, section: str) -> None:
        self.section = section
        if not self.paused and self._since is None:
            self._since = self._now()

    def stop(self) -> None:
        if self._since is not None:
            self._banked += self._now() - self._since
            self._since = None

    def unstored(self) -> float:
        running = self._now() - self._since if self._since is not None else 0.0
        return self._banked + running

    def take(self) -> tuple[str | None, float]:
        """The section and seconds to store now; counting goes on from here."""
        seconds = self.unstored()
        self._banked = 0.0
        if self._since is not None:
            self._since = self._now()
        return self.section, seconds

    def toggle_pause(self) -> bool:
        self.paused = not self.paused
        if self.paused:
            self.stop()
        elif self.section is not None:
            self._since = self._now()
        return self.paused


def hms(seconds: float) -> str:
    total = int(seconds)
    return f"{total // 3600:02d}:{total // 60 % 60:02d}:{total % 60:02d}"


def ms(seconds: float) -> str:
    total = int(seconds)
    return f"{total // 60}:{total % 60:02d}"


class Line(Static):
    """One line of text that is redrawn only when it changes, and laid out again only when its
    width changes (every update of a plain ``Static`` lays out the whole screen again)."""

    _text: str | None = None

    def show(self, text: str) -> None:
        if text == self._text:
            return
        width = self.styles.width
        fixed = width is not None and not width.is_auto
        layout = self._text is None or (not fixed and cell_len(text) != cell_len(self._text))
        self._text = text
        self.update(text, layout=layout)


class SavedLine(Line):
    """Saved, saving or not saved: the header's, and the repeat entry dialog's (which covers
    the header while the consultant types in it)."""

    def show_state(self, pending: int, failed: bool) -> None:
        """ "Saved" only when nothing typed is waiting for the disk; a failure stays on screen
        until the retried writes succeed."""
        texts = {
            "retrying": "✗ " + _("Not saved! Retrying"),
            "failed": "✗ " + _("Not saved!"),
            "saving": "○ " + _("Saving…"),
            "saved": "✓ " + _("Saved"),
        }
        if failed:
            state, cls = ("retrying" if pending else "failed"), "-failed"
        elif pending:
            state, cls = "saving", "-saving"
        else:
            state, cls = "saved", "-ok"
        # "Saving" and "saved" take the same width: a write starting or ending redraws a word
        # and lays nothing out again (a failure, rare, may widen it).
        width = max(cell_len(texts["saving"]), cell_len(texts["saved"]))
        self.show(" " * (width - cell_len(texts[state])) + texts[state])
        if state != "saved" and self.is_attached:
            # Straight to the screen's next frame. A repaint otherwise reaches the screen when
            # the line's own queue next runs, which while keys pour in came a frame or two
            # after the field's: the new text stood beside "Saved" for some 30 ms.
            self.screen.post_message(messages.Update(self))
        for name in ("-failed", "-saving", "-ok"):
            self.set_class(name == cls, name)


class HeaderBar(Horizontal):
    """One line: who, the interview time, the section time against its budget, saved or not."""

    saved: reactive[tuple[int, bool]] = reactive((0, False), init=False)
    """(writes still on their way to the disk, the last one failed)."""

    def watch_saved(self, saved: tuple[int, bool]) -> None:
        self.show_saved(*saved)

    def compose(self) -> ComposeResult:
        yield Line("", id="hb-name", markup=False)
        yield Line("", id="hb-mode", markup=False)
        yield Line("", id="hb-clock", markup=False)
        yield Line("", id="hb-section", markup=False)
        yield SavedLine("", id="hb-saved", markup=False)

    def show(
        self,
        name: str,
        total: float,
        section: float,
        budget_minutes: int,
        paused: bool,
        read_only: bool,
    ) -> None:
        self.query_one("#hb-name", Line).show(name)
        clock = self.query_one("#hb-clock", Line)
        clock.show(("⏸ " if paused else "⏱ ") + hms(total))
        clock.set_class(paused, "-paused")
        mode = self.query_one("#hb-mode", Line)
        if read_only:
            mode.show(_("Read only"))
        elif paused:
            mode.show(_("Paused (F8)"))
        else:
            mode.show("")
        mode.display = read_only or paused
        part = self.query_one("#hb-section", Line)
        if budget_minutes:
            part.show(
                _("Section {time} / {budget} min").format(time=ms(section), budget=budget_minutes)
            )
        else:
            part.show(_("Section {time}").format(time=ms(section)))
        part.set_class(bool(budget_minutes) and section > budget_minutes * 60, "-over")

    def on_mount(self) -> None:
        self.show_saved(*self.saved)

    def show_saved(self, pending: int, failed: bool) -> None:
        self.query_one("#hb-saved", SavedLine).show_state(pending, failed)
