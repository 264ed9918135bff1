"""The HTML report, parsed: structure, heading order, escaping, charts with text, nothing external."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import shutil
from pathlib import Path

import msgspec
import pytest
from typer.testing import CliRunner

from samenwerk_cli.cli.app import app
from samenwerk_cli.render.html import PALETTE
from samenwerk_cli.render.view_model import (
    DimensionAdvice,
    Patterns,
    PatternView,
    Start,
    StartItem,
)
from samenwerk_cli.terminal.env import Env
from tests.html_tree import Element, parse

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
NAJAAR = EXAMPLES / "opleidingsschool-noord" / "2026-najaar"
TODAY = dt.date(2026, 11, 28)
SVG_NS = "http://www.w3.org/2000/svg"
SCRIPT = "<script>alert('x')</script> & <b>vet</b>"

CONTRAST_PAIRS = [
    ("tekst", "papier"),
    ("zacht", "papier"),
    ("accent", "papier"),
    ("tekst", "vlak"),
    ("accent", "vlak"),
    ("zacht", "vlak"),
    ("sterk-tekst", "sterk-vlak"),
    ("aandacht-tekst", "aandacht-vlak"),
    ("zorg-tekst", "zorg-vlak"),
    ("sterk-tekst", "vlak"),  # "Kans:" in a pattern's callout
    ("tekst", "let-op-vlak"),
    ("let-op-rand", "let-op-vlak"),
]


def contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def export(args: list[str]) -> tuple[int, str, str]:
    runner = CliRunner(env={"NO_COLOR": "1", "COLUMNS": "100", "SAMENWERK_VRAGEN": None})
    result = runner.invoke(app, ["export", *args], obj=Env(today=TODAY))
    return result.exit_code, result.stdout, result.stderr


def page(source: Path, tmp_path: Path, name: str = "rapport.html") -> tuple[Element, str]:
    code, _, err = export([str(source), "--format", "html", "-o", str(tmp_path / name)])
    assert code == 0, err
    html = (tmp_path / name).read_text(encoding="utf-8")
    root, doctype = parse(html)
    assert doctype is not None and doctype.lower() == "doctype html"
    return root, html


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> tuple[Element, str]:
    return page(EXAMPLES, tmp_path_factory.mktemp("html"))


def headings(root: Element) -> list[tuple[int, str]]:
    return [(int(e.tag[1]), e.text.strip()) for e in root.iter() if re.fullmatch(r"h[1-6]", e.tag)]


def test_a_dutch_page_with_headings_in_order(example: tuple[Element, str]) -> None:
    root, _ = example
    (html,) = root.iter("html")
    assert html.attrs["lang"] == "nl"
    found = headings(root)
    assert [level for level, _ in found].count(1) == 1
    assert found[0] == (1, "SamenwerkingsreflectieOpleidingsschool Noord")
    assert all(b <= a + 1 for (a, _), (b, _) in itertools.pairwise(found))  # never skips a level
    main = [text for level, text in found if level == 2]
    assert main == [
        "Zo lees je dit rapport",
        "De vijf dimensies",
        "Ambitie: belofte × commitment × doen",
        "Fase van de samenwerking",
        "Patronen over de dimensies heen",
        "Zwakke plekken en advies",
        "Waar de antwoorden uiteenlopen",
        "Ontwikkeling over de rondes",
        "Wat de deelnemers schreven",
        "Hoe nu verder?",
    ]
    (head,) = root.iter("head")
    (title,) = head.iter("title")
    assert title.text == "Samenwerkingsreflectie: Opleidingsschool Noord"


def test_every_chart_is_an_image_with_title_and_description_and_a_table_beside_it(
    example: tuple[Element, str],
) -> None:
    root, _ = example
    charts = list(root.iter("svg"))
    assert len(charts) == 3  # radar, per organisation, trend
    for svg in charts:
        assert svg.attrs["role"] == "img"
        title, desc = svg.find("title"), svg.find("desc")
        assert title is not None and title.text.strip()
        assert desc is not None and re.search("schaal (van )?1 tot 5", desc.text)
        figure = svg.parent
        assert figure is not None and figure.tag == "figure"
        beside = figure.parent
        assert beside is not None and "naast" in beside.classes()
        assert list(beside.iter("table")), "a chart without its data table"
    titles = [svg.find("title").text for svg in charts]  # type: ignore[union-attr]
    assert titles == [
        "Opleidingsschool Noord, ronde 2026-najaar: scores per dimensie",
        "Opleidingsschool Noord: scores per organisatie",
        "Opleidingsschool Noord: scores per dimensie over 2 rondes",
    ]


def test_the_trend_table_gives_every_round(example: tuple[Element, str]) -> None:
    root, _ = example
    section = root.by_id("ontwikkeling")
    first = next(section.iter("table"))
    head = [th.text for th in first.iter("th")][:3]
    assert head == ["Dimensie", "2026-voorjaar", "2026-najaar"]
    rows = [[c.text for c in tr.iter() if c.tag in ("th", "td")] for tr in first.iter("tr")][1:]
    # The scores of the markdown report's trend table for the same rounds.
    # The dimension named as in the radar and every other table (docs/model.md §1).
    assert rows[1] == ["Belangen — respect voor elkaars belangen", "2,33", "3,27"]
    assert rows[4] == ["Proces — betekenis geven", "2,98", "3,71"]


def test_bands_are_told_by_symbol_and_word_not_colour_alone(
    example: tuple[Element, str],
) -> None:
    root, _ = example
    badges = [e for e in root.iter("span") if "band" in e.classes()]
    assert badges
    for badge in badges:
        assert badge.text in {"● sterk", "◐ aandacht", "○ zorg"} or badge.text.startswith(
            ("te weinig", "geen")
        )
    spots = root.by_id("zwakke-plekken")
    assert "○ zorg" in [e.text for e in spots.iter("span")]


def test_nothing_is_fetched_and_nothing_runs(example: tuple[Element, str]) -> None:
    root, html = example
    assert not [e.tag for e in root.iter() if e.tag in ("script", "link", "img", "iframe")]
    for element in root.iter():
        for name, value in element.attrs.items():
            assert not name.startswith("on"), f"event handler {name}"
            if name in ("href", "src", "action", "xlink:href"):
                assert value is not None and not re.match(r"^[a-z][a-z0-9+.-]*:|^//", value), value
    # The only URL in the file is the SVG namespace, which names and fetches nothing.
    assert set(re.findall(r"[a-z]+://[^\s\"'<>)]+", html)) == {SVG_NS}
    (style,) = root.iter("style")
    assert (
        "url(" not in style.text and "@import" not in style.text and "@font-face" not in style.text
    )


def test_print_style_for_a4_with_page_breaks_and_room_to_write(
    example: tuple[Element, str],
) -> None:
    root, _ = example
    (style,) = root.iter("style")
    css = style.text
    assert re.search(r"@page \{\s+size: A4;", css)
    assert 'content: "pagina " counter(page) " van " counter(pages);' in css
    assert ".nieuwe-pagina { break-before: page; }" in css
    assert "table, figure" in css and "break-inside: avoid" in css
    breaks = [e.attrs["id"] for e in root.iter("section") if "nieuwe-pagina" in e.classes()]
    assert breaks == ["fase", "verschillen", "ontwikkeling", "geschreven"]  # "verder" follows
    agreements = next(t for t in root.iter("table") if "afspraken" in t.classes())
    assert [th.text for th in agreements.iter("th")] == ["Wat", "Wie", "Wanneer"]
    rows = list(agreements.iter("tr"))[1:]
    assert len(rows) == 5 and all(not tr.text.strip() for tr in rows)


@pytest.mark.parametrize(("fg", "bg"), CONTRAST_PAIRS)
def test_text_contrast_is_at_least_4_5_to_1(fg: str, bg: str) -> None:
    assert contrast(PALETTE[fg], PALETTE[bg]) >= 4.5


def test_contrast_is_computed_as_wcag_says() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # WCAG's near-miss


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """The latest round, renamed and with markup and a control character in what people typed."""
    target = tmp_path / "antwoorden"
    target.mkdir()
    for path in NAJAAR.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        text = text.replace("Opleidingsschool Noord", '"Noord & <Zuid> \\"samen\\""')
        text = text.replace(
            "ambitie.begrip: Wat is 'opleiden in de school' precies? Wij bedoelen iets anders"
            " dan De Linde.",
            "ambitie.begrip: \"<script>alert('x')</script> & <b>vet</b>\\x01 Wat is het precies?\"",
        )
        (target / path.name).write_text(text, encoding="utf-8")
    return target


def test_markup_people_typed_shows_as_text(hostile: Path, tmp_path: Path) -> None:
    root, html = page(hostile, tmp_path)
    assert not list(root.iter("script")) and not list(root.iter("b"))
    quotes = [q.text for q in root.iter("blockquote")]
    assert any(q.startswith(SCRIPT) and "Wat is het precies?" in q for q in quotes)
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;vet&lt;/b&gt;" in html
    assert "\x01" not in html
    (h1,) = root.iter("h1")
    assert h1.text == 'SamenwerkingsreflectieNoord & <Zuid> "samen"'
    for svg in root.iter("svg"):
        assert "<Zuid>" in svg.find("title").text  # type: ignore[union-attr]


def test_one_respondent_has_no_differences_organisations_or_trend(tmp_path: Path) -> None:
    one = tmp_path / "een"
    one.mkdir()
    shutil.copy(NAJAAR / "anna-de-vries.yaml", one)
    root, _ = page(one, tmp_path)
    ids = {e.attrs.get("id") for e in root.iter("section")}
    assert {"verschillen", "ontwikkeling"}.isdisjoint(ids)
    assert len(list(root.iter("svg"))) == 1
    facts = [e.text for e in root.iter("dd")]
    assert "1 (Anna de Vries)" in facts
    found = headings(root)
    assert all(b <= a + 1 for (a, _), (b, _) in itertools.pairwise(found))


def test_two_respondents_show_where_they_differ(tmp_path: Path) -> None:
    two = tmp_path / "twee"
    two.mkdir()
    for name in ("anna-de-vries.yaml", "carla-smit.yaml"):
        shutil.copy(NAJAAR / name, two)
    root, _ = page(two, tmp_path)
    section = root.by_id("verschillen")
    table = next(section.iter("table"))
    assert [th.text for th in table.iter("th")][:3] == ["Stelling", "Anna de Vries", "Carla Smit"]


def lens_view(**lenses: object) -> str:
    """The example's page with its view's teaching parts replaced."""
    from samenwerk_cli.formats import bank as bank_mod
    from samenwerk_cli.render.html import render_report
    from samenwerk_cli.render.view import partnership_view
    from samenwerk_cli.scoring import score_paths

    bank = bank_mod.load(None)
    (partnership,) = score_paths([EXAMPLES], bank, None).partnerships
    view, trend = partnership_view(partnership, bank)
    return render_report(msgspec.structs.replace(view, **lenses), trend, partnership, bank, TODAY)  # type: ignore[arg-type]


def test_the_examples_patterns_show_as_callouts(example: tuple[Element, str]) -> None:
    root, _ = example
    section = root.by_id("patronen")
    callouts = [e for e in section.iter("div") if "callout" in e.classes()]
    assert callouts and all(c.attrs["role"] == "note" for c in callouts)
    for callout in callouts:
        assert len(list(callout.iter("h3"))) == 1
        assert list(callout.iter("li")), "a pattern without its figures"
        assert "Kans:" in callout.text


def test_patterns_show_as_callouts_with_their_figures() -> None:
    pattern = PatternView(naam="Schijnsamenwerking <?>", uitleg="Iedereen zegt ja.",
                          kans="Vraag door.",
                          cijfers=("Ambitie 3,61 (aandacht)", "bij De Linde: 2,93 (zorg)"))  # fmt: skip
    root, _ = parse(lens_view(patterns=Patterns((pattern,), ("Schijnsamenwerking",))))
    section = root.by_id("patronen")
    (callout,) = [e for e in section.iter("div") if "callout" in e.classes()]
    assert [h.text for h in callout.iter("h3")] == ["Schijnsamenwerking <?>"]
    assert [li.text for li in callout.iter("li")] == list(pattern.cijfers)
    assert "Kans: Vraag door." in callout.text
    found = headings(root)
    assert all(b <= a + 1 for (a, _), (b, _) in itertools.pairwise(found))


def test_no_pattern_found_says_which_were_looked_for() -> None:
    root, _ = parse(lens_view(patterns=Patterns((), ("Juichbegrippen", "Dwarsliggen"))))
    assert (
        "Geen van de bekende patronen (juichbegrippen, dwarsliggen)" in root.by_id("patronen").text
    )
    root, _ = parse(lens_view(patterns=None))  # a bank without patterns: no section
    assert "patronen" not in {e.attrs.get("id") for e in root.iter("section")}


def test_a_young_partnership_starts_at_the_first_phase_instead_of_every_weak_spot() -> None:
    begin = Start(fase="Verkennen", betekenis="Elkaar leren kennen.", rest=4,
                  items=(StartItem(tekst="We kennen elkaar.", score=2.5, advies="Ga koffie drinken."),))  # fmt: skip
    advice = (DimensionAdvice(naam="Goed georganiseerd", advies="Leg vast wie wat doet."),)
    html = lens_view(start=begin, dimension_advice=advice, legend=("✓ afgerond: 3,5 of hoger",))
    root, _ = parse(html)
    ids = {e.attrs.get("id") for e in root.iter("section")}
    assert "beginnen" in ids and "zwakke-plekken" not in ids
    section = root.by_id("beginnen")
    assert [h.text for h in section.iter("h2")] == ["Waar te beginnen: de fase Verkennen"]
    assert "Ga koffie drinken." in section.text and "Leg vast wie wat doet." in section.text
    assert "De andere 4 zwakke plekken komen aan de beurt als deze fase staat." in section.text
    guide = root.by_id("leeswijzer").parent
    assert guide is not None and "✓ afgerond: 3,5 of hoger" in guide.text
