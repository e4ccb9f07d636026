"""The rows of the kompetencekort: job tasks and competences with tools, level and evidence.

Pure: from the stored interview (through ``sources.Source``) to plain strings. The evidence
words come from the questionnaire's own evidence list (self-reported / document seen /
observed or tested), so the card and the handover report say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass

from screener.i18n import N_, _, format_number
from screener.papers.fields import paper_key
from screener.papers.sources import Source, short_title
from screener.store.records import Interview

EVIDENCE_FALLBACK = {
    "self_reported": N_("Self-reported"),
    "document_seen": N_("Document seen"),
    "observed_tested": N_("Observed or tested"),
}
CARD_KEYS = ("branch",)


@dataclass(frozen=True)
class CompetenceRow:
    task: str  # the job task or competence, with the job title when it comes from a job
    tools: str
    level: str
    evidence: str


def evidence_text(src: Source, code: str) -> str:
    item = src.child("competence_list", name="competence_evidence")
    if item is not None:
        label = src.label(item, code)
        if label and label != code:
            return label
    return _(EVIDENCE_FALLBACK.get(code, code))


def evidence_legend(src: Source) -> list[tuple[str, str]]:
    """(label, what it means) for each evidence level, for the card's footnote."""
    item = src.child("competence_list", name="competence_evidence")
    if item is None:
        return [(_(text), "") for text in EVIDENCE_FALLBACK.values()]
    return [
        (src.q.text(choice.label, src.lang), src.q.text(choice.description, src.lang))
        for choice in src.q.choice_list(item)
    ]


def competence_rows(interview: Interview, lang: str) -> list[CompetenceRow]:
    """The listed competences first (they carry level and evidence), then the jobs' tasks."""
    src = Source(interview, lang)
    rows: list[CompetenceRow] = []
    name = src.child("competence_list", name="competence_name")
    level = src.child("competence_list", name="competence_level")
    evidence = src.child("competence_list", name="competence_evidence")
    comment = src.child("competence_list", name="competence_comment")
    for entry in src.entries("competence_list"):
        task = src.label(name, entry.get(name.name)) if name else ""
        if not task:
            continue
        note = src.label(comment, entry.get(comment.name)) if comment else ""
        code = str(entry.get(evidence.name) or "") if evidence else ""
        seen = evidence_text(src, code) if code else ""
        rows.append(
            CompetenceRow(
                task=task,
                tools="",
                level=src.label(level, entry.get(level.name)) if level else "",
                evidence=f"{seen}: {note}" if seen and note else seen or note,
            )
        )
    rows += _job_rows(src)
    return rows


def _job_rows(src: Source) -> list[CompetenceRow]:
    title, tasks, tools, years, documented = (
        src.child("jobs", name=n) or src.child("work_history", name=n)
        for n in ("job_title", "job_tasks", "job_tools", "job_years", "job_documented")
    )
    rows: list[CompetenceRow] = []
    for entry in src.entries("jobs", role="work_history"):
        head = short_title(src.label(title, entry.get(title.name))) if title else ""
        body = src.label(tasks, entry.get(tasks.name)) if tasks else ""
        if not (head or body):
            continue
        number = entry.get(years.name) if years else None
        level = ""
        if isinstance(number, int | float) and number > 0:
            level = _("{years} years").format(years=format_number(number, src.lang))
        seen = documented is not None and entry.get(documented.name) == "yes"
        rows.append(
            CompetenceRow(
                task=f"{head}: {body}" if head and body else head or body,
                tools=src.label(tools, entry.get(tools.name)) if tools else "",
                level=level,
                evidence=evidence_text(src, "document_seen" if seen else "self_reported"),
            )
        )
    return rows


def branch_prefill(interview: Interview, lang: str) -> str:
    """The branch recommended: the chosen branches, and the realistic first job."""
    src = Source(interview, lang)
    parts = [text for text in (src.text(role="branches"), src.text(role="first_job")) if text]
    return " · ".join(parts)


def card_fields(interview: Interview, lang: str) -> dict[str, str]:
    """The kompetencekort's editable texts, with the consultant's edits on top."""
    fields = {"branch": branch_prefill(interview, lang)}
    for key in CARD_KEYS:
        edited = interview.papers.get(paper_key("card", key, lang))
        if edited is not None:
            fields[key] = edited
    return fields
