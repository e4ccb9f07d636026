"""Opening a hub: the engine for a URL, the schema brought up to date, clear errors."""

from __future__ import annotations

from typing import TYPE_CHECKING

from screener.hub.engine import (
    HubError,
    connect_error,
    create_hub_engine,
    parse_url,
    read_passphrase,
)

if TYPE_CHECKING:
    from sqlalchemy import Engine


def open_hub(url: str, migrate: bool = True, passphrase: str | None = None) -> Engine:
    """An engine on a reachable, current hub database (created on first use). The passphrase
    of an SQLite hub defaults to ``SCREENER_HUB_PASSPHRASE``."""
    from sqlalchemy.exc import SQLAlchemyError

    from screener.hub import migrate as migrations

    engine = create_hub_engine(url, passphrase or read_passphrase(None))
    try:
        if migrate:
            migrations.upgrade(engine)
        else:
            with engine.connect():
                pass
    except SQLAlchemyError as error:
        engine.dispose()
        raise connect_error(error, parse_url(url)) from error
    except HubError:
        engine.dispose()
        raise
    return engine
