"""The radar (pentagon) chart of the five dimensions as a standalone SVG.

A small writer of our own rather than a charting library: one static picture of five axes and a
few outlines is some trigonometry and string formatting, while matplotlib or pygal would add
tens of megabytes and a second or more of import for it. The output is deterministic (fixed
rounding, fixed order), so a golden file can test it, and it reads in grey-scale: the team is a
bold black outline, every organisation a grey outline with its own dash pattern.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape as _escape

from samenwerk_cli.formats.bank import Bank
from samenwerk_cli.render.words import dimension_label, number
from samenwerk_cli.scoring.results import GroupResult

WIDTH, HEIGHT = 640, 600
CX, CY, RADIUS = 320.0, 285.0, 200.0
LOW, HIGH = 1, 5
# Grey-scale readable styles for up to six organisations: grey level and dash pattern.
_ORG_STYLES = [
    ("#555555", "8 4"),
    ("#777777", "2 4"),
    ("#444444", "12 4 2 4"),
    ("#999999", "4 4"),
    ("#666666", "1 3"),
    ("#888888", "10 3 3 3 3 3"),
]
BAND_GREY = "#b8b8b8"  # band thresholds, in every chart

# XML 1.0 forbids most control characters even as references; a name typed with one (YAML
# allows "\x01" in a quoted string) would make the whole file unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def escape(text: str) -> str:
    """Text for an SVG element: markup escaped, characters XML cannot hold left out."""
    return _escape(_NOT_XML.sub("", text))


@dataclass(frozen=True)
class Series:
    """One outline: a label and a score (1–5 or None) per dimension id."""

    label: str
    scores: Mapping[str, float | None]
    team: bool = False


def group_chart(group: GroupResult, bank: Bank) -> str:
    """The team and, when there are two or more, each organisation."""
    series = [Series("team", {d.id: d.score for d in group.dimensies}, team=True)]
    if len(group.organisaties_scores) >= 2:
        series += [
            Series(f"{o.organisatie} (n={o.n})", dict(o.dimensies))
            for o in group.organisaties_scores
        ]
    drempels = bank.model.drempels
    ronde = f", ronde {group.ronde}" if group.ronde else ""
    return radar_svg(
        [(d.id, dimension_label(d.id, d.naam)) for d in bank.model.dimensies],
        series,
        {"aandacht": drempels.aandacht, "sterk": drempels.sterk},
        f"{group.partnerschap}{ronde}: scores per dimensie",
    )


def coord(value: float) -> str:
    """A coordinate as every chart writes it: one decimal."""
    return f"{value:.1f}"


def _point(axis: int, axes: int, score: float) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * axis / axes
    r = (min(max(score, LOW), HIGH) - LOW) / (HIGH - LOW) * RADIUS
    return CX + r * math.cos(angle), CY + r * math.sin(angle)


def _ring(axes: int, score: float) -> str:
    points = [_point(i, axes, score) for i in range(axes)]
    return "M" + " L".join(f"{coord(x)},{coord(y)}" for x, y in points) + " Z"


def radar_svg(
    dimensions: Sequence[tuple[str, str]],
    series: Sequence[Series],
    thresholds: Mapping[str, float],
    title: str,
) -> str:
    """``dimensions``: (id, label) in axis order; ``thresholds``: band name -> lower bound."""
    axes = len(dimensions)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" font-family="Helvetica, Arial, sans-serif">',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(_description(dimensions, series))}</desc>",
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        '<g class="raster" fill="none" stroke="#cccccc" stroke-width="1">',
    ]
    out += [f'<path d="{_ring(axes, level)}"/>' for level in range(LOW + 1, HIGH + 1)]
    out.append("</g>")
    # Band thresholds: wide, light and solid, so in grey-scale they never look like an
    # organisation's thin dashed outline; named beside the scale.
    out.append(f'<g class="drempels" fill="none" stroke="{BAND_GREY}" stroke-width="3">')
    for name, value in sorted(thresholds.items(), key=lambda kv: kv[1]):
        out.append(f'<path d="{_ring(axes, value)}"><title>{escape(name)}</title></path>')
    out.append("</g>")
    out.append('<g class="assen" stroke="#999999" stroke-width="1">')
    for i in range(axes):
        x, y = _point(i, axes, HIGH)
        out.append(
            f'<line class="as" x1="{coord(CX)}" y1="{coord(CY)}" x2="{coord(x)}" y2="{coord(y)}"/>'
        )
    out.append("</g>")
    out += _axis_labels(dimensions, series)
    out += _outlines(dimensions, series)
    out += _scale_numbers(axes, thresholds)
    out += _legend(series, thresholds)
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _description(dimensions: Sequence[tuple[str, str]], series: Sequence[Series]) -> str:
    parts = []
    for s in series:
        scores = ", ".join(
            f"{label} {number(s.scores.get(dim_id)) if s.scores.get(dim_id) is not None else 'geen score'}"
            for dim_id, label in dimensions
        )
        parts.append(f"{s.label}: {scores}.")
    return "Radar van de dimensies op een schaal van 1 tot 5. " + " ".join(parts)


def _scale_numbers(axes: int, thresholds: Mapping[str, float]) -> list[str]:
    """1–5 along the first axis and the band names beside it, on top of the outlines with a
    white halo, so they stay legible."""
    out = [
        '<g class="schaal" font-size="11" fill="#444444" text-anchor="end" '
        'stroke="#ffffff" stroke-width="3" paint-order="stroke">'
    ]
    for level in range(LOW, HIGH + 1):
        x, y = _point(0, axes, level)
        out.append(f'<text x="{coord(x - 6)}" y="{coord(y + 4)}">{level}</text>')
    for name, value in sorted(thresholds.items(), key=lambda kv: kv[1]):
        x, y = _point(0, axes, value)
        out.append(
            f'<text x="{coord(x + 6)}" y="{coord(y - 3)}" text-anchor="start" font-style="italic">'
            f"{escape(name)}</text>"
        )
    out.append("</g>")
    return out


LINE = 14  # line height of a wrapped axis label
LABEL_WIDTH = 18  # characters per line of an axis label's second part


def _wrap(text: str) -> list[str]:
    """Words into lines of at most LABEL_WIDTH characters (a longer word gets its own line)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= LABEL_WIDTH:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _axis_labels(dimensions: Sequence[tuple[str, str]], series: Sequence[Series]) -> list[str]:
    team = next((s for s in series if s.team), None)
    out = ['<g class="labels" font-size="14" fill="#000000">']
    axes = len(dimensions)
    for i, (dim_id, label) in enumerate(dimensions):
        angle = -math.pi / 2 + 2 * math.pi * i / axes
        x = CX + (RADIUS + 22) * math.cos(angle)
        y = CY + (RADIUS + 22) * math.sin(angle) + 5
        anchor = "middle" if abs(math.cos(angle)) < 0.3 else ("start" if x > CX else "end")
        # "Proces — betekenis geven": the short name bold, the model's name below it, wrapped.
        head, _, rest = label.partition(" — ")
        lines = _wrap(rest) if rest else []
        if math.sin(angle) < -0.9:  # the top axis: name and score above it, clear of the scale
            y -= 16 + LINE * len(lines)
        score = team.scores.get(dim_id) if team is not None else None
        out.append(
            f'<text x="{coord(x)}" y="{coord(y)}" text-anchor="{anchor}" font-weight="bold">'
            f"{escape(head + (' —' if rest else ''))}</text>"
        )
        for line in lines:
            y += LINE
            out.append(
                f'<text x="{coord(x)}" y="{coord(y)}" text-anchor="{anchor}" font-size="12">'
                f"{escape(line)}</text>"
            )
        if score is not None:
            out.append(
                f'<text x="{coord(x)}" y="{coord(y + 16)}" text-anchor="{anchor}" font-size="12">'
                f"{escape(number(score))}</text>"
            )
    out.append("</g>")
    return out


def _style(series: Sequence[Series], s: Series) -> tuple[str, str, str, str]:
    """(stroke, width, dash, fill) of one outline."""
    if s.team:
        return "#000000", "3", "", "#000000"
    index = [x for x in series if not x.team].index(s)
    grey, dash = _ORG_STYLES[index % len(_ORG_STYLES)]
    return grey, "1.5", dash, "none"


def _outlines(dimensions: Sequence[tuple[str, str]], series: Sequence[Series]) -> list[str]:
    out = ['<g class="reeksen">']
    axes = len(dimensions)
    for s in sorted(series, key=lambda x: x.team):  # the team last, on top
        stroke, width, dash, fill = _style(series, s)
        points = " ".join(
            "{},{}".format(*map(coord, _point(i, axes, s.scores.get(dim_id) or LOW)))
            for i, (dim_id, _) in enumerate(dimensions)
        )
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        if fill != "none":
            dash_attr += ' fill-opacity="0.08"'
        out.append(
            f'<polygon class="reeks" points="{points}" fill="{fill}" stroke="{stroke}" '
            f'stroke-width="{width}"{dash_attr} stroke-linejoin="round">'
            f"<title>{escape(s.label)}</title></polygon>"
        )
    out.append("</g>")
    return out


def _legend(series: Sequence[Series], thresholds: Mapping[str, float]) -> list[str]:
    out = ['<g class="legenda" font-size="12" fill="#000000">']
    x, y = 24.0, HEIGHT - 24.0 - 18 * (len(series) + 1)
    for s in [*(x for x in series if x.team), *(x for x in series if not x.team)]:
        stroke, width, dash, _ = _style(series, s)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(
            f'<line x1="{coord(x)}" y1="{coord(y)}" x2="{coord(x + 36)}" y2="{coord(y)}" stroke="{stroke}" '
            f'stroke-width="{width}"{dash_attr}/>'
        )
        out.append(f'<text x="{coord(x + 44)}" y="{coord(y + 4)}">{escape(s.label)}</text>')
        y += 18
    bands = ", ".join(f"{name} vanaf {number(value, 1)}" for name, value in thresholds.items())
    out.append(
        f'<line x1="{coord(x)}" y1="{coord(y)}" x2="{coord(x + 36)}" y2="{coord(y)}" stroke="{BAND_GREY}" '
        'stroke-width="3"/>'
    )
    out.append(
        f'<text x="{coord(x + 44)}" y="{coord(y + 4)}">grens van de band: {escape(bands)}</text>'
    )
    out.append("</g>")
    return out
