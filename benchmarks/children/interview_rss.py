"""Peak resident memory of Screener with the demo interview open on the interview screen.

Usage: ``python -m benchmarks.children.interview_rss DB INTERVIEW_ID``; prints one JSON object
``{"rss_mb": ...}``: the peak resident memory of this process after the screen is up and every
section has been shown once. On Linux that is ``VmHWM`` of ``/proc/self/status``: ``ru_maxrss``
survives ``exec``, so it would report the benchmark parent's peak whenever that is higher.
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


def peak_mb() -> float:
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:  # not Linux: ru_maxrss (KiB on Linux, bytes on macOS)
        scale = 1024 * 1024 if sys.platform == "darwin" else 1024
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale
    line = next(line for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024  # kB


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
        peak = peak_mb()
    app.repo.close()
    return peak


if __name__ == "__main__":
    rss = asyncio.run(main(Path(sys.argv[1]), int(sys.argv[2])))
    print(json.dumps({"rss_mb": rss}))
