"""Screener's unlock screen, headless: READY once the passphrase field is shown.

Usage: ``python -m benchmarks.children.startup_unlock DB`` (DB has a key file beside it).
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path


async def main(db_path: Path) -> None:
    from screener.settings import Settings
    from screener.ui.screens.unlock import UnlockApp, UnlockScreen

    app = UnlockApp(Settings(db_path=db_path, language="da", cursor_blink=False))
    async with app.run_test() as pilot:
        while not (isinstance(app.screen, UnlockScreen) and app.screen.is_mounted):
            await pilot.pause()
        print("READY", flush=True)


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1])))
