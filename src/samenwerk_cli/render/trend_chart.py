"""The scores per dimension over rounds as a standalone SVG line chart.

Written by hand for the reasons :mod:`samenwerk_cli.render.chart` gives: one static picture,
deterministic output, no charting library. It reads in grey-scale and without colour: every
dimension has its own marker shape and dash pattern, and its name and latest score stand at
the end of its line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from samenwerk_cli.formats.bank import Bank
from samenwerk_cli.render.chart import BAND_GREY, coord, escape
from samenwerk_cli.render.words import dimension_label, dimension_short, number
from samenwerk_cli.scoring.trend import Partnership

WIDTH, HEIGHT = 460, 320
LEFT, RIGHT, TOP, BOTTOM = 30.0, 160.0, 16.0, 40.0  # margins: the right one holds the labels
INSET = 46.0  # the first and last round this far inside the plot, so their names fit
LOW, HIGH = 1, 5
LABEL_GAP = 15.0  # end labels at least this far apart, so close scores stay legible
# Per dimension: stroke, dash pattern and marker shape, distinct without colour.
_STYLES = [
    ("#000000", "", "cirkel"),
    ("#333333", "8 4", "vierkant"),
    ("#555555", "2 3", "driehoek"),
    ("#222222", "12 4 2 4", "ruit"),
    ("#444444", "4 4", "kruis"),
    ("#666666", "1 2", "cirkel-open"),
]


@dataclass(frozen=True)
class Line:
    """One dimension over the rounds: its label and a score (or None) per round."""

    label: str
    scores: tuple[float | None, ...]


def round_scores(
    partnership: Partnership,
) -> tuple[list[str], list[tuple[str, str, tuple[float | None, ...]]]]:
    """Round names oldest first, and per dimension (id, name, score in each round)."""
    rounds = [g.ronde or f"ronde {i}" for i, g in enumerate(partnership.rondes, 1)]
    rows = []
    for dim in partnership.laatste.dimensies:
        scores = []
        for group in partnership.rondes:
            found = [d.score for d in group.dimensies if d.id == dim.id]
            scores.append(found[0] if found else None)
        rows.append((dim.id, dimension_label(dim.id, dim.naam), tuple(scores)))
    return rounds, rows


def partnership_trend(partnership: Partnership, bank: Bank) -> str | None:
    """The chart over every round of a partnership, or None with fewer than two rounds."""
    if len(partnership.rondes) < 2:
        return None
    rounds, rows = round_scores(partnership)
    drempels = bank.model.drempels
    return trend_svg(
        rounds,
        [Line(dimension_short(dim_id), scores) for dim_id, _, scores in rows],
        {"aandacht": drempels.aandacht, "sterk": drempels.sterk},
        f"{partnership.naam}: scores per dimensie over {len(rounds)} rondes",
    )


def _x(index: int, count: int) -> float:
    span = WIDTH - LEFT - RIGHT - 2 * INSET
    return LEFT + INSET + (span / 2 if count == 1 else span * index / (count - 1))


def _y(score: float) -> float:
    share = (min(max(score, LOW), HIGH) - LOW) / (HIGH - LOW)
    return HEIGHT - BOTTOM - share * (HEIGHT - TOP - BOTTOM)


def trend_svg(
    rounds: Sequence[str], lines: Sequence[Line], thresholds: Mapping[str, float], title: str
) -> str:
    """``rounds``: labels oldest first; ``thresholds``: band name -> lower bound."""
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" font-family="Helvetica, Arial, sans-serif">',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(_description(rounds, lines))}</desc>",
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
    ]
    out += _grid(rounds, thresholds)
    out += _lines(rounds, lines)
    out += _threshold_names(thresholds)
    out += _end_labels(rounds, lines)
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _description(rounds: Sequence[str], lines: Sequence[Line]) -> str:
    parts = []
    for line in lines:
        scores = ", ".join(
            f"{r} {number(s) if s is not None else 'geen score'}"
            for r, s in zip(rounds, line.scores, strict=True)
        )
        parts.append(f"{line.label}: {scores}.")
    return f"Scores per dimensie over {len(rounds)} rondes, schaal 1 tot 5. " + " ".join(parts)


def _grid(rounds: Sequence[str], thresholds: Mapping[str, float]) -> list[str]:
    x0, x1 = LEFT, WIDTH - RIGHT
    out = ['<g class="raster" stroke="#dddddd" stroke-width="1">']
    out += [
        f'<line x1="{coord(x0)}" y1="{coord(_y(v))}" x2="{coord(x1)}" y2="{coord(_y(v))}"/>'
        for v in range(LOW, HIGH + 1)
    ]
    out.append("</g>")
    out.append(f'<g class="drempels" stroke="{BAND_GREY}" stroke-width="3">')
    for name, value in sorted(thresholds.items(), key=lambda kv: kv[1]):
        y = coord(_y(value))
        out.append(
            f'<line x1="{coord(x0)}" y1="{y}" x2="{coord(x1)}" y2="{y}"><title>{escape(name)}</title></line>'
        )
    out.append("</g>")
    out.append('<g class="schaal" font-size="12" fill="#444444" text-anchor="end">')
    out += [
        f'<text x="{coord(x0 - 10)}" y="{coord(_y(v) + 4)}">{v}</text>'
        for v in range(LOW, HIGH + 1)
    ]
    out.append("</g>")
    out.append('<g class="rondes" font-size="13" fill="#000000" text-anchor="middle">')
    for i, label in enumerate(rounds):
        x = _x(i, len(rounds))
        out.append(
            f'<line x1="{coord(x)}" y1="{coord(HEIGHT - BOTTOM)}" x2="{coord(x)}" '
            f'y2="{coord(HEIGHT - BOTTOM + 5)}" stroke="#444444"/>'
        )
        out.append(f'<text x="{coord(x)}" y="{coord(HEIGHT - BOTTOM + 22)}">{escape(label)}</text>')
    out.append("</g>")
    return out


def _threshold_names(thresholds: Mapping[str, float]) -> list[str]:
    """Drawn over the lines, with a white halo, so they stay legible where a line crosses."""
    out = [
        '<g class="drempelnamen" font-size="11" font-style="italic" fill="#444444" '
        'stroke="#ffffff" stroke-width="3" paint-order="stroke">'
    ]
    out += [
        f'<text x="{coord(LEFT + 4)}" y="{coord(_y(value) - 5)}">'
        f"{escape(name)} vanaf {number(value, 1)}</text>"
        for name, value in sorted(thresholds.items(), key=lambda kv: kv[1])
    ]
    out.append("</g>")
    return out


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "vierkant":
        return f'<rect x="{coord(x - 4.5)}" y="{coord(y - 4.5)}" width="9" height="9" fill="{colour}"/>'
    if shape == "driehoek":
        points = f"{coord(x)},{coord(y - 6)} {coord(x + 5.5)},{coord(y + 4)} {coord(x - 5.5)},{coord(y + 4)}"
        return f'<polygon points="{points}" fill="{colour}"/>'
    if shape == "ruit":
        points = f"{coord(x)},{coord(y - 6)} {coord(x + 6)},{coord(y)} {coord(x)},{coord(y + 6)} {coord(x - 6)},{coord(y)}"
        return f'<polygon points="{points}" fill="{colour}"/>'
    if shape == "kruis":
        return (
            f'<path d="M{coord(x - 5)},{coord(y - 5)} L{coord(x + 5)},{coord(y + 5)} M{coord(x - 5)},{coord(y + 5)} '
            f'L{coord(x + 5)},{coord(y - 5)}" stroke="{colour}" stroke-width="2.5"/>'
        )
    if shape == "cirkel-open":
        return (
            f'<circle cx="{coord(x)}" cy="{coord(y)}" r="4.5" fill="#ffffff" stroke="{colour}" '
            'stroke-width="2"/>'
        )
    return f'<circle cx="{coord(x)}" cy="{coord(y)}" r="5" fill="{colour}"/>'


def _lines(rounds: Sequence[str], lines: Sequence[Line]) -> list[str]:
    out = ['<g class="reeksen" fill="none">']
    for index, line in enumerate(lines):
        colour, dash, shape = _STYLES[index % len(_STYLES)]
        points = [(_x(i, len(rounds)), _y(s)) for i, s in enumerate(line.scores) if s is not None]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(f'<g class="reeks"><title>{escape(line.label)}</title>')
        if len(points) >= 2:
            path = " ".join(f"{coord(x)},{coord(y)}" for x, y in points)
            out.append(
                f'<polyline points="{path}" stroke="{colour}" stroke-width="2"{dash_attr} '
                'stroke-linejoin="round"/>'
            )
        out += [_marker(shape, x, y, colour) for x, y in points]
        out.append("</g>")
    out.append("</g>")
    return out


def spread(wanted: Sequence[float], gap: float, low: float, high: float) -> list[float]:
    """Positions as close to ``wanted`` as possible, at least ``gap`` apart, within bounds.

    Sorted order is kept; labels pushed down by a crowd are pushed back up from the bottom.
    """
    order = sorted(range(len(wanted)), key=lambda i: wanted[i])
    placed = [0.0] * len(wanted)
    last = low - gap
    for i in order:
        last = max(wanted[i], last + gap)
        placed[i] = last
    last = high + gap
    for i in reversed(order):
        last = min(placed[i], last - gap)
        placed[i] = last
    return placed


def _end_labels(rounds: Sequence[str], lines: Sequence[Line]) -> list[str]:
    """Each line's name and latest score beside its last point; also the legend."""
    ends = []
    for index, line in enumerate(lines):
        known = [(i, s) for i, s in enumerate(line.scores) if s is not None]
        if known:
            ends.append((index, line, known[-1][1]))
    ys = spread([_y(s) for _, _, s in ends], LABEL_GAP, TOP, HEIGHT - BOTTOM)
    x_end = _x(len(rounds) - 1, len(rounds))
    out = ['<g class="labels" font-size="14" fill="#000000">']
    for (index, line, score), y in zip(ends, ys, strict=True):
        colour, dash, shape = _STYLES[index % len(_STYLES)]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        x = WIDTH - RIGHT + 8
        out.append(
            f'<polyline points="{coord(x_end + 8)},{coord(_y(score))} {coord(x)},{coord(y)} {coord(x + 22)},{coord(y)}" '
            f'fill="none" stroke="{colour}" stroke-width="1.5"{dash_attr}/>'
        )
        out.append(_marker(shape, x + 11, y, colour))
        out.append(
            f'<text x="{coord(x + 28)}" y="{coord(y + 4.5)}">{escape(line.label)} '
            f'<tspan font-weight="bold">{escape(number(score))}</tspan></text>'
        )
    out.append("</g>")
    return out
