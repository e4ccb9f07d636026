"""Fixtures of the pilot tests (the pieces themselves live in ui_kit)."""

from ui_kit import iid, questionnaire, repo

__all__ = ["iid", "questionnaire", "repo"]
