"""One row per respondent per item, for spreadsheets: the raw answers beside their scores.

Numbers use a decimal point, as CSV readers expect; "weet niet" stays text with an empty score.
Text that a spreadsheet would run as a formula (a first character of = + - @, a tab or a carriage
return: an open answer typed as "- meer rust" shows as #NAME? in Excel, "=HYPERLINK(...)" makes a
link) gets a leading apostrophe, the usual guard against formula injection; ``rows`` keeps the
text as typed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence

from samenwerk_cli.formats.bank import Bank
from samenwerk_cli.scoring.items import given_answers
from samenwerk_cli.scoring.trend import Partnership

HEADER = (
    "partnerschap",
    "ronde",
    "respondent",
    "organisatie",
    "vraag",
    "dimensie",
    "fase",
    "antwoord",
    "score",
)


Cell = str | int | float | None


def answer_rows(found: Sequence[Partnership], bank: Bank) -> Iterator[tuple[Cell, ...]]:
    """Every answered item (and every open answer) of every respondent, in bank order, values
    as they are (an answer 1–5 and its score stay numbers), the comment on it last."""
    for partnership in found:
        for group in partnership.rondes:
            for given in given_answers(group, bank):
                person, v = given.respondent, given.vraag
                yield (
                    group.partnerschap,
                    group.ronde or "",
                    person.naam or f"anoniem {given.position}",
                    person.organisatie or "",
                    v.id,
                    v.dimensie,
                    v.fase or "",
                    given.antwoord,
                    given.score,
                    (person.toelichting.get(v.id) or "") if v.scored else "",
                )


def rows(found: Sequence[Partnership], bank: Bank) -> Iterator[tuple[str, ...]]:
    """The CSV's rows: :func:`answer_rows` as text, a score as ``4`` or ``3.5``, no comment."""
    for row in answer_rows(found, bank):
        *cells, score, _comment = row
        yield (*(str(c) for c in cells), "" if score is None else f"{score:g}")


def to_csv(found: Sequence[Partnership], bank: Bank) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(tuple(_inert(cell) for cell in row) for row in rows(found, bank))
    return buffer.getvalue()


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _inert(cell: str) -> str:
    """A cell a spreadsheet shows as text, never evaluates."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell
