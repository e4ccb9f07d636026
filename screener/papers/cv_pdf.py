"""The CV-postkort as a PDF: one A5 landscape card, twice on an A4 sheet with a cut line.

Why this format: a company owner gets the whole candidate on one side, without turning the
card over; the candidate prints it at home on plain A4 and cuts once, getting two cards. Black
text on white with grey rules only, so a black-and-white printer loses nothing.

The layout is measured before it is drawn (``fit``): the fonts shrink a little for a full card,
and a card that still does not fit is never drawn; the fit check names what is too long, so the
edit screen can say it and no text is ever lost off the card.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from screener.errors import ExportError
from screener.i18n import _
from screener.papers.fields import CV_FIELDS

MM = 72 / 25.4
A4_WIDTH, A4_HEIGHT = 595.2756, 841.8898
CARD_WIDTH, CARD_HEIGHT = A4_WIDTH, A4_HEIGHT / 2  # A5 landscape: half an A4 sheet
PAD_X, PAD_Y = 13 * MM, 11 * MM
INNER_WIDTH = CARD_WIDTH - 2 * PAD_X
INNER_HEIGHT = CARD_HEIGHT - 2 * PAD_Y
GUTTER = 8 * MM
LEFT_SHARE = 0.55
# The largest that fits is used: a sparse card reads from further away; a full card shrinks
# this far, no further (7.2 pt labels, 8 pt text).
SCALES = (1.25, 1.2, 1.15, 1.1, 1.05, 1.0, 0.95, 0.9, 0.85, 0.8)
LEFT = ("experience", "tools", "skills")
RIGHT = ("languages", "licence", "availability", "contact")
INK, GREY, RULE = "#000000", "#4a4a4a", "#8c8c8c"


@dataclass
class Fit:
    """Whether the card fits its page, at which font scale, and if not: about how many lines
    too many, the field keys to shorten (longest first), and whether the top is too tall."""

    fits: bool
    scale: float
    lines_over: int = 0
    longest: list[str] = field(default_factory=list)
    top_heavy: bool = False


def _label(key: str) -> str:
    return _(next(f.label for f in CV_FIELDS if f.key == key))


def _styles(scale: float) -> dict[str, Any]:
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    from screener.report.fonts import BOLD, FAMILY, ITALIC, register_fonts

    register_fonts()
    ink, grey = colors.HexColor(INK), colors.HexColor(GREY)

    def style(name: str, font: str, size: float, **kw: Any) -> Any:
        size *= scale
        kw.setdefault("textColor", ink)
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.22, **kw)

    return {
        "kicker": style("kicker", BOLD, 7, textColor=grey),
        "name": style("name", BOLD, 24),
        "job": style("job", BOLD, 13.5, spaceBefore=2),
        "label": style("label", BOLD, 6.5, textColor=grey, spaceBefore=6.5 * scale),
        "value": style("value", FAMILY, 10),
        "contact": style("contact", BOLD, 10),
        "quote": style("quote", ITALIC, 10.5),
    }


def _lines(text: str) -> str:
    from screener.papers.markup import esc

    return "<br/>".join(esc(line.strip()) for line in text.strip().split("\n") if line.strip())


def _block(key: str, text: str, st: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import Paragraph

    from screener.papers.markup import esc

    return [
        Paragraph(esc(_label(key).upper()), st["label"]),
        Paragraph(_lines(text), st["contact" if key == "contact" else "value"]),
    ]


@dataclass
class _Parts:
    top: list[Any]
    left: list[Any]
    right: list[Any]
    quote: list[Any]
    blocks: dict[str, list[Any]]  # field key -> its flowables, for naming what is too long


def _parts(fields: dict[str, str], scale: float) -> _Parts:
    from reportlab.platypus import Paragraph

    from screener.papers.markup import esc

    st = _styles(scale)
    blocks: dict[str, list[Any]] = {}
    name = fields.get("name", "").strip()
    top = [Paragraph(_lines(name), st["name"])] if name else []
    blocks["name"] = list(top)
    job = fields.get("job", "").strip()
    if job:
        job_flow = [
            Paragraph(esc(_label("job").upper()), st["label"]),
            Paragraph(_lines(job), st["job"]),
        ]
        blocks["job"] = job_flow
        top += job_flow
    columns: dict[str, list[Any]] = {"left": [], "right": []}
    for column, keys in (("left", LEFT), ("right", RIGHT)):
        for key in keys:
            text = fields.get(key, "").strip()
            if text:
                blocks[key] = _block(key, text, st)
                columns[column] += blocks[key]
    quote = fields.get("quote", "").strip().strip('"“”„«»')
    quote_flow = [Paragraph(f"“{_lines(quote)}”", st["quote"])] if quote else []
    blocks["quote"] = quote_flow
    return _Parts(top, columns["left"], columns["right"], quote_flow, blocks)


def _height(flowables: list[Any], width: float) -> float:
    """Height in a frame of ``width``: as platypus stacks them (no space before the first)."""
    total = 0.0
    for index, flowable in enumerate(flowables):
        _w, h = flowable.wrap(width, 10_000)
        before = flowable.getSpaceBefore() if index else 0.0
        total += before + h + flowable.getSpaceAfter()
    return total


def _widths() -> tuple[float, float]:
    left = (INNER_WIDTH - GUTTER) * LEFT_SHARE
    return left, INNER_WIDTH - GUTTER - left


TOP_GAP, QUOTE_GAP, SLACK = 7.0, 8.0, 2.0


def _room(parts: _Parts) -> tuple[float, float, float]:
    """(top band, tallest column, quote) heights."""
    left_w, right_w = _widths()
    top = _height(parts.top, INNER_WIDTH)
    body = max(_height(parts.left, left_w), _height(parts.right, right_w))
    quote = _height(parts.quote, INNER_WIDTH)
    return top, body, quote


def _needed(parts: _Parts) -> float:
    top, body, quote = _room(parts)
    return top + TOP_GAP + body + (QUOTE_GAP + quote if parts.quote else 0.0) + SLACK


def fit(fields: dict[str, str]) -> Fit:
    """Measure the card at each font scale; call inside the card language's ``_()``."""
    smallest = _parts(fields, SCALES[-1])
    if _needed(smallest) > INNER_HEIGHT:  # measured first: the edit screen asks on every pause
        return _overflow(smallest)
    for scale in SCALES[:-1]:
        if _needed(_parts(fields, scale)) <= INNER_HEIGHT:
            return Fit(True, scale)
    return Fit(True, SCALES[-1])


def _overflow(parts: _Parts) -> Fit:
    """What is too long at the smallest fonts."""
    left_w, right_w = _widths()
    over = _needed(parts) - INNER_HEIGHT
    line = parts.left[1].style.leading if len(parts.left) > 1 else 12.0
    top, _body, _quote = _room(parts)
    heavy_left = _height(parts.left, left_w) >= _height(parts.right, right_w)
    widths = {key: left_w for key in LEFT} | {key: right_w for key in RIGHT}
    sizes = []
    for key in ("name", "job", "quote", *(LEFT if heavy_left else RIGHT)):
        blocks = parts.blocks.get(key) or []
        if blocks:
            sizes.append((_height(blocks, widths.get(key, INNER_WIDTH)), key))
    sizes.sort(reverse=True)
    # The second field is named only when it is big too: "shorten the quote" is clearer alone.
    longest = [key for h, key in sizes[:2] if h >= sizes[0][0] / 2]
    return Fit(
        fits=False,
        scale=SCALES[-1],
        lines_over=max(1, round(over / line + 0.49)),
        longest=longest,
        top_heavy=top > INNER_HEIGHT / 3,
    )


def describe(result: Fit) -> list[str]:
    """What does not fit, in words the consultant can act on (in the current language)."""
    if result.fits:
        return []
    problems = [
        _("The card is about {lines} lines too full.").format(lines=result.lines_over),
        _("Shorten: {fields}.").format(fields=", ".join(_label(k) for k in result.longest)),
    ]
    if result.top_heavy:
        problems.append(_("The name and the job take a third of the card: shorten them."))
    return problems


def warnings(fields: dict[str, str]) -> list[str]:
    """Things that are not wrong but make the card less useful (shown, never blocking)."""
    found = []
    contact = fields.get("contact", "")
    if not any(ch.isdigit() for ch in contact) and "@" not in contact:
        found.append(_("The contact has no phone number or e-mail yet."))
    if not fields.get("job", "").strip():
        found.append(_("The card does not say which job the candidate is looking for."))
    return found


def render_cv_bytes(fields: dict[str, str], lang: str) -> bytes:
    """The A4 sheet with two cards and a cut line; raises ExportError if the card does not
    fit (nothing is drawn then). Call inside the card language's ``_()``."""
    from reportlab.pdfgen.canvas import Canvas

    import screener
    from screener.report.fonts import FAMILY, register_fonts

    register_fonts()
    result = fit(fields)
    if not result.fits:
        raise ExportError(
            _("The CV-postkort does not fit its card: {problems}").format(
                problems=" ".join(describe(result))
            )
        )
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(A4_WIDTH, A4_HEIGHT), initialFontName=FAMILY, lang=lang)
    canvas.setTitle(_("CV-postkort"))
    canvas.setCreator(f"Screener {screener.__version__}")
    for bottom in (CARD_HEIGHT, 0.0):
        _draw_card(canvas, lambda: _parts(fields, result.scale), bottom)
    _cut_line(canvas)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw_card(canvas: Any, build: Callable[[], _Parts], bottom: float) -> None:
    from reportlab.lib import colors
    from reportlab.platypus import Frame

    from screener.report.fonts import BOLD

    parts = build()
    left_w, right_w = _widths()
    x0, top_y = PAD_X, bottom + CARD_HEIGHT - PAD_Y
    top_h, body_h, quote_h = _room(parts)
    canvas.saveState()
    canvas.setFillColor(colors.HexColor(GREY))
    canvas.setFont(BOLD, 6.5)
    canvas.drawRightString(x0 + INNER_WIDTH, top_y + 3 * MM, _("CV-postkort").upper())
    canvas.restoreState()

    def frame(x: float, y_top: float, width: float, height: float, flow: list[Any]) -> None:
        box = Frame(x, y_top - height - 1, width, height + 1, 0, 0, 0, 0, showBoundary=0)
        box.addFromList(flow, canvas)

    frame(x0, top_y, INNER_WIDTH, top_h, parts.top)
    rule_y = top_y - top_h - TOP_GAP / 2
    canvas.saveState()
    canvas.setStrokeColor(colors.HexColor(INK))
    canvas.setLineWidth(1.2)
    canvas.line(x0, rule_y, x0 + INNER_WIDTH, rule_y)
    canvas.restoreState()
    body_top = top_y - top_h - TOP_GAP
    frame(x0, body_top, left_w, body_h, parts.left)
    right_x = x0 + left_w + GUTTER
    canvas.saveState()
    canvas.setStrokeColor(colors.HexColor(RULE))
    canvas.setLineWidth(0.5)
    canvas.line(right_x - GUTTER / 2, body_top - 2, right_x - GUTTER / 2, body_top - body_h)
    canvas.restoreState()
    frame(right_x, body_top, right_w, body_h, parts.right)
    if parts.quote:
        quote_top = bottom + PAD_Y + quote_h
        canvas.saveState()
        canvas.setStrokeColor(colors.HexColor(RULE))
        canvas.setLineWidth(0.5)
        canvas.line(x0, quote_top + QUOTE_GAP / 2, x0 + INNER_WIDTH, quote_top + QUOTE_GAP / 2)
        canvas.restoreState()
        frame(x0, quote_top, INNER_WIDTH, quote_h, parts.quote)


def _cut_line(canvas: Any) -> None:
    from reportlab.lib import colors

    from screener.report.fonts import FAMILY

    canvas.saveState()
    canvas.setStrokeColor(colors.HexColor(RULE))
    canvas.setLineWidth(0.6)
    canvas.setDash(4, 3)
    canvas.line(0, CARD_HEIGHT, A4_WIDTH, CARD_HEIGHT)
    canvas.setFillColor(colors.HexColor(GREY))
    canvas.setFont(FAMILY, 7)
    text = "✂  " + _("Cut here")
    canvas.setFillColor(colors.white)
    width = canvas.stringWidth(text, FAMILY, 7)
    canvas.rect(PAD_X - 2, CARD_HEIGHT - 4, width + 4, 8, stroke=0, fill=1)
    canvas.setFillColor(colors.HexColor(GREY))
    canvas.drawString(PAD_X, CARD_HEIGHT - 2.5, text)
    canvas.restoreState()
