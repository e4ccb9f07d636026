"""The kompetencekort as a PDF: one A4 landscape page for the jobcentre and the company.

A table of the job tasks and competences with tools, level and evidence, and an empty column
the company fills in by hand during the placement (date and what was seen). Empty rows below
leave room for new tasks. It always stays one page: the fonts shrink a little, then the longest
descriptions are shortened (with "…") and ``Card.shortened`` says so; the handover report has
them in full.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from screener.i18n import _, format_date
from screener.papers.competences import CompetenceRow, competence_rows, evidence_legend
from screener.papers.sources import Source
from screener.store.records import Interview

MM = 72 / 25.4
PAGE_WIDTH, PAGE_HEIGHT = 841.8898, 595.2756  # A4 landscape
MARGIN_X, MARGIN_Y = 15 * MM, 13 * MM
FRAME_PADDING = 6  # platypus frames keep 6 pt inside the margins
WIDTH = PAGE_WIDTH - 2 * MARGIN_X - 2 * FRAME_PADDING
SHARES = (0.29, 0.19, 0.11, 0.15, 0.26)  # task, tools, level, evidence, progress
SIZES = (9.0, 8.5, 8.0, 7.5)
LIMITS = (None, 260, 180, 120, 80)  # characters per cell before "…", tried in this order
BLANK_ROW = 24.0  # room for a handwritten line
MIN_BLANK, MAX_BLANK = 2, 8
INK, GREY, RULE, SHADE = "#000000", "#4a4a4a", "#8c8c8c", "#e6e6e6"


@dataclass(frozen=True)
class Card:
    pdf: bytes
    shortened: bool  # some descriptions were shortened to keep the card on one page


def _clip(text: str, limit: int | None) -> str:
    if limit is None or len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _styles(size: float) -> dict[str, Any]:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    from screener.report.fonts import BOLD, FAMILY, register_fonts

    register_fonts()
    ink, grey = colors.HexColor(INK), colors.HexColor(GREY)

    def style(name: str, font: str, points: float, **kw: Any) -> Any:
        kw.setdefault("textColor", ink)
        return ParagraphStyle(name, fontName=font, fontSize=points, leading=points * 1.25, **kw)

    return {
        "kicker": style("kicker", BOLD, 7.5, textColor=grey),
        "name": style("name", BOLD, 18),
        "line": style("line", FAMILY, 9.5, spaceBefore=2),
        "head": style("head", BOLD, size),
        "cell": style("cell", FAMILY, size),
        "fine": style("fine", FAMILY, 7, textColor=grey),
    }


def _header(interview: Interview, branch: str, lang: str, st: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    from screener.papers.markup import esc
    from screener.report.fonts import FAMILY

    info = interview.info
    made = _("Screening interview {date}").format(
        date=format_date(interview.created_at.date(), lang)
    )
    if info.consultant.strip():
        made += " · " + _("Consultant: {name}").format(name=info.consultant.strip())
    flow: list[Any] = [
        Paragraph(esc(_("Kompetencekort").upper()), st["kicker"]),
        Paragraph(esc(info.candidate_name), st["name"]),
    ]
    if branch.strip():
        label = esc(_("Branch recommended"))
        flow.append(Paragraph(f"<b>{label}:</b> {esc(' '.join(branch.split()))}", st["line"]))
    flow += [Paragraph(esc(made), st["line"]), Spacer(1, 6)]
    blanks = [_("Company"), _("Placement period"), _("Contact person at the company")]
    cells = [[Paragraph(f"<b>{esc(label)}:</b>", st["cell"]) for label in blanks]]
    fill = Table(cells, colWidths=[WIDTH / 3] * 3, rowHeights=[20])
    fill.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FAMILY),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("INNERGRID", (0, 0), (-1, -1), 0.5, RULE),
            ]
        )
    )
    return [*flow, fill, Spacer(1, 8)]


def _table(rows: list[CompetenceRow], blank: int, limit: int | None, st: dict[str, Any]) -> Any:
    from reportlab.platypus import Paragraph, Table, TableStyle

    from screener.papers.markup import esc
    from screener.report.fonts import FAMILY

    heads = [
        _("Job task or competence"),
        _("Tools and machines"),
        _("Level"),
        _("Evidence"),
        _("Progress during the placement (date, what was seen)"),
    ]
    data: list[list[Any]] = [[Paragraph(esc(text), st["head"]) for text in heads]]
    for row in rows:
        texts = (_clip(row.task, limit), _clip(row.tools, limit), row.level, row.evidence)
        data.append([Paragraph(esc(_clip(t, limit)), st["cell"]) for t in texts] + [""])
    data += [[""] * 5 for _n in range(blank)]
    heights = [None] * (1 + len(rows)) + [BLANK_ROW] * blank
    table = Table(data, colWidths=[WIDTH * s for s in SHARES], rowHeights=heights, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FAMILY),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("BOX", (0, 0), (-1, -1), 0.8, INK),
                ("INNERGRID", (0, 0), (-1, -1), 0.4, RULE),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
                ("LINEBEFORE", (4, 0), (4, -1), 0.8, INK),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def _legend(src: Source, st: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import Paragraph, Spacer

    from screener.papers.markup import esc

    parts = [
        f"<b>{esc(label)}</b>: {esc(text)}" if text else esc(label)
        for label, text in evidence_legend(src)
    ]
    if not parts:
        return []
    return [Spacer(1, 5), Paragraph(esc(_("Evidence")) + ": " + " · ".join(parts), st["fine"])]


def _height(flowables: list[Any]) -> float:
    total = 0.0
    for index, flowable in enumerate(flowables):
        _w, h = flowable.wrap(WIDTH, 10_000)
        total += (flowable.getSpaceBefore() if index else 0.0) + h + flowable.getSpaceAfter()
    return total


def build_card(interview: Interview, fields: dict[str, str], lang: str) -> tuple[list[Any], bool]:
    """The page's flowables, and whether descriptions had to be shortened (pure; call inside
    the card language's ``_()``). The date printed is the interview's."""
    rows = competence_rows(interview, lang)
    src = Source(interview, lang)
    room = PAGE_HEIGHT - 2 * (MARGIN_Y + FRAME_PADDING) - 4
    for limit in LIMITS:
        for size in SIZES:
            st = _styles(size)
            top = _header(interview, fields.get("branch", ""), lang, st)
            legend = _legend(src, st)
            table = _table(rows, MIN_BLANK, limit, st)
            used = _height([*top, table, *legend])
            if used <= room:
                extra = min(MAX_BLANK - MIN_BLANK, int((room - used) // BLANK_ROW))
                table = _table(rows, MIN_BLANK + extra, limit, st)
                return [*top, table, *legend], limit is not None
    # Even the shortest cells make too many rows: the first rows that fit, and a last row that
    # says how many more the handover report has (nothing disappears without a word).
    st = _styles(SIZES[-1])
    top = _header(interview, fields.get("branch", ""), lang, st)
    legend = _legend(src, st)
    for keep in range(len(rows) - 1, -1, -1):
        more = len(rows) - keep
        note = CompetenceRow(
            task=_("{count} more in the handover report").format(count=more),
            tools="",
            level="",
            evidence="",
        )
        table = _table([*rows[:keep], note], 0, LIMITS[-1], st)
        if _height([*top, table, *legend]) <= room or keep == 0:
            return [*top, table, *legend], True
    return [*top, _table([], MIN_BLANK, None, st), *legend], True


def render_card(interview: Interview, fields: dict[str, str], lang: str) -> Card:
    """The kompetencekort as PDF bytes; call inside the card language's ``_()``."""
    from reportlab.platypus import SimpleDocTemplate

    import screener
    from screener.report.fonts import FAMILY, register_fonts

    register_fonts()
    story, shortened = build_card(interview, fields, lang)
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_Y,
        bottomMargin=MARGIN_Y,
        title=_("Kompetencekort"),
        creator=f"Screener {screener.__version__}",
        lang=lang,
        initialFontName=FAMILY,
    )
    doc.build(story)
    return Card(buffer.getvalue(), shortened)
