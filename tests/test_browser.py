"""The HTML report in a real browser: headless Chromium renders it, prints it to PDF, photographs it.

Needs the Debian packages ``chromium`` and ``poppler-utils`` (``.ci/run`` installs them when it
can). Where they are not installed, these tests are skipped, with the reason in the summary.
The screenshot of the example report is kept in tests/golden/ for people to look at;
regenerate it after a deliberate change of the layout: SAMENWERK_GOLDEN=1 pytest tests/test_browser.py
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from samenwerk_cli.cli.app import app
from samenwerk_cli.terminal.env import Env
from tests.html_tree import parse

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
NAJAAR = EXAMPLES / "opleidingsschool-noord" / "2026-najaar"
GOLDEN = Path(__file__).parent / "golden" / "rapport.png"
WINDOW = (1100, 1800)  # the top of the report: title, reading guide, the five dimensions
MAX_PAGES = 6
CHROMIUM = next(
    (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None
)
POPPLER = shutil.which("pdftotext") and shutil.which("pdfinfo")

pytestmark = [
    pytest.mark.timeout(180),
    pytest.mark.skipif(
        not (CHROMIUM and POPPLER),
        reason="browser test skipped: chromium and poppler-utils are not installed here "
        "(apt-get install -y chromium poppler-utils; .ci/run does this when it can)",
    ),
]


def export(source: Path, target: Path) -> Path:
    runner = CliRunner(env={"NO_COLOR": "1", "COLUMNS": "100", "SAMENWERK_VRAGEN": None})
    result = runner.invoke(
        app,
        ["export", str(source), "--format", "html", "-o", str(target)],
        obj=Env(today=dt.date(2026, 11, 28)),
    )
    assert result.exit_code == 0, result.stderr
    return target


def chromium(profile: Path, *args: str) -> str:
    """Run headless Chromium; its stdout (a DOM dump). Its dbus complaints on stderr mean nothing."""
    assert CHROMIUM is not None
    done = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export(EXAMPLES, tmp_path_factory.mktemp("browser") / "rapport.html")


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("chromium-profiel")


@pytest.fixture(scope="module")
def pdf(report: Path, profile: Path) -> Path:
    target = report.with_suffix(".pdf")
    chromium(profile, f"--print-to-pdf={target}", "--no-pdf-header-footer", report.as_uri())
    assert target.stat().st_size > 0
    return target


def test_the_rendered_page_has_its_title_charts_and_tables(report: Path, profile: Path) -> None:
    root, _ = parse(chromium(profile, "--dump-dom", report.as_uri()))
    (html,) = root.iter("html")
    assert html.attrs["lang"] == "nl"
    (h1,) = root.iter("h1")
    assert h1.text == "SamenwerkingsreflectieOpleidingsschool Noord"
    charts = list(root.iter("svg"))
    assert len(charts) == 3 and all(svg.attrs.get("role") == "img" for svg in charts)
    assert len(list(root.iter("table"))) >= 6
    assert not list(root.iter("script"))


def test_a_script_someone_typed_stays_text_in_the_browser(tmp_path: Path, profile: Path) -> None:
    source = tmp_path / "antwoorden"
    source.mkdir()
    script = "<script>document.body.setAttribute('data-gehackt', 'ja')</script>"
    for path in NAJAAR.glob("*.yaml"):
        text = path.read_text(encoding="utf-8").replace(
            "ambitie.begrip: Wat is 'opleiden in de school' precies?",
            f"ambitie.begrip: Wat is {script} precies?",
        )
        (source / path.name).write_text(text, encoding="utf-8")
    page = export(source, tmp_path / "rapport.html")
    dom = chromium(profile, "--dump-dom", page.as_uri())
    assert "data-gehackt" not in dom.split("<body", 1)[1].split(">", 1)[0]
    root, _ = parse(dom)
    assert not list(root.iter("script"))
    quotes = [q.text for q in root.iter("blockquote")]
    assert any(f"Wat is {script} precies?" in q for q in quotes)


def pages(pdf: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]  # every page ends with a form feed


def test_prints_on_at_most_six_a4_pages(pdf: Path) -> None:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    count = int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))  # type: ignore[union-attr]
    assert 1 <= count <= MAX_PAGES
    width, height = map(float, re.search(r"^Page size:\s+([\d.]+) x ([\d.]+)", info.stdout, re.M).groups())  # type: ignore[union-attr]  # fmt: skip
    assert abs(width - 595) < 2 and abs(height - 842) < 2  # A4 in points
    printed = pages(pdf)
    assert len(printed) == count
    for number, page in enumerate(printed, 1):  # the page's own footer
        assert page.rstrip().endswith(f"pagina {number} van {count}"), page[-200:]


def test_main_sections_start_a_page_and_tables_stay_whole(pdf: Path) -> None:
    printed = pages(pdf)
    first_lines = [next((ln.strip() for ln in p.splitlines() if ln.strip()), "") for p in printed]
    for heading in (
        "Fase van de samenwerking",
        "Waar de antwoorden uiteenlopen",
        "Ontwikkeling over de rondes",
        "Wat de deelnemers schreven",  # "Hoe nu verder?" follows on the same page
    ):
        assert heading in first_lines, (heading, first_lines)
    assert printed[0].lstrip().startswith("SAMENWERKINGSREFLECTIE")
    # Every row of a table on the page of its caption (the scores, as the tables give them).
    for caption, scores in (
        # rwg(J) 0,92 for organisatie: its balans items agree on the raw position (issue 11)
        ("Scores per dimensie", ["3,61", "3,27", "3,94", "3,38", "3,71", "0,92"]),
        ("Score per organisatie", ["3,26", "3,94", "2,47", "4,25", "3,25", "4,14"]),
        ("Score per ronde", ["3,17", "2,33", "3,51", "3,20", "2,98", "3,71"]),
    ):
        (page,) = [p for p in printed if caption in p]
        assert all(score in page for score in scores), caption
    (last,) = [p for p in printed if "Onze afspraken" in p]
    assert "Hoe nu verder?" in last and re.search(r"Wat\s+Wie\s+Wanneer", last)
    assert "Gemaakt met samenwerk" in printed[-1]


def test_the_printed_text_says_what_the_report_says(pdf: Path) -> None:
    text = " ".join(" ".join(pages(pdf)).split())
    for expected in (
        "Opleidingsschool Noord",
        "Rapport van 28 november 2026",
        "◐ aandacht",
        "○ zorg",
        "Ambitie-index 0,34",
        "2 stellingen in de band zorg, in volgorde van aanpak",
        "Aandachtspunten (53)",
        "+0,94 ▲ beter",
        "Wat de deelnemers schreven",
    ):
        assert expected in text, expected


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_screenshot_of_the_example_report(report: Path, profile: Path, tmp_path: Path) -> None:
    """Kept in tests/golden/rapport.png for review; pixels differ by machine, so not compared."""
    shot = tmp_path / "rapport.png"
    chromium(profile, f"--screenshot={shot}", f"--window-size={WINDOW[0]},{WINDOW[1]}",
             report.as_uri())  # fmt: skip
    assert png_size(shot) == WINDOW
    if os.environ.get("SAMENWERK_GOLDEN"):
        shutil.copyfile(shot, GOLDEN)
    assert png_size(GOLDEN) == WINDOW
