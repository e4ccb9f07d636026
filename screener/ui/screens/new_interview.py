"""A new interview: who, with which interpreter, where. The consent comes next, on its own
screen, before any question (``ConsentScreen``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from screener.i18n import N_, _
from screener.municipalities import MUNICIPALITIES
from screener.store.records import InterviewInfo
from screener.ui.command_table import bindings
from screener.ui.messages import OpenConsent
from screener.ui.screens.base import ScreenerScreen
from screener.ui.typing import TypingInput
from screener.ui.widgets.choices import ChoicePicker, Option
from screener.ui.widgets.footer import KeysFooter

FIELDS: tuple[tuple[str, str], ...] = (
    ("candidate_name", N_("Candidate's name")),
    ("birth_date", N_("Date of birth (DD-MM-YYYY)")),
    ("nationality", N_("Country of origin")),
    ("case_id", N_("Case id")),
    ("interpreter_language", N_("Interpreter language")),
    ("interpreter_name", N_("Interpreter's name")),
    ("consultant", N_("Consultant")),
    ("place", N_("Place (e.g. asylum centre)")),
    ("municipality", N_("Receiving municipality")),
)


def _mode_options() -> list[Option]:
    return [
        Option("in_person", _("In person")),
        Option("phone", _("By phone")),
        Option("video", _("By video")),
        Option("none", _("No interpreter")),
    ]


def parse_birth_date(text: str) -> date | None:
    """Accept DD-MM-YYYY, DD.MM.YYYY, DD/MM/YYYY and ISO; raise ValueError otherwise."""
    text = text.strip()
    if not text:
        return None
    for separator in "-./":
        parts = text.split(separator)
        if len(parts) == 3 and all(part.isdigit() for part in parts):
            if len(parts[0]) == 4:
                year, month, day = (int(p) for p in parts)
            else:
                day, month, year = (int(p) for p in parts)
            parsed = date(year, month, day)
            if not 1900 <= parsed.year <= date.today().year:
                raise ValueError(text)
            return parsed
    raise ValueError(text)


# Characters in one field of the form; a longer paste is refused. A pasted page is not a name,
# and page 1 of the report has room for the facts and the summary, not for a page.
FIELD_MAX = 200


class NewInterviewScreen(ScreenerScreen):
    BINDINGS = bindings("new.create", "new.leave")
    _creating = False  # the interview is being written (off the UI thread)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="new-form"):
            yield Static("", id="new-title", classes="screen-title")
            for name, _label in FIELDS:
                with Horizontal(classes="form-row"):
                    yield Label("", id=f"label-{name}", classes="form-label")
                    suggester = (
                        SuggestFromList(MUNICIPALITIES, case_sensitive=False)
                        if name == "municipality"
                        else None
                    )
                    yield TypingInput(
                        id=f"field-{name}",
                        suggester=suggester,
                        compact=True,
                        max_length=FIELD_MAX,
                    )
                # The choices are lists on the form itself, picked with a digit or the arrows:
                # a dropdown lost a pick made with a quick down, enter, tab (the tab moved the
                # focus before the dropdown's enter ran).
                if name == "case_id":
                    with Horizontal(classes="form-row"):
                        yield Label("", id="label-status", classes="form-label")
                        yield ChoicePicker(self._status_options(), id="field-status")
                if name == "interpreter_name":
                    with Horizontal(classes="form-row"):
                        yield Label("", id="label-mode", classes="form-label")
                        mode = ChoicePicker(_mode_options(), horizontal=True, id="field-mode")
                        mode.picked = ["in_person"]
                        yield mode
            yield Static("", id="new-error", classes="field-error", markup=False)
            yield Static("", id="new-help", classes="muted")
        yield KeysFooter()

    def _status_options(self) -> list[Option]:
        """The questionnaire's status choices (asylum seeker / permit, waiting / placed)."""
        q = self.sapp.questionnaire
        item = q.by_role("status")
        if item is None:
            return []
        lang = self.sapp.ui_language
        return [Option(c.value, q.text(c.label, lang)) for c in q.choice_list(item)]

    def _picked(self, name: str, default: str = "") -> str:
        picked = self.query_one(f"#field-{name}", ChoicePicker).picked
        return picked[0] if picked else default

    def _status(self) -> str:
        return self._picked("status")

    def on_mount(self) -> None:
        self.query_one("#field-candidate_name", Input).focus()

    def refresh_texts(self) -> None:
        self.query_one("#new-title", Static).update(_("New interview"))
        for name, label in FIELDS:
            self.query_one(f"#label-{name}", Label).update(_(label))
        self.query_one("#label-mode", Label).update(_("Interpreter present"))
        self.query_one("#label-status", Label).update(_("Status"))
        self.query_one("#field-status", ChoicePicker).set_options(self._status_options())
        self.query_one("#field-mode", ChoicePicker).set_options(_mode_options())
        self.query_one("#new-help", Static).update(
            _(
                "Tab moves to the next field; in a list a digit or the arrows pick. "
                "Ctrl+S goes on to the consent."
            )
        )

    def on_input_submitted(self, _event: Input.Submitted) -> None:
        self.focus_next()

    @on(ChoicePicker.Submitted)
    def _choice_submitted(self) -> None:
        self.focus_next()

    def _value(self, name: str) -> str:
        return self.query_one(f"#field-{name}", Input).value.strip()

    def _dirty(self) -> bool:
        return any(self._value(name) for name, _label in FIELDS)

    def _error(self, text: str) -> None:
        """Shown under the form, and scrolled into view once the field it names has the
        focus: on a 24-line terminal the line is below the last field."""
        error = self.query_one("#new-error", Static)
        error.update(text)
        self.call_after_refresh(error.scroll_visible, animate=False)

    def collect(self) -> InterviewInfo | None:
        """The typed details, or None with the problem shown next to the form."""
        name = self._value("candidate_name")
        if not name:
            self._error(_("Write the candidate's name first."))
            self.query_one("#field-candidate_name", Input).focus()
            return None
        try:
            birth_date = parse_birth_date(self._value("birth_date"))
        except ValueError:
            self._error(_("The date of birth is not a date. Write it as DD-MM-YYYY."))
            self.query_one("#field-birth_date", Input).focus()
            return None
        municipality = self._value("municipality")
        known = {m.casefold(): m for m in MUNICIPALITIES}
        starting = [m for m in MUNICIPALITIES if m.casefold().startswith(municipality.casefold())]
        if municipality and municipality.casefold() not in known and len(starting) == 1:
            # The one municipality the field suggests (shown greyed after the letters): a quick
            # ctrl+s before the right arrow takes what the screen shows.
            municipality = starting[0]
            self.query_one("#field-municipality", Input).value = municipality
        if municipality and municipality.casefold() not in known:
            self._error(_("Choose one of the 98 municipalities (type and press right arrow)."))
            self.query_one("#field-municipality", Input).focus()
            return None
        from screener.questionnaire.effort import has_municipality

        if municipality and not has_municipality(self._status()):
            self._error(
                _(
                    "A receiving municipality is known only once the candidate is placed: "
                    "choose the status 'placed' or leave the municipality empty."
                )
            )
            self.query_one("#field-municipality", Input).focus()
            return None
        lang = self.sapp.ui_language
        return InterviewInfo(
            candidate_name=name,
            birth_date=birth_date,
            nationality=self._value("nationality"),
            case_id=self._value("case_id"),
            consultant=self._value("consultant"),
            interpreter_language=self._value("interpreter_language"),
            interpreter_name=self._value("interpreter_name"),
            interpreter_mode=self._picked("mode", "in_person"),
            place=self._value("place"),
            municipality=known.get(municipality.casefold(), ""),
            ui_language=lang,
            report_language="da",
        )

    def action_create(self) -> None:
        """Create the interview (no consent yet, so nothing can be answered) and go on to the
        consent screen."""
        info = self.collect()
        if info is None or self._creating:
            return
        self._creating = True  # a second ctrl+s while the file is busy makes no second interview
        self._create(info, self._status())

    @work(thread=True, exclusive=True, group="new-interview")
    def _create(self, info: InterviewInfo, status: str) -> None:
        from screener.errors import ScreenerError
        from screener.prefill import prefill_answers

        questionnaire = self.sapp.questionnaire
        try:
            interview_id = self.sapp.repo.create_interview(info, questionnaire)
        except ScreenerError as error:
            self.app.call_from_thread(self._not_created, str(error))
            return
        # Facts typed here become the answers of the items that would ask for them again,
        # stored once the candidate has consented to the screening (not before).
        prefilled = prefill_answers(questionnaire, info, status)
        self.post_message(OpenConsent(interview_id, first=True, prefill=prefilled))

    def _not_created(self, error: str) -> None:
        self._creating = False
        message = _("The interview was not created: {error}").format(error=error)
        self.notify(message, severity="error", markup=False)

    def action_leave(self) -> None:
        if not self._dirty():
            self.dismiss()
            return
        from screener.ui.dialogs import ConfirmDialog

        def done(confirmed: Any) -> None:
            if confirmed:
                self.dismiss()

        self.app.push_screen(
            ConfirmDialog(
                _("Leave without starting the interview? What you typed here is not kept."),
                yes=_("Leave"),
            ),
            done,
        )
