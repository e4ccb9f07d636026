"""Every command of the UI, written once: its key, its action and its words.

Screens and widgets build their ``BINDINGS`` from this table (``bindings("home.new", ...)``),
so each binding carries its command's id; the footer, F1 and the command palette look the
command up by that id and translate its words when they show them, and list a screen's keys in
table order. A key, a text or a footer place is therefore changed here and nowhere else, and
switching the language rewrites nothing: the next render simply asks ``_()`` again.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import KW_ONLY, dataclass, replace
from typing import Any

from textual.binding import ActiveBinding, Binding, BindingType
from textual.command import DiscoveryHit, Hits
from textual.screen import Screen
from textual.system_commands import SystemCommandsProvider

from screener.i18n import N_, _


@dataclass(frozen=True)
class Command:
    """One thing the consultant can do.

    ``description`` (and ``title``, ``help``) are English message ids, translated when shown.
    ``footer`` is 0 for keys only F1 lists; otherwise the footer shows the key, and when the
    terminal is too narrow for all of them it keeps rank 1 before 2 before 3 (the order on
    screen stays the binding order). ``palette`` puts the command in the command palette under
    ``title`` (the description if empty) with ``help`` below it; a command without ``key`` is
    only there, and with ``needs_interview`` only on screens that show one interview.
    """

    id: str
    key: str
    action: str
    description: str
    _: KW_ONLY
    footer: int = 0
    priority: bool = False
    palette: bool = False
    title: str = ""
    help: str = ""
    listed: bool = True  # in the F1 list (the two field moves are named once in its last line)
    needs_interview: bool = False

    def binding(self) -> Binding:
        return Binding(
            self.key,
            self.action,
            self.description,
            show=self.footer > 0,
            priority=self.priority,
            id=self.id,
        )

    def text(self) -> str:
        """The short description in the active language (footer, F1)."""
        return _(self.description) if self.description else ""

    def palette_title(self) -> str:
        return _(self.title or self.description)

    def palette_help(self) -> str:
        return _(self.help) if self.help else ""


INTERVIEW_ACTION = 1  # ranks: what moves the interview on stays in the footer longest
SCREEN = 2
APP = 3

TABLE: tuple[Command, ...] = (
    # -- the app, on every screen --
    Command(
        "quit",
        "ctrl+q",
        "app.quit",
        N_("Quit"),
        footer=APP,
        priority=True,
        palette=True,
        help=N_("Save and quit"),
    ),
    Command(
        "help",
        "f1",
        "app.toggle_help",
        N_("Help"),
        footer=APP,
        palette=True,
        title=N_("Keys"),
        help=N_("Show or hide all keys of this screen"),
    ),
    Command(
        "language",
        "f2",
        "app.toggle_language",
        N_("Dansk/English"),
        footer=APP,
        palette=True,
        title=N_("Language"),
        help=N_("Switch between Danish and English"),
    ),
    # The footer shows this one at its right end, apart from the others.
    Command("palette", "ctrl+p", "app.command_palette", N_("palette"), priority=True),
    # Priority: focus moves when the key is read, so keys typed ahead of the screen (a fast
    # typist, a burst from the terminal) land in the field moved to, never in the one left;
    # Textual's own tab is handled only after the keys queued before it reached the old field.
    Command("next_field", "tab", "app.focus_next", N_("Next field"), priority=True, listed=False),
    Command(
        "previous_field",
        "shift+tab",
        "app.focus_previous",
        N_("Previous field"),
        priority=True,
        listed=False,
    ),
    # -- home --
    Command("home.new", "n", "new", N_("New"), footer=SCREEN),
    Command("home.open", "enter", "open", N_("Open"), footer=SCREEN),
    Command("home.export", "e", "export", N_("Export"), footer=SCREEN),
    Command("home.delete", "d", "delete", N_("Delete"), footer=SCREEN),
    Command("home.search", "slash", "search", N_("Search"), footer=SCREEN),
    Command("home.quit", "q", "app.quit", N_("Quit")),  # ctrl+q is in the footer already
    # -- new interview, consent --
    Command("new.create", "ctrl+s", "create", N_("Go on to consent"), footer=SCREEN),
    Command("new.leave", "escape", "leave", N_("Back"), footer=SCREEN),
    Command(
        "consent.record", "ctrl+s", "record", N_("Record consent"), footer=SCREEN, priority=True
    ),
    # Priority: handled when the key is read, so "y, down, y" typed fast answers two questions,
    # not the first one twice.
    Command("consent.next", "down", "move(1)", N_("Next question"), priority=True),
    Command("consent.previous", "up", "move(-1)", N_("Previous question"), priority=True),
    Command("consent.yes", "y,j", "answer(True)", N_("Yes"), priority=True),
    Command("consent.no", "n", "answer(False)", N_("No"), priority=True),
    # -- the interview (priority keys work inside text fields, whose own keys would win) --
    # At 80 columns the footer holds what moves the interview on, then note and the two
    # non-answers; F1 lists every key (flag, not applicable and pause included).
    Command("interview.note", "f3", "note", N_("Note"), footer=SCREEN, priority=True),
    Command("interview.flag", "f4", "flag", N_("Flag"), priority=True),
    Command(
        "interview.dont_know",
        "f5",
        "mark('dont_know')",
        N_("Don't know"),
        footer=SCREEN,
        priority=True,
    ),
    Command(
        "interview.declined",
        "f6",
        "mark('declined')",
        N_("Declined"),
        footer=SCREEN,
        priority=True,
    ),
    Command("interview.not_applicable", "f7", "mark('not_applicable')", N_("N/A"), priority=True),
    Command("interview.pause", "f8", "pause", N_("Pause"), priority=True),
    Command("interview.sections", "f9,ctrl+b", "toggle_sidebar", N_("Sections"), priority=True),
    # The move happens when the key is read, before keys typed after it.
    Command("interview.next", "down", "step(True)", N_("Next question"), priority=True),
    Command("interview.previous", "up", "step(False)", N_("Previous question"), priority=True),
    Command("interview.advance", "enter", "advance", N_("Next question"), priority=True),
    Command("interview.review", "ctrl+r", "review", N_("Review"), footer=INTERVIEW_ACTION),
    Command(
        "interview.assessment", "ctrl+t", "assessment", N_("Assessment"), footer=INTERVIEW_ACTION
    ),
    Command("interview.finalize", "ctrl+g", "finalize", N_("Finalize"), footer=INTERVIEW_ACTION),
    Command("interview.reopen", "ctrl+g", "reopen", N_("Reopen"), footer=INTERVIEW_ACTION),
    Command("interview.export", "ctrl+o", "export", N_("Export"), footer=INTERVIEW_ACTION),
    Command(
        "interview.next_section",
        "ctrl+pagedown",
        "next_section",
        N_("Next section"),
        priority=True,
    ),
    Command(
        "interview.previous_section",
        "ctrl+pageup",
        "previous_section",
        N_("Previous section"),
        priority=True,
    ),
    Command("interview.save", "ctrl+s", "save", N_("Save")),
    Command("interview.leave", "escape", "leave", N_("Home")),
    Command("assessment.leave", "escape", "leave", N_("Back"), footer=SCREEN),
    # -- the question form and a repeat's entries --
    Command("form.next", "down", "step(True)", N_("Next question")),
    Command("form.previous", "up", "step(False)", N_("Previous question")),
    Command("form.page_down", "pagedown", "scroll_page_down", N_("Scroll down")),
    Command("form.page_up", "pageup", "scroll_page_up", N_("Scroll up")),
    Command("entries.add", "ctrl+n", "add_entry", N_("Add entry"), footer=SCREEN),
    Command("entries.edit", "enter", "edit_entry", N_("Edit entry"), footer=SCREEN),
    Command("entries.up", "ctrl+up", "move_entry(-1)", N_("Move up")),
    Command("entries.down", "ctrl+down", "move_entry(1)", N_("Move down")),
    Command("entries.remove", "delete", "remove_entry", N_("Remove entry"), footer=SCREEN),
    # -- the screens over an interview --
    Command("review.go", "enter", "go", N_("Go to question"), footer=SCREEN),
    Command("export.write", "ctrl+s", "export", N_("Write files"), footer=SCREEN),
    Command("finalize.finalize", "ctrl+s", "finalize", N_("Finalize"), footer=SCREEN),
    Command("papers.write", "ctrl+s", "write", N_("Write PDFs"), footer=SCREEN),
    Command("papers.reset", "ctrl+r", "reset", N_("Text from answers"), footer=SCREEN),
    # -- dialogs --
    Command("keys.close", "escape,f1", "close", N_("Close"), footer=SCREEN),
    Command("confirm.yes", "y,j", "answer(True)", N_("Yes"), footer=SCREEN),
    Command("confirm.no", "n", "answer(False)", N_("No"), footer=SCREEN),
    Command("confirm.cancel", "escape", "answer(False)", N_("Cancel"), footer=SCREEN),
    # -- locking and unlocking --
    Command("lock.ignore", "escape", "ignore", "", listed=False),  # escape does not unlock
    Command("unlock.recovery", "f3", "recovery", N_("Forgot passphrase"), footer=SCREEN),
    # -- the hub --
    Command("hub.figures", "f2", "toggle_figures", N_("Figures"), footer=SCREEN),
    Command("hub.group", "f3", "next_grouping", N_("Group by"), footer=SCREEN),
    Command("hub.pdf", "f5", "pdf", N_("PDF"), footer=SCREEN),
    Command("hub.clear", "escape", "clear", N_("Clear search")),
    # -- shared by several screens (last: after each screen's own keys) --
    Command("back", "escape", "back", N_("Back"), footer=SCREEN),
    Command("cancel", "escape", "cancel", N_("Cancel"), footer=SCREEN),
    Command("done", "escape", "close", N_("Done"), footer=SCREEN),
    Command("done_save", "ctrl+s", "close", N_("Done")),
    # -- the palette only, over an interview --
    Command(
        "consent",
        "",
        "app.open_consent",
        N_("Consent"),
        palette=True,
        help=N_("See or change what the candidate consented to"),
        needs_interview=True,
    ),
    Command(
        "cv",
        "",
        "app.open_papers('cv')",
        N_("CV-postkort"),
        palette=True,
        help=N_("Edit and print the candidate's CV-postkort"),
        needs_interview=True,
    ),
    Command(
        "card",
        "",
        "app.open_papers('card')",
        N_("Kompetencekort"),
        palette=True,
        help=N_("Edit and print the kompetencekort"),
        needs_interview=True,
    ),
)

COMMANDS: dict[str, Command] = {command.id: command for command in TABLE}


def bindings(*ids: str) -> list[BindingType]:
    """The ``BINDINGS`` of a screen or widget: the commands named, in this order."""
    return [COMMANDS[id_].binding() for id_ in ids]


def words_of(binding: Binding, command: Command | None) -> str:
    """What the footer says for ``binding`` (a key of Textual's own, if one is ever shown: its
    own words; none of the widgets used shows one since the dropdowns went)."""
    return command.text() if command is not None else binding.description


def command_of(binding: Binding) -> Command | None:
    """The table's command behind ``binding`` (None for Textual's own keys)."""
    return COMMANDS.get(binding.id or "")


INDEX = {command.id: index for index, command in enumerate(TABLE)}


def active_commands(screen: Screen[Any]) -> list[tuple[str, ActiveBinding, Command | None]]:
    """(key, active binding, its command) for ``screen``, in the order the footer and F1 show
    them: the focused widget's keys, then its parents', the screen's and the app's, each group
    in table order. (Textual orders by where a key first appears, so a priority key that
    overrides a text area's own key would jump ahead of its neighbours.)"""
    focused = screen.focused
    chain: list[Any] = list(focused.ancestors_with_self) if focused else [screen, screen.app]
    found = [
        (key, active, command_of(active.binding)) for key, active in screen.active_bindings.items()
    ]

    def place(entry: tuple[str, ActiveBinding, Command | None]) -> tuple[int, int]:
        _key, active, command = entry
        node = chain.index(active.node) if active.node in chain else len(chain)
        return node, INDEX[command.id] if command is not None else len(TABLE)

    return sorted(found, key=place)


def palette_commands(screen: Screen[Any]) -> Iterator[tuple[Command, Any]]:
    """(command, the node its action runs on) for the palette over ``screen``, in table order:
    the palette commands whose key works there now, and those without a key."""
    nodes = {active.binding.id: active.node for active in screen.active_bindings.values()}
    has_interview = isinstance(getattr(screen, "interview_id", None), int)
    for command in TABLE:
        if not command.palette:
            continue
        if command.key and command.id in nodes:
            yield command, nodes[command.id]
        elif not command.key and (has_interview or not command.needs_interview):
            yield command, screen


class AppCommands(SystemCommandsProvider):
    """The palette's commands (``ScreenerApp.get_system_commands``, from this table), scored
    below 1 as Textual documents it: its fuzzy matcher scores far above 1 (an exact word about
    24), which put "Sprog" the command above the languages section and its questions (scored
    from 1 up by ``QuestionJumps``)."""

    async def search(self, query: str) -> Hits:
        async for hit in super().search(query):
            if not isinstance(hit, DiscoveryHit):
                hit = replace(hit, score=hit.score / (hit.score + 1))
            yield hit
