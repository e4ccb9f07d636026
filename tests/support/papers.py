"""Shared pieces of the papers tests: the shipped questionnaire, a consent with or without the
CV-postkort consent, and text squashed for searching."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from screener.questionnaire.loader import load_questionnaire
from screener.questionnaire.model import Questionnaire
from screener.store.records import Consent

QUESTIONNAIRE = Path(__file__).resolve().parents[2] / "questionnaires" / "tm-screening.toml"


def shipped() -> Questionnaire:
    return load_questionnaire(QUESTIONNAIRE)


def with_cv_consent(consent: Consent | None, given: bool = True) -> Consent:
    """``consent`` (or a full one) with the CV-postkort consent given or refused."""
    base = consent or Consent(screening=True, handover=True, language="ar")
    return replace(base, cv_postcard=given)


def squash(text: str) -> str:
    """Text without any white space: wrapping cannot hide a word from a search."""
    return "".join(text.split())
