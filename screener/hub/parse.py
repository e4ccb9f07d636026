"""One handover (the laptop's JSON export, parsed) turned into the hub's rows.

The one code path of the importer: a JSON file and a bundle both end here as a dict. The shape
the hub relies on is checked with pydantic; fields the export may add within format version 1
(docs/export-json.md) are ignored rather than refused, so a newer laptop still hands over.

Identity: ``interview.uuid`` when the export carries one; otherwise a key derived from the
questionnaire hash, the creation time and the laptop's interview id, which together name one
interview on one laptop. The version is (``updated_at``, ``event_count``): every change on the
laptop moves both.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from screener.errors import ScreenerError
from screener.i18n import N_, _
from screener.store.text import fold

FORMAT = "screener-interview"
FIELD_PROBLEM = N_("field {field}: {problem}")


class RefusedError(ScreenerError):
    """A file the hub will not import; the message says why (never a name or an answer).

    ``message_id`` and ``values`` keep the reason in English, so a report can be shown in any
    language later; ``str()`` is the reason in the current language."""

    def __init__(self, message_id: str, **values: Any) -> None:
        self.message_id = message_id
        self.values = values
        super().__init__(_(message_id).format(**values))


class _Loose(BaseModel):
    model_config = ConfigDict(extra="ignore")


class _Interview(_Loose):
    id: int
    created_at: str
    updated_at: str
    status: str = ""
    finalized_at: str | None = None
    event_count: int = 0
    uuid: str | None = None


class _Questionnaire(_Loose):
    id: str
    version: str
    hash: str


class _Candidate(_Loose):
    name: str
    birth_date: str | None = None
    nationality: str = ""
    case_id: str = ""


class _Interpreter(_Loose):
    language: str = ""


class _Metadata(_Loose):
    consultant: str = ""
    place: str = ""
    municipality: str = ""
    organisation: str = ""
    interpreter: _Interpreter = _Interpreter()


class _Consent(_Loose):
    screening: bool
    handover: bool


@dataclass(frozen=True)
class _Entry:
    """An answer entry, checked by hand: pydantic on 150 entries per file was a fifth of the
    import's time, and the hub reads only these fields."""

    item: str
    role: str | None
    state: str
    value: Any
    value_text: Any


def _entries(answers: Any) -> list[_Entry]:
    if not isinstance(answers, list):
        raise RefusedError(FIELD_PROBLEM, field="answers", problem="list")
    entries: list[_Entry] = []
    for index, entry in enumerate(answers):
        item = entry.get("item") if isinstance(entry, dict) else None
        state = entry.get("state") if isinstance(entry, dict) else None
        role = entry.get("role") if isinstance(entry, dict) else None
        if (
            not isinstance(item, str)
            or not isinstance(state, str)
            or not (role is None or isinstance(role, str))
        ):
            raise RefusedError(FIELD_PROBLEM, field=f"answers.{index}", problem="item, state, role")
        entries.append(_Entry(item, role, state, entry.get("value"), entry.get("value_text")))
    return entries


class _Export(_Loose):
    format: str
    format_version: int
    interview: _Interview
    questionnaire: _Questionnaire
    candidate: _Candidate
    metadata: _Metadata
    consent: _Consent | None


@dataclass
class Parsed:
    """The rows of one interview, ready to write."""

    uid: str
    updated_at: str
    event_count: int
    candidate: dict[str, Any]
    branches: list[dict[str, Any]] = field(default_factory=list)
    languages: list[dict[str, Any]] = field(default_factory=list)
    words: list[dict[str, Any]] = field(default_factory=list)

    @property
    def version(self) -> tuple[str, int]:
        return (self.updated_at, self.event_count)


def identity(interview: dict[str, Any], questionnaire_hash: str) -> str:
    uuid = interview.get("uuid")
    if isinstance(uuid, str) and uuid:
        return uuid
    key = f"{questionnaire_hash}|{interview.get('created_at')}|{interview.get('id')}"
    return "k-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def parse_export(
    data: Any, imported_at: str, organisation: str = "", raw: str | None = None
) -> Parsed:
    """Check one parsed export and build its rows; RefusedError says what is wrong.

    ``raw`` is the file's text when there is one: it is stored as it arrived (and not written
    out again from ``data``, which costs more than the rest of the import)."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise RefusedError(N_("not a Screener interview export"))
    if data.get("format_version") != 1:
        raise RefusedError(
            N_("export format version {version} is not supported"),
            version=data.get("format_version"),
        )
    try:
        export = _Export.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise RefusedError(FIELD_PROBLEM, field=where, problem=first["msg"]) from error
    if export.consent is None or not export.consent.handover:
        raise RefusedError(N_("the candidate did not consent to the handover"))
    if not export.candidate.name.strip():
        raise RefusedError(N_("the candidate has no name"))
    by_role: dict[str, _Entry] = {}
    for entry in _entries(data.get("answers")):
        if entry.role and entry.state == "answered":
            by_role.setdefault(entry.role, entry)
    meta = export.metadata
    uid = identity(data["interview"], export.questionnaire.hash)
    branches = _branches(by_role)
    languages = _languages(by_role)
    typology = by_role.get("typology")
    trades = _trades(by_role)
    municipality = meta.municipality.strip()
    wished = by_role.get("branches")
    search = " ".join(  # what one search box finds: who, where, which trades and languages
        [
            export.candidate.name,
            export.candidate.case_id,
            municipality,
            trades,
            " ".join(_texts(typology.value_text if typology else None)),
            " ".join(_texts(wished.value_text if wished else None)),
            " ".join(name for name, _level in languages),
        ]
    )
    candidate = {
        "uid": uid,
        "updated_at": export.interview.updated_at,
        "event_count": export.interview.event_count,
        "source_id": export.interview.id,
        "status": export.interview.status,
        "candidate_name": export.candidate.name,
        "case_id": export.candidate.case_id,
        "birth_date": export.candidate.birth_date,
        "nationality": export.candidate.nationality,
        "municipality": municipality,
        "municipality_key": fold(municipality),
        "consultant": meta.consultant,
        "organisation": (meta.organisation or organisation or meta.place).strip(),
        "created_at": export.interview.created_at,
        "finalized_at": export.interview.finalized_at,
        "imported_at": imported_at,
        "screening_status": _code(by_role.get("status")),
        "typology": _code(typology),
        "typology_label": " ".join(_texts(typology.value_text if typology else None)),
        "danish_level": _code(by_role.get("danish_level")),
        "english_level": _code(by_role.get("english_level")),
        "trades": trades,
        "questionnaire_id": export.questionnaire.id,
        "questionnaire_version": export.questionnaire.version,
        "questionnaire_hash": export.questionnaire.hash,
        "data_json": raw
        if raw is not None
        else json.dumps(data, ensure_ascii=False, separators=(",", ":")),
    }
    return Parsed(
        uid=uid,
        updated_at=export.interview.updated_at,
        event_count=export.interview.event_count,
        candidate=candidate,
        branches=[{"candidate_uid": uid, "branch": b, "kind": k} for b, k in branches],
        languages=[{"candidate_uid": uid, "language": n, "level": lv} for n, lv in languages],
        words=[{"word": word, "candidate_uid": uid} for word in words_of(search)],
    )


WORD = re.compile(r"\w+")
MAX_WORD = 60  # longer "words" (a pasted code) are cut: the start is what a search types


def words_of(text: str) -> list[str]:
    """The distinct folded words of ``text`` (letters and digits of any script)."""
    return sorted({word[:MAX_WORD] for word in WORD.findall(fold(text))})


def _code(entry: _Entry | None) -> str:
    return entry.value if entry is not None and isinstance(entry.value, str) else ""


def _texts(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(v) for v in value if v]
    return []


def _rows(entry: _Entry | None) -> list[dict[str, Any]]:
    if entry is None or not isinstance(entry.value, list):
        return []
    return [row for row in entry.value if isinstance(row, dict)]


def _branches(by_role: dict[str, _Entry]) -> list[tuple[str, str]]:
    found: dict[tuple[str, str], None] = {}
    wished = by_role.get("branches")
    if wished is not None and isinstance(wished.value, list):
        for code in wished.value:
            if isinstance(code, str) and code:
                found[(code, "wish")] = None
    for row in _rows(by_role.get("work_history")):
        code = row.get("job_branch")
        if isinstance(code, str) and code:
            found[(code, "work")] = None
    return list(found)


def _languages(by_role: dict[str, _Entry]) -> list[tuple[str, int]]:
    found: dict[str, int] = {}
    for row in _rows(by_role.get("languages")):
        name = row.get("language_name")
        if not isinstance(name, str) or not name.strip():
            continue
        level = row.get("language_speak")
        key = fold(name.strip())
        found[key] = max(found.get(key, 0), level if isinstance(level, int) else 0)
    return list(found.items())


def _trades(by_role: dict[str, _Entry]) -> str:
    parts = [str(row.get("job_title", "")).strip() for row in _rows(by_role.get("work_history"))]
    for role in ("job_wishes", "first_job"):
        entry = by_role.get(role)
        if entry is not None and isinstance(entry.value, str):
            parts.append(entry.value.strip())
    return "; ".join(part for part in parts if part)
