"""The one name of a dimension, in every report, table, chart, sheet and screen (docs/model.md §1).

Here, low in the layers, so the session's screens name a dimension as the reports do.
"""

from __future__ import annotations


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
