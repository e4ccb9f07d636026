"""Rating bars for what people would rather look at than read.

Hand-drawn with reportlab.graphics: segmented bars (filled / empty) print clearly in grey and
need no legend; every bar has its value written beside or under it.
"""

from __future__ import annotations

from typing import Any

from screener.report.fonts import BOLD, FAMILY, ITALIC
from screener.report.profile import LanguageRow
from screener.report.styles import ACCENT, CONTENT_WIDTH, INK, MUTED, RULE
from screener.report.text import runs_width, visual_runs

Flowable = Any
SEGMENT_GAP = 2.0


def _drawing(width: float, height: float) -> Any:
    """A Drawing whose initial font is ours: the default would add an unembedded Helvetica."""
    from reportlab.graphics.shapes import Drawing

    drawing = Drawing(width, height)
    drawing.initialFontName = FAMILY
    drawing.initialFontSize = 8.5
    return drawing


def _bar(
    drawing: Any, x: float, y: float, width: float, height: float, filled: int, segments: int
) -> None:
    """``segments`` boxes side by side, the first ``filled`` of them dark."""
    from reportlab.graphics.shapes import Rect
    from reportlab.lib import colors

    segments = max(segments, 1)
    seg = (width - SEGMENT_GAP * (segments - 1)) / segments
    for index in range(segments):
        dark = index < filled
        drawing.add(
            Rect(
                x + index * (seg + SEGMENT_GAP),
                y,
                seg,
                height,
                fillColor=colors.HexColor(ACCENT if dark else "#e4e8ee"),
                strokeColor=colors.HexColor(ACCENT if dark else RULE),
                strokeWidth=0.4,
            )
        )


def _text(
    drawing: Any,
    x: float,
    y: float,
    text: str,
    size: float = 8.5,
    font: str = FAMILY,
    color: str = INK,
    anchor: str = "start",
) -> None:
    """A label in every script: one String per run of a font, in display order."""
    from reportlab.graphics.shapes import String
    from reportlab.lib import colors
    from reportlab.lib.fonts import ps2tt

    _family, bold, italic = ps2tt(font)
    pieces = visual_runs(text, bool(bold), bool(italic))
    width = runs_width(pieces, size)
    x -= {"end": width, "middle": width / 2}.get(anchor, 0.0)
    for face, run in pieces:
        drawing.add(
            String(x, y, run, fontName=face, fontSize=size, fillColor=colors.HexColor(color))
        )
        x += runs_width([(face, run)], size)


def _lines(text: str, font: str, size: float, width: float, most: int = 2) -> list[str]:
    """Wrap a label to ``most`` lines; the last one ends in an ellipsis if it had to be cut."""
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = simpleSplit(text, font, size, width) or [""]
    if len(lines) > most:
        last = " ".join(lines[most - 1 :])
        while last and stringWidth(last + "…", font, size) > width:
            last = last[:-1]
        lines = [*lines[: most - 1], last.rstrip() + "…"]
    return lines


def competence_chart(rows: list[tuple[str, str, tuple[int, int] | None]]) -> Flowable:
    """One row per competence: label, a segmented bar, and the value ('4/5')."""
    row_height, label_width, value_width = 24.0, CONTENT_WIDTH * 0.40, 46.0
    bar_width = CONTENT_WIDTH - label_width - value_width - 12
    drawing = _drawing(CONTENT_WIDTH, row_height * len(rows) + 4)
    for index, (label, missing, lvl) in enumerate(rows):
        top = drawing.height - index * row_height
        lines = _lines(label, FAMILY, 8.5, label_width - 8)
        first_baseline = top - row_height / 2 + (len(lines) - 1) * 5 - 3
        for number, line in enumerate(lines):
            _text(drawing, 0, first_baseline - number * 10, line)
        bar_y = top - row_height / 2 - 5
        if lvl is None:
            _text(drawing, label_width, bar_y + 2, missing, 8, ITALIC, MUTED)
            continue
        filled, segments = lvl
        _bar(drawing, label_width, bar_y, bar_width, 10, filled, segments)
        _text(drawing, CONTENT_WIDTH, bar_y + 1.5, f"{filled}/{segments}", 9, BOLD, INK, "end")
    return drawing


def language_chart(rows: list[LanguageRow]) -> Flowable:
    """A grid: one row per language, a small bar per skill with its level written beneath."""
    from reportlab.graphics.shapes import Line
    from reportlab.lib import colors

    names = [s.skill for s in rows[0].skills] if rows else []
    name_width = CONTENT_WIDTH * 0.24
    cell = (CONTENT_WIDTH - name_width) / max(len(names), 1)
    head, row_height = 16.0, 30.0
    drawing = _drawing(CONTENT_WIDTH, head + row_height * len(rows))
    top = drawing.height
    for column, name in enumerate(names):
        _text(drawing, name_width + column * cell, top - 10, name, 8, BOLD, MUTED)
    drawing.add(
        Line(
            0,
            top - head + 3,
            CONTENT_WIDTH,
            top - head + 3,
            strokeColor=colors.HexColor(RULE),
            strokeWidth=0.6,
        )
    )
    for index, row in enumerate(rows):
        y = top - head - index * row_height
        name = _lines(row.name, BOLD, 9, name_width - 8, most=1)[0]
        _text(drawing, 0, y - 15, name, 9, BOLD)
        for column, skill in enumerate(row.skills):
            x = name_width + column * cell
            label = _lines(skill.short or "–", FAMILY, 7, cell - 10, most=1)[0]
            if skill.level is not None:
                filled, segments = skill.level
                _bar(drawing, x, y - 13, cell - 14, 7, filled, segments)
                _text(drawing, x, y - 23, label, 7, FAMILY, MUTED)
            else:
                _text(drawing, x, y - 15, label, 7.5, ITALIC, MUTED)
    return drawing
