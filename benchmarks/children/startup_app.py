"""Screener, headless, until the home screen's table shows the interviews of the database.

Usage: ``python -m benchmarks.children.startup_app DB``. Prints READY when the table has rows
(or, for an empty database, when the first load has finished and the empty state is shown).
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path


async def main(db_path: Path) -> None:
    from screener.settings import Settings
    from screener.ui.app import build_app

    app = build_app(Settings(db_path=db_path, language="da", cursor_blink=False))
    async with app.run_test() as pilot:
        while not home_ready(app):
            await pilot.pause()
        print("READY", flush=True)
    app.repo.close()


def home_ready(app: object) -> bool:
    """True once the home screen has finished its first load."""
    from textual.widgets import DataTable

    from screener.ui.screens.home import HomeScreen

    screen = app.screen  # type: ignore[attr-defined]
    if not isinstance(screen, HomeScreen) or not screen.is_mounted:
        return False
    if screen.query_one(DataTable).row_count > 0:
        return True
    workers = [w for w in app.workers if w.group == "home-load"]  # type: ignore[attr-defined]
    return bool(workers) and all(w.is_finished for w in workers) and screen.total == 0


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1])))
