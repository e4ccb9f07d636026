"""The handover a caseworker acts on: page 1 is a one-page summary (also for a candidate with very
long answers), nothing on it ends mid-word, and no typology description is printed about the
person. The demo is stored and read back through the real store, then rendered for real."""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po
from support.report import flat, pages_of

from screener import cli
from screener.cli_config import write_value
from screener.demo import create_demo
from screener.questionnaire.loader import load_questionnaire
from screener.report import render_pdf_bytes
from screener.resources import data_dir
from screener.settings import load_organisation
from screener.store.records import Answer, AnswerState, Interview
from screener.store.repository import Repository

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "questionnaires" / "tm-screening.toml"
GENERATED = datetime(2026, 11, 22, 13, 0)
ORGANISATION = {
    "organisation": "Talent Match Syd (test)",
    "contact": "Konsulent Prøve",
    "phone": "+45 11 22 33 44",
    "email": "kontakt@example.org",
}
LONG = (
    "Kompetenceafklarende forløb i en virksomhed med svejsning og montage, "
    "realkompetencevurdering på AMU-centret og virksomhedsbesøg hos tre metalvirksomheder "
)


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> Any:
    path = tmp_path_factory.mktemp("config") / "config.toml"
    for key, value in ORGANISATION.items():
        write_value(path, key, value)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SCREENER_CONFIG", str(path))
        yield path


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Interview:
    repo = Repository(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    try:
        return repo.get(create_demo(repo, load_questionnaire(SCRIPT)))
    finally:
        repo.close()


@pytest.fixture(scope="module")
def pages(config: Path, demo: Interview) -> dict[str, list[str]]:
    return {lang: pages_of(render_pdf_bytes(demo, lang, GENERATED)) for lang in ("da", "en")}


def long_interview(demo: Interview) -> Interview:
    """The demo with every free text on page 1 made very long, many flags and plan lines."""
    answers = dict(demo.answers)
    for name in (
        "strengths",
        "assessment_strengths",
        "spouse_work",
        "job_wishes",
        "first_job",
        "attention_points",
        "looking_forward",
    ):
        answers[name] = Answer(name, AnswerState.ANSWERED, (LONG * 12).strip())
    plan = [
        {
            "plan_element": "kompetenceafklarende_forloeb",
            "plan_what": (LONG * 3).strip(),
            "plan_why": LONG,
            "plan_who": "Jobcentrets virksomhedskonsulent i samarbejde med AMU-centret " * 2,
            "plan_when": "I den første måned efter ankomsten til kommunen, senest uge 6 " * 2,
        }
    ] * 6
    answers["effort_plan"] = Answer("effort_plan", AnswerState.ANSWERED, plan)
    languages = answers["language_list"].value * 3
    answers["language_list"] = Answer("language_list", AnswerState.ANSWERED, languages)
    competences = answers["competence_list"].value * 5
    answers["competence_list"] = Answer("competence_list", AnswerState.ANSWERED, competences)
    flags = {name for name in answers if not name.startswith("cc_")}
    return dataclasses.replace(demo, answers=answers, flags=flags)


@pytest.fixture(scope="module")
def long_pages(config: Path, demo: Interview) -> list[str]:
    return pages_of(render_pdf_bytes(long_interview(demo), "da", GENERATED))


def vocabulary(interview: Interview, pages: list[str]) -> set[str]:
    """Every word the report may print: later pages, the catalogues, the script, the answers."""
    texts = list(pages[1:])
    for lang in ("da", "en"):
        po = data_dir("locales") / lang / "LC_MESSAGES" / "screener.po"
        with open(po, "rb") as handle:
            texts += [f"{m.id} {m.string}" for m in read_po(handle) if isinstance(m.id, str)]
    texts.append(SCRIPT.read_text(encoding="utf-8"))
    texts.append(repr(interview.answers) + repr(interview.info) + repr(ORGANISATION))
    from babel import Locale

    for lang in ("da", "en"):
        locale = Locale.parse(lang)
        texts += [*locale.territories.values(), *locale.languages.values()]
    return set(re.findall(r"\w+", " ".join(texts).lower()))


def ends_mid_word(page: str, words: set[str]) -> list[str]:
    """Lines whose last word is not a whole word of the vocabulary (a cut like 'Kompetenceafkl')."""
    bad = []
    for line in page.splitlines():
        found = re.findall(r"\w+", line)
        if not found:
            continue
        if line.rstrip().endswith("-") or found[-1].lower() not in words:
            bad.append(line)
    return bad


# --- the demo ------------------------------------------------------------------------------


def test_page_one_is_the_caseworkers_summary(pages: dict[str, list[str]], demo: Interview) -> None:
    first = flat(pages["da"][0])
    for expected in (
        demo.info.candidate_name,
        "Opholdstilladelse, boligplaceret i en kommune",
        "Til Sønderborg Kommune",
        "Husstand",
        "Gift",
        "9 år: skole; 4 år: børnehave",
        "Kontakt",
        demo.info.consultant,
        *(value for key, value in ORGANISATION.items() if key != "contact"),
        "Styrker",
        "(egne ord)",
        "MAG-svejsning (selvrapporteret)",
        "De næste tre skridt",
        "Virksomhedspraktik som svejser",
        "ansvarlig: Jobcentrets virksomhedskonsulent",
        "frist: Start i den første måned i kommunen",
        "Kræver opfølgning",
        "Markeret til opfølgning",
        "Samtykker",
        "Typologi (konsulent)",
        "Hvad glæder du dig mest til?",
        "At stå ved en svejsemaskine igen",
    ):
        assert flat(expected) in first, expected
    # The summary is exactly one page: the topics start on page 2.
    assert "De næste tre skridt" not in pages["da"][1]
    assert pages["da"][1].lstrip().startswith("Velkomst og formål")


def test_page_one_in_english(pages: dict[str, list[str]]) -> None:
    first = flat(pages["en"][0])
    for expected in (
        "Residence permit, placed in a municipality",
        "For Sønderborg Municipality",
        "Country of origin",
        "The next three steps",
        "Needs follow-up",
        "What are you looking forward to most?",
    ):
        assert expected in first, expected
    assert "Asylum seeker" not in first


def test_nothing_on_page_one_ends_mid_word(pages: dict[str, list[str]], demo: Interview) -> None:
    for lang in ("da", "en"):
        words = vocabulary(demo, pages[lang])
        assert ends_mid_word(pages[lang][0], words) == [], lang


def test_no_typology_description_in_the_report(pages: dict[str, list[str]]) -> None:
    q = load_questionnaire(SCRIPT)
    for lang in ("da", "en"):
        text = flat(" ".join(pages[lang]))
        for choice in q.choices["typology"]:
            description = flat(choice.description[lang])
            assert description[:40] not in text, (lang, choice.value)
            for sentence in description.split(". "):
                assert sentence[:30] not in text, sentence
    da = flat(" ".join(pages["da"]))
    assert "Konsulentens valg: 4. Boligplaceret" in da
    assert "Begrundelse: Boligplaceret; afsluttet grundskole" in da


def test_recommendations_by_phase_with_owner_and_timing(pages: dict[str, list[str]]) -> None:
    text = flat(" ".join(pages["da"]))
    asylum = text.index("Gjort eller sat i gang i asylfasen")
    municipality = text.index("Anbefalet til kommunen")
    assert asylum < municipality
    assert "CV-postkort — ansvarlig: Rekrutteringskonsulenten" in text[asylum:municipality]
    assert "Virksomhedspraktik i relevant branche — ansvarlig:" in text[municipality:]
    # The candidate is placed: no contact with the Immigration Service about placement.
    assert "Udlændingestyrelsen" not in text


def test_evidence_under_the_charts(pages: dict[str, list[str]]) -> None:
    text = flat(" ".join(pages["da"]))
    assert (
        "Hvordan vi ved det: Arabisk, Tyrkisk, Engelsk: selvrapporteret; Dansk: observeret" in text
    )
    assert "Konsulentens vurdering efter samtalen, baseret på: kandidatens egne eksempler" in text


def test_unasked_optional_items_are_one_line(pages: dict[str, list[str]]) -> None:
    text = flat(" ".join(pages["da"]))
    assert "Ikke dækket: Har du fået MitID?" in text
    assert "Har du fået MitID? Ikke spurgt" not in text


def test_see_page_points_to_the_full_answer(pages: dict[str, list[str]]) -> None:
    da = pages["da"]
    found = re.findall(r"(\w[\w ,;()-]{12})… \(se side (\d+)\)", flat(da[0]))
    assert found
    for cut, page in found:
        later = flat(" ".join(da[int(page) - 1 : int(page) + 1]))
        assert cut in later, (cut, page)


# --- a candidate with very long answers -----------------------------------------------------


def test_page_one_fits_for_very_long_answers(long_pages: list[str], demo: Interview) -> None:
    first = flat(long_pages[0])
    for expected in (
        demo.info.candidate_name,
        "Kontakt",
        "De næste tre skridt",
        "Kræver opfølgning",
        "Samtykker",
        "Hvad glæder du dig mest til?",
        "(se side",
    ):
        assert expected in first, expected
    assert "Side 1 af" in long_pages[0]
    assert "De næste tre skridt" not in long_pages[1]
    assert "Hvad glæder du dig mest til?" not in long_pages[1].split("Afslutning")[0]
    words = vocabulary(demo, long_pages)
    assert ends_mid_word(long_pages[0], words) == []
    assert ends_mid_word("Anbefalet indsats: Kompetenceafklaren…", words)  # the check bites
    assert "Kompetenceafklaren…" not in first


# --- the organisation's contact details -------------------------------------------------------


def test_screener_config_set_and_show(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "conf" / "config.toml"
    monkeypatch.setenv("SCREENER_CONFIG", str(path))
    assert cli.main(["config", "set", "phone", '+45 "12" 34']) == 0
    assert cli.main(["config", "set", "organisation", "Jobhuset"]) == 0
    organisation = load_organisation()
    assert organisation.phone == '+45 "12" 34' and organisation.organisation == "Jobhuset"
    assert cli.main(["config", "show"]) == 0
    path.write_text("not toml [", encoding="utf-8")
    assert load_organisation().organisation == ""  # a broken file never stops a report
