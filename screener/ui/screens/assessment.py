"""The consultant's assessment: the section holding the typology, in the same interview body.

The five typologies are shown with their descriptions so the choice is informed; choosing one
adds its typical effort elements (``Choice.suggests``) to the effort elements already picked,
and says so (``QuestionForm.suggest_efforts``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from screener.i18n import _
from screener.ui.command_table import bindings
from screener.ui.screens.body_screen import BodyScreen
from screener.ui.widgets.body import InterviewBody

if TYPE_CHECKING:
    from screener.interview.session import InterviewSession
    from screener.questionnaire.model import Section


class AssessmentScreen(BodyScreen):
    """One section, no sidebar; escape returns to where it was opened from. Where the
    consultant is in it is not stored: the interview resumes where the interview was."""

    BINDINGS = bindings("assessment.leave")

    def make_body(self, session: InterviewSession) -> InterviewBody:
        return InterviewBody(
            session,
            self.clock,
            sections=[assessed_section(session)],
            heading=lambda _number, title: _("Assessment") + ": " + title,
            id="iv-main-body",
        )

    async def opened(self, body: InterviewBody) -> None:
        self.query_one("#iv-title").add_class("-assessment")
        await body.open_section(body.sections[0])


def assessed_section(session: InterviewSession) -> Section:
    """The section holding the typology (the last one if the questionnaire has none)."""
    q = session.questionnaire
    typology = q.by_role("typology")
    if typology is not None:
        return q.section_of(typology.name)
    return q.sections[-1]
