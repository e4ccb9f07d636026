"""The papers' entry points for the CLI and the app: texts, fit check, and files on disk.

Each call sets the paper's language for its own ``_()`` and restores the previous one (as the
handover report does), so a Danish card can be made while the screens show English.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass, field

from screener.errors import ExportError
from screener.i18n import _
from screener.papers.consent import may_print_card, may_print_cv
from screener.store.records import Interview


@dataclass(frozen=True)
class Check:
    """The live fit check of the edit screen: fits or not, what to shorten, what is missing."""

    fits: bool
    scale: float
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    too_long: list[str] = field(default_factory=list)  # field keys to shorten, longest first


def _language(lang: str) -> AbstractContextManager[None]:
    from screener.i18n import language

    return language(lang)  # this thread or task only: the screen keeps its own language


def cv_texts(interview: Interview, lang: str) -> tuple[dict[str, str], dict[str, str]]:
    """(the texts the card prints, the texts built from the answers alone)."""
    from screener.papers.fields import cv_fields, cv_prefill

    with _language(lang):
        return cv_fields(interview, lang), cv_prefill(interview, lang)


def card_texts(interview: Interview, lang: str) -> tuple[dict[str, str], dict[str, str]]:
    from screener.papers.competences import branch_prefill, card_fields

    with _language(lang):
        return card_fields(interview, lang), {"branch": branch_prefill(interview, lang)}


def check_cv(fields: dict[str, str], lang: str) -> Check:
    """Does the card with these texts fit? Messages in the current (UI) language."""
    from screener.papers.cv_pdf import describe, fit, warnings

    with _language(lang):
        result = fit(fields)
    return Check(
        result.fits, result.scale, describe(result), warnings(fields), list(result.longest)
    )


def cv_pdf_bytes(interview: Interview, lang: str) -> bytes:
    """The CV-postkort sheet; ExportError without the consent or when the card does not fit."""
    from screener.papers.cv_pdf import render_cv_bytes

    if not may_print_cv(interview):
        raise ExportError(refusal_cv())
    fields, _prefill = cv_texts(interview, lang)
    check = check_cv(fields, lang)
    if not check.fits:
        message = _("The CV-postkort does not fit its card: {problems}")
        raise ExportError(message.format(problems=" ".join(check.problems)))
    with _language(lang):
        return render_cv_bytes(fields, lang)


def card_pdf_bytes(interview: Interview, lang: str) -> tuple[bytes, bool]:
    """The kompetencekort page, and whether descriptions were shortened to fit it."""
    from screener.papers.card_pdf import render_card

    if not may_print_card(interview):
        raise ExportError(refusal_card())
    fields, _prefill = card_texts(interview, lang)
    with _language(lang):
        card = render_card(interview, fields, lang)
    return card.pdf, card.shortened


def refusal_cv() -> str:
    return _(
        "The candidate has not consented to a CV-postkort for employers. Record that consent first."
    )


def refusal_card() -> str:
    return _(
        "The candidate has not consented to handing the result over. Record that consent first."
    )


def bundle_papers(interview: Interview, lang: str) -> dict[str, bytes]:
    """The papers the consents allow, by file name (no personal data in the names), for the
    handover bundle: the kompetencekort with the handover consent, the CV-postkort with the
    CV-postkort consent and only when it fits its card. Nothing is raised for a paper left out.
    """
    papers: dict[str, bytes] = {}
    stem = f"{interview.id:05d}"
    if may_print_card(interview):
        papers[f"kompetencekort-{stem}.pdf"] = card_pdf_bytes(interview, lang)[0]
    if may_print_cv(interview):
        fields, _prefill = cv_texts(interview, lang)
        if check_cv(fields, lang).fits:
            papers[f"cv-postkort-{stem}.pdf"] = cv_pdf_bytes(interview, lang)
    return papers
