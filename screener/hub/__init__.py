"""The receiving side (``screener hub``): one database, on SQLite or PostgreSQL, into which a
municipality or a screening team imports handover files, finds candidates, records outcomes at
3 and 6 months and counts them in the terms of the Talent Management results.

Plain Python: no Textual here. SQLAlchemy, alembic and psycopg are imported inside functions.
"""
