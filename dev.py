"""Set up the checkout's own virtual environment when needed, then run the app or the tests.

Usage: ``python3 dev.py run [screener arguments]``, ``python3 dev.py test [pytest arguments]``,
``python3 dev.py i18n`` (update and compile the translation catalogs).
Only the standard library is used here, so it works on a machine with nothing but Python 3.11+.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".screener-installed"
PYPROJECT = ROOT / "pyproject.toml"
# import-linter's command (its contracts are in pyproject.toml); it has no ``python -m`` entry.
LINT_IMPORTS = "import sys; from importlinter.cli import lint_imports_command as c; sys.exit(c())"


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def wanted_stamp() -> str:
    return hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()


def ensure_venv() -> Path:
    """Create .venv and install the package with its test extras unless already up to date."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this file runs before the venv exists
        sys.exit("Screener needs Python 3.11 or newer.")
    python = venv_python()
    if not python.exists():
        print("Creating the virtual environment in .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if not STAMP.exists() or STAMP.read_text() != wanted_stamp():
        print("Installing Screener and its dependencies into .venv ...", flush=True)
        pip = [str(python), "-m", "pip", "--disable-pip-version-check", "-q"]
        subprocess.run([*pip, "install", "--upgrade", "pip"], check=True)
        # The package with its optional parts (the tests cover them) and the dev tools group.
        subprocess.run(
            [
                *pip,
                "install",
                "-e",
                f"{ROOT}[xlsform,hub]",
                "--group",
                f"{ROOT / 'pyproject.toml'}:dev",
            ],
            check=True,
        )
        STAMP.write_text(wanted_stamp())
    return python


def run_steps(python: Path, steps: list[list[str]]) -> int:
    for step in steps:
        shown = "lint-imports" if step[-1] == LINT_IMPORTS else " ".join(step[2:])
        print("$", shown if step[1] in ("-m", "-c") else " ".join(step), flush=True)
        code = subprocess.run([str(python), *step[1:]], cwd=ROOT).returncode
        if code != 0:
            return code
    return 0


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "run"
    rest = argv[1:]
    python = ensure_venv()
    if command == "run":
        return subprocess.run([str(python), "-m", "screener", *rest], cwd=ROOT).returncode
    if command == "test":
        return run_steps(
            python,
            [
                ["python", "-m", "ruff", "check", "screener", "tests", "benchmarks", "dev.py"],
                ["python", "-m", "ruff", "format", "--check", "screener", "tests", "benchmarks"],
                ["python", "-m", "mypy", "screener"],
                ["python", "-c", LINT_IMPORTS],
                ["python", "-m", "pytest", *rest],
            ],
        )
    if command == "i18n":
        return subprocess.run([str(python), str(ROOT / "scripts" / "i18n.py")], cwd=ROOT).returncode
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
