"""The rows of the summary page, found by role and shortened to fit (pure: no reportlab).

Every value on page 1 is shortened at a word boundary, never inside a word, and says on which
page the full answer is ("see page 4").
"""

from __future__ import annotations

from dataclasses import dataclass

from screener.i18n import _
from screener.questionnaire.effort import typology_fits_status
from screener.report.answers import Display, Shown, format_value
from screener.report.profile import (
    child_by_role,
    entries,
    language_rows,
    role_display,
    role_item,
    role_values,
)
from screener.store.records import Interview

Rows = list[tuple[str, Display | str]]
TRAILING = " ,;:–-(/"
LANGUAGES_FLOOR = 140  # a few languages with their levels always show


def cut_at_word(text: str, limit: int) -> str:
    """The longest start of ``text`` within ``limit`` characters that ends at a whole word."""
    if len(text) <= limit:
        return text
    if limit <= 0:
        return ""
    head = text[: limit + 1]
    if " " not in head:
        return ""
    return head[: head.rindex(" ")].rstrip(TRAILING)


@dataclass(frozen=True)
class Shortener:
    """Shortens answers to ``limit`` characters, pointing to the page of the full answer."""

    pages: dict[str, int]
    limit: int

    def text(
        self, text: str, item: str | None = None, limit: int | None = None, floor: int = 0
    ) -> str:
        """``text`` on one line within the limit (at least ``floor``), cut at a word."""
        limit = max(min(limit or self.limit, self.limit), floor)
        flat = " ".join(text.split())
        if len(flat) <= limit:
            return flat
        page = self.pages.get(item) if item else None
        suffix = " " + _("(see page {page})").format(page=page) if page else ""
        cut = cut_at_word(flat, max(limit - len(suffix) - 1, 0))
        return (cut + "…" if cut else "…") + suffix

    def side(self, value: Display | str, limit: int) -> Display | str:
        """Short facts at the top: their own limit, not the one the page is shrunk to."""
        wide = Shortener(self.pages, max(limit, self.limit))
        if isinstance(value, Display):
            return Display(wide.text(value.text, limit=limit), value.shown)
        return wide.text(value, limit=limit)

    def shown(self, shown: Display, item: str) -> Display:
        return Display(self.text(shown.text, item), shown.shown)


def status_value(interview: Interview) -> str | None:
    values = role_values(interview, "status")
    return values[0] if values else None


def household_rows(interview: Interview, lang: str, short: Shortener) -> Rows:
    """Civil status, the spouse's wish to work, and the children with what they will need."""
    q = interview.questionnaire
    rows: Rows = []
    parts = []
    civil = role_display(interview, "civil_status", lang)
    if civil is not None:
        parts.append(civil.text)
    spouse = role_item(interview, "spouse_work")
    shown = role_display(interview, "spouse_work", lang)
    if spouse is not None and shown is not None and shown.shown is Shown.VALUE:
        parts.append(_("spouse or partner: {text}").format(text=shown.text))
    if parts:
        item = spouse.name if spouse is not None else None
        rows.append((_("Civil status"), short.text("; ".join(parts), item, limit=110)))
    repeat = role_item(interview, "children")
    if repeat is not None:
        age = child_by_role(repeat, "child_age")
        need = child_by_role(repeat, "child_need")
        kids = []
        for entry in entries(interview, repeat):
            parts = []
            if age is not None and entry.get(age.name) not in (None, ""):
                parts.append(_("{age} years").format(age=entry[age.name]))
            if need is not None and entry.get(need.name) not in (None, ""):
                parts.append(format_value(q, need, entry[need.name], lang, compact=True).lower())
            kids.append(": ".join(parts) if parts else "?")
        if kids:
            rows.append((_("Children"), short.text("; ".join(kids), repeat.name)))
    return rows


def evidence_text(interview: Interview, repeat_role: str, name_role: str, lang: str) -> str:
    """'MAG welding (self-reported); Stick welding (document seen)' from a competence repeat."""
    q = interview.questionnaire
    repeat = role_item(interview, repeat_role)
    if repeat is None:
        return ""
    name = child_by_role(repeat, name_role)
    source = child_by_role(repeat, "competence_source")
    parts = []
    for entry in entries(interview, repeat):
        if name is None or not entry.get(name.name):
            continue
        text = str(entry[name.name])
        if source is not None and entry.get(source.name):
            label = format_value(q, source, entry[source.name], lang, compact=True).lower()
            text += f" ({label})"
        parts.append(text)
    return "; ".join(parts)


def languages_with_evidence(interview: Interview, lang: str) -> str:
    """'Arabic 4/4/4/3, Turkish 3/3/1/1 (self-reported); Danish 1/1/1/0 (observed)'.

    The four numbers are understand/speak/read/write; the row's key says so. Languages with the
    same source are grouped so the source is named once.
    """
    q = interview.questionnaire
    repeat = role_item(interview, "languages")
    if repeat is None:
        return ""
    source = child_by_role(repeat, "language_evidence")
    groups: dict[str, list[str]] = {}
    for entry, row in zip(entries(interview, repeat), language_rows(interview, lang), strict=False):
        levels = "/".join(s.short.split("/")[0] if s.short else "–" for s in row.skills)
        label = ""
        if source is not None and entry.get(source.name):
            label = format_value(q, source, entry[source.name], lang, compact=True).lower()
        groups.setdefault(label, []).append(f"{row.name} {levels}" if row.skills else row.name)
    parts = [", ".join(names) + (f" ({label})" if label else "") for label, names in groups.items()]
    return "; ".join(parts)


def language_scale(interview: Interview) -> tuple[int, int]:
    """The range of the language levels (0-4 in the shipped script), for the summary's legend."""
    repeat = role_item(interview, "languages")
    child = child_by_role(repeat, "language_understand") if repeat is not None else None
    return child.scale_range if child is not None else (0, 4)


def profile_rows(interview: Interview, lang: str, short: Shortener) -> Rows:
    """The strengths with their evidence, languages, wishes and the consultant's typology."""
    rows: Rows = []
    own = role_item(interview, "strengths")
    own_shown = role_display(interview, "strengths", lang)
    theirs = role_item(interview, "assessment_strengths")
    theirs_shown = role_display(interview, "assessment_strengths", lang)
    strengths = []
    if own is not None and own_shown is not None and own_shown.shown is Shown.VALUE:
        text = short.text(own_shown.text, own.name)
        strengths.append(_("{text} (own words)").format(text=text))
    if theirs is not None and theirs_shown is not None and theirs_shown.shown is Shown.VALUE:
        text = short.text(theirs_shown.text, theirs.name)
        strengths.append(_("{text} (the consultant's assessment)").format(text=text))
    evidenced = evidence_text(interview, "competence_list", "competence_name", lang)
    repeat = role_item(interview, "competence_list")
    if evidenced and repeat is not None:
        strengths.append(short.text(evidenced, repeat.name))
    if strengths:
        rows.append((_("Top strengths"), "\n".join(strengths)))
    languages = languages_with_evidence(interview, lang)
    if languages:
        low, high = language_scale(interview)
        scale = _("levels {low}-{high} for understanding/speaking/reading/writing").format(
            low=low, high=high
        )
        repeat = role_item(interview, "languages")
        name = repeat.name if repeat is not None else None
        text = short.text(languages, name, floor=LANGUAGES_FLOOR)
        rows.append((_("Languages"), f"{text}\n({scale})"))
    work = []
    for role, template in (
        ("job_wishes", "{text}"),
        ("first_job", _("realistic first job: {text}")),
        ("branches", _("branches: {text}")),
    ):
        item = role_item(interview, role)
        shown = role_display(interview, role, lang)
        if item is not None and shown is not None and shown.shown is Shown.VALUE:
            work.append(template.format(text=short.text(shown.text, item.name)))
    if work:
        rows.append((_("Job wishes"), "\n".join(work)))
    typology = role_display(interview, "typology", lang)
    if typology is not None:
        rows.append((_("Typology (consultant)"), typology))
    return rows


def next_steps(interview: Interview, lang: str, short: Shortener) -> list[tuple[str, str, str]]:
    """The first three lines of the effort plan: what, who (owner) and when (deadline)."""
    q = interview.questionnaire
    plan = role_item(interview, "effort_plan")
    if plan is None:
        return []
    cells = {role: child_by_role(plan, role) for role in ("plan_element", "plan_what")}
    who = child_by_role(plan, "plan_who")
    when = child_by_role(plan, "plan_when")
    steps = []
    for entry in entries(interview, plan)[:3]:
        what = ""
        for role in ("plan_what", "plan_element"):
            child = cells[role]
            if not what and child is not None and entry.get(child.name):
                what = format_value(q, child, entry[child.name], lang, compact=True)
        if not what and not any(cells.values()):  # a plan without roles: its first column
            first = next((c for c in plan.items if entry.get(c.name) not in (None, "")), None)
            if first is not None:
                what = format_value(q, first, entry[first.name], lang, compact=True)
        if not what:
            continue
        owner = str(entry.get(who.name, "")) if who is not None else ""
        deadline = str(entry.get(when.name, "")) if when is not None else ""
        steps.append(
            (
                short.text(what, plan.name, limit=110),
                short.text(owner, limit=60),
                short.text(deadline, limit=60),
            )
        )
    return steps


def followup_rows(interview: Interview, lang: str, short: Shortener) -> Rows:
    """Pointers, not details: health follow-up, flagged answers, attention points, checks."""
    q = interview.questionnaire
    rows: Rows = []
    health = role_item(interview, "health_follow_up")
    if health is not None and role_values(interview, "health_follow_up") == ["yes"]:
        page = short.pages.get(health.name)
        text = _("Follow-up advised")
        if page:
            text += " " + _("(see page {page})").format(page=page)
        rows.append((_("Health"), text))
    from screener.interview.disclosure import sensitive_items

    private = sensitive_items(q)  # never named on page 1; their chapter has them
    flagged = []
    for _section, flagged_item, _parent in q.walk():
        if flagged_item.name in private:
            continue
        if flagged_item.name in interview.flags and not flagged_item.interviewer_only:
            label = q.text(flagged_item.label, lang)
            page = short.pages.get(flagged_item.name)
            where = _("page {page}").format(page=page)
            flagged.append(f"{label} ({where})" if page else label)
    if flagged:
        rows.append((_("Marked for follow-up"), short.text("; ".join(flagged), limit=200)))
    points = role_item(interview, "attention_points")
    shown = role_display(interview, "attention_points", lang)
    if points is not None and shown is not None:
        rows.append((_("Attention points"), short.shown(shown, points.name)))
    if not typology_fits_status(q, interview.values()):
        rows.append(
            (_("Check"), _("The chosen typology is meant for another status than the candidate's."))
        )
    return rows
