"""The hub screen, driven headless: candidates listed and searched, detail, figures, PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support.hub import variant


async def test_hub_screen_lists_searches_and_counts(
    hub_url: str, demo_export: dict[str, Any], tmp_path: Path
) -> None:
    from textual.widgets import DataTable, Input, Static

    from screener.hub import followup
    from screener.hub.db import open_hub
    from screener.hub.importer import import_dicts
    from screener.settings import Settings
    from screener.ui.hub.app import build_hub_app

    engine = open_hub(hub_url)
    import_dicts(
        engine,
        [
            ("a", variant(demo_export, 1, name="Amina [b]Yusuf[/b]", municipality="Vejle")),
            (
                "b",
                variant(demo_export, 2, name="Dawit Haile", created_at="2026-01-01T10:00:00+00:00"),
            ),
        ],
    )
    followup.record(engine, 1, followup.FollowUp(active_effort=True, outcomes={3: "igu"}))
    engine.dispose()
    settings = Settings(db_path=tmp_path / "unused.sqlite3", language="en", export_dir=tmp_path)
    app = build_hub_app(hub_url, settings)
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            table = app.screen.query_one("#hub-candidates", DataTable)
            assert table.row_count == 2
            assert table.get_row_at(0)[1] == "Amina [b]Yusuf[/b]"  # newest first, as typed
            await app.workers.wait_for_complete()
            await pilot.pause()
            detail = str(app.screen.query_one("#hub-detail", Static).render())
            assert "Amina" in detail and "IGU" in detail
            app.screen.query_one("#hub-search", Input).value = "dawit"
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert table.row_count == 1 and table.get_row_at(0)[1] == "Dawit Haile"
            await pilot.press("f2")
            figures = app.screen.query_one("#hub-figures", DataTable)
            assert figures.display and figures.get_row_at(0)[:6] == ["All", "2", "0", "1", "1", "1"]
            await pilot.press("f5")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert (tmp_path / "hub-2-en.pdf").read_bytes().startswith(b"%PDF")
    finally:
        app.engine.dispose()
