"""What the screen draws when the focus moves: the bar beside the focused question (and only
there), red on an invalid answer, and the highlight in the section list. Read from the lines the
widgets would send to the terminal now, cached lines included: a row or bar not drawn again
after a move shows here as it shows on the screen."""

from __future__ import annotations

from typing import Any

from rich.style import Style
from textual.geometry import Region
from textual.widget import Widget
from ui_kit import focus, make_app, open_screen, question

from screener.ui.screens.interview import InterviewScreen
from screener.ui.widgets.sidebar import SectionSidebar


def _style_at(widget: Widget, x: int, y: int) -> Style:
    strip = widget.render_lines(Region(0, y, widget.size.width, 1))[0]
    column = 0
    for segment in strip:
        if column + len(segment.text) > x:
            return segment.style or Style()
        column += len(segment.text)
    raise AssertionError("no cell there")


def _bar(screen: InterviewScreen, name: str) -> Any:
    """The colour of the left edge of a question's first line."""
    return _style_at(question(screen, name), 0, 0).color


def _focus_colour(screen: InterviewScreen, name: str, invalid: bool = False) -> Any:
    look = "question--focus-invalid" if invalid else "question--focus"
    return question(screen, name).get_component_styles(look).color.rich_color


async def test_the_bar_follows_the_focus_and_turns_red_on_an_error(
    tmp_path, repo, questionnaire, iid
) -> None:
    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_screen(app, pilot, InterviewScreen(iid))
        await focus(pilot, screen, "home_town")
        accent = _focus_colour(screen, "home_town")
        assert _bar(screen, "home_town") == accent
        await pilot.press("tab")  # to the school years
        await pilot.pause()
        assert _bar(screen, "school_years") == accent
        assert _bar(screen, "home_town") != accent  # the question left has no bar
        await pilot.press(*"tolv", "tab")  # not a number: an error once the field is left
        await pilot.pause()
        await focus(pilot, screen, "school_years")
        assert question(screen, "school_years").has_class("-invalid")
        assert _bar(screen, "school_years") == _focus_colour(screen, "school_years", True)
        await pilot.press(*["backspace"] * 4, "1", "2")  # mended while the focus stays
        await pilot.pause()
        assert not question(screen, "school_years").has_class("-invalid")
        assert _bar(screen, "school_years") == accent
        # A section switch moves the bar in the same frame as the page.
        await pilot.press("ctrl+pagedown")
        await pilot.pause()
        focused = screen.form.question_of(app.focused)
        assert focused is not None and focused.item.name != "school_years"
        assert _bar(screen, focused.item.name) == accent
        await pilot.press("ctrl+pageup")
        await pilot.pause()
        assert _bar(screen, "school_years") != accent


async def test_the_section_list_highlights_the_section_shown(
    tmp_path, repo, questionnaire, iid
) -> None:
    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_screen(app, pilot, InterviewScreen(iid))
        sidebar = screen.query_one(SectionSidebar)
        rows = len(questionnaire.sections)

        def highlighted_rows() -> list[int]:
            backgrounds = [_style_at(sidebar, 3, y).bgcolor for y in range(rows)]
            plain = max(set(backgrounds), key=backgrounds.count)
            return [y for y, colour in enumerate(backgrounds) if colour != plain]

        assert highlighted_rows() == [0]
        for expected in (1, 2, 1, 0):
            key = "ctrl+pagedown" if expected > highlighted_rows()[0] else "ctrl+pageup"
            await pilot.press(key)
            await pilot.pause()
            assert highlighted_rows() == [expected]


def _row_text(widget: Widget) -> str:
    return "".join(segment.text for segment in widget.render_lines(Region(0, 0, 60, 1))[0])


async def test_a_pick_on_a_one_line_list_shows_without_colour(
    tmp_path, repo, questionnaire, iid
) -> None:
    """Yes/no and scales show the pick with a tick too, not only in reverse video (a pale
    projector, a monochrome screen)."""
    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_screen(app, pilot, InterviewScreen(iid))
        await focus(pilot, screen, "has_children")
        picker = question(screen, "has_children").control
        assert "✓" not in _row_text(picker)
        await pilot.press("y")
        await pilot.pause()
        assert "✓Yes" in _row_text(picker) and " No" in _row_text(picker)
        await pilot.press("n")
        await pilot.pause()
        assert "✓No" in _row_text(picker) and " Yes" in _row_text(picker)
