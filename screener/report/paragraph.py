"""Paragraphs that hold right-to-left text: broken into lines in logical order, drawn visually.

reportlab breaks a paragraph into lines and then draws each line's pieces from left to right.
``BidiParagraph`` keeps the broken lines in logical order (so splitting across pages keeps
working) and reorders a copy of each line only when it is drawn. A paragraph whose first
letter is right-to-left is set flush right.
"""

from __future__ import annotations

import copy
from functools import cache
from typing import Any

from screener.report.text import RTL, is_rtl, refont, visual_order

Flowable = Any


def paragraph(
    markup: str, style: Any, bullet: str | None = None, rtl: bool | None = None
) -> Flowable:
    """A Paragraph of ``markup``; one that reorders its lines when it holds right-to-left text.
    ``rtl`` is the direction of the text it is a piece of (else its own first letter's)."""
    if rtl or RTL.search(markup):
        flowable = bidi_paragraph_class()(markup, style, bullet, rtl=rtl)
    else:
        flowable = text_paragraph_class()(markup, style, bullet)
    flowable.frags = refont(flowable.frags)
    return flowable


@cache
def text_paragraph_class() -> type:
    from reportlab.platypus import Paragraph

    class TextParagraph(Paragraph):  # type: ignore[misc]
        """Hyphenates a word only when it is wider than the whole line.

        reportlab would otherwise hyphenate any word at a line's end to fill it ("AMU-cen-ter"
        in a column that has room for "center" on the next line).

        The lines are broken once per width: platypus wraps a paragraph again at the same width
        (a heading kept with the next block, a table cell when the table is drawn, page 1's fit
        test), and the second break would give the same lines. Drawing forgets them, so a
        paragraph drawn again (a table's repeated header row) is broken afresh, as before.
        """

        _broken: tuple[Any, Any, Any] | None = None

        def breakLines(self, width: Any) -> Any:
            key = (_rounded(width), self.style)  # type: ignore[has-type]
            broken = self._broken
            if broken is not None and broken[0] == key and broken[1] is self.frags:
                return broken[2]
            lines = self._break_lines(width)
            self._broken = (key, self.frags, lines)
            return lines

        def drawPara(self, debug: int = 0) -> None:
            self._broken = None
            super().drawPara(debug)

        def _break_lines(self, width: Any) -> Any:
            style: Any = self.style  # type: ignore[has-type]
            lang = getattr(style, "hyphenationLang", "")
            if not lang or not isinstance(lang, str):
                return super().breakLines(width)
            narrowest = min(width) if isinstance(width, list | tuple) else width
            self.style = _long_words_only(style, float(narrowest))
            try:
                return super().breakLines(width)
            finally:
                self.style = style

    return TextParagraph


def _rounded(width: Any) -> tuple[float, ...]:
    """Widths to a millionth of a point: the same column computed two ways differs in the last
    bits (page 1's fit test and its frame), which must not cost a second break."""
    if isinstance(width, list | tuple):
        return tuple([round(w, 6) for w in width])
    return (round(width, 6),)


@cache
def _long_words_only(style: Any, width: float) -> Any:
    import pyphen  # type: ignore[import-untyped]
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth

    dictionary = pyphen.Pyphen(lang=style.hyphenationLang)
    room = width - style.leftIndent - style.rightIndent

    def hyphenate(word: str) -> Any:
        if stringWidth(word, style.fontName, style.fontSize) <= room:
            return ()
        return dictionary.iterate(word)

    return ParagraphStyle(f"{style.name}-hy", parent=style, hyphenationLang=hyphenate)


@cache
def _flush_right(style: Any) -> Any:
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(f"{style.name}-rtl", parent=style, alignment=TA_RIGHT)


@cache
def bidi_paragraph_class() -> type:
    class BidiParagraph(text_paragraph_class()):  # type: ignore[misc]
        def __init__(
            self,
            text: str | None,
            style: Any = None,
            bulletText: Any = None,
            rtl: bool | None = None,
            **kw: Any,
        ) -> None:
            source = text if text is not None else _frags_text(kw.get("frags") or [])
            self.rtl = is_rtl(source) if rtl is None else rtl
            if self.rtl and style is not None and not style.name.endswith("-rtl"):
                style = _flush_right(style)
            super().__init__(text, style, bulletText, **kw)

        def drawPara(self, debug: int = 0) -> None:
            logical: Any = self.blPara  # type: ignore[has-type]
            self.blPara = visual_lines(logical, self.rtl)
            try:
                super().drawPara(debug)
            finally:
                self.blPara = logical

    return BidiParagraph


def _frags_text(frags: list[Any]) -> str:
    return "".join(getattr(f, "text", "") or "" for f in frags)


def visual_lines(bl_para: Any, rtl: bool) -> Any:
    """A copy of reportlab's broken lines with each line's characters in display order."""
    shown = copy.copy(bl_para)
    if bl_para.kind == 0:
        shown.lines = [_simple_line(line, rtl) for line in bl_para.lines]
    else:
        shown.lines = [_frag_line(line, rtl) for line in bl_para.lines]
    return shown


def _simple_line(line: Any, rtl: bool) -> Any:
    extra, words = line[0], line[1]
    text = " ".join(words)
    if not rtl and not RTL.search(text):
        return line
    visual = "".join(char for _index, char in visual_order(text.strip(), rtl))
    return (extra, visual.split(" "), *line[2:])


def _frag_line(line: Any, rtl: bool) -> Any:
    frags = line.words
    if any(not hasattr(f, "text") or hasattr(f, "cbDefn") for f in frags):
        return line  # images or anchors: leave the line as it is
    text = _frags_text(frags)
    if not rtl and not RTL.search(text):
        return line
    owner = [number for number, f in enumerate(frags) for _char in f.text]
    end = len(text.rstrip())
    start = len(text) - len(text.lstrip())
    words: list[Any] = []
    last = -1
    for index, char in visual_order(text[start:end], rtl):
        number = owner[start + index]
        if number == last:
            words[-1].text += char
        else:
            words.append(frags[number].clone(text=char))
            last = number
    shown = copy.copy(line)
    shown.words = words
    return shown
