"""Section switches in the demo interview against key presses in a bare Textual app, timed the
same way in one process.

Usage: ``python -m benchmarks.children.section_switch DB INTERVIEW_ID ROUNDS``; prints one JSON
object ``{"switch_ms": [...], "bare_ms": [...]}`` as its last line.

Both sides are timed with Textual's own ``Pilot.press``: the key goes in as the terminal driver
sends it, and the time runs until the app has handled it, repainted, and gone idle (Textual's
idle check sleeps in 20 ms steps, so even the bare key press costs a few tens of milliseconds;
work a key leaves behind, such as a page still being built, counts too). The bare app is a
Header, an Input and a Footer with a letter typed into the Input. A round walks the interview
from its first section to its last with ctrl+pagedown and back with ctrl+pageup; the first
round builds each section page for the first time. Bare presses are timed before and after the
switches, so a busy moment on the machine falls on both sides.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Any

from textual.widgets import Input

from benchmarks.children.startup_app import home_ready
from benchmarks.children.startup_bare import BareApp


async def bare_presses(count: int) -> list[float]:
    app = BareApp()
    times: list[float] = []
    async with app.run_test(size=(100, 30)) as pilot:
        while not app.query(Input):
            await pilot.pause()
        app.query_one(Input).focus()
        await pilot.pause()
        for _ in range(count):
            start = time.perf_counter()
            await pilot.press("x")
            times.append((time.perf_counter() - start) * 1000)
    return times


def interview_ready(screen: Any) -> bool:
    """The interview screen shows a section and has moved focus into it."""
    return bool(screen.is_mounted and screen.section is not None and screen.focused is not None)


async def section_switches(db_path: Path, interview_id: int, rounds: int) -> list[float]:
    from screener.settings import Settings
    from screener.ui.app import build_app
    from screener.ui.screens.interview import InterviewScreen

    app: Any = build_app(Settings(db_path=db_path, language="da", cursor_blink=False))
    times: list[float] = []
    async with app.run_test(size=(100, 30)) as pilot:
        while not home_ready(app):
            await pilot.pause()
        first = app.repo.get(interview_id).questionnaire.sections
        screen = InterviewScreen(interview_id, first[0].name)
        await app.push_screen(screen)
        while not interview_ready(screen):
            await pilot.pause()
        await pilot.pause()
        names = [section.name for section in first]
        for _round in range(rounds):
            for key, order in (("ctrl+pagedown", names[1:]), ("ctrl+pageup", names[-2::-1])):
                for name in order:
                    start = time.perf_counter()
                    await pilot.press(key)
                    times.append((time.perf_counter() - start) * 1000)
                    assert screen.section.name == name, (screen.section.name, name)
    app.repo.close()
    return times


async def main(db_path: Path, interview_id: int, rounds: int) -> dict[str, list[float]]:
    presses = rounds * 16
    bare = await bare_presses(presses)
    switches = await section_switches(db_path, interview_id, rounds)
    bare += await bare_presses(presses)
    return {"switch_ms": switches, "bare_ms": bare}


if __name__ == "__main__":
    figures = asyncio.run(main(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])))
    print(json.dumps(figures))
