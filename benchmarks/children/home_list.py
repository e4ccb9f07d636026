"""The home screen on a big database: time to first rows, and time for one search keystroke.

Usage: ``python -m benchmarks.children.home_list DB RUNS``; prints one JSON object
``{"list_ms": [...], "search_ms": [...]}`` as its last line.

list: from pushing a new HomeScreen to its DataTable holding the first page of rows.
search: from pressing one letter in the (focused, empty) search box to the table holding exactly
the rows the repository returns for that letter (computed beforehand, outside the timing).
``first_key_ms``: the same, but the letter is typed on the table (type-to-search), which first
moves the focus to the search box.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path
from typing import Any

from textual import events
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from benchmarks.children.startup_app import home_ready
from screener.settings import Settings
from screener.ui.app import build_app
from screener.ui.screens.home import PAGE_SIZE, HomeScreen

# Not n/e/d/q: those are keys of the home screen. Not m: every generated case id is "BM-...",
# so "m" matches all interviews, the table already shows the expected rows and the sample
# would time nothing.
LETTERS = "zkywhfbsl"


def table_keys(screen: Any) -> list[str]:
    table = screen.query_one(DataTable)
    return [str(key.value) for key in table.rows]


async def wait_for_rows(pilot: Pilot[Any], screen: Any, expected: list[str]) -> None:
    """Poll every millisecond until the table holds ``expected``, then let it paint once."""
    while table_keys(screen) != expected:
        await asyncio.sleep(0.001)
    await pilot.pause(0)  # processes pending messages, then refreshes the screen


async def time_list(pilot: Pilot[Any], expected: list[str]) -> float:
    start = time.perf_counter()
    screen = HomeScreen()
    await pilot.app.push_screen(screen)
    await wait_for_rows(pilot, screen, expected)
    took = time.perf_counter() - start
    await pilot.app.pop_screen()
    await pilot.pause()
    return took * 1000


async def time_search(
    pilot: Pilot[Any], letter: str, everything: list[str], on_table: bool = False
) -> float:
    app: Any = pilot.app
    screen = app.screen
    expected = [str(s.id) for s in app.repo.list_interviews(search=letter, limit=PAGE_SIZE)]
    screen.query_one(DataTable if on_table else "#search").focus()
    await pilot.pause()
    start = time.perf_counter()
    # The key goes in as the terminal driver would send it; ``pilot.press`` would add its own
    # waits for CPU idle (about 100 ms here) to the figure.
    app.post_message(events.Key(letter, letter))
    await wait_for_rows(pilot, screen, expected)
    took = time.perf_counter() - start
    screen.query_one("#search", Input).value = ""
    await wait_for_rows(pilot, screen, everything)
    return took * 1000


async def main(db_path: Path, runs: int) -> dict[str, list[float]]:
    app: Any = build_app(Settings(db_path=db_path, language="da", cursor_blink=False))
    result: dict[str, list[float]] = {"list_ms": [], "search_ms": [], "first_key_ms": []}
    async with app.run_test(size=(120, 40)) as pilot:
        while not home_ready(app):
            await pilot.pause()
        everything = [str(s.id) for s in app.repo.list_interviews(limit=PAGE_SIZE)]
        for n in range(runs):
            result["list_ms"].append(await time_list(pilot, everything))
            letter = LETTERS[n % len(LETTERS)]
            result["search_ms"].append(await time_search(pilot, letter, everything))
            result["first_key_ms"].append(await time_search(pilot, letter, everything, True))
    app.repo.close()
    return result


if __name__ == "__main__":
    figures = asyncio.run(main(Path(sys.argv[1]), int(sys.argv[2])))
    print(json.dumps(figures))
