"""One name per dimension (docs/model.md §1): the same in the session's screens, the HTML report's
tables and charts, and the workbook; a chart without room shows the short name, the bold start
of the radar's "Proces — betekenis geven"."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from samenwerk_cli.cli.app import app
from samenwerk_cli.formats import bank as bank_mod
from samenwerk_cli.formats.names import dimension_label, dimension_short
from samenwerk_cli.session import dialog
from tests.html_tree import Element
from tests.test_html import EXAMPLES, page
from tests.test_prompt_width import asked_until

# The default bank's dimensions, written out by hand.
NAMES = [
    "Ambitie van betekenis",
    "Belangen — respect voor elkaars belangen",
    "Relatie — aandacht voor persoonlijke relaties",
    "Organisatie — goed georganiseerd",
    "Proces — betekenis geven",
]
SHORT = ["Ambitie", "Belangen", "Relatie", "Organisatie", "Proces"]


def test_the_label_and_the_short_name() -> None:
    assert dimension_label("proces", "Betekenis geven") == "Proces — betekenis geven"
    assert dimension_label("ambitie", "Ambitie van betekenis") == "Ambitie van betekenis"
    assert dimension_label("samen-leren", "Leren met elkaar") == "Samen leren — leren met elkaar"
    assert dimension_short("samen-leren") == "Samen leren"


def test_the_session_screens_name_a_dimension_as_the_report_does() -> None:
    bank = bank_mod.load(None)
    shown: list[dialog.Event] = []
    asked_until(bank, "review", shown)
    intro = next(e for e in shown if isinstance(e, dialog.Intro))
    assert [naam for naam, _ in intro.dimensies] == NAMES
    assert [e.naam for e in shown if isinstance(e, dialog.DimensionHeader)] == NAMES
    firsts = [re.match(r"(.+) 1/\d+ · ", e.label) for e in shown if isinstance(e, dialog.Progress)]
    assert [m.group(1) for m in firsts if m] == SHORT  # a dimension's first item: "Proces 1/9"


def test_the_review_names_a_dimension_as_the_report_does() -> None:
    bank = bank_mod.load(None)

    def ask(q: dialog.Question) -> object:
        if q.key == "review":
            return dialog.Nav.FINISH
        if q.key == "partnerschap":
            return "Noord"
        if q.key == "fase":
            return "weet ik niet"
        return "" if q.kind == "text" else 3

    from samenwerk_cli.session.single import Session

    shown: list[dialog.Event] = []
    Session(bank, ask, shown.append, lambda d: None).run()
    review = next(e for e in shown if isinstance(e, dialog.Review))
    assert list(dict.fromkeys(r.dimensie for r in review.rows)) == NAMES


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> Element:
    return page(EXAMPLES / "opleidingsschool-noord", tmp_path_factory.mktemp("names"))[0]


def test_html_tables_and_charts_use_one_name(html: Element) -> None:
    section = html.by_id("ontwikkeling")
    first = next(section.iter("table"))
    rows = [[c.text for c in tr.iter() if c.tag in ("th", "td")] for tr in first.iter("tr")][1:]
    assert [r[0] for r in rows] == NAMES  # "Score per ronde"
    svgs = list(html.iter("svg"))
    bars = [t.text for s in svgs for t in s.iter("text") if t.attrs.get("class") == "dimensie"]
    assert bars == SHORT  # the organisation chart has no room: the short name
    radar = [
        t.text
        for t in svgs[0].iter("text")
        if t.attrs.get("font-weight") == "bold" and t.text and t.text[0].isupper()
    ]
    assert radar == [
        "Ambitie van betekenis",
        "Belangen —",
        "Relatie —",
        "Organisatie —",
        "Proces —",
    ]


def test_the_workbook_uses_one_name(tmp_path: Path) -> None:
    out = tmp_path / "rapport.xlsx"
    result = CliRunner().invoke(
        app,
        ["export", str(EXAMPLES / "opleidingsschool-noord"), "--format", "xlsx", "-o", str(out)],
        env={"NO_COLOR": "1", "COLUMNS": "100"},
    )
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out)
    header = next(book["Dimensies"].iter_rows(values_only=True))
    assert list(header[4:]) == NAMES
    chart = next(s for s in book.worksheets if s.title not in ("Antwoorden", "Dimensies"))
    assert [chart.cell(row=i, column=1).value for i in range(2, 7)] == NAMES
