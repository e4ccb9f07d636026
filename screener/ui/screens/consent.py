"""The consent, read aloud before the first question and changeable later (palette: "Consent").

Each of the four consents is recorded explicitly as yes or no; nothing is ticked in advance.
Without the screening consent nothing can be answered: the interview is kept only as the record
that the candidate declined. Every change goes through the interview's session (one write path)
and into the event log.
"""

from __future__ import annotations

import asyncio
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from screener.i18n import _, current_language
from screener.settings import Organisation
from screener.store.records import CONSENT_KINDS, Consent, Interview
from screener.ui.command_table import bindings
from screener.ui.messages import OpenHome, OpenInterview
from screener.ui.screens.base import ScreenerScreen
from screener.ui.widgets.consent_choice import ConsentChoice
from screener.ui.widgets.footer import KeysFooter

DEFAULT_QUESTIONS = {
    "screening": "Do you want to take part, and may I write down your answers?",
    "handover": "May the report go to the municipality where you will live?",
    "sensitive": "May health and other sensitive topics be in the report?",
    "cv_postcard": "May we make a CV postcard you can give to employers?",
}


def consent_text(interview: Interview, lang: str, organisation: str, contact: str) -> str:
    """The text to read aloud, with the responsible organisation filled in."""
    texts = interview.questionnaire.consent
    if texts is None:
        return ""
    text = interview.questionnaire.text(texts.text, lang)
    return text.replace("{organisation}", organisation).replace("{contact}", contact)


def consent_question(interview: Interview, kind: str, lang: str) -> str:
    texts = interview.questionnaire.consent
    if texts is None:
        return _(DEFAULT_QUESTIONS[kind])
    return interview.questionnaire.text(getattr(texts, kind), lang)


class ConsentScreen(ScreenerScreen):
    """Returns True when the consents were recorded, None when the consultant went back."""

    BINDINGS = bindings(
        "consent.record", "back", "consent.next", "consent.previous", "consent.yes", "consent.no"
    )

    def __init__(
        self, interview_id: int, first: bool = False, prefill: dict[str, Any] | None = None
    ) -> None:
        super().__init__()
        self.interview_id = interview_id
        self.first = first
        self.prefill = prefill or {}  # facts from the new-interview form, stored after a yes
        self.interview: Interview | None = None
        self.organisation = Organisation()

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="consent-form"):
            yield Static("", id="consent-title", classes="screen-title", markup=False)
            yield Static("", id="consent-howto", classes="muted", markup=False)
            yield Static("", id="consent-text", classes="consent-text", markup=False)
            for kind in CONSENT_KINDS:
                yield ConsentChoice(kind, id=f"consent-{kind}")
            yield Static("", id="consent-error", classes="field-error", markup=False)
        yield KeysFooter(compact=True)

    async def on_mount(self) -> None:
        from screener.settings import load_organisation

        self.organisation = await asyncio.to_thread(load_organisation)
        session = await asyncio.to_thread(self.sapp.open_session, self.interview_id)
        self.interview = session.interview
        consent = session.consent
        for choice in self.query(ConsentChoice):
            choice.value = getattr(consent, choice.kind) if consent is not None else None
        self.refresh_texts()
        self.query_one("#consent-screening", ConsentChoice).focus()

    def refresh_texts(self) -> None:
        if self.interview is None:
            return
        lang = current_language()
        found = self.organisation
        organisation = found.organisation or _("(organisation not set)")
        reach = [part for part in (found.contact, found.phone, found.email) if part]
        contact = ", ".join(reach) or _("(contact not set)")
        self.query_one("#consent-title", Static).update(
            _("Consent: {name}").format(name=self.interview.info.candidate_name)
        )
        self.query_one("#consent-howto", Static).update(
            _("Read it aloud for the interpreter to translate. y = yes, n = no, ctrl+s records.")
        )
        self.query_one("#consent-text", Static).update(
            consent_text(self.interview, lang, organisation, contact)
        )
        for number, choice in enumerate(self.query(ConsentChoice), start=1):
            choice.number = number
            choice.label = consent_question(self.interview, choice.kind, lang)
            choice.refresh(layout=True)

    @on(ConsentChoice.Changed)
    def _changed(self, _event: ConsentChoice.Changed) -> None:
        self._error("")
        screening = self.query_one("#consent-screening", ConsentChoice).value
        for choice in self.query(ConsentChoice):
            if choice.kind != "screening":
                choice.disabled = screening is False  # no screening: nothing else applies

    def _error(self, text: str) -> None:
        error = self.query_one("#consent-error", Static)
        error.update(text)
        error.set_class(bool(text), "-shown")

    def chosen(self) -> dict[str, bool | None]:
        return {choice.kind: choice.value for choice in self.query(ConsentChoice)}

    def action_record(self) -> None:
        if self.interview is None:
            return
        values = self.chosen()
        if values["screening"] is None:
            self._error(_("Record the answer to the first question (yes or no)."))
            self.query_one("#consent-screening", ConsentChoice).focus()
            return
        if values["screening"] is False:
            values = dict.fromkeys(CONSENT_KINDS, False)
        missing = [kind for kind, value in values.items() if value is None]
        if missing:
            self._error(_("Record an answer to every question (yes or no)."))
            self.query_one(f"#consent-{missing[0]}", ConsentChoice).focus()
            return
        info = self.interview.info
        consent = Consent(
            screening=values["screening"],
            handover=values["handover"],
            sensitive=values["sensitive"],
            cv_postcard=values["cv_postcard"],
            language=info.interpreter_language,
            interpreter=interpreter_line(info.interpreter_name, info.interpreter_language),
        )
        before = self.interview.consent
        if consent.declined:
            self._confirm_declined(consent, withdrawn=before is not None and not before.declined)
        else:
            self._record(consent)

    def _confirm_declined(self, consent: Consent, withdrawn: bool) -> None:
        from screener.ui.dialogs import ConfirmDialog

        if withdrawn:
            question = _(
                "The candidate withdraws the consent to the screening. Nothing more can be "
                "recorded. Erase the whole interview now? (No keeps it, locked, until you erase "
                "it from the list.)"
            )
            yes = _("Erase now")
        else:
            question = _(
                "The candidate does not take part. Only the record that they declined is kept "
                "(name, date, consultant). Record that?"
            )
            yes = _("Record")

        def done(answer: Any) -> None:
            if withdrawn and answer:
                self._record(consent, erase=True)
            elif withdrawn or answer:
                self._record(consent)

        self.app.push_screen(ConfirmDialog(question, yes), done)

    @work(exclusive=True, group="consent")
    async def _record(self, consent: Consent, erase: bool = False) -> None:
        """Store through the session; the screen says "recorded" only once it is on disk."""
        session = self.sapp.sessions[self.interview_id]
        try:
            await asyncio.wrap_future(session.record_consent(consent))
            await asyncio.to_thread(session.reload)
            if consent.screening:
                for name, value in self.prefill.items():
                    session.set_answer(name, value)
                await asyncio.to_thread(session.flush)
            if erase:
                await asyncio.wrap_future(session.call(self.sapp.repo.delete, self.interview_id))
        except Exception as error:
            self._error(_("The consent could not be saved: {error}").format(error=error))
            return
        self.notify(_("Interview erased.") if erase else _("Consent recorded."))
        if erase or consent.declined:
            self.post_message(OpenHome(forget=self.interview_id))
        elif self.first:
            self.post_message(OpenInterview(self.interview_id))
        else:
            self.dismiss(True)

    def action_move(self, step: int) -> None:
        if step > 0:
            self.focus_next(ConsentChoice)
        else:
            self.focus_previous(ConsentChoice)

    def action_answer(self, value: bool) -> None:
        focused = self.focused
        if isinstance(focused, ConsentChoice):
            focused.choose(value)

    def action_back(self) -> None:
        self.dismiss(None)


def interpreter_line(name: str, language: str) -> str:
    """Who interpreted, and into which language: "Selam Tolkesen (tigrinya)" (joined by a
    space, the language read as a surname)."""
    if name and language:
        return f"{name} ({language})"
    return name or language
