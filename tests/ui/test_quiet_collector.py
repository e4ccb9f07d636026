"""In the app, the cycle collector runs in the consultant's pauses: off while keys come, run
once they stop, and back to Python's own when the app ends."""

from __future__ import annotations

import gc

from ui_kit import focus, make_app, open_screen, until

from screener.quiet_gc import young
from screener.ui.screens.interview import InterviewScreen


async def test_the_collector_waits_for_a_pause_and_is_restored_at_the_end(
    tmp_path, repo, questionnaire, iid
) -> None:
    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_screen(app, pilot, InterviewScreen(iid, None))
        assert not gc.isenabled()
        await focus(pilot, screen, "home_town")
        app.collector.quiet = 60.0  # however slow the machine, these keys come without a pause
        kept = [[n] for n in range(20_000)]  # young objects, as a burst of keys leaves them
        await pilot.press(*"Amina")
        assert young() >= 20_000  # keys came: nothing collected in the middle of them
        app.collector.quiet = 0.3
        await until(pilot, lambda: young() < 20_000)  # a pause: collected
        del kept
    assert gc.isenabled()
