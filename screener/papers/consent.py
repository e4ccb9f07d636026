"""Whether the papers may be printed: the one place that reads the consents for them."""

from __future__ import annotations

from screener.store.records import Interview


def may_print_cv(interview: Interview) -> bool:
    """The CV-postkort goes to employers: only with the candidate's CV-postkort consent."""
    consent = interview.consent
    return consent is not None and consent.screening is True and consent.cv_postcard is True


def may_print_card(interview: Interview) -> bool:
    """The kompetencekort goes to the jobcentre (and a company with it): handover consent."""
    consent = interview.consent
    return consent is not None and consent.screening is True and consent.handover is True
