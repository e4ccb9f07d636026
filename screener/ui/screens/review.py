"""Review: what is missing, flagged, noted or not answered, each one key from being fixed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from screener.i18n import _, current_language
from screener.interview.logic import missing_required
from screener.store.records import NON_RESPONSES, AnswerState, Interview
from screener.ui.screens.base import ScreenerScreen


def state_text(state: AnswerState) -> str:
    return {
        AnswerState.ANSWERED: _("Answered"),
        AnswerState.DONT_KNOW: _("Don't know"),
        AnswerState.DECLINED: _("Declined to answer"),
        AnswerState.NOT_APPLICABLE: _("Not applicable"),
    }[state]


def review_rows(interview: Interview) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """Groups of (section, item, text) rows in questionnaire order, for the review list."""
    q = interview.questionnaire
    lang = current_language()
    values = interview.values()
    nonresponses = {
        name for name, answer in interview.answers.items() if answer.state in NON_RESPONSES
    }
    order = {item.name: index for index, (_s, item, _p) in enumerate(q.walk())}

    def row(name: str, suffix: str = "") -> tuple[str, str, str]:
        section = q.section_of(name)
        label = q.text(q.item(name).label, lang)
        text = f"{q.text(section.title, lang)}: {label}" + (f"  ({suffix})" if suffix else "")
        return section.name, name, text

    known = [name for name in order]
    missing = [
        (section.name, item.name, f"{q.text(section.title, lang)}: {q.text(item.label, lang)}")
        for section, item in missing_required(q, values, nonresponses)
    ]
    flagged = [
        row(name)
        for name in sorted(interview.flags, key=lambda name: order.get(name, 0))
        if name in order
    ]
    notes = [
        row(name, interview.notes[name])
        for name in sorted(interview.notes, key=lambda name: order.get(name, 0))
        if name in order and interview.notes[name]
    ]
    non_responses = [
        row(name, state_text(interview.answers[name].state))
        for name in known
        if name in nonresponses
    ]
    return [
        (_("Required questions without an answer"), missing),
        (_("Flagged for follow-up"), flagged),
        (_("Notes"), notes),
        (_("Not answered: don't know, declined, not applicable"), non_responses),
    ]


class ReviewScreen(ScreenerScreen):
    """Dismisses with (section, item) of the chosen row, or None."""

    BINDINGS = [
        Binding("enter", "go", "Go to question"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, interview_id: int) -> None:
        super().__init__()
        self.interview_id = interview_id
        self.targets: dict[str, tuple[str, str]] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="review"):
            yield Static("", id="review-title", classes="screen-title", markup=False)
            yield Static("", id="review-help", classes="muted")
            yield OptionList(id="review-list")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def refresh_texts(self) -> None:
        interview = self.sapp.repo.get(self.interview_id)
        self.query_one("#review-title", Static).update(
            _("Review: {name}").format(name=interview.info.candidate_name)
        )
        self.query_one("#review-help", Static).update(
            _("Enter goes to the question. Nothing here blocks a draft; finalizing asks.")
        )
        options = self.query_one(OptionList)
        options.clear_options()
        self.targets.clear()
        for heading, rows in review_rows(interview):
            options.add_option(Option(f"{heading} ({len(rows)})", disabled=True))
            if not rows:
                options.add_option(Option("   " + _("Nothing here."), disabled=True))
            for section, item, text in rows:
                key = f"{heading}/{item}"
                self.targets[key] = (section, item)
                options.add_option(Option("   " + text, id=key))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        target = self.targets.get(event.option.id or "")
        if target:
            self.dismiss(target)

    def action_go(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            option = options.get_option_at_index(options.highlighted)
            target = self.targets.get(option.id or "")
            if target:
                self.dismiss(target)

    def action_back(self) -> None:
        self.dismiss(None)
