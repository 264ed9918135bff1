"""The terminal report's parts that teach the model: where a young partnership starts, the advice
of a dimension in zorg, patterns across the lenses, the legend and the credit.

They lay out :mod:`samenwerk_cli.render.lenses`'s view; every text is put in a rich
:class:`~rich.text.Text`, so rich never reads it as markup.
"""

from __future__ import annotations

from rich.console import Group
from rich.text import Text

from samenwerk_cli.render.view_model import (
    CREDIT,
    PATTERNS_INTRO,
    START_INTRO,
    DimensionAdvice,
    Patterns,
    Start,
)
from samenwerk_cli.render.words import number
from samenwerk_cli.terminal.lean import DASH, Hanging


def start(begin: Start) -> list[object]:
    """A young partnership: the first fase and its most basic items, instead of every weak spot."""
    out: list[object] = [
        Text(f"\nBegin bij de fase {begin.fase}: {begin.betekenis}", style="bold"),
        Text(START_INTRO),
    ]
    grid = Hanging()
    for n, item in enumerate(begin.items, 1):
        line = Text(item.tekst)
        line.append(f"  ({number(item.score)})", style="dim")
        if item.advies:
            line.append(f"\n→ {item.advies}")
        grid.add_row(f"{n}.", line)
    out.append(grid)
    if begin.later:
        out.append(Text(begin.later, style="dim"))
    return out


def dimension_advice(advice: tuple[DimensionAdvice, ...]) -> list[object]:
    out: list[object] = []
    for a in advice:
        out += [Text(f"\nDimensie in zorg: {a.naam}", style="bold"), Hanging(("→", Text(a.advies)))]
    return out


def patterns(found: Patterns | None) -> list[object]:
    if found is None:
        return []
    if not found.found:
        return [Text(f"\n{found.none_found}", style="green")]
    out: list[object] = [
        Text("\nPatronen over de dimensies heen:", style="bold"),
        Text(PATTERNS_INTRO, style="dim"),
    ]
    grid = Hanging()
    for p in found.found:
        head = Text(p.naam, style="bold yellow")
        head.append(f"\n{p.uitleg}", style="")
        figures = Hanging(*((DASH, Text(figure, style="dim")) for figure in p.cijfers))
        kans = Text("KANS: ", style="bold")
        kans.append(p.kans, style="")
        grid.add_row("•", Group(head, figures, kans))
    out.append(grid)
    return out


def legend(lines: tuple[str, ...]) -> list[object]:
    return [Text("\n" + "\n".join(lines), style="dim")] if lines else []


def credit() -> Text:
    return Text(CREDIT, style="dim")
