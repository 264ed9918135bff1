"""The built wheel carries vragen/ and finds it without the source tree.

The rest of the suite runs from the checkout and would never notice a wheel without questions;
this test installs the wheel into a folder of its own and runs it from elsewhere.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.timeout(180)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
    )
    (built,) = out.glob("samenwerk-*.whl")
    return built


def test_wheel_contains_the_question_bank(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    bank = {Path(n).name for n in names if n.startswith("samenwerk_cli/vragen/")}
    assert {
        "model.yaml",
        "ambitie.yaml",
        "belangen.yaml",
        "relatie.yaml",
        "organisatie.yaml",
        "proces.yaml",
    } <= bank
    assert not any(n.startswith(("tests/", "vragen/")) for n in names)
    templates = {Path(n).name for n in names if n.startswith("samenwerk_cli/render/templates/")}
    assert {
        "report.html.j2",
        "index.html.j2",
        "_parts.html.j2",
        "_differences.html.j2",
        "_lenses.html.j2",
        "style.css.j2",
    } <= templates


def test_installed_wheel_finds_its_questions_outside_the_checkout(
    wheel: Path, tmp_path: Path
) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
    )
    env = {**os.environ, "PYTHONPATH": str(target), "NO_COLOR": "1"}
    env.pop("SAMENWERK_VRAGEN", None)
    where = subprocess.run(
        [sys.executable, "-c", "from samenwerk_cli.formats import bank; print(bank.locate())"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(where.stdout.strip()).is_relative_to(target)
    check = subprocess.run(
        [sys.executable, "-m", "samenwerk_cli", "questions", "check"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr
    assert "25 van de 25 cellen" in check.stdout
    template = subprocess.run(
        [sys.executable, "-m", "samenwerk_cli", "template", "-o", "leeg.yaml"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert template.returncode == 0, template.stderr
    assert "formaat: samenwerk-antwoorden/1" in (tmp_path / "leeg.yaml").read_text("utf-8")
    html = subprocess.run(
        [sys.executable, "-m", "samenwerk_cli", "export", str(ROOT / "examples"), "-f", "html"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert html.returncode == 0, html.stderr  # the templates are found inside the wheel
    assert (
        '<h1><span class="kop">Samenwerkingsreflectie</span>Opleidingsschool Noord' in html.stdout
    )
