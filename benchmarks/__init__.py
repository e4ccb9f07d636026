"""Performance figures for Screener: ``python -m benchmarks [--json] [--quick]``.

Each measurement lives in its own module and returns ``Figure`` objects (see ``common``);
``__main__`` runs them, prints a table for humans and, with ``--json``, one JSON object on the
last line. Programs that must run in a fresh process live in ``benchmarks/children``.
"""
