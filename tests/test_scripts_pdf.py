"""Every script the candidates write in reaches the PDF as letters, not boxes, in reading order.

An invented interview holds Danish, Arabic, Farsi, Kurdish (Sorani), Tigrinya/Amharic (Ge'ez),
Ukrainian/Russian, Somali and Turkish text and an emoji. The checks read the laid-out
paragraphs (which font draws which characters), the fonts' own character maps, and the PDF's
text in drawing order.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from functools import cache
from typing import Any

import pytest
from pypdf import PdfReader
from support.report import make_interview, ok

from screener import i18n
from screener.report import build_story
from screener.report.fonts import FAMILIES, FILES, FONT_DIR, REPLACEMENT, family_for
from screener.report.render import missing_warning, render_report
from screener.report.text import RTL
from screener.store.records import Consent

GENERATED = datetime(2026, 11, 22, 13, 0)
NAME = "Yonas Tesfamariam ዮናስ ተስፋማርያም"
ARABIC_NAME = "سلمى الخطيب"
EMOJI = "🎉"  # no bundled font has it: printed as U+FFFD, with a warning
SAMPLES = {
    "danish": "Ærø, Øster Åby: æøå ÆØÅ",
    "arabic": f"اسمي {ARABIC_NAME} وأعمل ممرضة منذ عشر سنوات.",
    "farsi": "پدرم در کابل چاپخانه داشت؛ ژاله و گلی خواهرانم هستند.",
    "kurdish": "ناوم ڕێزان ئەحمەدە و لە هەولێر کارم کردووە.",
    "geez": "ዮናስ ተስፋማርያም ትግርኛ ይዛረብ። አማርኛም ይናገራል።",
    "cyrillic": "Олена Коваль, Київ; Ирина Смирнова, Москва",
    "somali": "Maxamed Cabdullaahi Xuseen, Muqdisho",
    "turkish": "Şükrü Öztürk, İzmir ğ ı ş",
}
# Further scripts the fonts must cover (checked on the character maps only).
MORE_SAMPLES = {
    "urdu": "اردو زبان ٹھیک ہے، ڈاکٹر بڑا",
    "pashto": "پښتو ژبه",
    "hebrew": "עברית",
    "armenian": "Հայերեն",
    "georgian": "ქართული",
    "greek": "Ελληνικά",
    "vietnamese": "Nguyễn Thị Ánh",
}
MIXED = f"Hun hedder {ARABIC_NAME} og taler arabisk (عربي) og dansk."


def interview() -> Any:
    answers = {
        "mother_tongue": ok("mother_tongue", "Tigrinya (ትግርኛ)"),
        "centre": ok("centre", SAMPLES["cyrillic"]),
        "work_story": ok("work_story", "\n".join([MIXED, *SAMPLES.values()])),
        "strengths": ok("strengths", SAMPLES["farsi"]),
        "friends": ok("friends", SAMPLES["kurdish"]),
        "wishes": ok("wishes", SAMPLES["somali"] + " " + EMOJI),
        "health": ok("health", SAMPLES["arabic"] * 6),
        "a_strengths": ok("a_strengths", SAMPLES["geez"]),
    }
    base = make_interview(answers=answers)
    notes = {**base.notes, "stable": f"Noteret af tolken: {ARABIC_NAME}, {SAMPLES['geez']}"}
    info = replace(base.info, candidate_name=NAME, interpreter_name="Reza Ahmadi")
    consent = Consent(
        screening=True,
        handover=True,
        language="fa",
        interpreter="Reza Ahmadi",
        sensitive=True,
        cv_postcard=True,
    )
    return replace(base, info=info, notes=notes, consent=consent)


@pytest.fixture(scope="module", params=["da", "en"])
def rendered(request: pytest.FixtureRequest) -> Any:
    return render_report(interview(), request.param, GENERATED)


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)


def _plain(text: str) -> str:
    """Presentation forms back to letters (shaping is undone, order is kept)."""
    return unicodedata.normalize("NFKC", text)


# --- fonts: only the coverage each font has ---------------------------------------------------


@cache
def _cmap(face: str) -> frozenset[int]:
    """Read from the font file here, independently of ``report.fonts``."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    return frozenset(TTFontFile(str(FONT_DIR / FILES[face])).charToGlyph)


@pytest.mark.parametrize("script", sorted(SAMPLES | MORE_SAMPLES))
def test_every_face_of_the_chosen_family_has_the_letters(script: str) -> None:
    from screener.report.text import shape

    for char in set(shape((SAMPLES | MORE_SAMPLES)[script])) - {" "}:
        family = family_for(char)
        assert family is not None, (script, char)
        for face in set(FAMILIES[family]):
            assert ord(char) in _cmap(face), (script, char, face)


def test_no_font_claims_the_emoji() -> None:
    assert family_for(EMOJI) is None


def test_italic_arabic_is_drawn_upright_in_an_arabic_font() -> None:
    from screener.report.layout import note_paragraphs

    with i18n.language("da"):
        (note,) = note_paragraphs(f"{ARABIC_NAME} ዮናስ Олена")
    by_char = {c: f.fontName for f in note.frags for c in f.text if c.strip()}
    arabic = [face for c, face in by_char.items() if RTL.match(c)]
    assert arabic and all(face == "NotoSansArabic" for face in arabic)
    assert by_char["О"] == "DejaVuSans-Oblique"
    assert by_char["ዮ"] == "NotoSansEthiopic"


# --- the PDF: every drawn character has a glyph -----------------------------------------------


def _drawn(flowable: Any) -> Iterator[tuple[str, str]]:
    """(face, text) of every piece of text in a flowable, tables and drawings included."""
    if isinstance(flowable, list | tuple):
        for item in flowable:
            yield from _drawn(item)
        return
    for frag in getattr(flowable, "frags", None) or []:
        if getattr(frag, "text", ""):
            yield frag.fontName, frag.text
    for row in getattr(flowable, "_cellvalues", None) or []:
        yield from _drawn(list(row))
    for content in getattr(flowable, "_content", None) or []:
        yield from _drawn(content)
    if hasattr(flowable, "contents") and hasattr(flowable, "getContents"):
        for shape in flowable.getContents():
            if hasattr(shape, "fontName") and hasattr(shape, "text"):
                yield shape.fontName, shape.text


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_drawn_character_is_in_its_face(lang: str) -> None:
    seen: set[str] = set()
    for face, text in _drawn(build_story(interview(), lang, GENERATED)):
        missing = {c for c in text if not c.isspace() and ord(c) not in _cmap(face)}
        assert not missing, (face, missing, text[:40])
        seen.add(face)
    assert {"NotoSansArabic", "NotoSansEthiopic", "DejaVuSans-Oblique"} <= seen


def test_fonts_are_embedded_subsets(rendered: Any) -> None:
    reader = PdfReader(io.BytesIO(rendered.pdf))
    names = set()
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]
            names.add(str(font["/BaseFont"]).split("+")[-1])
    assert {"NotoSansArabic-Regular", "NotoSansEthiopic-Regular", "DejaVuSans"} <= names
    assert len(rendered.pdf) < 400_000  # subsets, not whole fonts


def test_the_emoji_is_replaced_visibly_and_reported(rendered: Any) -> None:
    assert rendered.missing == (EMOJI,)
    text = _text(rendered.pdf)
    assert EMOJI not in text and REPLACEMENT in text
    assert "U+1F389" in missing_warning(rendered.missing)


def test_names_and_scripts_survive(rendered: Any) -> None:
    text = _plain(_text(rendered.pdf))
    for expected in ("ዮናስ ተስፋማርያም", "ትግርኛ", "Олена Коваль", "Şükrü Öztürk", "Ærø", "Xuseen"):
        assert expected in text, expected
    # The running header on every page carries the name in Ge'ez too.
    for page in PdfReader(io.BytesIO(rendered.pdf)).pages:
        assert "ዮናስ ተስፋማርያም" in (page.extract_text() or "")


# --- reading order --------------------------------------------------------------------------


def _drawn_strings(pdf: bytes) -> list[str]:
    """The text of every text-showing operation, in the order drawn (left to right in a line).

    pypdf's extract_text puts right-to-left text back into logical order, so this decodes
    the content streams itself through each font's ToUnicode map.
    """
    from pypdf.generic import ContentStream

    reader = PdfReader(io.BytesIO(pdf))
    shown: list[str] = []
    for page in reader.pages:
        maps = {}
        for name, ref in page["/Resources"]["/Font"].items():
            cmap = ref.get_object()["/ToUnicode"].get_object().get_data().decode("latin-1")
            pairs = re.findall(r"<([0-9A-F]{2})> <([0-9A-F]{4})>", cmap)
            maps[name] = {int(code, 16): chr(int(uni, 16)) for code, uni in pairs}
        font: dict[int, str] = {}
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"Tf":
                font = maps[operands[0]]
            elif operator == b"Tj":
                raw = operands[0]
                codes = raw if isinstance(raw, bytes) else raw.get_original_bytes()
                shown.append("".join(font.get(code, chr(code)) for code in codes))
    return [_plain(text) for text in shown]


def test_arabic_is_drawn_right_to_left(rendered: Any) -> None:
    """Drawn left to right, an Arabic name comes out reversed: its first letter is rightmost."""
    drawn = _drawn_strings(rendered.pdf)
    joined = "".join(drawn)
    assert ARABIC_NAME[::-1] in joined
    assert ARABIC_NAME not in joined
    # Mixed with Danish in one line, the Danish words keep their places around the Arabic.
    start = next(i for i, text in enumerate(drawn) if text.startswith("Hun hedder"))
    line = "".join(drawn[start : start + 6])
    assert line.index("Hun hedder") < line.index(ARABIC_NAME[::-1]) < line.index("og taler")


def test_a_wrapped_arabic_paragraph_starts_on_its_first_line(rendered: Any) -> None:
    """Broken into lines in logical order, then each line reordered: the first words on top,
    at the right end of the line."""
    drawn = _drawn_strings(rendered.pdf)
    sentence = SAMPLES["arabic"]
    lines = [text for text in drawn if "ممرضة"[::-1] in text and len(text) > len(sentence)]
    assert len(lines) >= 2  # the long answer wraps
    first = lines[0].rstrip()
    assert first.endswith(sentence[:12][::-1])  # its first words, read from the right
    assert not lines[1].rstrip().endswith(sentence[:12][::-1])


def test_farsi_letters_are_joined_forms() -> None:
    from screener.report.text import shape

    shaped = shape("چاپخانه")
    assert all("\ufb50" <= c <= "\ufeff" for c in shaped)
    assert _plain(shaped) == "چاپخانه"


# --- typesetting ----------------------------------------------------------------------------


def test_markup_in_names_prints_as_text() -> None:
    from screener.report.render import render_pdf_bytes

    base = interview()
    name = "Ali <b>Hassan</b> [/] & Co <img src='/etc/passwd'/>"
    text = _text(
        render_pdf_bytes(replace(base, info=replace(base.info, candidate_name=name)), "da")
    )
    assert name in " ".join(text.split())


def test_checklists_are_lists() -> None:
    from screener.report.render import render_pdf_bytes

    base = interview()
    answers = {**base.answers, "branches": ok("branches", ["industry", "other"], "Byggeri")}
    text = _text(render_pdf_bytes(replace(base, answers=answers), "en"))
    assert re.search(r"•\s*Industry\s*\n\s*•\s*Other: Byggeri", text)


def test_danish_words_break_at_syllables_in_narrow_columns() -> None:
    from reportlab.platypus import SimpleDocTemplate

    from screener.report.layout import data_table

    words = ["Indsatselement", "Virksomhedsbesøg", "Selvrapporteret", "Elektrodesvejsning"]
    buffer = io.BytesIO()
    with i18n.language("da"):
        table = data_table(["A", "B", "C", "D"], [words], [60.0, 60.0, 60.0, 60.0])
        SimpleDocTemplate(buffer).build([table])
    text = _text(buffer.getvalue())
    for word in words:
        pieces = [line.strip() for line in text.splitlines() if line.strip()]
        joined = "".join(p[:-1] if p.endswith("-") else p + "\n" for p in pieces)
        assert word in joined.split("\n") or word in joined, word
    assert "elemen t" not in text and "hedsbes øg" not in text
    assert any(line.rstrip().endswith("-") for line in text.splitlines())


def test_a_long_answer_starts_under_its_question_and_is_complete() -> None:
    from screener.report.render import render_pdf_bytes

    base = make_interview()
    sentence = "Jeg har arbejdet på et værksted og lært at svejse rør og rammer. "
    story = "".join(f"{i}: {sentence}" for i in range(400)) + "SLUT."
    answers = {**base.answers, "work_story": ok("work_story", story)}
    pages = [
        p.extract_text() or ""
        for p in PdfReader(io.BytesIO(render_pdf_bytes(replace(base, answers=answers), "da"))).pages
    ]
    start = next(i for i, p in enumerate(pages) if "0: Jeg har arbejdet" in p)
    assert "Fortæl om dit arbejde" in pages[start]  # not moved whole to the next page
    joined = " ".join(" ".join(pages).split())
    assert "399: Jeg har arbejdet" in joined and "SLUT." in joined


def test_no_names_in_the_metadata(rendered: Any) -> None:
    metadata = PdfReader(io.BytesIO(rendered.pdf)).metadata or {}
    values = " ".join(str(value) for value in metadata.values())
    assert "Yonas" not in values and "Mette" not in values


def test_sorani_ae_joins_the_letter_before_it_only() -> None:
    from screener.report.text import shape

    shaped = shape("ئەحمەد")
    assert shaped[0] == "\ufe8b"  # yeh with hamza in its initial form: it joins the AE
    assert shaped[1] == "\ufeea"  # AE drawn as a final heh ...
    assert shaped[2] == "\ufea3"  # ... and the next letter starts anew (initial hah)
    assert shape("می\u200cخواهم").count("\u200c") == 1  # the writer's own ZWNJ stays
