"""Small builders of flowables shared by the chapters: headings, Q&A blocks, tables.

Every function here takes plain text and escapes it itself, so callers cannot forget.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from screener.i18n import _
from screener.report.answers import Display, Shown
from screener.report.fonts import FAMILY
from screener.report.paragraph import paragraph
from screener.report.styles import (
    ACCENT,
    CONTENT_WIDTH,
    FLAG,
    clip,
    esc,
    styles,
    table_style,
)
from screener.report.text import is_rtl

Flowable = Any
# Tables hold short texts only: a cell cannot split across pages, long text goes outside.
CELL_LIMIT = 600
# Longest piece of text in one Paragraph. reportlab breaks the rest of a paragraph into lines
# again on every page it continues on, so one huge paragraph costs time with the square of its
# length; pieces of this size keep a 1 MB answer linear.
CHUNK = 2000


def para(text: str, style: Any = None) -> Flowable:
    return paragraph(esc(text), style or styles().body)


def paras(
    text: str, style: Any = None, lead: str = "", form: str = "{}", bullet: str | None = None
) -> list[Flowable]:
    """Long text as a column of paragraphs: one per line of the text, long lines in pieces.

    The pieces of one text sit as close as the lines of one paragraph would; only the first
    keeps the style's space before and the last its space after. ``lead`` is markup before the
    text (a label) and ``bullet`` the first piece's bullet; ``form`` is the markup around each
    piece ("<b>{}</b>").
    """
    style = style or styles().body
    # Every piece of a line is set in the line's direction: a piece of a Danish sentence that
    # starts with an Arabic name is still read left to right.
    pieces = [(piece, is_rtl(line)) for line in text.split("\n") for piece in chunks(line)]
    if len(pieces) <= 1:
        return [paragraph(form.format(lead + esc(text)), style, bullet)]
    last = len(pieces) - 1
    return [
        paragraph(
            form.format((lead if index == 0 else "") + (esc(piece) or "&nbsp;")),
            _tight(style, index == 0, index == last),
            bullet if index == 0 else None,
            rtl,
        )
        for index, (piece, rtl) in enumerate(pieces)
    ]


def long_text(
    text: str, style: Any, lead: str = "", form: str = "{}", bullet: str | None = None
) -> list[Flowable]:
    """Text that is usually short (a value after its label): one paragraph, lines and all,
    and only when longer than a piece the column of ``paras``."""
    if len(text) <= CHUNK:
        return [paragraph(form.format(lead + esc(text)), style, bullet)]
    return paras(text, style, lead, form, bullet)


def chunks(line: str, size: int = CHUNK) -> list[str]:
    """``line`` cut into pieces of at most ``size`` characters, after a sentence or a space.

    Walks the line by position: taking the rest as a new string for each piece would copy
    a long line as many times as it has pieces.
    """
    pieces: list[str] = []
    start, end = 0, len(line)
    while end - start > size:
        low, high = start + size // 2, start + size
        cut = line.rfind(". ", low, high) + 1 or line.rfind(" ", low, high)
        cut = cut if cut > start else high
        pieces.append(line[start:cut])
        start = cut
        while start < end and line[start] == " ":
            start += 1
    return [*pieces, line[start:]]


@cache
def _tight(style: Any, first: bool, last: bool) -> Any:
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(
        f"{style.name}-{int(first)}{int(last)}",
        parent=style,
        spaceBefore=style.spaceBefore if first else 0,
        spaceAfter=style.spaceAfter if last else 0,
    )


def markup(html: str, style: Any = None) -> Flowable:
    """A paragraph from markup the caller built with ``esc`` around every piece of data."""
    return paragraph(html, style or styles().body)


def chapter(title: str) -> list[Flowable]:
    """A chapter heading with a thin accent rule; never left alone at the foot of a page."""
    from reportlab.lib import colors
    from reportlab.platypus import CondPageBreak, HRFlowable

    return [
        CondPageBreak(90),
        para(title, styles().h1),
        HRFlowable(
            width="100%",
            thickness=0.8,
            color=colors.HexColor(ACCENT),
            spaceBefore=0,
            spaceAfter=6,
        ),
    ]


def heading(title: str, keep: bool = True) -> Flowable:
    """A sub-heading; ``keep=False`` lets a long table after it start on the same page."""
    return para(title, styles().h2 if keep else styles().h2_loose)


def shown_paragraph(shown: Display, style: Any = None) -> Flowable:
    """An answer; non-responses and "not asked" in grey italics so they never read as values."""
    s = styles()
    if shown.shown is Shown.VALUE:
        return para(shown.text, style or s.answer)
    return para(shown.text, s.non_response)


def shown_paragraphs(shown: Display, style: Any = None) -> list[Flowable]:
    """An answer of any length in the main flow (it splits across pages)."""
    if shown.shown is Shown.VALUE:
        return paras(shown.text, style or styles().answer)
    return [shown_paragraph(shown)]


def question_block(
    label: str, shown: Display, note: str = "", flagged: bool = False
) -> list[Flowable]:
    """Question label, answer, then the consultant's note and the follow-up mark if any."""
    blocks = [question_label(label, flagged), *shown_paragraphs(shown)]
    if note.strip():
        blocks += note_paragraphs(note)
    return blocks


def bullet_list(items: list[str], style: Any = None) -> list[Flowable]:
    """One paragraph per item with a hanging bullet: a checklist reads as a list."""
    style = _bulleted(style or styles().answer)
    return [flowable for item in items for flowable in long_text(item, style, bullet="•")]


@cache
def _bulleted(style: Any) -> Any:
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(
        f"{style.name}-bullet",
        parent=style,
        leftIndent=style.leftIndent + 11,
        bulletIndent=style.leftIndent + 1,
        spaceBefore=0,
        spaceAfter=0,
    )


def question_label(label: str, flagged: bool = False) -> Flowable:
    head = esc(label)
    if flagged:
        head += "  " + follow_up_mark()
    return markup(head, styles().question)


def follow_up_mark() -> str:
    """The coloured mark of a flagged question (markup; the words are escaped)."""
    words = esc(_("For follow-up"))
    return f'<font color="{FLAG}">■ {words}</font>'


def note_paragraphs(note: str) -> list[Flowable]:
    """The consultant's note after its heading, in pieces when long (as ``paras``)."""
    # The messages stay outside f-strings: Babel's extractor does not look inside them.
    heading = esc(_("Consultant note:"))
    return paras(note, styles().note, lead=f"<b>{heading}</b> ")


def key_value_table(
    rows: list[tuple[str, Display | str]],
    key_width: float = 0.33,
    width: float = CONTENT_WIDTH,
    limit: int = CELL_LIMIT,
    compact: bool = False,
) -> Flowable:
    """A two-column table of grey keys and values; values are clipped to ``limit``.

    ``compact`` (the overview) uses smaller type and padding so page 1 holds everything.
    """
    from reportlab.platypus import Table

    s = styles()
    data = []
    for key, value in rows:
        shown = value if isinstance(value, Display) else Display(value, Shown.VALUE)
        clipped = Display(clip(shown.text, limit), shown.shown)
        if compact and clipped.shown is Shown.VALUE:
            cell = para(clipped.text, s.cell)
        else:
            cell = shown_paragraph(clipped, s.value)
        data.append([para(key, s.key), cell])
    keys = width * key_width
    table = Table(data, colWidths=[keys, width - keys], hAlign="LEFT")
    table.setStyle(table_style(header=False, tight=compact))
    return table


def side_by_side(left: list[Flowable], right: list[Flowable], gap: float = 14) -> Flowable:
    """Two short columns next to each other (they cannot split: keep them short)."""
    from reportlab.platypus import Table, TableStyle

    half = (CONTENT_WIDTH - gap) / 2
    table = Table([[left, "", right]], colWidths=[half, gap, half], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FAMILY),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def data_table(
    headers: list[str], rows: list[list[str]], widths: list[float] | None = None
) -> Flowable:
    """A table with a shaded header row that repeats on each page; cells are clipped."""
    from reportlab.platypus import Table

    s = styles()
    data = [[para(h, s.cell_head) for h in headers]]
    data += [[para(clip(cell, CELL_LIMIT), s.cell) for cell in row] for row in rows]
    if widths is None:
        widths = [CONTENT_WIDTH / len(headers)] * len(headers)
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(table_style(header=True, zebra=True, rows=len(data)))
    return table
