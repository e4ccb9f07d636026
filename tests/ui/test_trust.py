"""What the screen shows is what is stored (issue: trust): lists, scales, repeat entries typed
field by field, markup in names, type-ahead, finalize without false alarms."""

from __future__ import annotations

import random
from typing import Any

from textual.widgets import Input
from ui_kit import (
    CONSENTED,
    finalize_screen_ready,
    focus,
    make_app,
    open_screen,
    question,
    screen_text,
    stored,
    until,
)

from screener.store.records import InterviewInfo, Status
from screener.ui.screens.home import HomeScreen
from screener.ui.screens.interview import InterviewScreen
from screener.ui.widgets.choices import ChoicePicker

KEYS = ["1", "2", "5", "6", "8", "9", "0", "down", "up", "space", "backspace"]


def _shown(screen: InterviewScreen, name: str) -> list[str]:
    picker = question(screen, name).control
    assert isinstance(picker, ChoicePicker)
    return list(picker.picked)


async def test_multi_choice_shows_what_is_stored(tmp_path, repo, questionnaire, iid) -> None:
    """The field test's sequence (6, down, down, space) and random ones: after every key, the
    ticks on screen are the stored value, and the cursor stays where the arrows put it."""
    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_screen(app, pilot, InterviewScreen(iid, "work"))
        await focus(pilot, screen, "trades")
        picker = question(screen, "trades").control
        await pilot.press("6", "down", "down", "space")
        assert picker.cursor == 7  # stays on the 8th option, not back on the 6th
        assert _shown(screen, "trades") == ["t6", "t8"]
        assert stored(app, repo, iid).values()["trades"] == ["t6", "t8"]
        rng = random.Random(20261201)
        for _round in range(6):
            keys = [rng.choice(KEYS) for _ in range(8)]
            await pilot.press(*keys)
            await pilot.pause(1.0)  # past the two-digit window
            assert screen.focused is picker, keys  # arrows never left the list
            value = stored(app, repo, iid).values().get("trades", [])
            assert _shown(screen, "trades") == value, keys


async def test_scale_keys_are_the_printed_numbers(tmp_path, repo, questionnaire, iid) -> None:
    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_screen(app, pilot, InterviewScreen(iid, "work"))
        await focus(pilot, screen, "danish")
        for key, value in (("4", 4), ("0", 0), ("2", 2)):
            await pilot.press(key)
            assert stored(app, repo, iid).values()["danish"] == value
        await pilot.press("9")  # not on the scale: nothing changes
        assert stored(app, repo, iid).values()["danish"] == 2


async def test_repeat_entry_is_stored_field_by_field(tmp_path, repo, questionnaire, iid) -> None:
    """No escape needed: each field of a new job is on disk while the entry form is open."""
    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_screen(app, pilot, InterviewScreen(iid, "work"))
        await focus(pilot, screen, "jobs")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"Welder")
        await until(pilot, lambda: "jobs" in repo.get(iid).answers)
        assert stored(app, repo, iid).values()["jobs"] == [{"job_title": "Welder"}]
        await pilot.press("tab", *"10")
        await pilot.pause()
        assert stored(app, repo, iid).values()["jobs"] == [{"job_title": "Welder", "job_years": 10}]
        await pilot.press("escape")
        await pilot.pause()
        assert stored(app, repo, iid).values()["jobs"] == [{"job_title": "Welder", "job_years": 10}]


async def test_type_ahead_lands_where_the_keys_went(tmp_path, repo, questionnaire, iid) -> None:
    """Enter and tab move focus when the key is read: text typed right after goes to the next
    field even before the screen caught up."""
    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_screen(app, pilot, InterviewScreen(iid))
        await focus(pilot, screen, "home_town")
        # All keys queued at once, as a fast typist or a paste delivers them.
        for key in [*"Aleppo", "enter", *"12", "tab", *"1,8"]:
            app.post_message(_key(key))
        await pilot.pause(0.5)
        values = stored(app, repo, iid).values()
        assert values["home_town"] == "Aleppo"
        assert values["school_years"] == 12
        assert values["height"] == 1.8


def _key(key: str) -> Any:
    from textual import events

    character = key if len(key) == 1 else None
    return events.Key(key, character)


async def test_names_with_markup_render_literally(tmp_path, repo, questionnaire) -> None:
    name = "Ali [/] [b]bold[/b] [@click=app.quit]x[/]"
    iid = repo.create_interview(InterviewInfo(name), questionnaire, consent=CONSENTED)
    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(HomeScreen())
        await until(pilot, lambda: name in screen_text(app))  # the home list
        screen = await open_screen(app, pilot, InterviewScreen(iid))
        assert name in screen_text(app)  # the header
        await pilot.press("ctrl+r")  # review: read on a worker, "Loading..." until then
        await until(pilot, lambda: name in screen_text(app))
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and app.return_code is None


async def test_finalize_shows_no_error(tmp_path, repo, questionnaire, iid) -> None:
    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_screen(app, pilot, InterviewScreen(iid))
        await focus(pilot, screen, "home_town")
        await pilot.press(*"Homs")
        await finalize_screen_ready(app, pilot)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: repo.get(iid).status is Status.FINALIZED)
        await until(pilot, lambda: app.screen is screen and screen.st.read_only)
        await pilot.pause(0.5)
        shot = app.export_screenshot()
        assert "Not saved" not in shot and "Could not save" not in shot
        errors = [session.error for session in app.sessions.values()]
        assert errors == [None]
        assert isinstance(question(screen, "home_town").control, Input)


async def test_editing_an_existing_entry_is_stored_as_typed(
    tmp_path, repo, questionnaire, iid
) -> None:
    repo.set_answer(iid, "jobs", [{"job_title": "Baker"}])
    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_screen(app, pilot, InterviewScreen(iid, "work"))
        await focus(pilot, screen, "jobs")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*" and cook")
        await until(pilot, lambda: repo.get(iid).values()["jobs"][0]["job_title"] != "Baker")
        assert stored(app, repo, iid).values()["jobs"] == [{"job_title": "Baker and cook"}]


async def test_the_palette_ranks_sections_and_questions_above_commands(
    tmp_path, repo, questionnaire, iid
) -> None:
    from screener.ui.widgets.palette import QuestionJumps

    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_screen(app, pilot, InterviewScreen(iid))
        provider = QuestionJumps(screen)
        hits = [hit async for hit in provider.search("work")]
        assert hits and all(hit.score > 1.0 for hit in hits)  # commands score at most 1
        section = next(hit for hit in hits if hit.text == "2. Work")
        assert section.score == max(hit.score for hit in hits)


async def test_a_key_typed_just_before_enter_is_stored_after_the_section_changed(
    tmp_path, repo, questionnaire, iid
) -> None:
    """Found typing in tmux: "1" and enter in one burst on a section's last question; enter
    (read first) opened the next section and the choice, ticked on screen, was dropped."""
    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_screen(app, pilot, InterviewScreen(iid))
        await focus(pilot, screen, "has_children")  # the last question shown in "basics"
        for key in ("y", "enter"):
            app.post_message(_key(key))
        await until(pilot, lambda: screen.section is not None and screen.section.name == "work")
        await pilot.pause(0.3)
        assert _shown(screen, "has_children") == ["yes"]
        assert stored(app, repo, iid).values()["has_children"] == "yes"


async def test_every_question_type_shows_what_is_stored(tmp_path, repo, questionnaire, iid) -> None:
    """Typed the way a consultant does, then read back: the control and the disk agree."""
    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_screen(app, pilot, InterviewScreen(iid))
        typed = {
            "home_town": (list("Keren"), "Keren"),
            "school_years": (list("11"), 11),
            "height": (list("1,62"), 1.62),
            "arrival": (list("03-02-2024"), "2024-02-03"),
            "story": (list("Grew up near Keren"), "Grew up near Keren"),
            "status": (["2"], "placed"),
            "langs": (["1", "3"], ["ar", "fa"]),
            "motivation": (["4"], 4),
            "has_children": (["n"], "no"),
        }
        for name, (keys, value) in typed.items():
            await focus(pilot, screen, name)
            await pilot.press(*keys)
            await pilot.pause(0.1)
            assert stored(app, repo, iid).values()[name] == value, name
            widget = question(screen, name)
            control = widget.control
            shown = getattr(control, "value", None) or getattr(control, "text", None)
            if isinstance(control, ChoicePicker):
                shown = _shown(screen, name)
                expected = value if isinstance(value, list) else [str(value)]
                assert shown == expected, name
            else:
                assert shown is not None and "".join(keys) == shown, name


async def test_nothing_is_stored_before_the_screening_consent(
    tmp_path, repo, questionnaire
) -> None:
    """Opening an interview without consent shows the consent first; the questions stay
    locked (nothing typed reaches the disk) until the screening consent is recorded."""
    from screener.ui.screens.consent import ConsentScreen

    iid = repo.create_interview(InterviewInfo("Semira Testperson"), questionnaire)
    app = make_app(tmp_path, repo, questionnaire)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_screen(app, pilot, InterviewScreen(iid))
        await until(pilot, lambda: isinstance(app.screen, ConsentScreen))
        await pilot.press("escape")  # back to the interview without answering
        await until(pilot, lambda: app.screen is screen)
        assert question(screen, "home_town").control.disabled  # type: ignore[union-attr]
        await pilot.press(*"Asmara")
        assert not stored(app, repo, iid).answers
