"""The municipality list: complete, unique and in Danish order."""

from __future__ import annotations

from screener.municipalities import MUNICIPALITIES, danish_sort_key


def test_98_unique_municipalities() -> None:
    assert len(MUNICIPALITIES) == 98
    assert len(set(MUNICIPALITIES)) == 98
    assert all(name == name.strip() and name for name in MUNICIPALITIES)


def test_common_names() -> None:
    for name in ("København", "Aarhus", "Aalborg", "Odense", "Sønderborg", "Ærø", "Bornholm"):
        assert name in MUNICIPALITIES
    assert not any(name.endswith(" Kommune") for name in MUNICIPALITIES)


def test_sorted_danish_alphabetically() -> None:
    assert list(MUNICIPALITIES) == sorted(MUNICIPALITIES, key=danish_sort_key)
    assert MUNICIPALITIES[0] == "Albertslund"
    assert MUNICIPALITIES[-4:] == ("Ærø", "Aabenraa", "Aalborg", "Aarhus")
