"""The whole report as a list of flowables, from the stored interview alone (pure)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from screener.i18n import language
from screener.report.assessment import assessment_chapter
from screener.report.closing import closing_page
from screener.report.layout import Flowable
from screener.report.overview import overview
from screener.report.pages import OVERVIEW_PAGES, chapter_pages
from screener.report.plan import page_of, plan
from screener.report.sections import sensitive_chapter, topic_chapters
from screener.store.records import Interview


def build_story(
    interview: Interview, lang: str, generated_at: datetime | None = None
) -> list[Flowable]:
    """Overview, topics, health, assessment, then the consent and document record.

    Uses the questionnaire pinned in ``interview``, never a file, so an old interview reports
    with the questions it was asked. Page 1 points to later pages, so the rest is laid out
    once here to learn them (``render`` avoids that second layout: ``report_parts``).
    """
    from reportlab.platypus import PageBreak

    page_one, rest = report_parts(interview, lang, generated_at)
    pages = chapter_pages(rest)
    story: list[Flowable] = page_one(pages)
    story.append(PageBreak())
    story += rest(None)
    return story


def report_parts(
    interview: Interview, lang: str, generated_at: datetime | None = None
) -> tuple[Callable[[dict[str, int]], list[Flowable]], Callable[..., list[Flowable]]]:
    """Page 1 (given the page of each chapter) and the rest (recording those pages in
    ``found`` as it is drawn; ``offset``: pages before it that its layout does not count)."""
    from reportlab.platypus import PageBreak

    generated_at = generated_at or datetime.now().astimezone()
    with language(lang):
        chapters = plan(interview.questionnaire)

    def rest(found: dict[str, int] | None = None, offset: int = OVERVIEW_PAGES) -> list[Flowable]:
        """Everything after page 1; with ``found``, each chapter records its page."""
        from screener.report.pages import page_marker

        def marked(key: str, part: list[Flowable]) -> list[Flowable]:
            # after the chapter's conditional page break, so the page is the heading's
            if found is None or not part:
                return part
            return [part[0], page_marker(key, found, offset), *part[1:]]

        with language(lang):
            story: list[Flowable] = []
            for topic in chapters.topics:
                story += marked(topic.key, topic_chapters(interview, [topic], lang))
            sensitive = sensitive_chapter(interview, chapters.sensitive, lang)
            story += marked(chapters.sensitive.key, sensitive)
            if chapters.assessment.entries:
                story.append(PageBreak())
                assessment = assessment_chapter(interview, chapters.assessment, lang)
                story += marked(chapters.assessment.key, assessment)
            story += closing_page(interview, lang, generated_at)
        return story

    def page_one(pages: dict[str, int]) -> list[Flowable]:
        with language(lang):
            return overview(interview, lang, page_of(chapters, pages))

    return page_one, rest
