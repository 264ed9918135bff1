"""Terminal output with rich; readable without colour (band words, never colour alone)."""

from __future__ import annotations

from rich import box
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from samenwerk_cli.formats.bank import Bank, Vraag

WIDE = 150  # from here every property has its own column
MEDIUM = 100  # from here the full id and the theme; below, the id within its dimension


def bank_table(bank: Bank, vragen: list[Vraag], width: int = WIDE) -> Table:
    """The questions by dimension; the statement always whole (it wraps), the rest narrows.

    On a wide screen id, fase, thema and soort are columns; narrower, they become one dim line
    under the statement, and below 100 columns the id loses its dimension (the section says it)
    and the theme goes.
    """
    title = f"{escape(bank.model.titel)} · {escape(bank.naam)} {escape(bank.versie)}"
    table = Table(title=title, box=box.SIMPLE_HEAD, expand=width < WIDE, pad_edge=False)
    wide, short_ids = width >= WIDE, width < MEDIUM
    table.add_column("id" if not short_ids else "id (na de punt)", no_wrap=True)
    if wide:
        for column in ("fase", "thema", "soort"):
            table.add_column(column, no_wrap=True)
    table.add_column("tekst", overflow="fold", ratio=1, min_width=20)
    current = None
    for v in vragen:
        if v.dimensie != current:
            if current is not None:
                table.add_section()
            current = v.dimensie
            naam = next((d.naam for d in bank.model.dimensies if d.id == v.dimensie), v.dimensie)
            gap = ("", "", "") if wide else ()
            table.add_row(f"[bold]{escape(v.dimensie)}.[/]", *gap, f"[bold]{escape(naam)}[/]")
        soort = v.soort + (", kort" if v.kort else "") + (", omgekeerd" if v.omgekeerd else "")
        item_id = v.id.removeprefix(f"{v.dimensie}.") if short_ids else v.id
        if wide:
            table.add_row(v.id, v.fase or "", v.thema or "", soort, escape(v.tekst))
            continue
        about = [v.fase or "", "" if short_ids else (v.thema or ""), soort]
        text = Text(v.tekst)
        text.append("\n" + " · ".join(a for a in about if a), style="dim")
        table.add_row(escape(item_id), text)
    return table
