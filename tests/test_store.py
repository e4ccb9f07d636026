"""The repository API: pinning, answer states, life cycle, events, search, clock, threads."""

from __future__ import annotations

import sqlite3
import threading
import tomllib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from store_fixture import CONSENTED, info, questionnaire, questionnaire_data

from screener.errors import DatabaseError, NotFoundError, ReadOnlyInterviewError
from screener.questionnaire.model import Questionnaire
from screener.store.records import AnswerState, Consent, Status
from screener.store.repository import Repository


@pytest.fixture
def repo(db_path: Path) -> Repository:
    repository = Repository(db_path)
    yield repository  # type: ignore[misc]
    repository.close()


def _toml(data: dict) -> str:  # type: ignore[type-arg]
    """Just enough TOML writing for the fixture (strings, lists, tables, arrays of tables)."""
    import json

    lines: list[str] = []

    def value(v: object) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, dict):
            return "{" + ", ".join(f"{json.dumps(k)} = {value(x)}" for k, x in v.items()) + "}"
        if isinstance(v, list):
            return "[" + ", ".join(value(x) for x in v) + "]"
        return json.dumps(v)

    for key, v in data.items():
        lines.append(f"{key} = {value(v)}")
    return "\n".join(lines) + "\n"


def test_durability_settings_are_in_effect_on_the_live_connection(repo: Repository) -> None:
    assert repo.pragmas() == {
        "journal_mode": "wal",
        "synchronous": 2,
        "foreign_keys": 1,
        "busy_timeout": 5000,
        "secure_delete": 1,
    }


def test_interview_is_pinned_to_its_questionnaire(db_path: Path, tmp_path: Path) -> None:
    qfile = tmp_path / "q.toml"
    qfile.write_text(_toml(questionnaire_data("1")), encoding="utf-8")
    original = Questionnaire.model_validate(tomllib.loads(qfile.read_text(encoding="utf-8")))
    with Repository(db_path) as repo:
        interview_id = repo.create_interview(info(), original, consent=CONSENTED)
        repo.set_answer(interview_id, "mother_tongue", "Arabic")
    changed = questionnaire_data("2")
    changed["sections"][0]["items"] = changed["sections"][0]["items"][:2]
    qfile.write_text(_toml(changed), encoding="utf-8")
    with Repository(db_path) as repo:
        interview = repo.get(interview_id)
    qfile.unlink()
    assert interview.questionnaire == original
    assert interview.questionnaire.version == "1"
    assert interview.questionnaire_hash == original.content_hash()
    assert interview.questionnaire.content_hash() == original.content_hash()
    assert interview.answers["mother_tongue"].value == "Arabic"


def test_the_four_answer_states_are_kept_apart(repo: Repository) -> None:
    interview_id = repo.create_interview(info(), questionnaire(), consent=CONSENTED)
    repo.set_answer(interview_id, "mother_tongue", "Tigrinya")
    repo.mark(interview_id, "children", AnswerState.DONT_KNOW)
    repo.mark(interview_id, "story", AnswerState.DECLINED)
    repo.mark(interview_id, "driving", AnswerState.NOT_APPLICABLE)
    interview = repo.get(interview_id)
    states = {name: answer.state for name, answer in interview.answers.items()}
    assert states == {
        "mother_tongue": AnswerState.ANSWERED,
        "children": AnswerState.DONT_KNOW,
        "story": AnswerState.DECLINED,
        "driving": AnswerState.NOT_APPLICABLE,
    }
    assert "languages" not in interview.answers  # not asked
    assert interview.values() == {"mother_tongue": "Tigrinya"}
    with pytest.raises(ValueError):
        repo.mark(interview_id, "children", AnswerState.ANSWERED)


def test_set_clear_and_repeat_values(repo: Repository) -> None:
    interview_id = repo.create_interview(info(), questionnaire(), consent=CONSENTED)
    jobs = [{"job_title": "Cook", "job_years": 3}, {"job_title": "Driver", "job_years": 1}]
    repo.set_answer(interview_id, "jobs", jobs)
    repo.set_answer(interview_id, "languages", ["ar", "other"], other="Kurmanji")
    repo.set_answer(interview_id, "children", 2)
    interview = repo.get(interview_id)
    assert interview.answers["jobs"].value == jobs
    assert interview.answers["languages"].other == "Kurmanji"
    assert interview.answers["children"].value == 2
    repo.set_answer(interview_id, "children", None)
    repo.set_answer(interview_id, "languages", "")
    repo.clear_answer(interview_id, "jobs")
    assert repo.get(interview_id).answers == {}
    assert repo.list_interviews()[0].answered == 0
    with pytest.raises(ValueError):
        repo.set_answer(interview_id, "no_such_item", "x")
    with pytest.raises(ValueError):
        repo.set_answer(interview_id, "job_title", "inside a repeat")


def test_notes_flags_position_and_consent(repo: Repository) -> None:
    interview_id = repo.create_interview(info(), questionnaire(), consent=CONSENTED)
    repo.set_note(interview_id, "story", "Ask again after the break")
    repo.set_flag(interview_id, "story", True)
    repo.set_flag(interview_id, "intro", True)
    repo.set_position(interview_id, "basics", "story")
    repo.record_consent(interview_id, Consent(screening=True, handover=False, language="ar"))
    interview = repo.get(interview_id)
    assert interview.notes == {"story": "Ask again after the break"}
    assert interview.flags == {"story", "intro"}
    assert interview.position == ("basics", "story")
    assert interview.consent is not None
    assert (interview.consent.screening, interview.consent.handover) == (True, False)
    assert interview.consent.recorded_at is not None
    repo.set_note(interview_id, "story", "")
    repo.set_flag(interview_id, "story", False)
    interview = repo.get(interview_id)
    assert interview.notes == {} and interview.flags == {"intro"}


def test_elapsed_time_accumulates_across_restarts(db_path: Path) -> None:
    with Repository(db_path) as repo:
        interview_id = repo.create_interview(info(), questionnaire(), consent=CONSENTED)
        repo.add_elapsed(interview_id, "basics", 60)
        repo.add_elapsed(interview_id, "basics", 30.5)
    with Repository(db_path) as repo:
        repo.add_elapsed(interview_id, "assessment", 10)
        interview = repo.get(interview_id)
    assert interview.elapsed_seconds == pytest.approx(100.5)
    assert interview.section_seconds == {"basics": 90.5, "assessment": 10.0}


def test_finalize_makes_read_only_and_reopen_logs_the_reason(repo: Repository) -> None:
    interview_id = repo.create_interview(info(), questionnaire(), consent=CONSENTED)
    repo.set_answer(interview_id, "mother_tongue", "Dari")
    repo.finalize(interview_id)
    assert repo.get(interview_id).status is Status.FINALIZED
    for write in (
        lambda: repo.set_answer(interview_id, "mother_tongue", "Pashto"),
        lambda: repo.clear_answer(interview_id, "mother_tongue"),
        lambda: repo.mark(interview_id, "story", AnswerState.DECLINED),
        lambda: repo.set_note(interview_id, "story", "x"),
        lambda: repo.set_flag(interview_id, "story", True),
        lambda: repo.set_position(interview_id, "basics", None),
        lambda: repo.add_elapsed(interview_id, "basics", 1),
        lambda: repo.update_info(interview_id, info("Other Name")),
        lambda: repo.finalize(interview_id),
    ):
        with pytest.raises(ReadOnlyInterviewError):
            write()
    assert repo.get(interview_id).answers["mother_tongue"].value == "Dari"
    repo.mark_exported(interview_id)
    assert repo.get(interview_id).status is Status.EXPORTED
    with pytest.raises(ValueError):
        repo.reopen(interview_id, "   ")
    repo.reopen(interview_id, "Candidate remembered another job")
    interview = repo.get(interview_id)
    assert interview.status is Status.DRAFT and interview.finalized_at is None
    reopened = [event for event in repo.events(interview_id) if event.kind == "reopened"]
    assert reopened[0].new["reason"] == "Candidate remembered another job"
    assert reopened[0].old["status"] == "exported"
    repo.set_answer(interview_id, "mother_tongue", "Pashto")


class Ticking:
    """A store clock that moves ``step`` at every reading (two minutes: no two writes are
    "moments apart", so none is merged into the one before)."""

    def __init__(self, step: timedelta = timedelta(minutes=2)) -> None:
        self.at = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
        self.step = step

    def __call__(self) -> str:
        self.at += self.step
        return self.at.isoformat(timespec="microseconds")


def test_every_change_is_logged_with_actor_item_old_and_new(db_path: Path) -> None:
    with Repository(db_path, actor="karen", clock=Ticking()) as repo:
        interview_id = repo.create_interview(info(), questionnaire(), consent=CONSENTED)
        repo.set_answer(interview_id, "children", 1)
        repo.set_answer(interview_id, "children", 2)
        repo.set_answer(interview_id, "children", 2)  # unchanged: no event
        repo.update_info(interview_id, info(municipality="Odense"))
        events = repo.events(interview_id)
        assert repo.get(interview_id).event_count == len(events)
    assert [event.kind for event in events] == ["created", "consent", "answer", "answer", "info"]
    assert all(event.actor == "karen" and event.at.tzinfo for event in events)
    assert events[3].item == "children"
    assert events[3].old["value"] == 1 and events[3].new["value"] == 2
    assert events[4].old == {"municipality": "Aarhus"} and events[4].new == {
        "municipality": "Odense"
    }


def test_answer_and_event_are_one_transaction(repo: Repository, db_path: Path) -> None:
    """If the event row cannot be written, the answer is not written either."""
    interview_id = repo.create_interview(info(), questionnaire(), consent=CONSENTED)
    repo.set_answer(interview_id, "mother_tongue", "Somali")
    other = sqlite3.connect(db_path)
    for change in ("INSERT", "UPDATE"):  # a new event, or one merged into the last
        other.execute(
            f"CREATE TRIGGER no_{change} BEFORE {change} ON event"
            " BEGIN SELECT RAISE(ABORT, 'no'); END"
        )
    other.commit()
    with pytest.raises(DatabaseError):
        repo.set_answer(interview_id, "mother_tongue", "Oromo")
    with pytest.raises(DatabaseError):
        repo.set_note(interview_id, "story", "lost with its event")
    other.execute("DROP TRIGGER no_INSERT")
    other.execute("DROP TRIGGER no_UPDATE")
    other.commit()
    other.close()
    interview = repo.get(interview_id)
    assert interview.answers["mother_tongue"].value == "Somali"
    assert interview.notes == {}
    assert [
        event.new["value"] for event in repo.events(interview_id) if event.kind == "answer"
    ] == ["Somali"]


def test_list_search_paging_and_count(repo: Repository) -> None:
    q = questionnaire()
    ids = [
        repo.create_interview(
            info("Åse Ørsted", case_id="K-1", municipality="Århus"), q, consent=CONSENTED
        ),
        repo.create_interview(
            info("Mohammed Test", case_id="K-2", municipality="Odense"), q, consent=CONSENTED
        ),
        repo.create_interview(
            info("محمد تجربة", case_id="K-3", municipality="Vejle"), q, consent=CONSENTED
        ),
    ]
    listed = repo.list_interviews()
    assert [summary.id for summary in listed] == ids[::-1]  # newest first
    assert listed[0].total == 9 and listed[0].answered == 0
    assert [s.id for s in repo.list_interviews("ÅSE")] == [ids[0]]
    assert [s.id for s in repo.list_interviews("århus")] == [ids[0]]
    assert [s.id for s in repo.list_interviews("k-2")] == [ids[1]]
    assert [s.id for s in repo.list_interviews("محمد")] == [ids[2]]
    assert [s.id for s in repo.list_interviews("mohammed odense")] == [ids[1]]
    assert repo.list_interviews("100%") == []
    assert repo.count_interviews() == 3 and repo.count_interviews("k-") == 3
    assert [s.id for s in repo.list_interviews(limit=2, offset=1)] == ids[1::-1]
    repo.set_answer(ids[0], "story", "long")
    assert repo.list_interviews("Åse")[0].answered == 1


def test_delete_erases_everything(repo: Repository, db_path: Path) -> None:
    interview_id = repo.create_interview(
        info("Canary Zzyzxname"), questionnaire(), consent=CONSENTED
    )
    repo.set_answer(interview_id, "story", "canary-answer-qwxz")
    repo.finalize(interview_id)
    repo.delete(interview_id)
    with pytest.raises(NotFoundError):
        repo.get(interview_id)
    with pytest.raises(NotFoundError):
        repo.events(interview_id)
    repo.close()
    raw = db_path.read_bytes()
    assert b"canary-answer-qwxz" not in raw and b"Zzyzxname" not in raw
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM answer").fetchone() == (0,)


def test_unknown_interview(repo: Repository) -> None:
    with pytest.raises(NotFoundError):
        repo.get(404)
    with pytest.raises(NotFoundError):
        repo.set_answer(404, "story", "x")


def test_worker_threads_can_save(repo: Repository) -> None:
    interview_id = repo.create_interview(info(), questionnaire(), consent=CONSENTED)
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            for k in range(20):
                repo.set_note(interview_id, "story", f"{n}-{k}")
                repo.add_elapsed(interview_id, "basics", 1)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert repo.get(interview_id).elapsed_seconds == 80


def test_an_answer_typed_on_is_one_entry_of_the_log(db_path: Path) -> None:
    """Stored at every pause while the interpreter talks: one event from the text before to
    the text after, not one per pause; a write minutes later, or of another item, is new."""
    clock = Ticking(step=timedelta(seconds=1))
    with Repository(db_path, clock=clock) as repo:
        interview_id = repo.create_interview(info(), questionnaire(), consent=CONSENTED)
        for text in ("Hun", "Hun har", "Hun har arbejdet som syerske"):
            repo.set_answer(interview_id, "story", text)
        repo.set_answer(interview_id, "mother_tongue", "Tigrinya")
        repo.set_answer(interview_id, "story", "Hun har arbejdet som syerske i 6 år")
        clock.at += timedelta(minutes=5)  # back to the story after a break
        repo.set_answer(interview_id, "story", "Hun har arbejdet som syerske i 7 år")
        answers = [e for e in repo.events(interview_id) if e.kind == "answer"]
    assert [(e.item, e.old and e.old["value"], e.new["value"]) for e in answers] == [
        ("story", None, "Hun har arbejdet som syerske"),
        ("mother_tongue", None, "Tigrinya"),
        ("story", "Hun har arbejdet som syerske", "Hun har arbejdet som syerske i 6 år"),
        ("story", "Hun har arbejdet som syerske i 6 år", "Hun har arbejdet som syerske i 7 år"),
    ]


def test_a_sections_clock_is_one_entry_per_stay(db_path: Path) -> None:
    """The clock is stored every ten seconds: one event per stay in a section (the total
    before to the total after), a new one after anything else happened."""
    clock = Ticking(step=timedelta(seconds=10))
    with Repository(db_path, clock=clock) as repo:
        interview_id = repo.create_interview(info(), questionnaire(), consent=CONSENTED)
        for _ in range(6):
            repo.add_elapsed(interview_id, "basics", 10)
        repo.set_answer(interview_id, "story", "Syerske")
        repo.add_elapsed(interview_id, "basics", 10)
        repo.add_elapsed(interview_id, "basics", 10)
        clocks = [e for e in repo.events(interview_id) if e.kind == "elapsed"]
        stored = repo.get(interview_id)
    assert [(e.item, e.old, e.new) for e in clocks] == [
        ("basics", {"basics": 0.0}, {"basics": 60.0}),
        ("basics", {"basics": 60.0}, {"basics": 80.0}),
    ]
    assert stored.section_seconds == {"basics": 80.0} and stored.elapsed_seconds == 80.0
