"""The bundled fonts and which of them draws each character (the fallback chain).

DejaVu Sans is the text face (Latin with diacritics, Cyrillic, Greek, Armenian, Georgian,
Hebrew); Noto Sans Arabic draws Arabic-script letters (Arabic, Farsi/Dari, Urdu, Kurdish
Sorani) and Noto Sans Ethiopic the Ge'ez script (Tigrinya, Amharic). The Noto faces have no
italic: an italic run in those scripts uses the upright face, never DejaVu Sans Oblique, which
has no Arabic. Coverage is read from each font's own character map, so nothing is claimed that
a face cannot draw; a character no face has is replaced by U+FFFD (see ``report.text``).

The fonts ship inside the package (no network, no system fonts) and are registered once per
process as families, so ``<b>`` and ``<i>`` pick the right face in every script.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FAMILY = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
ARABIC = "NotoSansArabic"
ETHIOPIC = "NotoSansEthiopic"
# Each family as (normal, bold, italic, bold italic): a script without italics repeats upright.
FAMILIES: dict[str, tuple[str, str, str, str]] = {
    FAMILY: (FAMILY, BOLD, ITALIC, BOLD_ITALIC),
    ARABIC: (ARABIC, "NotoSansArabic-Bold") * 2,
    ETHIOPIC: (ETHIOPIC, "NotoSansEthiopic-Bold") * 2,
}
FACES = tuple(dict.fromkeys(face for faces in FAMILIES.values() for face in faces))
FILES = {face: f"{face}.ttf" for face in FACES} | {
    ARABIC: "NotoSansArabic-Regular.ttf",
    ETHIOPIC: "NotoSansEthiopic-Regular.ttf",
}
# Letters of these blocks go to their script's font first (DejaVu has some Arabic, not all).
SCRIPT_BLOCKS: tuple[tuple[int, int, str], ...] = (
    (0x0600, 0x06FF, ARABIC),
    (0x0750, 0x077F, ARABIC),
    (0x08A0, 0x08FF, ARABIC),
    (0xFB50, 0xFDFF, ARABIC),  # presentation forms A (Farsi, Urdu letters after shaping)
    (0xFE70, 0xFEFF, ARABIC),  # presentation forms B
    (0x1200, 0x139F, ETHIOPIC),
    (0x2D80, 0x2DDF, ETHIOPIC),
    (0xAB00, 0xAB2F, ETHIOPIC),
)
REPLACEMENT = "\ufffd"  # drawn by DejaVu Sans: a visible mark, never an empty box


@cache
def register_fonts() -> str:
    """Register every face and family with reportlab; return the text family's name."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for face in FACES:
        pdfmetrics.registerFont(TTFont(face, str(FONT_DIR / FILES[face])))
    for family, (normal, bold, italic, bold_italic) in FAMILIES.items():
        # Paragraph markup resolves <b>/<i> through these mappings. Upright last, so that a
        # face shared by upright and italic (Noto) reads back as upright.
        addMapping(family, 1, 1, bold_italic)
        addMapping(family, 0, 1, italic)
        addMapping(family, 1, 0, bold)
        addMapping(family, 0, 0, normal)
    return FAMILY


@cache
def charset(face: str) -> frozenset[int]:
    """The code points ``face`` has a glyph for, from its own character map."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    return frozenset(TTFontFile(str(FONT_DIR / FILES[face])).charToGlyph)


def covers(family: str, code: int) -> bool:
    """Whether every face of ``family`` (regular, bold, italic) can draw ``code``."""
    return all(code in charset(face) for face in set(FAMILIES[family]))


_CHOSEN: dict[str, str | None] = {}


def family_for(char: str) -> str | None:
    """The family that draws ``char`` in any weight and slant; None when no bundled font can."""
    chosen = _CHOSEN.get(char, "")
    if chosen != "":
        return chosen
    code = ord(char)
    preferred = [family for low, high, family in SCRIPT_BLOCKS if low <= code <= high]
    order = [*preferred, FAMILY, *(f for f in FAMILIES if f not in preferred and f != FAMILY)]
    result = next((family for family in order if covers(family, code)), None)
    _CHOSEN[char] = result
    return result
