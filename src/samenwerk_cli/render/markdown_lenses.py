"""The markdown report's parts that teach the model: patterns across the lenses, where a young
partnership starts, the advice of a dimension in zorg, the legend and the credit.

Each lays out one part of the view (:mod:`samenwerk_cli.render.lenses`); every text goes
through :mod:`mdtext`.
"""

from __future__ import annotations

from samenwerk_cli.render import mdtext
from samenwerk_cli.render.view_model import (
    CREDIT,
    PATTERNS_INTRO,
    START_INTRO,
    DimensionAdvice,
    Patterns,
    Start,
)
from samenwerk_cli.render.words import number


def patterns(found: Patterns | None) -> str:
    if found is None:
        return ""
    head = "## Patronen over de dimensies heen"
    if not found.found:
        return f"{head}\n\n{PATTERNS_INTRO} {mdtext.inline(found.none_found)}"
    parts = [head, PATTERNS_INTRO]
    for p in found.found:
        figures = "\n".join(f"- {mdtext.inline(f)}" for f in p.cijfers)
        parts.append(
            f"### {mdtext.inline(p.naam)}\n\n{mdtext.inline(p.uitleg)}\n\n"
            f"*Te zien aan:*\n\n{figures}\n\n**KANS!** {mdtext.inline(p.kans)}"
        )
    return "\n\n".join(parts)


def start(begin: Start) -> str:
    """A young partnership: the first fase and its most basic items, instead of every weak spot."""
    lines = [
        f"{n}. **{mdtext.inline(item.tekst)}** ({number(item.score)})"
        + (f"\\\n   *Advies:* {mdtext.inline(item.advies)}" if item.advies else "")
        for n, item in enumerate(begin.items, 1)
    ]
    parts = [
        f"## Waar te beginnen: de fase {mdtext.inline(begin.fase)}",
        f"*{mdtext.inline(begin.betekenis)}*",
        START_INTRO,
        "\n".join(lines),
    ]
    if begin.later:
        parts.append(begin.later)
    return "\n\n".join(parts)


def dimension_advice(advice: tuple[DimensionAdvice, ...]) -> str:
    if not advice:
        return ""
    lines = [f"- **{mdtext.inline(a.naam)}:** {mdtext.inline(a.advies)}" for a in advice]
    return "### Dimensies in zorg\n\nWat het model aanraadt voor de dimensie als geheel:\n\n" + (
        "\n".join(lines)
    )


def legend(lines: tuple[str, ...]) -> str:
    """Lines to add to the reading guide's quote block, one per line (a hard line break)."""
    if not lines:
        return ""
    return ">\n" + "  \n".join(f"> {mdtext.inline(line)}" for line in lines)


def credit() -> str:
    return f"*{mdtext.inline(CREDIT)}*"
