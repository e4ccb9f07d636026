"""One interview held in memory while a screen edits it; every change also goes to the saver.

The screen reads from here (never from the disk while typing), so the UI stays fast and the
values shown are exactly the values submitted. Writes are queued in order on ``app.saver``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from screener.store.records import Answer, AnswerState, Interview, Status

if TYPE_CHECKING:
    from screener.questionnaire.model import Item, Questionnaire, Section
    from screener.store.repository import Repository

Submit = Callable[..., Any]


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == []


class InterviewState:
    """Answers, notes and flags of one interview, kept in step with the store."""

    def __init__(self, repo: Repository, submit: Submit, interview: Interview) -> None:
        self.repo = repo
        self.submit = submit
        self.reload(interview)

    def reload(self, interview: Interview) -> None:
        self.interview = interview
        self.id = interview.id
        self.questionnaire: Questionnaire = interview.questionnaire
        self.answers: dict[str, Answer] = dict(interview.answers)
        self.notes: dict[str, str] = dict(interview.notes)
        self.flags: set[str] = set(interview.flags)

    @property
    def read_only(self) -> bool:
        return self.interview.status is not Status.DRAFT

    # -- reading -------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        return {
            name: answer.value
            for name, answer in self.answers.items()
            if answer.state is AnswerState.ANSWERED
        }

    def nonresponses(self) -> dict[str, AnswerState]:
        return {
            name: answer.state
            for name, answer in self.answers.items()
            if answer.state is not AnswerState.ANSWERED
        }

    def answer(self, name: str) -> Answer | None:
        return self.answers.get(name)

    def value(self, name: str) -> Any:
        answer = self.answers.get(name)
        return answer.value if answer and answer.state is AnswerState.ANSWERED else None

    # -- writing (memory at once, disk through the saver) --------------------------------------
    def set_answer(self, name: str, value: Any, other: str = "") -> bool:
        """Store ``value``; an empty value with no "other" text clears. True when it changed."""
        old = self.answers.get(name)
        if is_empty(value):
            if old is None or old.state is not AnswerState.ANSWERED:
                return False
            del self.answers[name]
            self.submit(self.repo.clear_answer, self.id, name)
            return True
        if old and old.state is AnswerState.ANSWERED and old.value == value and old.other == other:
            return False
        self.answers[name] = Answer(name, AnswerState.ANSWERED, value, other)
        self.submit(self.repo.set_answer, self.id, name, value, other)
        return True

    def toggle_mark(self, name: str, state: AnswerState) -> AnswerState | None:
        """Mark a non-response; pressing the same mark again returns the question to not asked."""
        old = self.answers.get(name)
        if old is not None and old.state is state:
            del self.answers[name]
            self.submit(self.repo.clear_answer, self.id, name)
            return None
        self.answers[name] = Answer(name, state)
        self.submit(self.repo.mark, self.id, name, state)
        return state

    def set_note(self, name: str, text: str) -> None:
        text = text.strip()
        if self.notes.get(name, "") == text:
            return
        if text:
            self.notes[name] = text
        else:
            self.notes.pop(name, None)
        self.submit(self.repo.set_note, self.id, name, text)

    def toggle_flag(self, name: str) -> bool:
        flagged = name not in self.flags
        if flagged:
            self.flags.add(name)
        else:
            self.flags.discard(name)
        self.submit(self.repo.set_flag, self.id, name, flagged)
        return flagged

    def set_position(self, section: str, item: str | None) -> None:
        self.interview.position = (section, item)
        self.submit(self.repo.set_position, self.id, section, item)

    def add_elapsed(self, section: str, seconds: float) -> None:
        if seconds <= 0:
            return
        self.interview.elapsed_seconds += seconds
        spent = self.interview.section_seconds
        spent[section] = spent.get(section, 0.0) + seconds
        self.submit(self.repo.add_elapsed, self.id, section, seconds)

    # -- questionnaire helpers -----------------------------------------------------------------
    def section_flags(self, section: Section) -> int:
        names = {item.name for item in _walk_items(section.items)}
        return len(names & self.flags)

    def section_of(self, name: str) -> Section | None:
        try:
            return self.questionnaire.section_of(name)
        except KeyError:
            return None


def _walk_items(items: list[Item]) -> list[Item]:
    out: list[Item] = []
    for item in items:
        out.append(item)
        out.extend(_walk_items(item.items))
    return out
