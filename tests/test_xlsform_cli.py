"""``screener questionnaire export|import`` as a user meets them, including a missing extra."""

from __future__ import annotations

import builtins
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from screener.cli import main
from screener.questionnaire.loader import load_questionnaire
from screener.resources import data_dir

pytestmark = pytest.mark.usefixtures("english")


def test_export_then_import_gives_a_file_that_checks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = tmp_path / "form.xlsx"
    assert main(["--lang", "en", "questionnaire", "export", str(workbook)]) == 0
    assert f"XLSForm written to {workbook}" in capsys.readouterr().out
    assert main(["--lang", "en", "questionnaire", "import", str(workbook)]) == 0
    assert f"Questionnaire written to {tmp_path / 'form.toml'}" in capsys.readouterr().out
    shipped = load_questionnaire(data_dir("questionnaires") / "tm-screening.toml")
    assert load_questionnaire(tmp_path / "form.toml") == shipped
    assert main(["check", str(tmp_path / "form.toml")]) == 0
    # A second import does not overwrite the file unless asked to.
    assert main(["--lang", "en", "questionnaire", "import", str(workbook)]) == 1
    assert "exists; choose another file with -o" in capsys.readouterr().out
    assert main(["questionnaire", "import", str(workbook), "--force"]) == 0


def test_export_from_a_chosen_file(tmp_path: Path) -> None:
    source = data_dir("questionnaires") / "tm-screening.toml"
    workbook = tmp_path / "chosen.xlsx"
    assert main(["questionnaire", "export", str(workbook), "--from", str(source)]) == 0
    assert workbook.is_file()


def _refused_workbook(path: Path) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "survey"
    for row in (
        ["type", "name", "label::English (en)", "calculation"],
        ["calculate", "total", None, "1 + 1"],
        ["geopoint", "where", "Where"],
    ):
        sheet.append(row)
    workbook.save(path)
    return path


def test_a_refused_import_lists_every_row_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = _refused_workbook(tmp_path / "bad.xlsx")
    target = tmp_path / "out.toml"
    assert main(["--lang", "en", "questionnaire", "import", str(workbook), "-o", str(target)]) == 1
    out = capsys.readouterr().out
    assert "Not imported; nothing was written:" in out
    assert "survey row 2 (total)" in out and "survey row 3 (where)" in out
    assert not target.exists()


def test_an_import_with_lint_problems_is_written_and_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "survey"
    sheet.append(["type", "name", "label::English (en)", "label::Dansk (da)"])
    sheet.append(["text", "city", "City"])
    path = tmp_path / "kobo.xlsx"
    workbook.save(path)
    assert main(["--lang", "en", "questionnaire", "import", str(path)]) == 1
    out = capsys.readouterr().out
    assert "It cannot be used until these problems are fixed:" in out
    assert "survey row 2 (city): missing label.da" in out
    assert "time budgets" in out  # Kobo forms have no minutes per section
    assert (tmp_path / "kobo.toml").is_file()


def _without(module: str, monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def fake_import(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == module or name.startswith(module + "."):
            raise ImportError(f"No module named '{module}'")
        return real_import(name, *args, **kwargs)

    monkeypatch.delitem(sys.modules, module, raising=False)
    monkeypatch.setattr(builtins, "__import__", fake_import)


def test_without_the_extra_the_message_names_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _without("openpyxl", monkeypatch)
    workbook = tmp_path / "form.xlsx"
    assert main(["--lang", "en", "questionnaire", "export", str(workbook)]) == 1
    assert main(["--lang", "en", "questionnaire", "import", str(workbook)]) == 1
    err = capsys.readouterr().err
    assert err.count("pip install 'screener[xlsform]'") == 2
    assert "Traceback" not in err
    assert not workbook.exists()


def test_without_the_extra_in_danish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _without("openpyxl", monkeypatch)
    assert main(["--lang", "da", "questionnaire", "export", str(tmp_path / "f.xlsx")]) == 1
    err = capsys.readouterr().err
    assert "pip install 'screener[xlsform]'" in err
    assert "Installér" in err


def test_help_lists_the_questionnaire_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "screener", "questionnaire", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert "export" in result.stdout and "import" in result.stdout


def test_importing_the_xlsform_package_loads_neither_openpyxl_nor_pyxform() -> None:
    code = (
        "import sys, screener.cli, screener.xlsform.importer, screener.xlsform.export, "
        "screener.xlsform.data_csv\n"
        "print(sorted(m for m in ('openpyxl', 'pyxform', 'textual') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]"
