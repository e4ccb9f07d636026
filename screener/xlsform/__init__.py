"""XLSForm in and out: questionnaires as ODK/Kobo workbooks, and interview data for Kobo.

The column mapping is in ``docs/xlsform.md``. openpyxl (and pyxform, for checking a workbook)
come with the optional extra ``screener[xlsform]``; they are imported inside functions, and
``require()`` turns a missing extra into one clear, translated message.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from screener.errors import ScreenerError
from screener.i18n import _

EXTRA = "pip install 'screener[xlsform]'"


class MissingExtraError(ScreenerError):
    """openpyxl or pyxform is not installed."""


def require(module: str) -> ModuleType:
    """Import ``module`` (openpyxl or pyxform), or raise MissingExtraError naming the extra."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(
            _("XLSForm support needs the package '{module}'. Install it with: {command}").format(
                module=module, command=EXTRA
            )
        ) from None
