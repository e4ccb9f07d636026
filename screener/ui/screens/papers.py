"""The candidate's papers: review and edit the CV-postkort and kompetencekort texts, then print.

Each field starts as the text built from the answers; what the consultant types is stored per
field and card language (``Repository.set_paper_text``) through the interview's session, and a
text typed back to the prefill removes the edit. A live fit check under the fields says whether
the card fits and, if not, what to shorten. Ctrl+S writes both PDFs into the export folder (file
names without the candidate's name), refusing without the consents.
"""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import Input, Label, Static, TextArea

from screener.errors import ScreenerError
from screener.i18n import N_, _
from screener.papers.fields import CV_FIELDS, paper_key
from screener.settings import default_documents_dir
from screener.ui.command_table import bindings
from screener.ui.screens.base import ScreenerScreen
from screener.ui.translate import LanguageChanged
from screener.ui.typing import TypingArea, TypingInput
from screener.ui.widgets.choices import ChoicePicker, LanguagePicker
from screener.ui.widgets.footer import KeysFooter

CARD_FIELDS = (("branch", N_("Branch recommended")),)
FIT_DELAY = 0.3  # seconds of quiet typing before the fit is measured again
SAVE_DELAY = 0.6


def paper_names(interview_id: int, folder: Path) -> tuple[Path, Path]:
    """File names without the candidate's name: the folder may be a shared USB stick."""
    return (
        folder / f"cv-postkort-{interview_id:05d}.pdf",  # as papers.build.bundle_papers names them
        folder / f"kompetencekort-{interview_id:05d}.pdf",
    )


class PapersScreen(ScreenerScreen):
    """``paper`` is "cv" or "card": which paper's first field has the focus."""

    CSS_PATH = "papers.tcss"

    BINDINGS = bindings("papers.write", "papers.reset", "back")

    def __init__(self, interview_id: int, paper: str = "cv") -> None:
        super().__init__()
        self.interview_id = interview_id
        self.paper = paper if paper in ("cv", "card") else "cv"
        self.lang = "da"
        self.prefill: dict[str, str] = {}  # "cv.job" -> text built from the answers
        self.stored: dict[str, str | None] = {}  # "cv.job" -> the stored edit, None if none
        self._fit_timer: Timer | None = None
        self._save_timers: dict[str, Timer] = {}
        self._loading = True  # until the worker has filled the fields from the store
        self.fits: bool | None = None  # the last fit check's answer, None before the first
        self.candidate_name = ""

    def compose(self) -> ComposeResult:
        folder = self.sapp.settings.export_dir or default_documents_dir()
        with Vertical(id="papers"):
            yield Static("", id="papers-title", classes="screen-title")
            with Horizontal(classes="form-row"):
                yield Label("", id="papers-label-lang", classes="form-label")
                yield LanguagePicker(id="papers-lang")
            with VerticalScroll(id="papers-fields"):
                yield Static("", id="papers-cv-heading", classes="section-title")
                for field in CV_FIELDS:
                    yield from self._field("cv", field.key)
                yield Static("", id="papers-card-heading", classes="section-title")
                for key, _label in CARD_FIELDS:
                    yield from self._field("card", key)
                with Horizontal(classes="form-row"):
                    yield Label("", id="papers-label-folder", classes="form-label")
                    yield TypingInput(str(folder), id="papers-folder", compact=True)
            yield Static("", id="papers-fit")
            yield Static("", id="papers-result")
        yield KeysFooter()

    def _field(self, paper: str, key: str) -> ComposeResult:
        with Vertical(classes="paper-field"):
            yield Label("", id=f"label-{paper}-{key}", classes="paper-label")
            yield TypingArea(
                soft_wrap=True, tab_behavior="focus", compact=True, id=f"text-{paper}-{key}"
            )

    # -- loading ----------------------------------------------------------------------------

    def on_mount(self) -> None:
        first = CV_FIELDS[0].key if self.paper == "cv" else CARD_FIELDS[0][0]
        self.query_one(f"#text-{self.paper}-{first}", TextArea).focus()
        self._load(None)

    def _load(self, lang: str | None) -> None:
        """Fill every field for ``lang`` (None: the interview's report language) from the
        store; the fields take no typing until they hold the stored texts."""
        self._loading = True
        for area in self.query(TextArea):
            area.read_only = True
        self._read(lang)

    @work(thread=True, exclusive=True, group="papers-read")
    def _read(self, lang: str | None) -> None:
        from screener.papers.build import card_texts, cv_texts

        session = self.sapp.sessions.get(self.interview_id)
        if session is not None:
            session.flush()  # edits of the language just left are read back, not lost
        interview = self.sapp.repo.get(self.interview_id)
        lang = lang or interview.info.report_language or "da"
        texts = {"cv": cv_texts(interview, lang), "card": card_texts(interview, lang)}
        stored = {
            f"{paper}.{key}": interview.papers.get(paper_key(paper, key, lang))
            for paper, (now, _pre) in texts.items()
            for key in now
        }
        self.app.call_from_thread(self._fill, lang, interview.info.candidate_name, texts, stored)

    def _fill(
        self,
        lang: str,
        name: str,
        texts: dict[str, tuple[dict[str, str], dict[str, str]]],
        stored: dict[str, str | None],
    ) -> None:
        if not self.is_mounted:
            return
        self.lang, self.candidate_name = lang, name
        self.query_one("#papers-lang", LanguagePicker).value = lang
        self.stored.update(stored)
        for paper, (now, pre) in texts.items():
            for key, text in now.items():
                self.prefill[f"{paper}.{key}"] = pre.get(key, "")
                area = self.query_one(f"#text-{paper}-{key}", TextArea)
                area.load_text(text)
                area.read_only = False
        self._loading = False
        self.refresh_texts()
        self._measure()

    def refresh_texts(self) -> None:
        name = self.candidate_name
        self.query_one("#papers-title", Static).update(
            _("The candidate's papers: {name}").format(name=name)
        )
        self.query_one("#papers-label-lang", Label).update(_("Language of the papers"))
        self.query_one("#papers-label-folder", Label).update(_("Folder"))
        self.query_one("#papers-cv-heading", Static).update(_("CV-postkort"))
        self.query_one("#papers-card-heading", Static).update(_("Kompetencekort"))
        labels = [("cv", f.key, _(f.label) + "  ·  " + _(f.hint)) for f in CV_FIELDS]
        labels += [("card", key, _(label)) for key, label in CARD_FIELDS]
        for paper, key, text in labels:
            edited = self.stored.get(f"{paper}.{key}") is not None
            label = self.query_one(f"#label-{paper}-{key}", Label)
            label.update(text + ("  " + _("(edited)") if edited else ""))
            label.set_class(edited, "-edited")

    def on_language_changed(self, message: LanguageChanged) -> None:
        super().on_language_changed(message)
        self._measure()  # the fit check's words in the new language too

    # -- editing ----------------------------------------------------------------------------

    @on(ChoicePicker.Changed, "#papers-lang")
    def _language_changed(self, _event: ChoicePicker.Changed) -> None:
        lang = self.query_one("#papers-lang", LanguagePicker).value
        if lang != self.lang and self.is_mounted and not self._loading:
            self._save_all_now()
            self._load(lang)

    @on(TextArea.Changed)
    def _text_changed(self, event: TextArea.Changed) -> None:
        if self._loading or not event.text_area.id or not self.is_mounted:
            return
        _prefix, paper, key = event.text_area.id.split("-", 2)
        self._schedule_save(f"{paper}.{key}")
        if self._fit_timer is not None:
            self._fit_timer.stop()
        self._fit_timer = self.set_timer(FIT_DELAY, self._measure)

    def _schedule_save(self, field: str) -> None:
        timer = self._save_timers.pop(field, None)
        if timer is not None:
            timer.stop()
        self._save_timers[field] = self.set_timer(SAVE_DELAY, lambda: self._save(field))

    def _save(self, field: str) -> None:
        """Store the field's text as an edit, or remove the edit when it equals the prefill."""
        timer = self._save_timers.pop(field, None)
        if timer is not None:
            timer.stop()
        if not self.is_mounted:  # a late timer after the screen closed: it saved on the way out
            return
        paper, key = field.split(".", 1)
        text = self.query_one(f"#text-{paper}-{key}", TextArea).text
        value: str | None = None if text == self.prefill.get(field, "") else text
        if value == self.stored.get(field):
            return
        self.stored[field] = value
        self.sapp.open_session(self.interview_id).set_paper_text(
            paper_key(paper, key, self.lang), value
        )
        self.refresh_texts()

    def _save_all_now(self) -> None:
        for field in list(self._save_timers):
            self._save_timers[field].stop()
            self._save(field)

    def action_reset(self) -> None:
        """Put the text built from the answers back into the focused field."""
        focused = self.focused
        if not isinstance(focused, TextArea) or not focused.id:
            return
        _prefix, paper, key = focused.id.split("-", 2)
        focused.load_text(self.prefill.get(f"{paper}.{key}", ""))
        self._save(f"{paper}.{key}")  # removes the stored edit now, not after a pause

    # -- fit check --------------------------------------------------------------------------

    def _texts(self, paper: str) -> dict[str, str]:
        keys = [f.key for f in CV_FIELDS] if paper == "cv" else [k for k, _l in CARD_FIELDS]
        return {key: self.query_one(f"#text-{paper}-{key}", TextArea).text for key in keys}

    def on_unmount(self) -> None:
        for timer in [*self._save_timers.values(), self._fit_timer]:
            if timer is not None:
                timer.stop()

    def _measure(self) -> None:
        """Measure the card now, on the UI thread: a few milliseconds, and the answer always
        belongs to the text on the screen (no late result from an older keystroke)."""
        from screener.papers.build import check_cv

        if not self.is_mounted:
            return
        check = check_cv(self._texts("cv"), self.lang)
        if check.fits:
            head = _("The CV-postkort fits its card (text size {size} %).").format(
                size=round(check.scale * 100)
            )
        else:
            head = _("The CV-postkort does not fit its card.")
        self._show_fit("\n".join([head, *check.problems, *check.warnings]), check.fits)
        for spec in CV_FIELDS:  # the fields to shorten stand out
            label = self.query_one(f"#label-cv-{spec.key}", Label)
            label.set_class(spec.key in check.too_long, "-too-long")

    def _show_fit(self, text: str, fits: bool) -> None:
        if not self.is_mounted:  # the screen was closed while the card was measured
            return
        fit = self.query_one("#papers-fit", Static)
        fit.update(text)
        fit.set_class(not fits, "-bad")
        self.fits = fits

    @property
    def fit_text(self) -> str:
        """What the fit check says now (for tests and screen readers)."""
        return str(self.query_one("#papers-fit", Static).render())

    # -- writing ----------------------------------------------------------------------------

    def action_write(self) -> None:
        """Store what is typed, then make both PDFs and write them on a worker (the paper's
        language is that thread's own: the screen keeps its language meanwhile)."""
        if self._loading:
            return
        self._save_all_now()
        folder = Path(self.query_one("#papers-folder", Input).value.strip() or ".").expanduser()
        self.query_one("#papers-result", Static).update(_("Writing ..."))
        self._write(folder, self.lang)

    @work(thread=True, exclusive=True, group="papers-write")
    def _write(self, folder: Path, lang: str) -> None:
        from screener.files import atomic_write
        from screener.papers.build import card_pdf_bytes, cv_pdf_bytes

        cv_path, card_path = paper_names(self.interview_id, folder)
        if not self.sapp.open_session(self.interview_id).flush():
            message = _("Nothing was written: not everything typed is saved yet.")
            self.app.call_from_thread(self._show_result, message, True)
            return
        try:
            if not folder.is_dir():
                raise ScreenerError(_("The folder does not exist: {folder}").format(folder=folder))
            interview = self.sapp.repo.get(self.interview_id)
            cv = cv_pdf_bytes(interview, lang)  # both made before anything is written
            card, _shortened = card_pdf_bytes(interview, lang)
            atomic_write(cv_path, cv)
            atomic_write(card_path, card)
        except ScreenerError as error:
            message = _("Nothing was written: {error}").format(error=error)
            self.app.call_from_thread(self._show_result, message, True)
            return
        message = _("Written:\n  {cv}\n  {card}").format(cv=cv_path, card=card_path)
        self.app.call_from_thread(self._show_result, message, False)

    def _show_result(self, message: str, failed: bool) -> None:
        if not self.is_mounted:
            return
        result = self.query_one("#papers-result", Static)
        result.update(message)
        result.set_class(failed, "field-error")

    def action_back(self) -> None:
        self._save_all_now()
        self.dismiss()
