"""The whole report as a list of flowables, from the stored interview alone (pure)."""

from __future__ import annotations

from datetime import datetime

from screener.i18n import language
from screener.report.assessment import assessment_chapter
from screener.report.closing import closing_page
from screener.report.layout import Flowable
from screener.report.overview import overview
from screener.report.plan import plan
from screener.report.sections import sensitive_chapter, topic_chapters
from screener.store.records import Interview


def build_story(
    interview: Interview, lang: str, generated_at: datetime | None = None
) -> list[Flowable]:
    """Overview, topics, health, assessment, then the consent and document record.

    Uses the questionnaire pinned in ``interview``, never a file, so an old interview reports
    with the questions it was asked.
    """
    from reportlab.platypus import PageBreak

    generated_at = generated_at or datetime.now().astimezone()
    with language(lang):
        chapters = plan(interview.questionnaire)
        story: list[Flowable] = overview(interview, lang)
        story.append(PageBreak())
        story += topic_chapters(interview, chapters.topics, lang)
        story += sensitive_chapter(interview, chapters.sensitive, lang)
        if chapters.assessment.entries:
            story.append(PageBreak())
            story += assessment_chapter(interview, chapters.assessment, lang)
        story += closing_page(interview, lang, generated_at)
    return story
