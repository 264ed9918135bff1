"""Cheaper layouts for the terminal report that put out exactly what rich's own would.

rich lays out a table cell by wrapping it in a :class:`~rich.padding.Padding`, measuring it,
rendering that into lines (which renders the cell into lines once more) and then styling,
padding and cropping the lines; the report's two-column lists and many small cells made that
most of the cost of a report. Here:

- :class:`Hanging`: a list whose texts wrap under themselves (a label, a space, a text), for
  rich's two-column ``Table.grid(padding=(0, 1))``: the grid's column widths computed as rich's
  table computes them, each text rendered once.
- :class:`Cell`: a short one-line cell (a score, a band, a bar) with the measure of a Text and,
  where it fits, the one segment rich's wrap/justify/join path ends in.
- :class:`Frame`: rich's ``Panel`` around the report (rounded box, a title on the left, one
  space either side): the parts are rendered into lines once, where the panel's padding and the
  panel itself would split them into lines twice more.
- :func:`lines_of`: rich's ``render_lines`` for what is made of lines already (a Text's wrapped
  lines, which rich joins into one text and cuts into lines again; a list; a group of them).
- :class:`~samenwerk_cli.terminal.columns.Columns` (its own module): a borderless table.

Only rich's public API is used. rich's table module is imported only where a layout falls back
on it: its import alone (dataclasses, fractions) took ~5 ms of a ~150 ms ``samenwerk score``.

The characters and styles stay rich's: tests/test_lean.py compares each with the rich original
over generated rows, widths and styles, with and without colour.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.box import ROUNDED
from rich.cells import cell_len
from rich.console import (
    Console,
    ConsoleOptions,
    Group,
    RenderableType,
    RenderResult,
)
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

if TYPE_CHECKING:
    from rich.panel import Panel
    from rich.table import Table

DASH = "  –"  # the label of a sub-item: indented, and its wrapped lines under its text


class Hanging:
    """Rows of a label and a text; the text's wrapped lines keep the indent of its first line."""

    def __init__(self, *rows: tuple[str, RenderableType]) -> None:
        self.rows: list[tuple[str, RenderableType]] = list(rows)

    def add_row(self, label: str, text: RenderableType) -> None:
        """``label`` is plain text without markup or wide characters; ``text`` wraps (a Text,
        or a Group of them: a list item with sub-items of its own)."""
        self.rows.append((label, text))

    def grid(self) -> Table:
        """The same rows as the table this replaces: the reference for the tests, and the
        layout where a column would get no room at all."""
        from rich.table import Table

        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column()
        for label, text in self.rows:
            grid.add_row(label, text)
        return grid

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        new_line = Segment.line()
        for line in self.lines(console, options):
            yield from line
            yield new_line

    def lines(
        self, console: Console, options: ConsoleOptions, pad: bool = False
    ) -> list[list[Segment]]:
        """The list's lines; with ``pad`` each as wide as the room, as render_lines pads."""
        if not self.rows:
            return []
        max_width = options.max_width
        # The label column: its widest label and the one space of padding between the columns.
        left = max(cell_len(label) for label, _ in self.rows) + 1
        # The text column: its widest line (rich's measure of a Text), shrunk to the room left.
        right = max(_widest(text, console, options) for _, text in self.rows)
        right = min(right, max_width) or 1
        if left + right > max_width:
            right = max_width - left
        if right < 1 or left > max_width:  # no room for a column: rich's own layout decides
            return console.render_lines(self.grid(), options, pad=pad)
        text_options = options.update(
            width=right,
            justify="left",
            overflow="ellipsis",
            no_wrap=False,
            highlight=False,
            height=None,
        )
        indent = Segment(" " * left)
        rest = (
            [Segment(" " * (max_width - left - right))] if pad and left + right < max_width else []
        )
        out = []
        for label, text in self.rows:
            head = Segment(label + " " * (left - cell_len(label)))
            for number, line in enumerate(lines_of(text, console, text_options)):
                out.append([indent if number else head, *line, *rest])
        return out


def lines_of(
    content: RenderableType, console: Console, options: ConsoleOptions
) -> list[list[Segment]]:
    """``console.render_lines(content, options)``, padded to the width, without cutting into
    lines again what is already made of lines: a Text's wrapped lines (rich joins them into
    one text first), a :class:`Hanging` list's, and a Group of such parts."""
    width = options.max_width
    if width < 1 or options.height is not None:
        return console.render_lines(content, options, pad=True)
    if isinstance(content, Hanging):
        return content.lines(console, options, pad=True)
    if isinstance(content, Group) and all(map(_ends_lines, content.renderables)):
        return [line for part in content.renderables for line in lines_of(part, console, options)]
    if not isinstance(content, Text) or content.end != "\n":
        return console.render_lines(content, options, pad=True)
    text = content
    lines = text.wrap(  # as Text.__rich_console__ wraps
        console,
        width,
        justify=text.justify or options.justify or "default",
        overflow=text.overflow or options.overflow or "fold",
        tab_size=(console.tab_size if text.tab_size is None else text.tab_size) or 8,
        no_wrap=text.no_wrap if text.no_wrap is not None else bool(options.no_wrap),
    )
    out = []
    for line in lines:
        excess = width - line.cell_len
        if excess < 0:  # a line rich would crop: its own way
            return console.render_lines(content, options, pad=True)
        if line.style:  # rich's join turns a line's own style into a span; render needs that
            style, line.style = line.style, ""
            line.stylize_before(style)
        segments = list(line.render(console))
        if excess:
            segments.append(Segment(" " * excess))
        out.append(segments)
    return out


def _ends_lines(part: RenderableType) -> bool:
    """A part whose last line ends, so that the next part starts a line of its own."""
    if isinstance(part, Text):
        return part.end == "\n"
    if isinstance(part, Group):
        return all(map(_ends_lines, part.renderables))
    return isinstance(part, Hanging)


def _widest(content: RenderableType, console: Console, options: ConsoleOptions) -> int:
    """As rich measures a cell: a Text by its longest line, anything else by rich itself."""
    if isinstance(content, Text):
        return widest_line(content.plain)
    return Measurement.get(console, options, content).maximum


def widest_line(plain: str) -> int:
    """As rich measures a Text: its longest line in cells (``splitlines``, as rich splits)."""
    lines = plain.splitlines()
    return max(cell_len(line) for line in lines) if lines else 0


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

    def segment(self, console: Console, width: int, justify: object) -> Segment | None:
        """The one segment rich would make of the text at ``width``, padded as ``justify``
        says; None where rich would wrap, crop or strip it."""
        text, excess = self.text, width - self.width
        if excess < 0 or justify not in ("left", "right") or not text:
            return None
        if not text.isprintable() or text.strip() != text:
            return None
        padded = text + " " * excess if justify == "left" else " " * excess + text
        return Segment(padded, console.get_style(self.style) if self.style else None)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        segment = self.segment(console, options.max_width, options.justify)
        if segment is None:
            yield self.as_text()
            return
        yield segment
        yield Segment.line()


class Frame:
    """``Panel(Group(*parts), title=title, title_align="left")``, as rich lays it out.

    Tables, lists, padding and Texts end their last line, so such parts are rendered into lines
    one by one; a Text that does not (``end=""``) goes on the same line as the next part, as
    rich's Group puts it."""

    def __init__(self, parts: list[RenderableType], title: Text) -> None:
        self.parts = parts
        self.title = title  # a Text: never read as markup

    def panel(self) -> Panel:
        """The panel this stands for: the layout at a width too small for a title, and the
        reference for the tests."""
        from rich.panel import Panel

        return Panel(Group(*self.parts), title=self.title, title_align="left")

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        if width <= 4 or options.height is not None:
            yield self.panel()
            return
        box = ROUNDED.substitute(options, safe=console.safe_box)
        plain = Style.null()  # the panel's style and border style: "none"
        child = options.update(width=width - 2, height=None, highlight=False)
        inner = child.update_width(width - 4)
        if any(isinstance(part, Text) and part.end != "\n" for part in self.parts):
            lines = console.render_lines(Group(*self.parts), inner, pad=True)
        else:
            lines = [line for part in self.parts for line in lines_of(part, console, inner)]
        if self.title:
            yield Segment(box.top_left + box.top, plain)
            title = self._title(console, box.top, width - 4)
            yield from console.render(title, child.update_width(width - 4))
            yield Segment(box.top + box.top_right, plain)
        else:  # an empty title: no title at all
            yield Segment(box.get_top([width - 2]), plain)
        new_line = Segment.line()
        yield new_line
        start, end = Segment(box.mid_left + " ", plain), Segment(" " + box.mid_right, plain)
        for line in lines:
            yield start
            yield from line
            yield end
            yield new_line
        yield Segment(box.get_bottom([width - 2]), plain)
        yield new_line

    def _title(self, console: Console, rule: str, room: int) -> Text:
        """The title as the panel puts it in its top edge: on one line, a space either side,
        cut to the room, the rest of the edge drawn after it."""
        title = self.title.copy()
        title.end = ""
        title.plain = title.plain.replace("\n", " ")
        title.no_wrap = True
        title.expand_tabs()
        title.pad(1)
        title.truncate(room)
        if title.style:
            title.stylize(console.get_style(title.style))
        excess = room - cell_len(title.plain)
        if not excess:
            return title
        return Text.assemble(title, rule * excess, no_wrap=True, end="")
