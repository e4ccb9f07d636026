"""``screener hub``: the receiving side's commands. Without a subcommand: the hub screen.

Only argparse at import time; the hub's modules (and SQLAlchemy) load when a command runs.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from screener.errors import ScreenerError
from screener.i18n import _
from screener.settings import LANGUAGES, Settings

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from screener.hub.importer import ImportReport


def configure(hub: argparse.ArgumentParser) -> None:
    """Add the hub's options and subcommands to the ``hub`` parser."""
    hub.add_argument(
        "--url",
        metavar="URL",
        help="hub database: sqlite:///FILE or postgresql://... (env SCREENER_HUB_URL)",
    )
    # The laptop's CLI may already give every command a --passphrase-file (the passphrase of
    # the database in use); the hub then reads that one for its own database.
    with contextlib.suppress(argparse.ArgumentError):
        hub.add_argument(
            "--passphrase-file",
            type=Path,
            metavar="FILE",
            help="passphrase of an SQLite hub (env SCREENER_HUB_PASSPHRASE; else asked)",
        )
    sub = hub.add_subparsers(dest="hub_command", metavar="COMMAND")
    imp = sub.add_parser("import", help="import handover bundles and JSON exports")
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE", help="files or folders")
    imp.add_argument("--password-file", type=Path, metavar="FILE", help="bundle passwords")
    imp.add_argument("--organisation", default="", help="screening organisation of these files")
    for name, text in (
        ("list", "incoming candidates by municipality, newest first"),
        ("search", "find candidates by name, case number, trade, branch, language, typology"),
    ):
        find = sub.add_parser(name, help=text)
        if name == "search":
            find.add_argument("text", nargs="?", default="", help="name, case number or trade")
        find.add_argument("--municipality", default="")
        find.add_argument("--organisation", default="")
        find.add_argument("--branch", default="", help="branch code, e.g. metal_welding")
        find.add_argument("--language", default="", help="language name (start of it)")
        find.add_argument("--level", type=int, default=0, help="lowest speaking level, 1-5")
        find.add_argument("--typology", default="", help="typology code, e.g. type1")
        find.add_argument("--since", type=date.fromisoformat, metavar="YYYY-MM-DD")
        find.add_argument("--until", type=date.fromisoformat, metavar="YYYY-MM-DD")
        find.add_argument("--limit", type=int, default=100)
    show = sub.add_parser("show", help="one candidate: facts, follow-up and earlier versions")
    show.add_argument("id", type=int, metavar="ID")
    outcome = sub.add_parser("outcome", help="record placement, effort and outcomes")
    outcome.add_argument("id", type=int, metavar="ID")
    outcome.add_argument("--months", type=int, choices=(3, 6, 12), help="12: later than 6")
    outcome.add_argument("--result", help="ordinary_job, igu, education, ...")
    outcome.add_argument("--placed", metavar="MUNICIPALITY", help="placed in this municipality")
    outcome.add_argument("--placed-on", type=date.fromisoformat, metavar="YYYY-MM-DD")
    outcome.add_argument("--active-effort", choices=("yes", "no"))
    figures = sub.add_parser("figures", help="screened, placed, self-supporting ...")
    figures.add_argument("--by", choices=("all", "typology", "organisation"), default="all")
    figures.add_argument("--export", type=Path, metavar="FILE", help="write .csv or .xlsx")
    pdf = sub.add_parser("pdf", help="regenerate the handover PDF of an imported interview")
    pdf.add_argument("id", type=int, metavar="ID")
    pdf.add_argument("--lang", dest="pdf_lang", choices=LANGUAGES, help="report language")
    pdf.add_argument("--output", type=Path, metavar="FILE", help="default: hub-ID-LANG.pdf")


def run(args: argparse.Namespace, settings: Settings, out: TextIO | None = None) -> int:
    from screener.hub.engine import default_url

    out = out or sys.stdout
    url = args.url or default_url()
    command = args.hub_command
    try:
        passphrase = _passphrase(url, getattr(args, "passphrase_file", None))
        if command is None:
            from screener.ui.hub.app import run_hub_app

            return run_hub_app(url, settings, passphrase)
        from screener.hub.db import open_hub

        engine = open_hub(url, passphrase=passphrase)
        try:
            return _COMMANDS[command](engine, args, settings, out)
        finally:
            engine.dispose()
    except ScreenerError as error:
        print(f"screener: {error}", file=out)
        return 1


def _passphrase(url: str, path: Path | None) -> str | None:
    """From the file or the environment; asked for (not echoed) at a terminal."""
    from screener.hub.engine import is_sqlite, read_passphrase

    passphrase = read_passphrase(path)
    if passphrase is None and is_sqlite(url) and sys.stdin.isatty():
        import getpass

        passphrase = getpass.getpass(_("Passphrase of the hub: ")) or None
    return passphrase


def _bar(done: int, total: int) -> None:
    if not sys.stderr.isatty() or total == 0:
        return
    width = 30
    filled = width * done // total
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done >= total:
        sys.stderr.write("\n")
    sys.stderr.flush()


def print_report(report: ImportReport, out: TextIO) -> None:
    from screener.hub.importer import REFUSED, SKIPPED

    for item in report.results:
        if item.result == REFUSED:
            print(
                _("refused: {file}: {reason}").format(file=item.source, reason=item.describe()),
                file=out,
            )
        elif item.result == SKIPPED:
            print(
                _("skipped: {file}: {reason}").format(file=item.source, reason=item.describe()),
                file=out,
            )
    print(
        _("Imported {imported}, replaced {replaced}, skipped {skipped}, refused {refused}.").format(
            imported=report.count("imported"),
            replaced=report.count("replaced"),
            skipped=report.count("skipped"),
            refused=report.count("refused"),
        ),
        file=out,
    )


def _import(engine: Engine, args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    from screener.hub.importer import REFUSED, import_files
    from screener.hub.sources import read_passwords

    passwords = read_passwords(args.password_file) if args.password_file else {}
    missing = [path for path in args.files if not path.exists()]
    if missing:
        for path in missing:
            print(_("No such file or folder: {path}").format(path=path), file=out)
        return 1
    report = import_files(
        engine, args.files, passwords, settings.actor, _bar, organisation=args.organisation
    )
    print_report(report, out)
    return 1 if report.count(REFUSED) else 0


def _find(engine: Engine, args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    from screener.commands import format_table
    from screener.hub.search import Query, search

    query = Query(
        text=getattr(args, "text", ""),
        municipality=args.municipality,
        organisation=args.organisation,
        branch=args.branch,
        language=args.language,
        min_level=args.level,
        typology=args.typology,
        since=args.since.isoformat() if args.since else "",
        until=args.until.isoformat() if args.until else "",
        limit=args.limit,
    )
    found = search(engine, query)
    if not found:
        print(_("No candidates found."), file=out)
        return 0
    if args.hub_command == "list":
        found.sort(key=lambda s: (s.municipality.casefold(), _neg(s.created_at)))
    rows = [[_("ID"), _("Name"), _("Case"), _("Municipality"), _("Date"), _("Typology")]]
    for item in found:
        rows.append(
            [
                str(item.id),
                item.candidate_name,
                item.case_id,
                item.municipality,
                item.created_at[:10],
                item.typology_label.split(" ", 1)[0].rstrip(".") if item.typology_label else "",
            ]
        )
    for line in format_table(rows):
        print(line, file=out)
    return 0


def _neg(text: str) -> list[int]:
    return [-ord(ch) for ch in text]  # newest first inside a municipality


def _outcome(engine: Engine, args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    from screener.hub import followup

    if (args.months is None) != (args.result is None):
        print(_("Give --months and --result together."), file=out)
        return 2
    change = followup.FollowUp(
        placed_municipality=args.placed,
        placed_on=args.placed_on.isoformat() if args.placed_on else None,
        active_effort=None if args.active_effort is None else args.active_effort == "yes",
        outcomes={args.months: args.result} if args.months else None,
    )
    followup.record(engine, args.id, change, settings.actor)
    state = followup.read(engine, args.id)
    outcomes = ", ".join(
        str(months) + ": " + _(followup.OUTCOMES[code])
        for months, code in sorted((state.outcomes or {}).items())
    )
    print(_("Follow-up of candidate {id} saved.").format(id=args.id), file=out)
    print(
        _("Placed: {placed}; active effort: {effort}; outcomes: {outcomes}").format(
            placed=state.placed_municipality or "-",
            effort={True: _("yes"), False: _("no"), None: "-"}[state.active_effort],
            outcomes=outcomes or "-",
        ),
        file=out,
    )
    return 0


def _figures(engine: Engine, args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    from screener.commands import format_table
    from screener.hub import figures

    if args.export is not None:
        figures.export(engine, args.export, settings.actor)
        print(_("Figures written to {path}").format(path=args.export), file=out)
        return 0
    for line in format_table(figures.table(figures.compute(engine, args.by))):
        print(line, file=out)
    return 0


def _pdf(engine: Engine, args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    from screener.files import atomic_write
    from screener.hub import pdf
    from screener.hub.importer import audit
    from screener.hub.search import get_candidate

    lang = args.pdf_lang or settings.language
    stored = get_candidate(engine, args.id)
    target = args.output or Path(f"hub-{args.id}-{lang}.pdf")
    atomic_write(target, pdf.render(stored.data, settings.questionnaire_dir, lang))
    with engine.begin() as conn:
        audit(conn, settings.actor, "export_pdf", {"uid": stored.uid, "lang": lang})
    print(_("PDF written to {path}").format(path=target), file=out)
    return 0


def _show(engine: Engine, args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    from screener.hub import followup
    from screener.hub.search import get_candidate, history

    stored = get_candidate(engine, args.id)
    data = stored.data
    person, meta, head = data["candidate"], data["metadata"], data["interview"]
    lines = [
        f"{person['name']}  {person.get('case_id', '')}".rstrip(),
        _("Municipality: {name}").format(name=meta.get("municipality") or "-"),
        _("Screened: {date}").format(date=str(head["created_at"])[:10]),
        _("Consultant: {name}").format(name=meta.get("consultant") or "-"),
    ]
    state = followup.read(engine, args.id)
    lines.append(_("Placed: {name}").format(name=state.placed_municipality or "-"))
    effort = {True: _("yes"), False: _("no"), None: "-"}[state.active_effort]
    lines.append(_("Active effort: {value}").format(value=effort))
    for months, code in sorted((state.outcomes or {}).items()):
        lines.append(str(months) + ": " + _(followup.OUTCOMES[code]))
    lines.append(_("Version: changed {changed}").format(changed=head["updated_at"]))
    for changed, imported, replaced in history(engine, args.id):
        lines.append(
            _(
                "Earlier version: changed {changed}, imported {imported}, replaced {replaced}"
            ).format(changed=changed, imported=imported[:19], replaced=replaced[:19])
        )
    for line in lines:
        print(line, file=out)
    return 0


_COMMANDS = {
    "import": _import,
    "list": _find,
    "search": _find,
    "show": _show,
    "outcome": _outcome,
    "figures": _figures,
    "pdf": _pdf,
}
