"""The bundled DejaVu Sans family: covers Danish, Latin Extended and Arabic-script letters.

The fonts ship inside the package (no network, no system fonts), and are registered once per
process as a family so that ``<b>`` and ``<i>`` in paragraphs pick the right face.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FAMILY = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
FACES = (FAMILY, BOLD, ITALIC, BOLD_ITALIC)


@cache
def register_fonts() -> str:
    """Register the four faces and the family with reportlab; return the family name."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for face in FACES:
        pdfmetrics.registerFont(TTFont(face, str(FONT_DIR / f"{face}.ttf")))
    pdfmetrics.registerFontFamily(
        FAMILY, normal=FAMILY, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    # Paragraph markup resolves <b>/<i> through these mappings.
    addMapping(FAMILY, 0, 0, FAMILY)
    addMapping(FAMILY, 1, 0, BOLD)
    addMapping(FAMILY, 0, 1, ITALIC)
    addMapping(FAMILY, 1, 1, BOLD_ITALIC)
    return FAMILY
