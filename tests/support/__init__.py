"""Helpers shared by several test modules (imported as ``support.NAME``; fixtures live in
``conftest.py``). Test modules never import each other: what two of them need is here."""
