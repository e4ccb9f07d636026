"""One chapter per topic: each question with its answer, note and follow-up mark.

Long answers are Paragraphs in the main flow (they split across pages); repeats become tables
when their cells are short, and one block per entry when they are not.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from screener.i18n import _
from screener.questionnaire.model import Item
from screener.report.answers import (
    Display,
    Shown,
    display,
    format_value,
    format_when,
    in_report,
    not_asked,
)
from screener.report.charts import competence_chart, language_chart
from screener.report.layout import (
    CELL_LIMIT,
    Flowable,
    bullet_list,
    chapter,
    data_table,
    heading,
    long_text,
    note_paragraphs,
    para,
    question_block,
    question_label,
)
from screener.report.plan import Chapter, Entry
from screener.report.profile import (
    SKILLS,
    competences,
    entries,
    language_rows,
    language_sources,
    rating_sources,
)
from screener.report.styles import CONTENT_WIDTH, esc, styles
from screener.store.records import AnswerState, Interview

TABLE_MAX_COLUMNS = 5


@dataclass
class _Done:
    """Charts already placed, so each appears once however the items are spread."""

    charts: set[str] = field(default_factory=set)


def topic_chapters(interview: Interview, chapters: list[Chapter], lang: str) -> list[Flowable]:
    done = _Done()
    story: list[Flowable] = []
    for topic in chapters:
        title = interview.questionnaire.text(topic.section.title, lang) if topic.section else ""
        story += chapter(title)
        story += entries_story(interview, topic.entries, lang, done)
    return story


def sensitive_chapter(interview: Interview, topic: Chapter, lang: str) -> list[Flowable]:
    """Health and accommodations, apart from the rest, only with the candidate's consent to
    share it, and only what was answered (a declined sensitive question is not printed)."""
    consent = interview.consent
    if consent is None or consent.sensitive is not True:
        return []
    entries = [
        entry
        for entry in topic.entries
        if entry.item.name in interview.answers
        or entry.item.name in interview.flags
        or interview.notes.get(entry.item.name, "").strip()
    ]
    if not entries:
        return []
    story = chapter(_("Health and accommodations"))
    line = _("This information is shared with the candidate's consent to share it.")
    if consent.recorded_at:
        when = format_when(consent.recorded_at, lang)
        line += " " + _("Consent recorded {when}.").format(when=when)
    story.append(para(line, styles().small))
    by_section: dict[str, list[Entry]] = {}
    for entry in entries:
        by_section.setdefault(entry.section.name, []).append(entry)
    done = _Done()
    for group in by_section.values():
        if len(by_section) > 1:
            story.append(heading(interview.questionnaire.text(group[0].section.title, lang)))
        story += entries_story(interview, group, lang, done)
    return story


def entries_story(
    interview: Interview, chapter_entries: list[Entry], lang: str, done: _Done | None = None
) -> list[Flowable]:
    done = done or _Done()
    q = interview.questionnaire
    story: list[Flowable] = []
    group: Item | None = None
    not_covered: list[str] = []
    for entry in chapter_entries:
        item = entry.item
        if _skipped(interview, entry):
            continue
        if _optional_untouched(interview, entry):
            not_covered.append(q.text(item.label, lang))
            continue
        if entry.group is not None and entry.group is not group:
            story.append(heading(q.text(entry.group.label, lang)))
        group = entry.group
        if item.role == "company_competence":
            if "competences" not in done.charts:
                done.charts.add("competences")
                story += competence_figure(interview, lang, done)
            if "competences:drawn" in done.charts and _plain(interview, item):
                continue  # the chart shows it; only notes and flags need words
        if item.kind == "repeat":
            if item.role == "languages" and "languages" not in done.charts:
                done.charts.add("languages")
                story += language_figure(interview, lang, done)
            charted = "languages:drawn" in done.charts and _all_charted(item)
            story += repeat_blocks(interview, item, lang, table=not charted)
        else:
            story += item_blocks(interview, item, lang)
    if not_covered:
        line = _("Not covered: {items}").format(items=" · ".join(not_covered))  # not "?;"
        story.append(para(line, styles().fine))
    return story


def _optional_untouched(interview: Interview, entry: Entry) -> bool:
    """An optional question nobody touched: one "not covered" line, not a "not asked" block."""
    item = entry.item
    optional = item.optional or (entry.group is not None and entry.group.optional)
    name = item.name
    return (
        optional
        and name not in interview.answers
        and name not in interview.flags
        and not interview.notes.get(name, "").strip()
    )


def _skipped(interview: Interview, entry: Entry) -> bool:
    """An untouched item whose condition does not hold was skipped by the interview's logic."""
    item = entry.item
    name = item.name
    untouched = name not in interview.answers and name not in interview.flags
    if not untouched or interview.notes.get(name, "").strip() or not item.relevant:
        return False
    from screener.errors import ScreenerError
    from screener.interview.logic import is_relevant

    parents = (entry.group,) if entry.group is not None else ()
    try:
        return not is_relevant(item, interview.values(), parents=parents)
    except ScreenerError:  # a broken condition: show the item rather than hide it
        return False


def _plain(interview: Interview, item: Item) -> bool:
    """Nothing beside the value: no note and no follow-up mark."""
    return not interview.notes.get(item.name, "").strip() and item.name not in interview.flags


def _all_charted(repeat: Item) -> bool:
    """Every column of the language repeat is in the language chart, so no table is needed."""
    roles = {"language_name", "language_evidence", *(role for role, _skill in SKILLS)}
    return all(c.role in roles for c in repeat.items if in_report(c) and c.kind != "group")


def item_blocks(interview: Interview, item: Item, lang: str) -> list[Flowable]:
    label = interview.questionnaire.text(item.label, lang)
    checked = checklist(interview, item, lang)
    if len(checked) > 1:
        note = interview.notes.get(item.name, "")
        story = [question_label(label, item.name in interview.flags), *bullet_list(checked)]
        return story + (note_paragraphs(note) if note.strip() else [])
    return question_block(
        label,
        display(interview, item, lang),
        interview.notes.get(item.name, ""),
        item.name in interview.flags,
    )


def checklist(interview: Interview, item: Item, lang: str) -> list[str]:
    """The ticked choices of a select-multiple answer, "other, namely" on the last one."""
    answer = interview.answers.get(item.name)
    if item.kind != "select_multiple" or answer is None or answer.state is not AnswerState.ANSWERED:
        return []
    values = answer.value if isinstance(answer.value, list) else [answer.value]
    q = interview.questionnaire
    labels = [q.choice_label(item, str(v), lang) for v in values if v not in (None, "")]
    if answer.other:
        labels = [*labels[:-1], f"{labels[-1]}: {answer.other}"] if labels else [answer.other]
    return labels


def competence_figure(interview: Interview, lang: str, done: _Done) -> list[Flowable]:
    rows = competences(interview, lang)
    if not any(lvl is not None for _label, _shown, lvl in rows):
        return []
    done.charts.add("competences:drawn")
    chart_rows = [(label, shown.text, lvl) for label, shown, lvl in rows]
    sources = rating_sources(interview, lang)
    if sources:
        basis = _("The consultant's rating after the interview, based on: {sources}.").format(
            sources=sources
        )
    else:
        basis = _("The consultant's rating after the interview; no source recorded.")
    return [
        heading(_("The five competences companies look for")),
        competence_chart(chart_rows),
        *long_text(basis, styles().fine),
    ]


def language_figure(interview: Interview, lang: str, done: _Done) -> list[Flowable]:
    rows = [row for row in language_rows(interview, lang) if row.skills]
    if not rows or not any(skill.level for row in rows for skill in row.skills):
        return []
    done.charts.add("languages:drawn")
    story = [heading(_("Language profile")), language_chart(rows)]
    sources = language_sources(interview, lang)
    if sources:
        line = "; ".join(f"{', '.join(names)}: {source}" for source, names in sources.items())
        story += long_text(_("How we know: {sources}").format(sources=line), styles().fine)
    return story


def repeat_blocks(
    interview: Interview, item: Item, lang: str, table: bool = True
) -> list[Flowable]:
    """A repeat (jobs, educations, languages) as a table, or entry by entry if cells are long.

    ``table=False`` when a chart above already shows every value: only note and flag remain.
    """
    q = interview.questionnaire
    label = q.text(item.label, lang)
    note = interview.notes.get(item.name, "")
    flagged = item.name in interview.flags
    rows = entries(interview, item)
    if not rows:
        shown = display(interview, item, lang)
        if shown.shown is Shown.VALUE:  # answered with an empty list
            shown = Display(not_asked(), Shown.NOT_ASKED)
        return question_block(label, shown, note, flagged)
    if not table:
        extras = [question_label(label, flagged)] if flagged or note.strip() else []
        return extras + (note_paragraphs(note) if note.strip() else [])
    columns = [c for c in item.items if in_report(c) and c.kind != "group"]
    cells = [
        [format_value(q, c, row.get(c.name), lang, compact=True) or "–" for c in columns]
        for row in rows
    ]
    story = [question_label(label, flagged)]
    headers = [q.text(c.label, lang) for c in columns]
    if len(columns) <= TABLE_MAX_COLUMNS and all(
        len(v) <= CELL_LIMIT // 2 for r in cells for v in r
    ):
        story.append(data_table(headers, cells, _widths(headers, cells)))
    else:
        story += _entry_blocks(label, headers, cells)
    if note.strip():
        story += note_paragraphs(note)
    return story


def _entry_blocks(label: str, headers: list[str], cells: list[list[str]]) -> list[Flowable]:
    s = styles()
    story: list[Flowable] = []
    for number, row in enumerate(cells, start=1):
        story.append(para(f"{label} · {number}", s.h3))
        for header, value in zip(headers, row, strict=True):
            colon = "" if header.rstrip().endswith(("?", ":")) else ":"
            story += long_text(value, s.answer, lead=f"<b>{esc(header)}{colon}</b> ")
    return story


def _widths(headers: list[str], cells: list[list[str]]) -> list[float]:
    """Column widths from the content, as browsers lay out tables: each column gets at least
    its longest word (so words break only when they must) and the rest of the width by how
    much it holds."""
    from reportlab.lib.fonts import tt2ps
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from screener.report.fonts import FAMILY

    bold = tt2ps(FAMILY, 1, 0)
    padding, size, total = 12.0, 8.5, CONTENT_WIDTH  # cell padding 5 + 5, and slack
    natural: list[float] = []
    least: list[float] = []
    for column, header in enumerate(headers):
        texts = [(header, bold), *((row[column], FAMILY) for row in cells)]
        lines = [(line, font) for text, font in texts for line in text.split("\n")]
        natural.append(max(stringWidth(t, f, size) for t, f in lines) + padding)
        words = [(w, f) for t, f in lines for w in t.split()] or [("", FAMILY)]
        longest = max(stringWidth(w, f, size) for w, f in words) + padding
        least.append(min(longest, total * 0.4))
    if sum(natural) <= total:
        return [total * n / sum(natural) for n in natural]
    if sum(least) >= total:
        return [total * m / sum(least) for m in least]
    slack = [n - m for n, m in zip(natural, least, strict=True)]
    spare = total - sum(least)
    return [m + spare * d / sum(slack) for m, d in zip(least, slack, strict=True)]
