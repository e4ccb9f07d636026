"""The interview being edited, and its one write path to the store.

The screen shows what the consultant entered (``answers``, ``notes``, ``flags``); every change
is also a *pending write*, keyed by what it changes, so typing the same field again replaces the
write still waiting instead of queueing another. One writer thread drains the pending writes in
the order they were first made. A write leaves the pending set only when the store has committed
it; a failed write (locked file, full disk) stays pending and is retried with backoff until it
succeeds, so "saved" (``pending_count == 0``) always means "on disk".

Plain Python: no Textual. The UI subscribes with ``on_change`` (called on the writer thread).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from screener.errors import DatabaseError
from screener.interview.values import is_empty
from screener.store.records import Answer, AnswerState, Consent, Interview, Status

if TYPE_CHECKING:
    from screener.questionnaire.model import Item, Questionnaire, Section
    from screener.store.repository import Repository

# What a retry can mend: the file locked by another program, a full disk, a lost USB drive.
# Anything else (a refused write, a bug) is not retried: the write is dropped and the error stays
# on screen, so a program error never spins in the background behind "not saved".
TRANSIENT = (DatabaseError, OSError)
RETRY_DELAYS = (0.2, 0.5, 1.0, 2.0, 4.0)  # then every 4 s until it succeeds
COALESCE_SECONDS = 0.05  # how long the writer lets a burst of keystrokes gather


@dataclass(eq=False)
class _Write:
    """One pending change: the call that stores it (a newer edit of the same key replaces the
    whole write). ``once``: a call such as finalize, run once and never retried."""

    call: Callable[[], Any]
    once: bool = False
    futures: list[Future[Any]] = field(default_factory=list)


class InterviewSession:
    """One open interview: the values on screen and the writes still on their way to disk."""

    def __init__(
        self,
        repo: Repository,
        interview: Interview,
        *,
        on_change: Callable[[], None] | None = None,
        retry_delays: tuple[float, ...] = RETRY_DELAYS,
        coalesce: float = COALESCE_SECONDS,
    ) -> None:
        self.repo = repo
        self.on_change = on_change
        self.retry_delays = retry_delays
        self.coalesce = coalesce
        self._lock = threading.Condition()
        self._pending: dict[Hashable, _Write] = {}
        self._unstored_time: dict[str, float] = {}
        self._position: tuple[str, str | None] | None = None  # not stored yet
        self._generation = 0
        self._closed = False
        self.error: BaseException | None = None  # the last failure, until a write succeeds
        self.dropped: list[BaseException] = []  # writes refused for good (shown, never hidden)
        self._load(interview)
        self._thread = threading.Thread(target=self._run, name="screener-save", daemon=True)
        self._thread.start()

    # -- state -------------------------------------------------------------------------------
    def _load(self, interview: Interview) -> None:
        self.interview = interview
        self.id = interview.id
        self.questionnaire: Questionnaire = interview.questionnaire
        self.answers: dict[str, Answer] = dict(interview.answers)
        self.notes: dict[str, str] = dict(interview.notes)
        self.flags: set[str] = set(interview.flags)

    def reload(self) -> None:
        """Read the interview again once every pending write is on disk (after finalize,
        reopen or a consent change). Call off the UI thread."""
        self.flush()
        self._load(self.repo.get(self.id))

    @property
    def read_only(self) -> bool:
        return self.interview.status is not Status.DRAFT

    @property
    def consent(self) -> Consent | None:
        return self.interview.consent

    @property
    def may_record(self) -> bool:
        """Answers may be recorded: a draft, and the candidate said yes to the screening."""
        consent = self.interview.consent
        return not self.read_only and consent is not None and consent.screening is True

    @property
    def locked(self) -> bool:
        """Nothing can be entered: finalized, or no screening consent (yet)."""
        return not self.may_record

    @property
    def pending_count(self) -> int:
        with self._lock:
            return len(self._pending)

    @property
    def saved(self) -> bool:
        """Everything entered is on disk."""
        return self.pending_count == 0

    # -- reading -----------------------------------------------------------------------------
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

    def section_flags(self, section: Section) -> int:
        """How many questions of ``section`` carry a follow-up flag (the sidebar shows it)."""
        return sum(1 for item in _walk_items(section.items) if item.name in self.flags)

    def answer(self, name: str) -> Answer | None:
        return self.answers.get(name)

    def value(self, name: str) -> Any:
        answer = self.answers.get(name)
        return answer.value if answer and answer.state is AnswerState.ANSWERED else None

    # -- writing -----------------------------------------------------------------------------
    def set_answer(self, name: str, value: Any, other: str = "") -> bool:
        """Show ``value`` and store it; an empty value with no "other" text clears. True when
        it changed what is shown."""
        old = self.answers.get(name)
        if is_empty(value) and not other:
            if old is None or old.state is not AnswerState.ANSWERED:
                return False
            del self.answers[name]
            self._submit(("answer", name), lambda: self.repo.clear_answer(self.id, name))
            return True
        if old and old.state is AnswerState.ANSWERED and old.value == value and old.other == other:
            return False
        self.answers[name] = Answer(name, AnswerState.ANSWERED, value, other)
        self._submit(("answer", name), lambda: self.repo.set_answer(self.id, name, value, other))
        return True

    def toggle_mark(self, name: str, state: AnswerState) -> AnswerState | None:
        """Mark a non-response; the same mark again returns the question to not asked."""
        old = self.answers.get(name)
        if old is not None and old.state is state:
            del self.answers[name]
            self._submit(("answer", name), lambda: self.repo.clear_answer(self.id, name))
            return None
        self.answers[name] = Answer(name, state)
        self._submit(("answer", name), lambda: self.repo.mark(self.id, name, state))
        return state

    def set_note(self, name: str, text: str) -> None:
        text = text.strip()
        if self.notes.get(name, "") == text:
            return
        if text:
            self.notes[name] = text
        else:
            self.notes.pop(name, None)
        self._submit(("note", name), lambda: self.repo.set_note(self.id, name, text))

    def toggle_flag(self, name: str) -> bool:
        flagged = name not in self.flags
        if flagged:
            self.flags.add(name)
        else:
            self.flags.discard(name)
        self._submit(("flag", name), lambda: self.repo.set_flag(self.id, name, flagged))
        return flagged

    def set_position(self, section: str, item: str | None) -> None:
        """Where the consultant is: kept for the next write (an answer, the clock's every ten
        seconds, a flush), not written on its own, so moving about is not a write each time
        and the log is not a list of moves."""
        if self.read_only:
            return
        self.interview.position = (section, item)
        with self._lock:
            self._position = (section, item)

    def add_elapsed(self, section: str, seconds: float) -> None:
        """Time spent in ``section``; time not yet stored adds up until a write succeeds."""
        if seconds <= 0 or self.read_only:
            return
        self.interview.elapsed_seconds += seconds
        spent = self.interview.section_seconds
        spent[section] = spent.get(section, 0.0) + seconds
        with self._lock:
            self._unstored_time[section] = self._unstored_time.get(section, 0.0) + seconds

        def store() -> None:
            with self._lock:
                amount = self._unstored_time.get(section, 0.0)
            if amount > 0:
                self.repo.add_elapsed(self.id, section, amount)
                with self._lock:
                    self._unstored_time[section] -= amount

        self._submit(("elapsed", section), store)

    def set_paper_text(self, field: str, value: str | None) -> None:
        """The consultant's text for one field of the candidate's papers (None: built from
        the answers again); stored like an answer, retried like one."""
        self._submit(("paper", field), lambda: self.repo.set_paper_text(self.id, field, value))

    def record_consent(self, consent: Consent) -> Future[Any]:
        """Record the consents (in order with every other write); the future completes once
        they are on disk."""
        self.interview.consent = consent
        return self._submit(("consent",), lambda: self.repo.record_consent(self.id, consent))

    def finalize(self) -> Future[Any]:
        """Finalize after every earlier write; from then on the session takes no more edits
        (the clock and position stop too, so nothing is refused after it)."""

        def run() -> None:
            self.repo.finalize(self.id)
            self.interview.status = Status.FINALIZED

        return self.call(run)

    def reopen(self, reason: str) -> Future[Any]:
        def run() -> None:
            self.repo.reopen(self.id, reason)
            self.interview.status = Status.DRAFT

        return self.call(run)

    def call(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        """Run ``fn(*args)`` on the writer thread after every write entered before it (finalize,
        reopen, export): the future holds its result or its error; never retried."""
        with self._lock:
            self._generation += 1
            key = ("call", self._generation)
        return self._submit(key, lambda: fn(*args), once=True)

    def _submit(self, key: Hashable, call: Callable[[], Any], once: bool = False) -> Future[Any]:
        future: Future[Any] = Future()
        with self._lock:
            self._take_position()
            write = _Write(call, once)
            older = self._pending.pop(key, None)
            if older is not None:
                write.futures = older.futures
            write.futures.append(future)
            self._pending[key] = write
            self._lock.notify_all()
        self._notify()
        return future

    def _take_position(self) -> None:
        """A position waiting for a write becomes one, before the write that takes it along
        (call holding the lock)."""
        if self._position is None:
            return
        section, item = self._position
        self._position = None
        self._pending.pop(("position",), None)
        self._pending[("position",)] = _Write(
            lambda: self.repo.set_position(self.id, section, item)
        )
        self._lock.notify_all()

    # -- the writer thread -------------------------------------------------------------------
    def _run(self) -> None:
        failures = 0
        last_write = 0.0
        while True:
            with self._lock:
                while not self._pending and not self._closed:
                    self._lock.wait()
                if not self._pending and self._closed:
                    return
            if failures == 0 and time.monotonic() - last_write < self.coalesce:
                time.sleep(self.coalesce)  # typing on: let the burst become one write
            failed = self._drain()
            last_write = time.monotonic()
            if failed:
                delay = self.retry_delays[min(failures, len(self.retry_delays) - 1)]
                failures += 1
                with self._lock:
                    if not self._closed:
                        self._lock.wait(delay)
                    elif failures > len(self.retry_delays):
                        return  # closing and still failing: the caller was told
            else:
                failures = 0

    def _drain(self) -> bool:
        """Write every pending change once, oldest first; True when one failed."""
        with self._lock:
            batch = list(self._pending.items())
        for key, write in batch:
            try:
                result = write.call()
            except TRANSIENT as error:  # kept pending and retried
                if write.once:
                    self._finish(key, write, error=error)
                    continue
                self.error = error
                self._notify()
                return True
            except Exception as error:
                self._finish(key, write, error=error)
                if not write.once:
                    self.dropped.append(error)
                    self.error = error
                continue
            self._finish(key, write, result=result)
        return False

    def _finish(
        self, key: Hashable, write: _Write, result: Any = None, error: BaseException | None = None
    ) -> None:
        with self._lock:
            current = self._pending.get(key)
            if current is write:
                del self._pending[key]
                futures = write.futures
            else:
                futures = []  # replaced meanwhile: the newer value is still pending
            if error is None and not self._pending:
                self.error = None
            self._lock.notify_all()
        for future in futures:
            if error is None:
                future.set_result(result)
            else:
                future.set_exception(error)
        self._notify()

    def _notify(self) -> None:
        if self.on_change is not None:
            with contextlib.suppress(Exception):  # a closed UI must not stop the writer
                self.on_change()

    def flush(self, timeout: float | None = 10.0) -> bool:
        """Wait until nothing is pending (or ``timeout``); True when everything is on disk."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._lock:
            self._take_position()
            while self._pending:
                remaining = None if deadline is None else deadline - time.monotonic()
                if remaining is not None and remaining <= 0:
                    return False
                self._lock.wait(remaining)
            return True

    def close(self, timeout: float = 10.0) -> bool:
        """Stop the writer once everything is written (or ``timeout``); True when nothing was
        left unsaved."""
        done = self.flush(timeout)
        with self._lock:
            self._closed = True
            self._lock.notify_all()
        self._thread.join(timeout=1.0)
        return done


def session_for(repo: Repository, interview_id: int, **options: Any) -> InterviewSession:
    """Read the interview and open its session (call off the UI thread)."""
    return InterviewSession(repo, repo.get(interview_id), **options)


def _walk_items(items: list[Item]) -> list[Item]:
    out: list[Item] = []
    for item in items:
        out.append(item)
        out.extend(_walk_items(item.items))
    return out
