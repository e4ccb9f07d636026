"""Peak resident memory of Screener with the demo interview open on the interview screen.

Usage: ``python -m benchmarks.children.interview_rss DB INTERVIEW_ID``; prints one JSON object
``{"rss_mb": ...}``: ``ru_maxrss`` of this process after the screen is up and every section has
been shown once (Linux reports KiB).
"""

from __future__ import annotations

import asyncio
import json
import resource
import sys
from pathlib import Path
from typing import Any

from benchmarks.children.startup_app import home_ready
from screener.settings import Settings
from screener.ui.app import build_app


async def main(db_path: Path, interview_id: int) -> float:
    from screener.ui.screens.interview import InterviewScreen

    app: Any = build_app(Settings(db_path=db_path, language="da", cursor_blink=False))
    async with app.run_test(size=(120, 40)) as pilot:
        while not home_ready(app):
            await pilot.pause()
        screen = InterviewScreen(interview_id)
        await app.push_screen(screen)
        await pilot.pause()
        for _section in app.questionnaire.sections:
            await pilot.press("ctrl+pagedown")
            await pilot.pause()
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    app.repo.close()
    return peak


if __name__ == "__main__":
    rss = asyncio.run(main(Path(sys.argv[1]), int(sys.argv[2])))
    print(json.dumps({"rss_mb": rss}))
