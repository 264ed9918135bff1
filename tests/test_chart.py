"""The radar chart: well-formed SVG, five axes, one outline per series, and a golden file."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

from samenwerk_cli.render.chart import Series, radar_svg

GOLDEN = Path(__file__).parent / "golden" / "radar.svg"
SVG = "{http://www.w3.org/2000/svg}"
DIMENSIONS = [("ambitie", "Ambitie"), ("belangen", "Belangen"), ("relatie", "Relatie"),
              ("organisatie", "Organisatie"), ("proces", "Proces")]  # fmt: skip
THRESHOLDS = {"aandacht": 3.0, "sterk": 4.0}
SERIES = [
    Series("team", {"ambitie": 3.64, "belangen": 3.24, "relatie": 3.99, "organisatie": 3.42,
                    "proces": 3.74}, team=True),
    Series("Basisschool De Linde (n=2)", {"ambitie": 3.31, "belangen": 2.96, "relatie": 3.83,
                                          "organisatie": 2.54, "proces": 3.29}),
    Series("Hogeschool <Noord> & Co (n=2)", {"ambitie": 3.96, "belangen": 3.54, "relatie": 4.17,
                                            "organisatie": 4.29, "proces": None}),
]  # fmt: skip


def chart() -> str:
    return radar_svg(DIMENSIONS, SERIES, THRESHOLDS, "Opleidingsschool Noord: scores")


def test_well_formed_with_five_axes_and_one_polygon_per_series() -> None:
    root = ET.fromstring(chart())
    axes = [e for e in root.iter(f"{SVG}line") if e.get("class") == "as"]
    assert len(axes) == 5
    polygons = list(root.iter(f"{SVG}polygon"))
    assert len(polygons) == len(SERIES)
    assert all(len(p.get("points", "").split()) == 5 for p in polygons)
    titles = [p.find(f"{SVG}title").text for p in polygons]  # type: ignore[union-attr]
    assert titles[-1] == "team"  # drawn last, on top
    team = polygons[-1]
    assert team.get("stroke") == "#000000" and team.get("stroke-width") == "3"
    dashes = {p.get("stroke-dasharray") for p in polygons[:-1]}
    assert len(dashes) == 2 and None not in dashes  # organisations differ without colour
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert {"Ambitie", "Belangen", "Relatie", "Organisatie", "Proces"} <= set(texts)
    assert {"1", "2", "3", "4", "5"} <= set(texts)  # the scale on an axis
    assert "3,64" in texts  # the team's score beside its axis
    assert "Hogeschool <Noord> & Co (n=2)" in texts  # escaped in the file, literal when read
    thresholds = [e for e in root.iter() if e.get("class") == "drempels"]
    assert len(list(thresholds[0])) == 2


def test_missing_score_sits_in_the_centre_and_is_described() -> None:
    root = ET.fromstring(chart())
    desc = root.find(f"{SVG}desc")
    assert desc is not None and "Proces geen score" in (desc.text or "")
    org = list(root.iter(f"{SVG}polygon"))[1]
    assert org.get("points", "").split()[4] == "320.0,285.0"


def test_golden_file() -> None:
    """Regenerate after a deliberate change: SAMENWERK_GOLDEN=1 pytest tests/test_chart.py"""
    if os.environ.get("SAMENWERK_GOLDEN"):
        GOLDEN.write_text(chart(), encoding="utf-8")
    assert chart() == GOLDEN.read_text(encoding="utf-8")


def test_characters_xml_cannot_hold_are_left_out() -> None:
    """YAML accepts "Org\\x01B" in a quoted string; the SVG must stay readable all the same."""
    series = [Series("team", {"ambitie": 3.0}, team=True), Series("Org\x01B\x0c <&>", {})]
    root = ET.fromstring(radar_svg(DIMENSIONS, series, THRESHOLDS, "Noord\x00 \x1f"))
    assert root.find(f"{SVG}title").text == "Noord "  # type: ignore[union-attr]
    assert "OrgB <&>" in [t.text for t in root.iter(f"{SVG}text")]
