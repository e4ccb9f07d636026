"""Consent governs what the store records: nothing about a candidate without screening consent."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from store_fixture import CONSENTED, info, questionnaire

from screener.errors import ConsentError, ReadOnlyInterviewError
from screener.store.records import AnswerState, Consent
from screener.store.repository import Repository


@pytest.fixture
def repo(tmp_path: Path) -> Repository:
    with Repository(tmp_path / "consent.sqlite3") as repo:
        yield repo


@pytest.mark.parametrize(
    "consent",
    [None, Consent(), Consent(screening=False, handover=True), Consent(screening=None)],
    ids=["never-asked", "nothing-answered", "declined", "screening-open"],
)
def test_nothing_is_recorded_without_screening_consent(
    repo: Repository, consent: Consent | None
) -> None:
    interview_id = repo.create_interview(info(), questionnaire(), consent=consent)
    for write in (
        lambda: repo.set_answer(interview_id, "mother_tongue", "Tigrinya"),
        lambda: repo.mark(interview_id, "story", AnswerState.DECLINED),
        lambda: repo.set_note(interview_id, "story", "a note about the candidate"),
        lambda: repo.set_flag(interview_id, "story", True),
    ):
        with pytest.raises(ConsentError):
            write()
    interview = repo.get(interview_id)
    assert not interview.answers and not interview.notes and not interview.flags


def test_a_declined_interview_keeps_only_the_record_of_it(repo: Repository) -> None:
    declined = Consent(screening=False, handover=False, sensitive=False, cv_postcard=False)
    interview_id = repo.create_interview(info("Dawit Testperson"), questionnaire(), declined)
    interview = repo.get(interview_id)
    assert interview.consent is not None and interview.consent.declined
    assert interview.info.candidate_name == "Dawit Testperson"
    assert interview.consent.complete
    assert_only_the_refusal(repo, interview_id)


def assert_only_the_refusal(repo: Repository, interview_id: int) -> None:
    """Name, consultant and dates stay; the form's other facts are gone from the row, the log
    and the search (the file itself is read, not only what the repository returns)."""
    kept = repo.get(interview_id).info
    assert (kept.consultant, kept.birth_date, kept.case_id, kept.municipality) == (
        "Karen Konsulent",
        None,
        "",
        "",
    )
    assert (kept.nationality, kept.interpreter_name, kept.place) == ("", "", "")
    assert repo.list_interviews(search="TEST-0001") == []
    assert [s.declined for s in repo.list_interviews(search="Testperson")] == [True]
    repo.close()
    files = [repo.path.with_name(repo.path.name + end) for end in ("", "-wal", "-journal")]
    raw = b"".join(file.read_bytes() for file in files if file.exists())
    for fact in (b"TEST-0001", b"Syria", b"Omar Tolk", b"Center Test", b"1990-05-17"):
        assert fact not in raw, fact


def test_saying_no_on_the_consent_screen_drops_the_form_facts(repo: Repository) -> None:
    interview_id = repo.create_interview(info("Dawit Testperson"), questionnaire())
    repo.record_consent(
        interview_id, Consent(screening=False, handover=False, sensitive=False, cv_postcard=False)
    )
    kinds = [event.kind for event in repo.events(interview_id)]
    assert kinds == ["created", "consent"]
    assert_only_the_refusal(repo, interview_id)


def test_a_withdrawal_keeps_the_facts_until_erased(repo: Repository) -> None:
    """After a yes, answers exist; a later no locks them and the consent screen offers
    erasure (the whole interview), so the facts are not dropped here one by one."""
    interview_id = repo.create_interview(info("Dawit Testperson"), questionnaire(), CONSENTED)
    repo.record_consent(interview_id, Consent(screening=False))
    assert repo.get(interview_id).info.case_id == "TEST-0001"


def test_consent_changes_are_events_and_allowed_after_finalizing(repo: Repository) -> None:
    interview_id = repo.create_interview(info(), questionnaire(), consent=CONSENTED)
    repo.set_answer(interview_id, "mother_tongue", "Dari")
    repo.finalize(interview_id)
    withdrawn = Consent(
        screening=True, handover=False, language="ar", sensitive=False, cv_postcard=True
    )
    repo.record_consent(interview_id, withdrawn)
    repo.record_consent(interview_id, withdrawn)  # the same again: no second event
    events = [e for e in repo.events(interview_id) if e.kind == "consent"]
    assert len(events) == 2
    assert events[0].old is None and events[0].new["handover"] is True
    assert events[1].old["handover"] is True and events[1].new["handover"] is False
    assert events[1].new["sensitive"] is False and events[1].new["cv_postcard"] is True
    stored = repo.get(interview_id).consent
    assert stored is not None and stored.handover is False and stored.cv_postcard is True
    with pytest.raises(ReadOnlyInterviewError):
        repo.set_answer(interview_id, "mother_tongue", "Pashto")


def test_consent_not_yet_asked_is_kept_apart_from_no(repo: Repository) -> None:
    partial = Consent(screening=True, handover=None, language="so")
    interview_id = repo.create_interview(info(), questionnaire(), consent=partial)
    stored = repo.get(interview_id).consent
    assert stored is not None
    assert stored.screening is True and stored.handover is None and stored.sensitive is None
    assert not stored.complete


def test_the_consent_is_stamped_by_the_store_clock(tmp_path: Path) -> None:
    stamp = "2026-03-02T09:30:00.000000+00:00"
    with Repository(tmp_path / "clock.sqlite3", clock=lambda: stamp) as repo:
        interview_id = repo.create_interview(info(), questionnaire())
        repo.record_consent(interview_id, CONSENTED)
        recorded = repo.get(interview_id).consent
        assert recorded is not None and recorded.recorded_at is not None
        assert recorded.recorded_at == datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
