"""The interview body shared by the interview and assessment screens: read off the UI thread,
keys typed while it loads kept in order, the footer left alone when its keys stay the same."""

from __future__ import annotations

import threading
from typing import Any

from textual import events
from ui_kit import CONSENTED, focus, make_app, open_screen, screen_text, stored, until

from screener.store.records import InterviewInfo
from screener.ui.screens.assessment import AssessmentScreen
from screener.ui.screens.interview import InterviewScreen


def _key(key: str) -> events.Key:
    return events.Key(key, key if len(key) == 1 else None)


async def test_keys_typed_while_the_interview_loads_land_in_order(
    tmp_path, repo, questionnaire, iid
) -> None:
    app = make_app(tmp_path, repo, questionnaire)
    release = threading.Event()
    open_session = app.open_session

    def slow_open(interview_id: int) -> Any:
        assert threading.current_thread() is not threading.main_thread()  # never the UI's
        release.wait(10)
        return open_session(interview_id)

    app.open_session = slow_open  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        screen = InterviewScreen(iid)
        await app.push_screen(screen)
        for key in [*"Homs", "enter", *"12"]:
            app.post_message(_key(key))
        await pilot.pause(0.2)
        assert screen.state is None  # still loading: the keys wait
        release.set()
        await until(pilot, lambda: screen.section is not None)
        await pilot.pause(0.3)
        values = stored(app, repo, iid).values()
        assert values["home_town"] == "Homs"
        assert values["school_years"] == 12


async def test_the_assessment_composes_the_body_and_has_its_keys(
    tmp_path, repo, questionnaire, iid
) -> None:
    assert not issubclass(AssessmentScreen, InterviewScreen)
    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_screen(app, pilot, AssessmentScreen(iid))
        await until(pilot, lambda: screen.section is not None)
        assert screen.section is not None and screen.section.name == "assessment"
        await pilot.press("f4")  # flag the typology: a key of the body, not inherited
        assert "typology" in stored(app, repo, iid).flags
        assert "finalize" not in {b.binding.action for b in screen.active_bindings.values()}
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not screen


async def test_the_review_lists_what_was_entered_just_before(
    tmp_path, repo, questionnaire, iid
) -> None:
    """The review reads the interview on a worker, after the writes still on their way."""
    from screener.ui.screens.review import ReviewScreen

    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_screen(app, pilot, InterviewScreen(iid))
        await focus(pilot, screen, "home_town")
        await pilot.press("f4", "ctrl+r")  # flag, and straight to the review
        review = app.screen
        assert isinstance(review, ReviewScreen)
        await until(pilot, lambda: review.interview is not None)
        assert ("basics", "home_town") in review.targets.values()


async def test_escape_while_the_assessment_loads_leaves_once_it_is_there(
    tmp_path, repo, questionnaire, iid
) -> None:
    app = make_app(tmp_path, repo, questionnaire)
    release = threading.Event()
    release.set()
    open_session = app.open_session

    def slow_open(interview_id: int) -> Any:
        release.wait(10)
        return open_session(interview_id)

    app.open_session = slow_open  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30)) as pilot:
        interview = await open_screen(app, pilot, InterviewScreen(iid))
        await until(pilot, lambda: interview.section is not None)
        release.clear()
        assessment = AssessmentScreen(iid)
        await app.push_screen(assessment)
        await pilot.press("escape")  # kept while the assessment loads...
        assert app.screen is assessment
        release.set()
        await until(pilot, lambda: app.screen is interview)  # ...and done once it is there
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert app.screen is not interview  # the interview below works as before


async def test_each_section_scrolls_on_its_own_and_page_keys_scroll_it(tmp_path, repo) -> None:
    """The form keeps its size whatever the section (a switch is laid out once); pagedown
    and pageup scroll the section shown, also in a finalized interview."""
    from screener.questionnaire.loader import load_default
    from screener.settings import Settings
    from screener.ui.widgets.form import SectionPage

    real = load_default(Settings(db_path=tmp_path / "x").questionnaire_dir)
    iid = repo.create_interview(InterviewInfo("Amina Testperson"), real, consent=CONSENTED)
    repo.finalize(iid)
    app = make_app(tmp_path, repo, real)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, InterviewScreen(iid))
        size = screen.form.size
        page = screen.form.page
        for _ in real.sections:  # to the first section taller than the screen
            page = screen.form.page
            assert isinstance(page, SectionPage)
            if page.max_scroll_y > 3:
                break
            await pilot.press("ctrl+pagedown")
            await pilot.pause()
        assert page is not None and page.max_scroll_y > 3
        assert screen.form.size == size
        await pilot.press("pagedown")
        await pilot.pause()
        assert page.scroll_y > 0
        await pilot.press("pageup")
        await pilot.pause()
        assert page.scroll_y == 0
        await pilot.press("down")  # read-only: the arrows scroll
        await pilot.pause()
        assert page.scroll_y == 3


async def test_each_control_starts_below_its_label_at_every_width(tmp_path, repo) -> None:
    """A question draws its own label: its first child starts as many lines down as the label
    takes, on the first page and after the terminal narrows and a language switch."""
    from screener.questionnaire.loader import load_default
    from screener.settings import Settings
    from screener.ui.widgets.questions import QuestionWidget

    real = load_default(Settings(db_path=tmp_path / "x").questionnaire_dir)
    iid = repo.create_interview(InterviewInfo("Amina Testperson"), real, consent=CONSENTED)
    app = make_app(tmp_path, repo, real)

    def check(screen: InterviewScreen) -> int:
        wrapped = 0
        for question in screen.form.page.query_children(QuestionWidget):
            if not question.display or not question.children:
                continue
            label_rows = question.render().get_height(question.styles, question.content_size.width)
            first = question.children[0]
            assert first.region.y - question.content_region.y == label_rows, question.item.name
            words = question.label.split()
            assert words[0] in screen_text(app) or question.region.y >= app.size.height
            wrapped += label_rows > 1
        return wrapped

    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_screen(app, pilot, InterviewScreen(iid))
        await pilot.press("ctrl+pagedown", "ctrl+pagedown")  # a section with long questions
        await pilot.pause()
        wide = check(screen)
        await pilot.resize_terminal(70, 40)
        await pilot.pause(0.3)
        narrow = check(screen)
        assert narrow > wide
        await pilot.press("f2")
        await pilot.pause(0.3)
        check(screen)


async def test_the_entry_forms_guidance_fits_each_hint(tmp_path, repo) -> None:
    """The interview's guidance panel has a fixed height; the one in a repeat entry's form
    fits its text, so a longer hint is laid out again instead of being cut off."""
    from screener.questionnaire.loader import load_default
    from screener.settings import Settings
    from screener.ui.widgets.guide import GuidancePanel
    from screener.ui.widgets.repeat import EntryDialog

    real = load_default(Settings(db_path=tmp_path / "x").questionnaire_dir)
    iid = repo.create_interview(InterviewInfo("Amina Testperson"), real, consent=CONSENTED)
    app = make_app(tmp_path, repo, real)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_screen(app, pilot, InterviewScreen(iid, "second_hand"))
        await focus(pilot, screen, "second_hand_info")
        await pilot.press("ctrl+n")
        await until(pilot, lambda: isinstance(app.screen, EntryDialog))
        panel = app.screen.query_one(GuidancePanel)
        heights = set()
        for _ in range(6):  # through the entry's fields, hints of different lengths
            await pilot.pause(0.1)
            lines = panel.get_content_height(panel.size, app.size, panel.content_region.width)
            assert panel.content_region.height == min(lines, 3)  # max-height 4 less the rule
            heights.add(lines)
            await pilot.press("tab")
        assert len(heights) > 1
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen


async def test_the_palette_on_the_assessment_finds_its_questions(
    tmp_path, repo, questionnaire, iid
) -> None:
    """ctrl+p on the assessment lists the assessment's questions (it found nothing but
    commands) and not the interview's other sections; choosing one moves the focus there."""
    from screener.ui.widgets.palette import QuestionJumps

    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_screen(app, pilot, AssessmentScreen(iid))
        hits = [hit async for hit in QuestionJumps(screen).search("efforts")]
        assert [hit.text for hit in hits] == ["Efforts"]
        assert not [hit async for hit in QuestionJumps(screen).search("home town")]
        assert hits[0].command is not None
        hits[0].command()

        def focused_on() -> str | None:
            question = screen.form.question_of(app.focused)
            return question.item.name if question is not None else None

        await until(pilot, lambda: focused_on() == "efforts")


async def test_a_date_field_shows_its_format_in_the_language_shown(
    tmp_path, repo, questionnaire, iid
) -> None:
    from textual.widgets import Input

    from screener import i18n

    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_screen(app, pilot, InterviewScreen(iid))
        field = screen.query_one("#q-arrival Input", Input)
        assert field.placeholder == "DD-MM-YYYY"
        await pilot.press("f2")  # to Danish
        await until(pilot, lambda: i18n.current_language() == "da")
        await until(pilot, lambda: field.placeholder == "DD-MM-ÅÅÅÅ")


def test_the_interpreter_line_reads_as_a_name_and_a_language() -> None:
    from screener.ui.screens.consent import interpreter_line

    assert interpreter_line("Selam Tolkesen", "tigrinya") == "Selam Tolkesen (tigrinya)"
    assert interpreter_line("", "tigrinya") == "tigrinya"
    assert interpreter_line("Selam Tolkesen", "") == "Selam Tolkesen"


async def test_an_entry_typed_with_brackets_is_shown_as_typed_in_the_table(
    tmp_path, repo, questionnaire, iid
) -> None:
    """Textual's table reads a string cell as markup: "[b]Welder[/]" lost its brackets and
    "a[/]b" stopped the app. Entries are plain text, in the table as in the report."""
    from screener.ui.widgets.repeat import EntryDialog, EntryTable

    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_screen(app, pilot, InterviewScreen(iid, "work"))
        for title in ("[b]Welder[/]", "a[/]b"):
            await focus(pilot, screen, "jobs")
            await pilot.press("ctrl+n")
            await until(pilot, lambda: isinstance(app.screen, EntryDialog))
            await pilot.press(*title, "escape")
            await until(pilot, lambda: app.screen is screen)
        await pilot.pause()
        table = screen.form.question("jobs").query_one(EntryTable)  # type: ignore[union-attr]
        assert [str(table.get_row_at(row)[1]) for row in range(2)] == ["[b]Welder[/]", "a[/]b"]
        assert "[b]Welder[/]" in screen_text(app) and "a[/]b" in screen_text(app)
