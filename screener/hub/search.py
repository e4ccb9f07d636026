"""Finding candidates: by name or case number, trade, branch, language and level, typology,
municipality, organisation and date. One SQL query on both engines, newest first."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from screener.hub.engine import HubError
from screener.hub.parse import words_of
from screener.i18n import _
from screener.store.text import fold

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine, Select


@dataclass(frozen=True)
class Query:
    text: str = ""  # words that must all occur in name, case number, trades or typology
    municipality: str = ""
    branch: str = ""  # a branch code (wished or worked in)
    language: str = ""  # the start of a language name, as typed on the laptop
    min_level: int = 0  # speaking level 1-5 the language must reach
    typology: str = ""  # a typology code, e.g. type1
    organisation: str = ""
    since: str = ""  # ISO date: screened on or after
    until: str = ""  # ISO date: screened on or before
    limit: int = 100


@dataclass(frozen=True)
class Summary:
    id: int
    uid: str
    candidate_name: str
    case_id: str
    municipality: str
    organisation: str
    created_at: str
    typology: str
    typology_label: str
    trades: str


def _after(prefix: str) -> str:
    """The first string (in byte order) after every string that starts with ``prefix``."""
    if not prefix:
        return "\U0010ffff"
    return prefix[:-1] + chr(min(ord(prefix[-1]) + 1, 0x10FFFF))


# Words whose candidates are fewer than this are looked up first (see ``_few_matches``).
RARE = 5000
FEW = 1000


def search(engine: Engine, query: Query) -> list[Summary]:
    with engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            # A search returns one page: starting parallel workers costs more than it saves.
            conn.exec_driver_sql("SET LOCAL max_parallel_workers_per_gather = 0")
        uids = _few_matches(conn, words_of(query.text))
        rows = conn.execute(statement(query, uids))
        return [Summary(**row._mapping) for row in rows]


def _few_matches(conn: Connection, words: list[str]) -> list[str] | None:
    """The candidates having all ``words``, when they are few (else None).

    The plain query walks the newest candidates and probes each for the words: quick when
    matches are many, slow when the words together are rare (a full name). So the rarest word
    (counted in the word index, at most RARE entries read per word) is looked up first, with
    the others probed on its candidates only; up to FEW of them are returned.
    """
    from sqlalchemy import and_, exists, func, literal, select

    from screener.hub.tables import HUB_METADATA

    table = HUB_METADATA.tables["hub_word"]
    rarest: tuple[int, str] | None = None
    for word in words:
        hits = (
            select(literal(1))
            .where(table.c.word >= word, table.c.word < _after(word))
            .limit(RARE + 1)
            .subquery()
        )
        number = int(conn.execute(select(func.count()).select_from(hits)).scalar_one())
        if number <= RARE and (rarest is None or number < rarest[0]):
            rarest = (number, word)
    if rarest is None:
        return None
    first = table.alias("first")
    conditions = [first.c.word >= rarest[1], first.c.word < _after(rarest[1])]
    for word in words:
        if word != rarest[1]:
            other = table.alias()
            conditions.append(
                exists().where(
                    and_(
                        other.c.candidate_uid == first.c.candidate_uid,
                        other.c.word >= word,
                        other.c.word < _after(word),
                    )
                )
            )
    found = conn.execute(
        select(first.c.candidate_uid).where(*conditions).distinct().limit(FEW + 1)
    ).scalars()
    uids = list(found)
    return uids if len(uids) <= FEW else None


def statement(query: Query, uids: list[str] | None = None) -> Select[Any]:
    """The one SELECT of a search (both engines); ``uids``: only among these candidates."""
    from sqlalchemy import and_, exists, select

    from screener.hub.tables import HUB_METADATA

    c = HUB_METADATA.tables["hub_candidate"]
    branch = HUB_METADATA.tables["hub_branch"]
    language = HUB_METADATA.tables["hub_language"]
    words = HUB_METADATA.tables["hub_word"]
    conditions: list[Any] = []
    if uids is not None:
        conditions.append(c.c.uid.in_(uids))
    for word in words_of(query.text):
        conditions.append(
            exists().where(
                and_(
                    words.c.candidate_uid == c.c.uid,
                    words.c.word >= word,
                    words.c.word < _after(word),
                )
            )
        )
    if query.municipality.strip():
        conditions.append(c.c.municipality_key == fold(query.municipality.strip()))
    if query.organisation.strip():
        conditions.append(c.c.organisation == query.organisation.strip())
    if query.typology:
        conditions.append(c.c.typology == query.typology)
    if query.since:
        conditions.append(c.c.created_at >= query.since)
    if query.until:
        conditions.append(c.c.created_at < query.until + "T99")  # the whole last day
    if query.branch:
        conditions.append(
            exists().where(and_(branch.c.candidate_uid == c.c.uid, branch.c.branch == query.branch))
        )
    if query.language.strip() or query.min_level:
        lang = fold(query.language.strip())
        conditions.append(
            exists().where(
                and_(
                    language.c.candidate_uid == c.c.uid,
                    language.c.language >= lang,
                    language.c.language < _after(lang),
                    language.c.level >= query.min_level,
                )
            )
        )
    return (
        select(
            c.c.id,
            c.c.uid,
            c.c.candidate_name,
            c.c.case_id,
            c.c.municipality,
            c.c.organisation,
            c.c.created_at,
            c.c.typology,
            c.c.typology_label,
            c.c.trades,
        )
        .where(*conditions)
        .order_by(c.c.created_at.desc(), c.c.id.desc())
        .limit(query.limit)
    )


@dataclass(frozen=True)
class Stored:
    """One imported interview: its hub id, the export as it arrived, and the older versions."""

    id: int
    uid: str
    data: dict[str, Any]
    versions: int


def get_candidate(engine: Engine, candidate_id: int) -> Stored:
    from sqlalchemy import func, select

    from screener.hub.tables import HUB_METADATA

    c = HUB_METADATA.tables["hub_candidate"]
    history = HUB_METADATA.tables["hub_version"]
    with engine.connect() as conn:
        row = conn.execute(select(c.c.uid, c.c.data_json).where(c.c.id == candidate_id)).first()
        if row is None:
            raise HubError(_("No candidate with id {id} in the hub.").format(id=candidate_id))
        older = conn.execute(
            select(func.count()).select_from(history).where(history.c.candidate_uid == row.uid)
        ).scalar_one()
    return Stored(candidate_id, row.uid, json.loads(row.data_json), int(older))


def history(engine: Engine, candidate_id: int) -> list[tuple[str, str, str]]:
    """The replaced versions of a candidate's interview, oldest first:
    (changed on the laptop, imported, replaced)."""
    from sqlalchemy import select

    from screener.hub.tables import HUB_METADATA

    c = HUB_METADATA.tables["hub_candidate"]
    v = HUB_METADATA.tables["hub_version"]
    statement = (
        select(v.c.updated_at, v.c.imported_at, v.c.replaced_at)
        .join(c, c.c.uid == v.c.candidate_uid)
        .where(c.c.id == candidate_id)
        .order_by(v.c.id)
    )
    with engine.connect() as conn:
        return [(row[0], row[1], row[2]) for row in conn.execute(statement)]
