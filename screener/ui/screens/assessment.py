"""The consultant's assessment: the section holding the typology, with the same question widgets.

The five typologies are shown with their descriptions so the choice is informed; choosing one
adds its typical effort elements (``Choice.suggests``) to the effort elements already picked,
and says so (``QuestionForm.suggest_efforts``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events, on

from screener.i18n import _
from screener.ui.command_table import bindings
from screener.ui.screens.interview import InterviewScreen

if TYPE_CHECKING:
    from screener.questionnaire.model import Section


class AssessmentScreen(InterviewScreen):
    """One section, no sidebar; escape returns to where it was opened from."""

    SIDEBAR = False
    BINDINGS = bindings("assessment.leave")

    def __init__(self, interview_id: int) -> None:
        super().__init__(interview_id)

    def _section_named(self, name: str | None) -> Section:
        q = self.st.questionnaire
        typology = q.by_role("typology")
        if typology is not None:
            return q.section_of(typology.name)
        return q.sections[-1]

    @on(events.Mount)
    def _mark_title(self) -> None:
        # InterviewScreen.on_mount runs as well: Textual calls the handlers of every class.
        self.query_one("#iv-title").add_class("-assessment")

    def refresh_texts(self) -> None:
        super().refresh_texts()
        if self.section is not None:
            title = self.st.questionnaire.text(self.section.title, _lang())
            self.query_one("#iv-title").update(_("Assessment") + ": " + title)  # type: ignore[attr-defined]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("assessment", "finalize", "reopen", "export"):
            return False
        return super().check_action(action, parameters)

    def _record_position(self, section: str, item: str | None) -> None:
        """The interview resumes where the interview was, not in the assessment."""

    async def _step_section(self, step: int) -> None:
        """The assessment is one section."""


def _lang() -> str:
    from screener.i18n import current_language

    return current_language()
