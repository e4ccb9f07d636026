"""Typography, colours and the escaping every user-provided string goes through.

A calm hierarchy in one family: a title block, chapter headings with a thin rule, small grey
question labels above the answers. Colours are dark and few, so the report prints well in grey.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from screener.report.fonts import BOLD, FAMILY, ITALIC, register_fonts

INK = "#1d2430"
ACCENT = "#1f3a5f"
MUTED = "#5b6472"
RULE = "#c9ced6"
SHADE = "#e9edf2"
LIGHT = "#f5f7f9"
FLAG = "#8a2c0d"

HYPHENATION = {"da": "da_DK", "en": "en_GB"}
# Words shorter than this are never hyphenated (see also report.paragraph.TextParagraph).
HYPHENATE_FROM = 6

MM = 72 / 25.4  # points per millimetre, without importing reportlab at module import
PAGE_WIDTH, PAGE_HEIGHT = 595.2756, 841.8898  # A4 in points
MARGIN_X = 22 * MM
MARGIN_TOP = 26 * MM
MARGIN_BOTTOM = 22 * MM
FRAME_PADDING = 6  # platypus frames keep 6 pt inside the margins
CONTENT_LEFT = MARGIN_X + FRAME_PADDING
CONTENT_WIDTH = PAGE_WIDTH - 2 * CONTENT_LEFT


def esc(text: object) -> str:
    """Make ``text`` safe for Paragraph markup: escaped, control characters gone, lines kept,
    every script shaped and set in a bundled font that has its letters (``report.text``).

    Everything that came from a person (answers, names, notes, labels) goes through here, so
    that ``<img src=...>`` prints as text and never makes reportlab open a file.
    """
    from screener.report.text import rich

    return rich(text)


def clip(text: str, limit: int) -> str:
    """Shorten ``text`` to ``limit`` characters for places with little room (the overview)."""
    if len(text) <= limit:
        return text
    return " ".join(text.split())[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class Styles:
    title: Any
    subtitle: Any
    h1: Any
    h2: Any
    h2_loose: Any
    h3: Any
    body: Any
    small: Any
    question: Any
    answer: Any
    non_response: Any
    note: Any
    cell: Any
    cell_head: Any
    key: Any
    value: Any
    fine: Any


def styles() -> Styles:
    """The paragraph styles of the language being written (it decides the hyphenation)."""
    from screener.i18n import current_language

    return language_styles(current_language())


@cache
def language_styles(lang: str) -> Styles:
    """The paragraph styles, built once fonts are registered.

    Words too long for their line, mostly in narrow table columns, are hyphenated by the
    language's rules (pyphen's dictionaries: "Indsats-element", not "Indsats elemen t").
    """
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()
    ink, accent, muted = (colors.HexColor(c) for c in (INK, ACCENT, MUTED))
    base = ParagraphStyle(
        "base",
        fontName=FAMILY,
        bulletFontName=FAMILY,  # the default would add Helvetica, unembedded
        fontSize=9.5,
        leading=13.5,
        textColor=ink,
        hyphenationLang=HYPHENATION.get(lang, ""),
        hyphenationMinWordLength=HYPHENATE_FROM,
    )

    def derive(name: str, **kw: Any) -> Any:
        return ParagraphStyle(name, parent=base, **kw)

    h2 = derive(
        "h2",
        fontName=BOLD,
        fontSize=10.5,
        leading=14,
        textColor=accent,
        spaceBefore=10,
        spaceAfter=4,
        keepWithNext=1,
    )
    return Styles(
        title=derive("title", fontName=BOLD, fontSize=21, leading=26, textColor=accent),
        subtitle=derive("subtitle", fontSize=10.5, leading=14, textColor=muted, spaceAfter=10),
        h1=derive(
            "h1",
            fontName=BOLD,
            fontSize=14,
            leading=18,
            textColor=accent,
            spaceBefore=14,
            spaceAfter=4,
            keepWithNext=1,
        ),
        h2=h2,
        h2_loose=ParagraphStyle("h2_loose", parent=h2, keepWithNext=0),  # may end a page
        h3=derive("h3", fontName=BOLD, fontSize=9.5, leading=13, spaceBefore=6, keepWithNext=1),
        body=derive("body", spaceAfter=4),
        small=derive("small", fontSize=8.5, leading=12, textColor=muted, spaceAfter=4),
        question=derive(
            "question",
            fontName=BOLD,
            fontSize=8.5,
            leading=11.5,
            textColor=muted,
            spaceBefore=7,
            keepWithNext=1,
        ),
        answer=derive("answer", leftIndent=8, spaceBefore=1),
        non_response=derive(
            "non_response", fontName=ITALIC, leftIndent=8, spaceBefore=1, textColor=muted
        ),
        note=derive(
            "note",
            fontName=ITALIC,
            fontSize=8.5,
            leading=12,
            leftIndent=8,
            spaceBefore=2,
            textColor=muted,
        ),
        cell=derive("cell", fontSize=8.5, leading=11.5),
        cell_head=derive("cell_head", fontName=BOLD, fontSize=8.5, leading=11.5),
        key=derive("key", fontName=BOLD, fontSize=8.5, leading=12, textColor=muted),
        value=derive("value", fontSize=9.5, leading=12.5),
        fine=derive("fine", fontSize=7.5, leading=10, textColor=muted),
    )


def table_style(
    header: bool = True, zebra: bool = False, rows: int = 0, tight: bool = False
) -> Any:
    """Hairline grid, shaded header row, top-aligned cells."""
    from reportlab.lib import colors
    from reportlab.platypus import TableStyle

    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), FAMILY),  # the default would add Helvetica, unembedded
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor(RULE)),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 5),
        ("TOPPADDING", (0, 0), (-1, -1), 2 if tight else 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5 if tight else 4),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(SHADE)),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.HexColor(ACCENT)),
        ]
    if zebra:
        start = 1 if header else 0
        commands += [
            ("BACKGROUND", (0, row), (-1, row), colors.HexColor(LIGHT))
            for row in range(start + 1, rows, 2)
        ]
    return TableStyle(commands)
