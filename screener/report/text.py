"""User text made printable in any script: escaped, shaped, set in a font that has its letters.

Arabic-script letters are shaped with ``arabic-reshaper`` (contextual forms and the lam-alef
ligature, in logical order); each run of text is set in the bundled font that covers it
(``report.fonts``), in the weight and slant of the text around it. Right-to-left order is
applied per printed line, after the paragraph has been broken into lines in logical order
(``report.paragraph``), so an Arabic sentence that wraps reads from the first line on.
reportlab's own bidi needs ``rlbidi`` (not on PyPI); ``python-bidi``'s reference
algorithm gives the visual order of each line.

Characters no bundled font can draw (emoji, scripts not bundled) become U+FFFD, a visible mark,
and are collected so the export can warn about them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from screener.report.fonts import FAMILY, REPLACEMENT, family_for

RTL = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
ARABIC_LETTERS = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TAG = re.compile(r"<[^>]*>")
# Text that is plain Latin-1 needs no font switching or shaping: the fast path for long answers.
_SIMPLE = re.compile(r"[\x00-\xff]*")

_missing: ContextVar[set[str] | None] = ContextVar("screener_missing_glyphs", default=None)


@contextmanager
def collecting_missing() -> Iterator[set[str]]:
    """Collect the characters replaced by U+FFFD while the block runs (this context only)."""
    found: set[str] = set()
    token = _missing.set(found)
    try:
        yield found
    finally:
        _missing.reset(token)


def normalise(text: object) -> str:
    """Unify line ends and drop control characters (they have no glyph and no meaning here)."""
    return _CONTROL.sub("", str(text).replace("\r\n", "\n").replace("\r", "\n"))


# Kurdish Sorani AE (ە) has no presentation forms; it is drawn as heh that does not join the
# next letter, the way Sorani was written before it had its own code point ("ه" + ZWNJ). A
# noncharacter stands in for the ZWNJ while shaping, so the writer's own ZWNJs stay untouched.
_SORANI_AE, _NO_JOIN = "\u06d5", "\ufdd0"


def shape(text: str) -> str:
    """Arabic-script letters in their joined (contextual) forms, still in logical order."""
    if not ARABIC_LETTERS.search(text):
        return text
    text = text.replace(_SORANI_AE, "\u0647" + _NO_JOIN)
    return str(_reshaper().reshape(text)).replace(_NO_JOIN, "")


@cache
def _reshaper() -> Any:
    import arabic_reshaper  # type: ignore[import-untyped]

    return arabic_reshaper.ArabicReshaper()


def runs(text: str) -> list[tuple[str, str]]:
    """``text`` as (family, run) pieces; spaces and punctuation stay in the run they are in."""
    if _SIMPLE.fullmatch(text):
        return [(FAMILY, text)] if text else []
    pieces: list[tuple[str, list[str]]] = []
    for char in text:
        family = family_for(char)
        if family is None:
            found = _missing.get()
            if found is not None:
                found.add(char)
            char, family = REPLACEMENT, FAMILY
        if pieces and (family == pieces[-1][0] or _neutral_in(char, pieces[-1][0])):
            pieces[-1][1].append(char)
        else:
            pieces.append((family, [char]))
    return [(family, "".join(chars)) for family, chars in pieces]


def _neutral_in(char: str, family: str) -> bool:
    """A space, digit or punctuation mark the current run's font can draw too."""
    from screener.report.fonts import covers

    return not char.isalpha() and covers(family, ord(char))


def rich(text: object) -> str:
    """Paragraph markup for ``text``: escaped, control characters gone, Arabic shaped.

    Everything that came from a person (answers, names, notes, labels) goes through here, so
    that ``<img src=...>`` prints as text and never makes reportlab open a file. The font of
    each script is chosen later, per piece of the parsed paragraph (``refont``), so that bold
    and italic apply to every script alike.
    """
    return "<br/>".join(escape(line) for line in shape(normalise(text)).split("\n"))


def refont(frags: list[Any]) -> list[Any]:
    """reportlab's parsed pieces, split where the script changes and set in a covering face."""
    from reportlab.lib.fonts import tt2ps

    out: list[Any] = []
    for frag in frags:
        text = getattr(frag, "text", None)
        if not text or hasattr(frag, "cbDefn") or _SIMPLE.fullmatch(text):
            out.append(frag)
            continue
        bold, italic = int(getattr(frag, "bold", 0)), int(getattr(frag, "italic", 0))
        pieces = runs(text)
        if len(pieces) == 1 and pieces[0][0] == FAMILY and REPLACEMENT not in pieces[0][1]:
            out.append(frag)
            continue
        for family, run in pieces:
            out.append(frag.clone(text=run, fontName=tt2ps(family, bold, italic)))
    return out


def is_rtl(markup: str) -> bool:
    """Whether the first strong letter of the text in ``markup`` is right-to-left."""
    for char in _TAG.sub("", markup):
        if char.isalpha():
            return bool(RTL.match(char))
    return False


def visual_order(text: str, rtl: bool) -> list[tuple[int, str]]:
    """One line in display order: (logical index, character, mirrored where the rules say)."""
    from bidi import algorithm as uba  # type: ignore[import-untyped]

    storage = uba.get_empty_storage()
    storage["base_level"] = int(rtl)
    storage["base_dir"] = "R" if rtl else "L"
    uba.get_embedding_levels(text, storage)
    for index, char in enumerate(storage["chars"]):
        char["index"] = index
    uba.explicit_embed_and_overrides(storage)
    uba.resolve_weak_types(storage)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    uba.reorder_resolved_levels(storage, False)
    uba.apply_mirroring(storage, False)
    return [(char["index"], char["ch"]) for char in storage["chars"]]


def visual_runs(text: str, bold: bool = False, italic: bool = False) -> list[tuple[str, str]]:
    """A single line (a header, a chart label) as (face, text) pieces in drawing order."""
    from reportlab.lib.fonts import tt2ps

    from screener.report.fonts import register_fonts

    register_fonts()
    logical = shape(normalise(text).replace("\n", " "))
    pieces = runs(logical)
    if not RTL.search(logical):
        ordered = pieces
    else:
        owner = [family for family, run in pieces for _char in run]
        chars = "".join(run for _family, run in pieces)
        ordered = []
        for index, char in visual_order(chars, is_rtl(chars)):
            if ordered and ordered[-1][0] == owner[index]:
                ordered[-1] = (owner[index], ordered[-1][1] + char)
            else:
                ordered.append((owner[index], char))
    return [(tt2ps(family, int(bold), int(italic)), run) for family, run in ordered]


def runs_width(pieces: list[tuple[str, str]], size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(sum(stringWidth(run, face, size) for face, run in pieces))


def draw_line(
    canvas: Any, x: float, y: float, text: str, size: float, bold: bool = False, right: bool = False
) -> None:
    """One line on the canvas (running header and footer) in every script; ``right`` aligns
    its end at ``x``."""
    draw_runs(canvas, x, y, visual_runs(text, bold), size, right)


def draw_runs(
    canvas: Any, x: float, y: float, pieces: list[tuple[str, str]], size: float, right: bool
) -> None:
    """A line already split into (face, text) pieces by ``visual_runs``."""
    if right:
        x -= runs_width(pieces, size)
    for face, run in pieces:
        canvas.setFont(face, size)
        canvas.drawString(x, y, run)
        x += runs_width([(face, run)], size)
