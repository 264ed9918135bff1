"""The result as an Excel workbook: what a Dutch spreadsheet opens as it is, numbers as numbers.

A CSV from ``export --format csv`` stays RFC 4180 for machines, but Excel with a Dutch locale
reads it as one column (it expects ``;``) and without a BOM mangles the accents. This workbook has
no such ambiguity: a sheet with a row per answer (the CSV's columns plus the comment), a sheet of
dimension scores per partnership, round and organisation, and per partnership a sheet with a
native radar chart of its latest round. openpyxl is imported when this runs, not before.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import Any

from samenwerk_cli.formats import clean
from samenwerk_cli.formats.bank import Bank
from samenwerk_cli.formats.names import dimension_label
from samenwerk_cli.render.spreadsheet import HEADER, answer_rows
from samenwerk_cli.scoring.results import GroupResult
from samenwerk_cli.scoring.trend import Partnership

TEAM = "(heel het team)"
_SHEET_NAME = re.compile(r"[\[\]:*?/\\]")


def visible(text: str) -> str:
    """Control characters cannot be stored in a workbook: show them as ``\\x1b`` instead."""
    return clean.visible(text, keep_lines=True)


def to_xlsx(found: Sequence[Partnership], bank: Bank) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    answers = book.active
    answers.title = "Antwoorden"
    _answers_sheet(answers, found, bank)
    _dimensions_sheet(book.create_sheet("Dimensies"), found, bank)
    used = {"antwoorden", "dimensies"}
    for partnership in found:
        _chart_sheet(book.create_sheet(_sheet_name(partnership.naam, used)), partnership, bank)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _put(sheet: Any, row: int, values: Sequence[object]) -> None:
    """One row; text is always stored as text, never read as a formula (``=HYPERLINK(...)``)."""
    for column, value in enumerate(values, 1):
        cell = sheet.cell(row=row, column=column)
        if isinstance(value, str):
            cell.value = visible(value)
            cell.data_type = "s"
        else:
            cell.value = value


def _header(sheet: Any, names: Sequence[str], widths: Sequence[int]) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    _put(sheet, 1, names)
    for column, width in enumerate(widths, 1):
        sheet.cell(row=1, column=column).font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A2"


def _answers_sheet(sheet: Any, found: Sequence[Partnership], bank: Bank) -> None:
    _header(sheet, (*HEADER, "toelichting"), (24, 14, 18, 22, 28, 14, 14, 12, 8, 40))
    row = 1
    for row, values in enumerate(answer_rows(found, bank), 2):
        _put(sheet, row, values)
    sheet.auto_filter.ref = f"A1:J{row}"


def _dimension_rows(group: GroupResult) -> list[tuple[str, int, list[float | None]]]:
    """(organisation, n, scores per dimension): the team first, then each organisation."""
    rows = [(TEAM, group.n, [d.score for d in group.dimensies])]
    for org in group.organisaties_scores:
        rows.append((org.organisatie, org.n, [org.dimensies.get(d.id) for d in group.dimensies]))
    return rows


def _dimensions_sheet(sheet: Any, found: Sequence[Partnership], bank: Bank) -> None:
    dims = [dimension_label(d.id, d.naam) for d in bank.model.dimensies]
    _header(
        sheet,
        ("partnerschap", "ronde", "organisatie", "n", *dims),
        (24, 14, 24, 5, *[14] * len(dims)),
    )
    row = 2
    for partnership in found:
        for group in partnership.rondes:
            for organisation, n, scores in _dimension_rows(group):
                _put(sheet, row, (group.partnerschap, group.ronde or "", organisation, n, *scores))
                row += 1
    for r in sheet.iter_rows(min_row=2, min_col=5):
        for cell in r:
            cell.number_format = "0.00"


def _chart_sheet(sheet: Any, partnership: Partnership, bank: Bank) -> None:
    """The latest round's dimension scores (team and organisations) and a radar chart of them."""
    from openpyxl.chart import RadarChart, Reference

    group = partnership.laatste
    rows = _dimension_rows(group)
    _put(sheet, 1, ("dimensie", *[f"{name} (n={n})" for name, n, _ in rows]))
    for i, dim in enumerate(bank.model.dimensies):
        _put(
            sheet, i + 2, (dimension_label(dim.id, dim.naam), *[scores[i] for _, _, scores in rows])
        )
    sheet.column_dimensions["A"].width = 34
    count = len(bank.model.dimensies)
    chart = RadarChart()
    chart.type = "marker"
    ronde = f", ronde {group.ronde}" if group.ronde else ""
    chart.title = visible(f"{group.partnerschap}{ronde}")
    chart.y_axis.scaling.min = 1
    chart.y_axis.scaling.max = 5
    chart.y_axis.majorUnit = 1
    data = Reference(sheet, min_col=2, max_col=1 + len(rows), min_row=1, max_row=count + 1)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=count + 1))
    chart.height, chart.width = 10, 16
    sheet.add_chart(chart, f"A{count + 4}")


def _sheet_name(name: str, used: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of ``[]:*?/\\``, unique without case."""
    base = _SHEET_NAME.sub(" ", visible(name)).strip("' ")[:28] or "partnerschap"
    candidate, n = base, 1
    while candidate.lower() in used:
        n += 1
        candidate = f"{base[:26]} {n}"
    used.add(candidate.lower())
    return candidate
