"""The header never says "Saved" beside an edit the session does not have (issue: trust).

The SIGKILL test in a real terminal (``tests/test_tmux.py``), run on an overloaded machine,
killed the app the moment the screen showed the new text and "✓ Saved": the text was gone
after the restart. The key had changed the field, but the edit reached the
session only a few queued messages later, and a frame was drawn in between. Now an edit is
handed over in the same step as the key: here each edit is made without letting the app run
at all (no frame can be drawn), and the session must have it at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import events
from ui_kit import focus, make_app, open_screen, question, until

from screener.ui.screens.interview import InterviewScreen
from screener.ui.widgets.clock import Line


def _edits() -> list[tuple[str, Callable[[Any], None], Any]]:
    return [
        ("home_town", lambda field: field.insert_text_at_cursor("Homs"), "Homs"),
        ("story", lambda area: area.insert("Came in 2024"), "Came in 2024"),
        ("has_children", lambda picker: picker.on_key(events.Key("y", "y")), "yes"),
        ("langs", lambda picker: picker.on_key(events.Key("1", "1")), ["ar"]),
    ]


async def test_an_edit_reaches_the_session_before_anything_is_drawn(
    tmp_path, repo, questionnaire, iid
) -> None:
    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_screen(app, pilot, InterviewScreen(iid))
        saved = screen.query_one("#hb-saved", Line)
        for name, edit, expected in _edits():
            await focus(pilot, screen, name)
            await until(pilot, lambda: screen.st.pending_count == 0)
            assert "Saved" in str(saved.content)
            edit(question(screen, name).control)
            # Nothing has run since the edit: the session has it, and the header says
            # "Saved" only if it is on disk already.
            assert screen.st.value(name) == expected, name
            if "Saved" in str(saved.content):
                assert repo.get(iid).values().get(name) == expected, name
            else:
                assert "Saving" in str(saved.content), name
            await until(pilot, lambda: "Saved" in str(saved.content))
            assert repo.get(iid).values().get(name) == expected, name


async def test_the_entry_dialog_has_its_own_saved_line_and_it_tells_the_truth(
    tmp_path, repo, questionnaire, iid
) -> None:
    """The repeat entry dialog covers the header: its own line says "Saving…" in the same step
    as an edit, and "Saved" once the entry is on disk."""
    from screener.ui.widgets.clock import SavedLine
    from screener.ui.widgets.repeat import EntryDialog

    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_screen(app, pilot, InterviewScreen(iid, "work"))
        await focus(pilot, screen, "jobs")
        await pilot.press("ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, EntryDialog))
        dialog = app.screen
        saved = dialog.query_one(SavedLine)
        await until(pilot, lambda: "Saved" in str(saved.content))
        field = dialog.query(".question").first().control
        field.insert_text_at_cursor("Welder")
        # Nothing has run since the edit: the line says "Saved" only if it is on disk already.
        if "Saved" in str(saved.content):
            assert repo.get(iid).values().get("jobs")
        else:
            assert "Saving" in str(saved.content)
        await until(pilot, lambda: "Saved" in str(saved.content))
        assert "Welder" in str(repo.get(iid).values().get("jobs"))
