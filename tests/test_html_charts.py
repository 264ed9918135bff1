"""The HTML report's own charts: the trend over rounds and the bars per organisation."""

from __future__ import annotations

import itertools
import os
import xml.etree.ElementTree as ET
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from samenwerk_cli.render.bar_chart import organisations_svg
from samenwerk_cli.render.trend_chart import Line, spread, trend_svg
from samenwerk_cli.render.view_model import Organisations

SVG = "{http://www.w3.org/2000/svg}"
THRESHOLDS = {"aandacht": 3.0, "sterk": 4.0}


def test_trend_lines_run_from_round_to_round_on_a_1_to_5_scale() -> None:
    svg = trend_svg(["voorjaar", "zomer", "najaar"], [Line("Ambitie", (1.0, 3.0, 5.0))],
                    THRESHOLDS, "Noord")  # fmt: skip
    root = ET.fromstring(svg)
    (series,) = [g for g in root.iter(f"{SVG}g") if g.get("class") == "reeks"]
    (line,) = series.iter(f"{SVG}polyline")
    # x: the plot runs from 30 + 46 = 76 to 460 - 160 - 46 = 254, the middle round at 165;
    # y: 5 at the top margin (16), 1 at the bottom (320 - 40 = 280), 3 half-way (148).
    assert line.get("points") == "76.0,280.0 165.0,148.0 254.0,16.0"
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Noord"  # type: ignore[union-attr]
    desc = root.find(f"{SVG}desc").text  # type: ignore[union-attr]
    assert "Ambitie: voorjaar 1,00, zomer 3,00, najaar 5,00." in desc  # type: ignore[operator]
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert "Ambitie 5,00" in texts  # name and latest score beside the line's end
    assert {"voorjaar", "zomer", "najaar", "aandacht vanaf 3,0", "sterk vanaf 4,0"} <= set(texts)


def test_a_missing_score_leaves_a_gap_and_the_label_takes_the_last_known() -> None:
    svg = trend_svg(["a", "b"], [Line("Proces", (3.5, None)), Line("Relatie", (None, None))],
                    THRESHOLDS, "t")  # fmt: skip
    root = ET.fromstring(svg)
    series = [g for g in root.iter(f"{SVG}g") if g.get("class") == "reeks"]
    assert [len(list(g)) for g in series] == [2, 1]  # Proces: title and one marker, no line
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert "Proces 3,50" in texts
    assert not [t for t in texts if t.startswith("Relatie")]  # nothing to label
    assert "Proces: a 3,50, b geen score." in root.find(f"{SVG}desc").text  # type: ignore[union-attr,operator]


def test_every_dimension_has_its_own_marker_and_dash() -> None:
    lines = [Line(f"D{i}", (3.0, 3.0 + i / 10)) for i in range(5)]
    root = ET.fromstring(trend_svg(["a", "b"], lines, THRESHOLDS, "t"))
    series = [g for g in root.iter(f"{SVG}g") if g.get("class") == "reeks"]
    assert len(series) == 5
    shapes = []
    for group in series:
        marker = next(e for e in group if e.tag != f"{SVG}title" and e.tag != f"{SVG}polyline")
        shapes.append((marker.tag, marker.get("fill"), len(marker.get("points", ""))))
    assert len(set(shapes)) == 5
    dashes = {p.get("stroke-dasharray") for g in series for p in g.iter(f"{SVG}polyline")}
    assert len(dashes) == 5


@given(
    st.lists(st.floats(min_value=0, max_value=300), min_size=1, max_size=8),
    st.floats(min_value=1, max_value=30),
)
def test_spread_labels_keep_order_gap_and_bounds(wanted: list[float], gap: float) -> None:
    low, high = 0.0, 300.0
    placed = spread(wanted, gap, low, high)
    order = sorted(range(len(wanted)), key=lambda i: wanted[i])
    ys = [placed[i] for i in order]
    assert all(b - a >= gap - 1e-9 for a, b in itertools.pairwise(ys))
    if (len(wanted) - 1) * gap <= high - low:  # room enough: all within bounds
        assert all(low - 1e-9 <= y <= high + 1e-9 for y in placed)


def test_spread_leaves_labels_that_are_far_enough_apart() -> None:
    assert spread([10.0, 100.0, 50.0], 15, 0, 300) == [10.0, 100.0, 50.0]
    assert spread([100.0, 105.0], 15, 0, 300) == [100.0, 115.0]
    assert spread([295.0, 300.0], 15, 0, 300) == [285.0, 300.0]  # pushed back from the bottom


def orgs(*rows: tuple[str, tuple[float | None, ...]]) -> Organisations:
    return Organisations((("De Linde", 2), ("Hogeschool <Noord>", 3)), rows, ())


def test_bars_per_organisation_are_as_long_as_their_score() -> None:
    svg = organisations_svg(
        orgs(("Ambitie van betekenis", (3.0, 5.0)), ("Betekenis geven", (1.0, None))),
        ["Ambitie", "Proces"],
        THRESHOLDS,
        "Noord: scores per organisatie",
    )
    root = ET.fromstring(svg)
    bars = [r for r in root.iter(f"{SVG}rect") if r.get("class") == "balk"]
    # The scale runs from x=114 (score 1) to x=416 (score 5): 302 wide, 3 is half-way.
    assert [b.get("width") for b in bars] == ["151.0", "302.0", "1.0"]
    assert [b.get("fill") for b in bars[:2]] == ["#222222", "#8a8a8a"]  # grey levels apart
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert {"Ambitie", "Proces", "3,00", "5,00", "1,00"} <= set(texts)
    assert "Hogeschool <Noord>: geen score" in texts
    assert "De Linde (n=2)" in texts and "Hogeschool <Noord> (n=3)" in texts  # the legend
    assert root.get("role") == "img"
    desc = root.find(f"{SVG}desc").text  # type: ignore[union-attr]
    assert (
        "Hogeschool <Noord> (n=3): Ambitie van betekenis 5,00, Betekenis geven geen score." in desc
    )  # type: ignore[operator]


GOLDEN = Path(__file__).parent / "golden" / "trend.svg"
EXAMPLE_TREND = [
    Line("Ambitie", (3.17, 3.61)),
    Line("Belangen", (2.33, 3.27)),
    Line("Relatie", (3.51, 3.94)),
    Line("Organisatie", (3.20, 3.38)),
    Line("Proces", (2.98, 3.71)),
]


def test_trend_golden_file() -> None:
    """Regenerate after a deliberate change: SAMENWERK_GOLDEN=1 pytest tests/test_html_charts.py"""
    svg = trend_svg(["2026-voorjaar", "2026-najaar"], EXAMPLE_TREND, THRESHOLDS, "Noord")
    if os.environ.get("SAMENWERK_GOLDEN"):
        GOLDEN.write_text(svg, encoding="utf-8")
    assert svg == GOLDEN.read_text(encoding="utf-8")
