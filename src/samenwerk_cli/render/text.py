"""Plain-text summaries that need no rich."""

from __future__ import annotations

import textwrap

from samenwerk_cli.formats.bank import Bank

WIDTH = 78  # a summary that fits an 80-column terminal


def cell_counts(bank: Bank) -> dict[tuple[str, str], int]:
    """Scored items per (dimension, phase) cell, every cell present."""
    counts = {(d.id, f.id): 0 for d in bank.model.dimensies for f in bank.model.fases}
    for v in bank.scored:
        if v.fase is not None:
            counts[(v.dimensie, v.fase)] += 1
    return counts


def coverage_summary(bank: Bank) -> tuple[str, bool]:
    """A matrix of items per dimension x phase, and whether every cell is filled."""
    counts = cell_counts(bank)
    fases = bank.model.fases
    dims = bank.model.dimensies
    width = max(len(d.id) for d in dims) + 2
    cols = [max(len(f.id), 3) for f in fases]
    head = " " * width + "  ".join(f.id.rjust(c) for f, c in zip(fases, cols)) + "  totaal"
    rows = [head]
    for d in dims:
        cells = [counts[(d.id, f.id)] for f in fases]
        shown = "  ".join((str(n) if n else "-").rjust(c) for n, c in zip(cells, cols))
        rows.append(d.id.ljust(width) + shown + f"  {sum(cells):>6}")
    scored = len(bank.scored)
    quick = sum(v.kort for v in bank.vragen)
    open_items = len(bank.vragen) - scored
    empty = sum(1 for n in counts.values() if n == 0)
    rows.append("")
    rows.append(
        textwrap.fill(
            f"Vragenlijst '{bank.naam}' versie {bank.versie}: geldig. {scored} gescoorde vragen, "
            f"{open_items} open vragen, {quick} in de korte scan.",
            WIDTH,
        )
    )
    total = len(counts)
    rows.append(f"{total - empty} van de {total} cellen (dimensie x fase) hebben een vraag.")
    patterns = bank.model.patronen
    if patterns:
        names = ", ".join(p.id for p in patterns)
        line = f"{len(patterns)} {'patroon' if len(patterns) == 1 else 'patronen'}: {names}."
        rows.append(textwrap.fill(line, WIDTH, subsequent_indent="  ", break_on_hyphens=False))
    return "\n".join(rows), empty == 0
