"""Command palette (ctrl+p): jump to any section or visible question by typing part of its text."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from textual.command import DiscoveryHit, Hit, Hits, Provider

from screener.i18n import _, current_language
from screener.ui.widgets import rules

if TYPE_CHECKING:
    from screener.interview.session import InterviewSession
    from screener.questionnaire.model import Section

MAX_LABEL = 90


@runtime_checkable
class Jumpable(Protocol):
    def jump_targets(self) -> list[tuple[str, str, str, str | None]]:
        """(text, help, section, item or None) for every place one can go."""
        ...

    def jump_to(self, section: str, item: str | None) -> None: ...


class QuestionJumps(Provider):
    """Sections and questions of the open interview, in the active language."""

    async def search(self, query: str) -> Hits:
        screen = self.screen
        if not isinstance(screen, Jumpable):
            return
        matcher = self.matcher(query)
        for text, help_text, section, item in screen.jump_targets():
            score = matcher.match(text)
            if score > 0:
                # Above every command (whose scores are at most 1): "sprog" opens the languages
                # section, not the language switch; sections before questions.
                rank = (2.0 if item is None else 1.0) + score
                yield Hit(
                    rank,
                    matcher.highlight(text),
                    partial(screen.jump_to, section, item),
                    text=text,
                    help=help_text,
                )

    async def discover(self) -> Hits:
        screen = self.screen
        if not isinstance(screen, Jumpable):
            return
        for text, help_text, section, item in screen.jump_targets():
            if item is None:
                yield DiscoveryHit(text, partial(screen.jump_to, section, None), help=help_text)


def jump_targets(
    state: InterviewSession, sections: list[Section] | None = None
) -> list[tuple[str, str, str, str | None]]:
    """Every section (of ``sections``, if given) and every visible question in it, labelled in
    the active language; sections keep their numbers."""
    lang = current_language()
    q = state.questionnaire
    values = state.values()
    targets: list[tuple[str, str, str, str | None]] = []
    for number, section in enumerate(q.sections, start=1):
        if sections is not None and section not in sections:
            continue
        title = f"{number}. {q.text(section.title, lang)}"
        targets.append((title, _("Section"), section.name, None))
        shown = rules.visible_names(section, values)
        for item in rules.flatten(section.items):
            if item.answerable and item.name in shown:
                targets.append((short(q.text(item.label, lang)), title, section.name, item.name))
    return targets


def short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_LABEL else text[: MAX_LABEL - 1] + "…"
