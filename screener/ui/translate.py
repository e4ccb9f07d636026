"""Run-time language switching for the UI: key descriptions and a message screens listen to."""

from __future__ import annotations

from dataclasses import replace

from textual.dom import DOMNode
from textual.message import Message

from screener.i18n import _

_MSGIDS = "_screener_binding_msgids"


class LanguageChanged(Message):
    """Posted to every screen after the language changed, so each re-renders its own texts."""


def translate_bindings(node: DOMNode) -> None:
    """Show ``node``'s key descriptions in the active language.

    Descriptions in ``BINDINGS`` are English message ids; the first call remembers them so later
    calls can translate again after a language switch.
    """
    msgids: dict[tuple[str, str], str] = node.__dict__.setdefault(_MSGIDS, {})
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        translated = []
        for binding in bindings:
            msgid = msgids.setdefault((key, binding.action), binding.description)
            translated.append(replace(binding, description=_(msgid) if msgid else ""))
        table[key] = translated
