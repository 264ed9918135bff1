"""A list whose entries wrap under themselves: a short label ("1.", "–", "•"), a space, a text.

The report used rich's two-column ``Table.grid(padding=(0, 1))`` for this. A table measures every
cell, wraps each in a :class:`~rich.padding.Padding` and renders, pads and crops it line by line,
which made these lists most of the cost of laying out a report. :class:`Hanging` computes the
grid's two column widths the way rich's table does and renders each text once, so the characters
and their styles stay exactly the grid's (tests/test_hanging.py compares the two).
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.table import Table
from rich.text import Text


class Hanging:
    """Rows of a label and a text; the text's wrapped lines keep the indent of its first line."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, Text]] = []

    def add_row(self, label: str, text: Text) -> None:
        """``label`` is plain text without markup or wide characters; ``text`` wraps."""
        self.rows.append((label, text))

    def grid(self) -> Table:
        """The same rows as the table this replaces: the reference for the tests, and the
        layout where a column would get no room at all."""
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column()
        for label, text in self.rows:
            grid.add_row(label, text)
        return grid

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if not self.rows:
            return
        max_width = options.max_width
        # The label column: its widest label and the one space of padding between the columns.
        left = max(cell_len(label) for label, _ in self.rows) + 1
        # The text column: its widest line (rich's measure of a Text), shrunk to the room left.
        right = max(_widest_line(text.plain) for _, text in self.rows)
        right = min(right, max_width) or 1
        if left + right > max_width:
            right = max_width - left
        if right < 1 or left > max_width:  # no room for a column: rich's own layout decides
            yield self.grid()
            return
        text_options = options.update(
            width=right,
            justify="left",
            overflow="ellipsis",
            no_wrap=False,
            highlight=False,
            height=None,
        )
        indent = Segment(" " * left)
        new_line = Segment.line()
        for label, text in self.rows:
            yield Segment(label + " " * (left - cell_len(label)))
            for number, line in enumerate(console.render_lines(text, text_options)):
                if number:
                    yield indent
                yield from line
                yield new_line


def _widest_line(plain: str) -> int:
    """As rich measures a Text: its longest line in cells (``splitlines``, as rich splits)."""
    lines = plain.splitlines()
    return max(cell_len(line) for line in lines) if lines else 0
