"""Writing an interview's handover files (PDF and JSON) into a folder the user chose."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from screener.errors import ExportError
from screener.i18n import _
from screener.store.repository import Repository


@dataclass(frozen=True)
class ExportResult:
    pdf: Path
    json: Path
    warnings: tuple[str, ...] = ()


def export_names(interview_id: int, folder: Path) -> tuple[Path, Path]:
    """File names without the candidate's name: the folder may be a shared USB stick."""
    stem = f"screening-{interview_id:05d}"
    return folder / f"{stem}.pdf", folder / f"{stem}.json"


def write_json(repo: Repository, interview_id: int, path: Path) -> None:
    """The JSON for the municipality: only with the handover consent, without what the
    consents withhold (``disclosure.for_handover``)."""
    from screener.files import atomic_write
    from screener.interview.disclosure import for_handover
    from screener.store.export_json import to_json

    interview = for_handover(repo.get(interview_id))
    data = to_json(interview, event_count=len(repo.events(interview_id)))
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    atomic_write(path, text.encode("utf-8"))


def write_report(repo: Repository, interview_id: int, path: Path, lang: str) -> list[str]:
    """The handover PDF, under the same consent rules as the JSON; returns warnings for the
    consultant (characters no bundled font can print)."""
    from screener.interview.disclosure import for_handover
    from screener.report.render import write_pdf

    return write_pdf(for_handover(repo.get(interview_id)), path, lang)


def export_interview(repo: Repository, interview_id: int, folder: Path, lang: str) -> ExportResult:
    """Write the report and the JSON into ``folder``; raises ExportError (or ConsentError,
    before anything is written) with a clear message."""
    from screener.interview.disclosure import check_handover

    check_handover(repo.get(interview_id))
    folder = folder.expanduser()
    if not folder.is_dir():
        raise ExportError(_("The folder does not exist: {folder}").format(folder=folder))
    pdf_path, json_path = export_names(interview_id, folder)
    warnings = write_report(repo, interview_id, pdf_path, lang)
    write_json(repo, interview_id, json_path)
    repo.mark_exported(interview_id)
    return ExportResult(pdf=pdf_path, json=json_path, warnings=tuple(warnings))
