"""Screener: offline competence screening interviews, saved as they happen, reported as a PDF."""

__version__ = "0.1.0"
