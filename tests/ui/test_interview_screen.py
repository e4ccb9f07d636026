"""Pilot tests of the interview and assessment screens on a small invented questionnaire."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, TextArea
from ui_kit import CONSENTED, focus, make_app, open_screen, question, stored

from screener.settings import Settings
from screener.store.records import AnswerState, InterviewInfo
from screener.ui.screens.assessment import AssessmentScreen
from screener.ui.screens.interview import InterviewScreen
from screener.ui.widgets.choices import ChoicePicker
from screener.ui.widgets.clock import Clock


async def test_answers_one_question_of_each_kind(tmp_path, repo, questionnaire, iid) -> None:
    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_screen(app, pilot, InterviewScreen(iid))
        assert screen.focused is question(screen, "home_town").control
        await pilot.press(*"Aleppo", "enter")  # enter moves on
        assert screen.focused is question(screen, "school_years").control
        await pilot.press("1", "2", "enter", *"1,75", "enter", *"17-05-1990", "enter")
        await pilot.press(*"Long story", "tab")
        await pilot.press("2", "enter")  # select_one: number key, enter to the next question
        await pilot.press("1", "3", "enter")  # select_multiple: 1 and 3
        await pilot.press("4", "enter")  # scale
        await pilot.press("y")
        await pilot.pause(0.5)
        interview = stored(app, repo, iid)
    values = interview.values()
    assert values["home_town"] == "Aleppo"
    assert values["school_years"] == 12
    assert values["height"] == 1.75
    assert values["arrival"] == "1990-05-17"
    assert values["story"] == "Long story"
    assert values["status"] == "placed"
    assert values["langs"] == ["ar", "fa"]
    assert values["motivation"] == 4
    assert values["has_children"] == "yes"


async def test_invalid_value_is_kept_on_screen_but_not_saved(
    tmp_path, repo, questionnaire, iid
) -> None:
    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_screen(app, pilot, InterviewScreen(iid))
        await focus(pilot, screen, "school_years")
        await pilot.press(*"99", "tab")
        widget = question(screen, "school_years")
        assert widget.has_class("-invalid")
        assert "Between 0 and 30" in str(widget.query_one(".q-error").render())
        assert isinstance(widget.control, Input) and widget.control.value == "99"
        assert "school_years" not in stored(app, repo, iid).answers
        await focus(pilot, screen, "school_years")
        await pilot.press("backspace", "tab")
        assert stored(app, repo, iid).values()["school_years"] == 9
        await focus(pilot, screen, "school_years")
        await pilot.press("backspace", "tab")  # clearing the field clears the answer
        assert "school_years" not in stored(app, repo, iid).answers
        await pilot.press("shift+tab", "shift+tab")  # moving back is never blocked


async def test_skip_logic_shows_and_hides_live(tmp_path, repo, questionnaire, iid) -> None:
    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_screen(app, pilot, InterviewScreen(iid))
        assert not question(screen, "children").display
        await focus(pilot, screen, "has_children")
        await pilot.press("y")
        assert question(screen, "children").display
        await focus(pilot, screen, "children_note")
        await pilot.press(*"twins")
        await focus(pilot, screen, "has_children")
        await pilot.press("n")
        assert not question(screen, "children").display
        await pilot.press("y")
        note = question(screen, "children_note").control
        assert isinstance(note, Input) and note.value == "twins"  # typed text survived


async def test_repeat_with_two_entries(tmp_path, repo, questionnaire, iid) -> None:
    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_screen(app, pilot, InterviewScreen(iid, "work", "jobs"))
        assert isinstance(screen.focused, DataTable)
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"Baker", "enter", "3", "escape")
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"Driver", "escape")
        await pilot.pause()
        jobs = stored(app, repo, iid).values()["jobs"]
        assert jobs == [{"job_title": "Baker", "job_years": 3}, {"job_title": "Driver"}]
        await pilot.press("ctrl+up")  # the cursor is on Driver: move it first
        await pilot.pause()
        assert [j["job_title"] for j in stored(app, repo, iid).values()["jobs"]] == [
            "Driver",
            "Baker",
        ]
        await pilot.press("enter")  # edit the first entry
        await pilot.pause()
        await pilot.press("end", *" Bus", "escape")
        await pilot.pause()
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")  # confirm removing
        await pilot.pause()
        jobs = stored(app, repo, iid).values()["jobs"]
    assert jobs == [{"job_title": "Baker", "job_years": 3}]


async def test_note_flag_and_non_response(tmp_path, repo, questionnaire, iid) -> None:
    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_screen(app, pilot, InterviewScreen(iid))
        await focus(pilot, screen, "home_town")
        await pilot.press(*"Hom")
        await pilot.press("f5")  # don't know replaces what was typed
        control = question(screen, "home_town").control
        assert isinstance(control, Input) and control.value == ""
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.focused, TextArea)
        await pilot.press(*"Ask again later", "escape")
        await pilot.pause()
        await pilot.press("f4")
        interview = stored(app, repo, iid)
        assert interview.answers["home_town"].state is AnswerState.DONT_KNOW
        assert interview.notes["home_town"] == "Ask again later"
        assert "home_town" in interview.flags
        await pilot.press("f5")  # the same key again: back to not asked
        await pilot.press("f4")
        interview = stored(app, repo, iid)
        assert "home_town" not in interview.answers
        assert "home_town" not in interview.flags
        await focus(pilot, screen, "story")
        await pilot.press("f6")  # F6 is TextArea's own key: ours wins
        assert stored(app, repo, iid).answers["story"].state is AnswerState.DECLINED


async def test_jump_to_and_palette(tmp_path, repo, questionnaire, iid) -> None:
    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_screen(app, pilot, InterviewScreen(iid))
        screen.jump_to("work", "dream_job")
        await pilot.pause()
        assert screen.section is not None and screen.section.name == "work"
        assert screen.focused is question(screen, "dream_job").control
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Years in sch")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert screen.section.name == "basics"
        assert screen.focused is question(screen, "school_years").control


async def test_resume_at_position_with_clock(tmp_path, repo, questionnaire, iid) -> None:
    app = make_app(tmp_path, repo, questionnaire)
    now = [1000.0]
    async with app.run_test(size=(100, 30)) as pilot:
        screen = InterviewScreen(iid)
        screen.clock = Clock(now=lambda: now[0])
        await open_screen(app, pilot, screen)
        await pilot.press("ctrl+pagedown")
        await pilot.pause()
        await focus(pilot, screen, "dream_job")
        await pilot.press(*"Nurse")
        now[0] += 75
        await pilot.press("f8")  # pause: the time so far is stored
        now[0] += 500  # paused time does not count
        await pilot.press("f8")
        now[0] += 20
        await pilot.press("ctrl+q")  # quitting stores the last seconds too
    interview = repo.get(iid)
    assert interview.position == ("work", "dream_job")
    assert interview.values()["dream_job"] == "Nurse"
    assert interview.section_seconds.get("work") == pytest.approx(95)
    app2 = make_app(tmp_path, repo, questionnaire)
    async with app2.run_test(size=(100, 30)) as pilot:
        screen = await open_screen(app2, pilot, InterviewScreen(iid))
        assert screen.section is not None and screen.section.name == "work"
        assert screen.focused is question(screen, "dream_job").control


async def test_language_switch_keeps_typed_text_and_focus(
    tmp_path, repo, questionnaire, iid
) -> None:
    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_screen(app, pilot, InterviewScreen(iid))
        await focus(pilot, screen, "home_town")
        await pilot.press(*"Hom")  # still inside the debounce
        await pilot.press("f2")
        await pilot.pause()
        widget = question(screen, "home_town")
        assert "Home town (da)" in str(widget.render())
        assert screen.focused is widget.control
        assert isinstance(widget.control, Input) and widget.control.value == "Hom"
        await pilot.press("s")
        assert stored(app, repo, iid).values()["home_town"] == "Homs"


async def test_assessment_typology_merges_suggestions(tmp_path, repo, questionnaire, iid) -> None:
    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = await open_screen(app, pilot, AssessmentScreen(iid))
        typology = question(screen, "typology")
        assert screen.focused is typology.control
        picker = typology.query_one(ChoicePicker)
        assert [o.description for o in picker.options] == ["Practical people", "Educated people"]
        await focus(pilot, screen, "efforts")
        await pilot.press("4")  # the consultant's own pick: Danish lessons
        await focus(pilot, screen, "typology")
        await pilot.press("1")
        efforts = stored(app, repo, iid).values()["efforts"]
        assert efforts == ["cv", "visit", "danish"]
        await pilot.press("2")  # another typology adds its own, removes nothing
        efforts = stored(app, repo, iid).values()["efforts"]
        assert efforts == ["cv", "visit", "mentor", "danish"]
        assert app._notifications  # the consultant is told what was added


async def test_finalized_interview_is_read_only(tmp_path, repo, questionnaire, iid) -> None:
    repo.set_answer(iid, "home_town", "Aleppo")
    repo.finalize(iid)
    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_screen(app, pilot, InterviewScreen(iid))
        control = question(screen, "home_town").control
        assert control is not None and control.disabled
        await pilot.press("f5", "f4")
        interview = stored(app, repo, iid)
        assert interview.answers["home_town"].state is AnswerState.ANSWERED
        assert not interview.flags
        assert screen.check_action("reopen", ()) is True
        assert screen.body.check_action("note", ()) is False  # the question keys are the body's


async def test_reopen_makes_the_interview_editable(tmp_path, repo, questionnaire, iid) -> None:
    repo.finalize(iid)
    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_screen(app, pilot, InterviewScreen(iid))
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press(*"Typo in the home town", "enter")
        await pilot.pause()
        assert not screen.st.read_only
        control = question(screen, "home_town").control
        assert control is not None and not control.disabled


async def test_real_questionnaire_every_section_at_80x24(tmp_path, repo) -> None:
    from screener.questionnaire.loader import load_default

    real = load_default(Settings(db_path=tmp_path / "x").questionnaire_dir)
    iid = repo.create_interview(InterviewInfo("Amina Testperson"), real, consent=CONSENTED)
    app = make_app(tmp_path, repo, real)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_screen(app, pilot, InterviewScreen(iid))
        seen = []
        for _ in real.sections:
            assert screen.section is not None
            seen.append(screen.section.name)
            await pilot.press("ctrl+pagedown")
            await pilot.pause()
        assert seen == [s.name for s in real.sections]
        assert len(screen.jump_targets()) > len(real.sections)
        await pilot.press("f9")  # the sidebar can be hidden on a small screen
        assert not screen.query_one("#iv-sidebar").display


async def test_escape_warns_before_leaving_invalid_text(tmp_path, repo, questionnaire, iid) -> None:
    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_screen(app, pilot, InterviewScreen(iid))
        await focus(pilot, screen, "arrival")
        await pilot.press(*"31-02-2024", "enter")
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen  # the first escape only points at the problem
        assert screen.focused is question(screen, "arrival").control
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not screen


async def test_quitting_with_a_dialog_open_keeps_what_was_typed(
    tmp_path, repo, questionnaire, iid
) -> None:
    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_screen(app, pilot, InterviewScreen(iid, "work", "jobs"))
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"Tailor")
        await pilot.press("ctrl+q")
    assert repo.get(iid).values()["jobs"] == [{"job_title": "Tailor"}]
    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_screen(app, pilot, InterviewScreen(iid, "work", "dream_job"))
        await pilot.press("f3")
        await pilot.pause()
        await pilot.press(*"Wants to sew")
        await pilot.press("ctrl+q")
    assert screen.state is not None
    assert repo.get(iid).notes["dream_job"] == "Wants to sew"
