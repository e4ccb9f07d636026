"""The project's own errors. Their messages are shown to the user: never put answers in them."""

from __future__ import annotations

from dataclasses import dataclass


class ScreenerError(Exception):
    """Base of every error the CLI and the TUI turn into a clear message instead of a traceback."""


@dataclass(frozen=True)
class Problem:
    """One problem in a questionnaire file: where it is and what is wrong."""

    file: str
    where: str  # "section/item" or "" for the file itself
    message: str
    line: int | None = None

    def __str__(self) -> str:
        place = self.file + (f":{self.line}" if self.line else "")
        return f"{place}: {self.where + ': ' if self.where else ''}{self.message}"


class QuestionnaireError(ScreenerError):
    """A questionnaire file that cannot be used; lists every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


class ExpressionError(ScreenerError):
    """A ``relevant`` or ``constraint`` expression that does not parse."""


class DatabaseError(ScreenerError):
    """The database cannot be opened safely (corrupt, not a database, locked, read-only)."""


class ReadOnlyInterviewError(ScreenerError):
    """A finalized interview must be reopened with a reason before it can change."""


class NotFoundError(ScreenerError):
    """No interview with that id."""


class ExportError(ScreenerError):
    """A report or JSON file could not be written where the user asked."""


class ConsentError(ScreenerError):
    """What was asked needs a consent the candidate has not given (or not yet been asked)."""


class WrongPassphraseError(DatabaseError):
    """The passphrase or recovery key does not open this database (nothing was changed)."""


class DatabaseInUseError(DatabaseError):
    """Another Screener window or program has this database open for writing."""


class BundleError(ScreenerError):
    """A handover bundle or JSON export cannot be written or read back (lists the problems)."""
