"""Shared pieces of the papers tests: the demo interview through the real store, a consent
with the CV-postkort consent, and PDF text extraction."""

from __future__ import annotations

import io
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from screener.questionnaire.loader import load_questionnaire
from screener.store.records import Consent

QUESTIONNAIRE = Path(__file__).resolve().parents[1] / "questionnaires" / "tm-screening.toml"


def shipped() -> Any:
    return load_questionnaire(QUESTIONNAIRE)


@dataclass(frozen=True)
class _CvConsent(Consent):
    """Stand-in until ``Consent`` has its own ``cv_postcard`` field."""

    cv_postcard: bool = False


def with_cv_consent(consent: Consent | None, given: bool = True) -> Consent:
    base = consent or Consent(screening=True, handover=True, language="ar")
    if any(f.name == "cv_postcard" for f in fields(Consent)):
        return replace(base, cv_postcard=given)  # type: ignore[call-arg]
    data = {f.name: getattr(base, f.name) for f in fields(Consent)}
    return _CvConsent(**data, cv_postcard=given)


def consent_has_cv_field() -> bool:
    return any(f.name == "cv_postcard" for f in fields(Consent))


def pdf_pages(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def squash(text: str) -> str:
    """Text without any white space: wrapping cannot hide a word from a search."""
    return "".join(text.split())


__all__ = ["asdict", "consent_has_cv_field", "pdf_pages", "shipped", "squash", "with_cv_consent"]
