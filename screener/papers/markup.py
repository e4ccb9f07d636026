"""The one door through which the papers' texts become paragraph markup.

It uses the handover report's escaping, so names and answers in other scripts get whatever
script handling (fonts, right-to-left shaping) the report has: a change there reaches the
papers through this function alone.
"""

from __future__ import annotations


def esc(text: object) -> str:
    """``text`` made safe for reportlab paragraph markup, line breaks kept."""
    from screener.report.styles import esc as report_esc

    return report_esc(text)
