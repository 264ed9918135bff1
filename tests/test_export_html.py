"""``samenwerk export --format html``: one page, a folder with index.html, stdout, no overwriting."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from samenwerk_cli.cli.app import app
from samenwerk_cli.terminal.env import Env
from tests.html_tree import parse

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
NAJAAR = EXAMPLES / "opleidingsschool-noord" / "2026-najaar"


def run(*args: str) -> tuple[int, str, str]:
    runner = CliRunner(env={"NO_COLOR": "1", "COLUMNS": "100", "SAMENWERK_VRAGEN": None})
    result = runner.invoke(app, ["export", *args], obj=Env(today=dt.date(2026, 11, 28)))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def two_partnerships(tmp_path: Path) -> Path:
    target = tmp_path / "antwoorden"
    shutil.copytree(EXAMPLES, target)
    other = target / "zuid"
    other.mkdir()
    for path in NAJAAR.glob("*.yaml"):
        text = path.read_text(encoding="utf-8").replace("Opleidingsschool Noord", "Zorgketen Zuid")
        (other / path.name).write_text(text, encoding="utf-8")
    return target


def test_one_partnership_is_one_file_with_nothing_beside_it(tmp_path: Path) -> None:
    code, _, err = run(str(EXAMPLES), "--format", "html", "-o", str(tmp_path / "rapport.html"))
    assert code == 0, err
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.html"]
    assert "Geschreven:" in err and "rapport.html" in err
    html = (tmp_path / "rapport.html").read_text(encoding="utf-8")
    assert "Rapport van</dt><dd>28 november 2026" in html


def test_a_name_without_suffix_gets_html(tmp_path: Path) -> None:
    code, _, err = run(str(EXAMPLES), "-f", "html", "-o", str(tmp_path / "rapport"))
    assert code == 0, err
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.html"]


def test_folder_of_pages_with_a_linked_index(two_partnerships: Path, tmp_path: Path) -> None:
    out = tmp_path / "rapporten"
    code, _, err = run(str(two_partnerships), "--format", "html", "-o", f"{out}/")
    assert code == 0, err
    assert "2 rapporten met grafiek, en index.html" in err
    assert sorted(p.name for p in out.iterdir()) == [
        "index.html",
        "opleidingsschool-noord.html",
        "zorgketen-zuid.html",
    ]
    root, _ = parse((out / "index.html").read_text(encoding="utf-8"))
    links = {a.attrs["href"]: a.text for a in root.iter("a")}
    assert links == {
        "opleidingsschool-noord.html": "Opleidingsschool Noord",
        "zorgketen-zuid.html": "Zorgketen Zuid",
    }
    (html,) = root.iter("html")
    assert html.attrs["lang"] == "nl"
    zuid, _ = parse((out / "zorgketen-zuid.html").read_text(encoding="utf-8"))
    assert "ontwikkeling" not in {e.attrs.get("id") for e in zuid.iter("section")}  # one round


def test_several_partnerships_into_one_file_is_refused(
    two_partnerships: Path, tmp_path: Path
) -> None:
    code, out, err = run(str(two_partnerships), "-f", "html", "-o", str(tmp_path / "r.html"))
    assert code == 2
    assert "2 partnerschappen gevonden: geef met -o een map op" in err
    assert not (tmp_path / "r.html").exists()
    code, out, err = run(str(two_partnerships), "-f", "html")
    assert code == 2 and out == ""


def test_to_standard_output(tmp_path: Path) -> None:
    code, out, _ = run(str(EXAMPLES), "--format", "html", "-o", "-")
    assert code == 0
    assert out.startswith('<!DOCTYPE html>\n<html lang="nl">')
    assert out.rstrip().endswith("</html>")


def test_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "rapport.html"
    target.write_text("onze aantekeningen", encoding="utf-8")
    code, _, err = run(str(EXAMPLES), "-f", "html", "-o", str(target))
    assert code == 2 and "bestaat al" in err
    assert target.read_text(encoding="utf-8") == "onze aantekeningen"
    code, _, err = run(str(EXAMPLES), "-f", "html", "-o", str(target), "--force")
    assert code == 0, err
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_other_commands_do_not_load_jinja2() -> None:
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from samenwerk_cli.cli.app import app\n"
        f"r = CliRunner().invoke(app, ['export', {str(EXAMPLES)!r}])\n"
        "assert r.exit_code == 0, r.output\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('jinja2', 'markupsafe')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
