"""Small driver programs the benchmarks start as fresh processes (``python -m ...``)."""
