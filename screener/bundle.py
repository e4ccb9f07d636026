"""The handover bundle for the trip on a USB stick: the report as an AES-256 encrypted PDF (any
PDF reader asks for the password) and the JSON in an AES-256 zip (7-Zip, WinZip and the
receiving system open it), both under one generated one-time password that the consultant passes
on by another channel (phone). Nothing unencrypted is ever written, not even a temporary file:
both files are built in memory and written atomically.

File names carry the case number (or the interview number) and the language, never a name; the
PDF's metadata is replaced by neutral values (reportlab puts the candidate's name in the Title).
"""

from __future__ import annotations

import io
import json
import re
import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from screener.errors import BundleError
from screener.i18n import _

PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read over the phone
PASSWORD_GROUPS = 6  # 24 characters from 31: about 119 bits
MAX_JSON_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class BundleResult:
    pdf: Path
    archive: Path
    password: str


def generate_password() -> str:
    """One-time password in groups of four (easy to read aloud and type)."""
    groups = (
        "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(4)) for _ in range(PASSWORD_GROUPS)
    )
    return "-".join(groups)


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-")[:40]


def bundle_stem(interview_id: int, lang: str) -> str:
    """``screening-<number>-<lang>``: two languages never overwrite each other. Not the case id:
    it identifies the person, and the stick may be read by anyone who finds it."""
    return f"screening-{interview_id:05d}-{_safe(lang) or 'da'}"


def encrypt_pdf(pdf: bytes, password: str) -> bytes:
    """The PDF encrypted with AES-256 (PDF 2.0 standard security handler), neutral metadata."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.metadata = None
    writer.add_metadata({"/Title": "Screening", "/Producer": "Screener", "/Creator": "Screener"})
    writer.encrypt(user_password=password, owner_password=None, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def zip_json(name: str, data: bytes, password: str) -> bytes:
    """An AES-256 (WinZip AE-2) zip holding one JSON file."""
    import pyzipper

    out = io.BytesIO()
    with pyzipper.AESZipFile(
        out, "w", compression=pyzipper.ZIP_DEFLATED, encryption=pyzipper.WZ_AES
    ) as archive:
        archive.setpassword(password.encode("utf-8"))
        archive.setencryption(pyzipper.WZ_AES, nbits=256)
        archive.writestr(name, data)
    return out.getvalue()


def write_bundle(
    repo: Any,
    interview_id: int,
    folder: Path,
    lang: str,
    password: str | None = None,
    generated_at: datetime | None = None,
) -> BundleResult:
    """Write ``<stem>.pdf`` and ``<stem>.zip`` into ``folder`` (created when missing) and mark
    the interview exported; raises ExportError/BundleError with a clear message."""
    from screener.files import atomic_write
    from screener.interview.disclosure import for_handover
    from screener.report.render import render_pdf_bytes
    from screener.store.export_json import dumps, to_json

    password = password or generate_password()
    interview = for_handover(repo.get(interview_id))  # the consents decide what goes in
    folder = Path(folder).expanduser()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        from screener.files import describe_os_error

        raise BundleError(describe_os_error(error, folder)) from error
    stem = bundle_stem(interview_id, lang)
    pdf = encrypt_pdf(render_pdf_bytes(interview, lang, generated_at), password)
    data = dumps(to_json(interview, event_count=len(repo.events(interview_id))))
    archive = zip_json(f"{stem}.json", data, password)
    pdf_path, zip_path = folder / f"{stem}.pdf", folder / f"{stem}.zip"
    atomic_write(pdf_path, pdf)
    atomic_write(zip_path, archive)
    repo.mark_exported(interview_id)
    return BundleResult(pdf_path, zip_path, password)


def read_bundle_json(path: Path, password: str | None) -> dict[str, Any]:
    """The JSON export inside a bundle zip (or a plain ``.json`` file when ``password`` is not
    needed). BundleError for a wrong password, a damaged or foreign file."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise BundleError(
            _("Cannot read {path}: {reason}").format(
                path=path, reason=error.strerror or type(error).__name__
            )
        ) from error
    if raw[:2] == b"PK":
        raw = _unzip(path, raw, password)
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise BundleError(
            _("{path}: not a Screener JSON export (damaged or another format).").format(path=path)
        ) from error
    if not isinstance(data, dict):
        raise BundleError(_("{path}: not a Screener JSON export.").format(path=path))
    return data


def _unzip(path: Path, raw: bytes, password: str | None) -> bytes:
    import zipfile
    import zlib

    import pyzipper

    try:
        with pyzipper.AESZipFile(io.BytesIO(raw)) as archive:
            names = [n for n in archive.namelist() if n.endswith(".json")]
            if len(names) != 1:
                raise BundleError(
                    _("{path}: the bundle should hold exactly one JSON file.").format(path=path)
                )
            info = archive.getinfo(names[0])
            if info.file_size > MAX_JSON_BYTES:
                raise BundleError(_("{path}: the JSON file is too large.").format(path=path))
            if password is None:
                raise BundleError(_("{path}: the bundle needs its password.").format(path=path))
            archive.setpassword(password.encode("utf-8"))
            return bytes(archive.read(names[0]))
    except RuntimeError as error:  # pyzipper: "Bad password for file"
        raise BundleError(_("{path}: the password is not right.").format(path=path)) from error
    except (
        zipfile.BadZipFile,
        pyzipper.BadZipFile,
        zlib.error,
        EOFError,
        OSError,
        ValueError,
    ) as error:
        raise BundleError(
            _("{path}: the bundle is damaged or incomplete.").format(path=path)
        ) from error


def write_transfer(repo: Any, interview_id: int, path: Path, password: str | None = None) -> str:
    """The complete record of one interview (``screener.store.transfer``) in an AES-256 zip at
    ``path``, for moving it to another laptop; returns the password (generated if not given)."""
    from screener.files import atomic_write
    from screener.store.transfer import dumps, export_record

    password = password or generate_password()
    record = export_record(repo, interview_id)
    atomic_write(Path(path).expanduser(), zip_json("transfer.json", dumps(record), password))
    return password
