"""Reading an interview for a screen that lists it (review, finalize): on a worker thread, and
only after every write typed before it is on disk, so the list is what the consultant entered."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from screener.store.records import Interview
    from screener.ui.app import ScreenerApp


async def read_interview(app: ScreenerApp, interview_id: int) -> Interview:
    def read() -> Interview:
        app.open_session(interview_id).flush()
        return app.repo.get(interview_id)

    return await asyncio.to_thread(read)
