"""Alembic environment: runs on the connection Store hands over.

`Store` calls `alembic upgrade head` programmatically and passes its open
connection in `config.attributes["connection"]`; from the command line
(`alembic -c store/migrations/alembic.ini -x url=... upgrade head`) a URL is used.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

from store.models import metadata


def _run(connection: sa.Connection) -> None:
    # batch mode lets later migrations ALTER tables on SQLite too
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("url")
    if not url:
        raise SystemExit("give the database: alembic -c store/migrations/alembic.ini -x url=URL upgrade head")
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        _run(conn)
    engine.dispose()


run_online()
