"""Terminal output with rich; readable without colour (band words, never colour alone)."""

from __future__ import annotations

from rich.markup import escape
from rich.table import Table

from samenwerk_cli.formats.bank import Bank, Vraag


def bank_table(bank: Bank, vragen: list[Vraag]) -> Table:
    table = Table(title=f"{escape(bank.model.titel)} · {escape(bank.naam)} {escape(bank.versie)}")
    for column in ("id", "dimensie", "fase", "thema", "soort"):
        table.add_column(column, no_wrap=True)
    table.add_column("tekst", overflow="fold", min_width=30)
    for v in vragen:
        soort = v.soort + (" (kort)" if v.kort else "") + (" (omgekeerd)" if v.omgekeerd else "")
        table.add_row(v.id, v.dimensie, v.fase or "", v.thema or "", soort, escape(v.tekst))
    return table
