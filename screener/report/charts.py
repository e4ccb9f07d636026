"""Rating bars for what people would rather look at than read.

Segmented bars (filled / empty) print clearly in grey and need no legend; every bar has its
value written beside or under it. A chart is a flowable that draws its boxes, lines and labels
straight on the canvas, in the order they were added: a reportlab.graphics Drawing made an
object per box and compared drawing state for each, about a twentieth of the report's time.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, partial
from typing import Any

from screener.report.fonts import BOLD, FAMILY, ITALIC
from screener.report.profile import LanguageRow
from screener.report.styles import ACCENT, CONTENT_WIDTH, INK, MUTED, RULE
from screener.report.text import runs_width, visual_runs

Flowable = Any
SEGMENT_GAP = 2.0
EMPTY = "#e4e8ee"


@cache
def _color(code: str) -> Any:
    from reportlab.lib import colors

    return colors.HexColor(code)


@cache
def _chart_class() -> type:
    from reportlab.platypus.flowables import Flowable as Base

    class Chart(Base):  # type: ignore[misc]
        """A fixed-size picture: ``ops`` draw it with the origin at its lower left corner."""

        def __init__(self, width: float, height: float) -> None:
            super().__init__()
            self.width, self.height = width, height
            self.ops: list[Callable[[Any], None]] = []

        def wrap(self, _width: float, _height: float) -> tuple[float, float]:
            return self.width, self.height

        def draw(self) -> None:
            for op in self.ops:
                op(self.canv)

    return Chart


def _chart(width: float, height: float) -> Any:
    return _chart_class()(width, height)


def _boxes(
    canvas: Any, lefts: list[float], y: float, width: float, height: float, filled: int
) -> None:
    """A bar's boxes: the first ``filled`` dark, the rest empty."""
    canvas.setLineWidth(0.4)
    for index, x in enumerate(lefts):
        if index in (0, filled):
            canvas.setFillColor(_color(ACCENT if index < filled else EMPTY))
            canvas.setStrokeColor(_color(ACCENT if index < filled else RULE))
        canvas.rect(x, y, width, height, stroke=1, fill=1)


def _run(canvas: Any, x: float, y: float, run: str, face: str, size: float, color: str) -> None:
    canvas.setFillColor(_color(color))
    canvas.setFont(face, size)
    canvas.drawString(x, y, run)


def _rule(canvas: Any, x1: float, y: float, x2: float) -> None:
    canvas.setStrokeColor(_color(RULE))
    canvas.setLineWidth(0.6)
    canvas.line(x1, y, x2, y)


def _bar(
    chart: Any, x: float, y: float, width: float, height: float, filled: int, segments: int
) -> None:
    """``segments`` boxes side by side, the first ``filled`` of them dark."""
    segments = max(segments, 1)
    seg = (width - SEGMENT_GAP * (segments - 1)) / segments
    lefts = [x + index * (seg + SEGMENT_GAP) for index in range(segments)]
    chart.ops.append(partial(_boxes, lefts=lefts, y=y, width=seg, height=height, filled=filled))


def _text(
    chart: Any,
    x: float,
    y: float,
    text: str,
    size: float = 8.5,
    font: str = FAMILY,
    color: str = INK,
    anchor: str = "start",
) -> None:
    """A label in every script: one run per font, in display order."""
    from reportlab.lib.fonts import ps2tt

    _family, bold, italic = ps2tt(font)
    pieces = visual_runs(text, bool(bold), bool(italic))
    width = runs_width(pieces, size)
    x -= {"end": width, "middle": width / 2}.get(anchor, 0.0)
    for face, run in pieces:
        chart.ops.append(partial(_run, x=x, y=y, run=run, face=face, size=size, color=color))
        x += runs_width([(face, run)], size)


def _lines(text: str, font: str, size: float, width: float, most: int = 2) -> list[str]:
    """Wrap a label to ``most`` lines; the last one ends in an ellipsis if it had to be cut."""
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[str] = simpleSplit(text, font, size, width) or [""]
    if len(lines) > most:
        # What fits is a start of the last line and the next (the next did not fit after it):
        # the longest start that fits with the ellipsis, found by halving (widths only grow).
        last = " ".join(lines[most - 1 : most + 1])
        low, high = 0, len(last)
        while low < high:
            middle = (low + high + 1) // 2
            if stringWidth(last[:middle] + "…", font, size) <= width:
                low = middle
            else:
                high = middle - 1
        lines = [*lines[: most - 1], last[:low].rstrip() + "…"]
    return lines


def competence_chart(rows: list[tuple[str, str, tuple[int, int] | None]]) -> Flowable:
    """One row per competence: label, a segmented bar, and the value ('4/5')."""
    row_height, label_width, value_width = 24.0, CONTENT_WIDTH * 0.40, 46.0
    bar_width = CONTENT_WIDTH - label_width - value_width - 12
    chart = _chart(CONTENT_WIDTH, row_height * len(rows) + 4)
    for index, (label, missing, lvl) in enumerate(rows):
        top = chart.height - index * row_height
        lines = _lines(label, FAMILY, 8.5, label_width - 8)
        first_baseline = top - row_height / 2 + (len(lines) - 1) * 5 - 3
        for number, line in enumerate(lines):
            _text(chart, 0, first_baseline - number * 10, line)
        bar_y = top - row_height / 2 - 5
        if lvl is None:
            _text(chart, label_width, bar_y + 2, missing, 8, ITALIC, MUTED)
            continue
        filled, segments = lvl
        _bar(chart, label_width, bar_y, bar_width, 10, filled, segments)
        _text(chart, CONTENT_WIDTH, bar_y + 1.5, f"{filled}/{segments}", 9, BOLD, INK, "end")
    return chart


def language_chart(rows: list[LanguageRow]) -> Flowable:
    """A grid: one row per language, a small bar per skill with its level written beneath."""
    names = [s.skill for s in rows[0].skills] if rows else []
    name_width = CONTENT_WIDTH * 0.24
    cell = (CONTENT_WIDTH - name_width) / max(len(names), 1)
    head, row_height = 16.0, 30.0
    chart = _chart(CONTENT_WIDTH, head + row_height * len(rows))
    top = chart.height
    for column, name in enumerate(names):
        _text(chart, name_width + column * cell, top - 10, name, 8, BOLD, MUTED)
    chart.ops.append(partial(_rule, x1=0, y=top - head + 3, x2=CONTENT_WIDTH))
    for index, row in enumerate(rows):
        y = top - head - index * row_height
        name = _lines(row.name, BOLD, 9, name_width - 8, most=1)[0]
        _text(chart, 0, y - 15, name, 9, BOLD)
        for column, skill in enumerate(row.skills):
            x = name_width + column * cell
            label = _lines(skill.short or "–", FAMILY, 7, cell - 10, most=1)[0]
            if skill.level is not None:
                filled, segments = skill.level
                _bar(chart, x, y - 13, cell - 14, 7, filled, segments)
                _text(chart, x, y - 23, label, 7, FAMILY, MUTED)
            else:
                _text(chart, x, y - 15, label, 7.5, ITALIC, MUTED)
    return chart
