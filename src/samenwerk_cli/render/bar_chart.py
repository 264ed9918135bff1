"""The per-organisation comparison as a standalone SVG bar chart, from the report's view.

Horizontal bars, one group per dimension and one bar per organisation, in the order of the
legend. Written by hand like :mod:`samenwerk_cli.render.chart`. It reads without colour: the
bars differ in grey level and outline, and each carries its score as a number.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from samenwerk_cli.render.chart import BAND_GREY, coord, escape
from samenwerk_cli.render.view_model import Organisations
from samenwerk_cli.render.words import number

WIDTH = 460
LABELS = 104.0  # the left column for the dimensions' short names
BAR_LEFT, BAR_RIGHT = LABELS + 10, WIDTH - 44.0
BAR, BAR_GAP, GROUP_GAP, TOP = 15.0, 3.0, 16.0, 30.0
LOW, HIGH = 1, 5
# Fill per organisation: grey levels far apart, with a dark outline so the lightest shows too.
_FILLS = ["#222222", "#8a8a8a", "#d6d6d6", "#555555", "#b0b0b0", "#ffffff"]


def _x(score: float) -> float:
    share = (min(max(score, LOW), HIGH) - LOW) / (HIGH - LOW)
    return BAR_LEFT + share * (BAR_RIGHT - BAR_LEFT)


def organisations_svg(
    orgs: Organisations, labels: Sequence[str], thresholds: Mapping[str, float], title: str
) -> str:
    """One bar per organisation per dimension, on a 1–5 scale with the band thresholds.

    ``labels``: a short name per row of ``orgs`` (the table beside the chart gives the full one).
    """
    count = len(orgs.columns)
    group = count * BAR + (count - 1) * BAR_GAP
    legend_height = 20.0 * count + 10
    height = TOP + len(orgs.rows) * (group + GROUP_GAP) + 24 + legend_height
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{coord(height)}" '
        f'viewBox="0 0 {WIDTH} {coord(height)}" role="img" '
        'font-family="Helvetica, Arial, sans-serif">',
        f"<title>{escape(title)}</title>",
        f"<desc>{escape(_description(orgs))}</desc>",
        f'<rect width="{WIDTH}" height="{coord(height)}" fill="#ffffff"/>',
    ]
    bottom = TOP + len(orgs.rows) * (group + GROUP_GAP) - GROUP_GAP / 2
    out += _scale(thresholds, bottom)
    y = TOP
    out.append('<g class="reeksen" font-size="13">')
    for label, (_, scores) in zip(labels, orgs.rows, strict=True):
        out.append(
            f'<text class="dimensie" x="{coord(LABELS)}" y="{coord(y + group / 2 + 5)}" '
            f'font-size="14" font-weight="bold" fill="#000000" text-anchor="end">'
            f"{escape(label)}</text>"
        )
        for i, score in enumerate(scores):
            top = y + i * (BAR + BAR_GAP)
            org = orgs.columns[i][0]
            if score is None:
                out.append(
                    f'<text x="{coord(BAR_LEFT + 4)}" y="{coord(top + BAR - 2)}" fill="#444444">'
                    f"{escape(org)}: geen score</text>"
                )
                continue
            width = max(_x(score) - BAR_LEFT, 1.0)
            out.append(
                f'<rect class="balk" x="{coord(BAR_LEFT)}" y="{coord(top)}" width="{coord(width)}" '
                f'height="{coord(BAR)}" fill="{_FILLS[i % len(_FILLS)]}" stroke="#000000" '
                f'stroke-width="0.8"><title>{escape(org)}: {escape(number(score))}</title></rect>'
            )
            out.append(
                f'<text x="{coord(BAR_LEFT + width + 5)}" y="{coord(top + BAR - 2)}" fill="#000000">'
                f"{escape(number(score))}</text>"
            )
        y += group + GROUP_GAP
    out.append("</g>")
    out += _legend(orgs, y + 20)
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _description(orgs: Organisations) -> str:
    parts = []
    for i, (org, n) in enumerate(orgs.columns):
        scores = ", ".join(
            f"{naam} {number(scores[i]) if scores[i] is not None else 'geen score'}"
            for naam, scores in orgs.rows
        )
        parts.append(f"{org} (n={n}): {scores}.")
    return "Gemiddelde score per organisatie en dimensie, schaal 1 tot 5. " + " ".join(parts)


def _scale(thresholds: Mapping[str, float], bottom: float) -> list[str]:
    out = ['<g class="raster" stroke="#dddddd" stroke-width="1">']
    out += [
        f'<line x1="{coord(_x(v))}" y1="{coord(TOP - 8)}" x2="{coord(_x(v))}" y2="{coord(bottom)}"/>'
        for v in range(LOW, HIGH + 1)
    ]
    out.append("</g>")
    out.append(f'<g class="drempels" stroke="{BAND_GREY}" stroke-width="3">')
    for name, value in sorted(thresholds.items(), key=lambda kv: kv[1]):
        x = coord(_x(value))
        out.append(
            f'<line x1="{x}" y1="{coord(TOP - 8)}" x2="{x}" y2="{coord(bottom)}">'
            f"<title>{escape(name)}</title></line>"
        )
    out.append("</g>")
    out.append('<g class="schaal" font-size="12" fill="#444444" text-anchor="middle">')
    out += [
        f'<text x="{coord(_x(v))}" y="{coord(TOP - 14)}">{v}</text>' for v in range(LOW, HIGH + 1)
    ]
    out += [
        f'<text x="{coord(_x(value) + 4)}" y="{coord(bottom + 14)}" text-anchor="start" '
        f'font-style="italic" font-size="12">{escape(name)}</text>'
        for name, value in sorted(thresholds.items(), key=lambda kv: kv[1])
    ]
    out.append("</g>")
    return out


def _legend(orgs: Organisations, y: float) -> list[str]:
    out = ['<g class="legenda" font-size="13" fill="#000000">']
    for i, (org, n) in enumerate(orgs.columns):
        top = y + 20 * i
        out.append(
            f'<rect x="{coord(LABELS - 28)}" y="{coord(top)}" width="28" height="{coord(BAR)}" '
            f'fill="{_FILLS[i % len(_FILLS)]}" stroke="#000000" stroke-width="0.8"/>'
        )
        out.append(
            f'<text x="{coord(LABELS + 8)}" y="{coord(top + BAR - 2)}">{escape(org)} (n={n})</text>'
        )
    out.append("</g>")
    return out
