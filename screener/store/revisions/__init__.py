"""Alembic revisions of the laptop store: how every earlier schema becomes the one ``tables.py``
declares. Run by ``migrations.migrate`` on the store's own (possibly encrypted) connection.

Revision ``sNNNN`` is schema N; ``PRAGMA user_version`` mirrors that number, so a file is known
to be current without importing Alembic. Schemas 1 to 5 were tracked by ``user_version`` only:
such a file is stamped with its revision first, then upgraded. To change the schema: change
``tables.py``, add ``versions/sNNNN_*.py`` revising the previous head, set ``migrations.HEAD``
to it and add the previous schema to ``tests/schemas`` (the drift test upgrades from each).
SQLite cannot alter a column in place: use ``rebuild.rebuild`` with the table as it becomes.
"""
