"""A short table cell (a score, a band, a bar) that rich lays out without wrapping machinery.

rich renders every :class:`~rich.text.Text` in a table cell by wrapping it into lines, justifying
them, joining them into one text and cutting that into segments again: a large part of the cost
of a report, spent on cells such as "3,15" that always fit on one line. :class:`Cell` gives rich
the same measure and, when it fits, the one segment that this path ends in; otherwise it hands
rich the :class:`~rich.text.Text` (tests/test_hanging.py compares the two).
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text


class Cell:
    """One line of plain text, never markup, in one style."""

    __slots__ = ("style", "text", "width")

    def __init__(self, text: str, style: str = "") -> None:
        self.text = text
        self.style = style
        self.width = cell_len(text)

    def as_text(self) -> Text:
        return Text(self.text, style=self.style)

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        """As rich measures the Text: its longest word and its whole length."""
        text = self.text
        if not (text and text.isprintable()):
            return self.as_text().__rich_measure__(console, options)
        words = text.split()
        return Measurement(max(map(cell_len, words)) if words else self.width, self.width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        text, excess, justify = self.text, options.max_width - self.width, options.justify
        simple = text and text.isprintable() and text.strip() == text
        if not simple or excess < 0 or justify not in ("left", "right"):
            yield self.as_text()
            return
        padded = text + " " * excess if justify == "left" else " " * excess + text
        yield Segment(padded, console.get_style(self.style) if self.style else None)
        yield Segment.line()
