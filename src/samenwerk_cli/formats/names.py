"""Names as a user reads them: the one name of a dimension, in every report, table, chart, sheet
and screen (docs/model.md §1), and a list of names as a Dutch sentence says it.

Here, low in the layers, so the session's screens name things as the reports do.
"""

from __future__ import annotations

from collections.abc import Iterable


def sentence_list(items: Iterable[str], last: str = "en") -> str:
    """``["A", "B", "C"]`` -> ``"A, B en C"`` (or ``"A, B of C"``)."""
    words = list(items)
    return ", ".join(words[:-1]) + f" {last} {words[-1]}" if len(words) > 1 else "".join(words)


def dimension_short(dim_id: str) -> str:
    """The short name, where there is no room for the whole one (a chart's axis, a progress
    line): "Proces", the bold start of "Proces — betekenis geven"."""
    return dim_id.replace("-", " ").replace("_", " ").capitalize()


def dimension_label(dim_id: str, naam: str) -> str:
    """One name for a dimension everywhere: its short name and its model name.

    "Proces — betekenis geven"; a name that starts with the short name stays as it is
    ("Ambitie van betekenis").
    """
    short = dimension_short(dim_id)
    if naam.casefold().startswith(short.casefold()):
        return naam
    return f"{short} — {naam[:1].lower()}{naam[1:]}"
