"""A borderless table with a header row that puts out exactly what rich's ``Table`` would.

rich wraps every table cell in a :class:`~rich.padding.Padding`, measures it through that,
renders it into lines (which renders the cell into lines once more) and then styles, pads and
crops the lines. :class:`Columns` computes the column widths as rich's table does, measures each
cell once and renders it once; a :class:`~samenwerk_cli.terminal.lean.Cell` that fits is one
segment. Where a column gets no room at all, rich's own table lays it out.

Only rich's public API is used: the reduction of too-wide columns is rich's algorithm again
(:func:`_shrink`), because rich keeps it in its table module, whose import alone (dataclasses,
fractions) took ~5 ms of a ~150 ms ``samenwerk score``. tests/test_lean.py holds both to rich.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console, ConsoleOptions, JustifyMethod, OverflowMethod, RenderResult
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from samenwerk_cli.terminal.lean import Cell, widest_line

if TYPE_CHECKING:
    from rich.table import Table


class Columns:
    """A borderless table with a header row: rich's ``Table(box=None, padding=(0, 2, 0, 0),
    title_justify="left")``, ``pad_edge`` as there. A cell is a markup string (as in a table),
    a Text or a :class:`Cell`."""

    PAD = 2  # spaces right of each column; of the last one too where ``pad_edge``

    def __init__(self, title: str | None = None, pad_edge: bool = True) -> None:
        self.title = title  # markup, as a rich table's title
        self.pad_edge = pad_edge
        self.headers: list[str] = []
        self.justify: list[JustifyMethod] = []
        self.no_wrap: list[bool] = []
        self.overflow: list[OverflowMethod] = []
        self.rows: list[tuple[str | Text | Cell, ...]] = []

    def add_column(
        self,
        header: str,
        justify: JustifyMethod = "left",
        no_wrap: bool = False,
        overflow: OverflowMethod = "ellipsis",
    ) -> None:
        """As rich's ``Table.add_column``; ``header`` is markup, as there."""
        self.headers.append(header)
        self.justify.append(justify)
        self.no_wrap.append(no_wrap)
        self.overflow.append(overflow)

    def add_row(self, *cells: str | Text | Cell) -> None:
        self.rows.append(cells)

    def table(self) -> Table:
        """The rich table this stands for: the layout where columns must shrink, and the
        reference for the tests."""
        from rich.table import Table

        table = Table(
            box=None,
            padding=(0, self.PAD, 0, 0),
            pad_edge=self.pad_edge,
            title=self.title,
            title_justify="left",
        )
        for header, justify, no_wrap, overflow in zip(
            self.headers, self.justify, self.no_wrap, self.overflow, strict=True
        ):
            table.add_column(header, justify=justify, no_wrap=no_wrap, overflow=overflow)
        for row in self.rows:
            table.add_row(*(c.as_text() if isinstance(c, Cell) else c for c in row))
        return table

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        count = len(self.headers)
        if not count or any(len(row) != count for row in self.rows):
            yield self.table()
            return
        pads = [self.PAD] * count
        if not self.pad_edge:
            pads[-1] = 0
        room = options.max_width

        def content(cell: str | Text | Cell) -> Text | Cell:
            if isinstance(cell, str):  # as rich reads a string cell: markup, no highlighting
                return console.render_str(cell, markup=options.markup, highlight=False)
            return cell

        grid = [[content(h) for h in self.headers]]
        grid += [[content(c) for c in row] for row in self.rows]
        widest = [max(_cell_width(row[i], console, options) for row in grid) for i in range(count)]
        widths = [_column(widest[i], pads[i], room) or 1 for i in range(count)]
        if sum(widths) > room:
            shrunk = _shrink(widths, [not no_wrap for no_wrap in self.no_wrap], room)
            widths = [_column(widest[i], pads[i], w) for i, w in enumerate(shrunk)]
        if any(w - pad < 1 for w, pad in zip(widths, pads)):
            yield self.table()  # no room for a column: rich's own layout decides
            return
        if self.title:
            title = console.render_str(self.title, style="table.title", highlight=False)
            title_options = options.update(
                width=sum(widths), justify="left", height=None, highlight=False
            )
            yield from console.render(title, title_options)
        header_style = console.get_style("table.header")
        new_line = Segment.line()
        for number, row in enumerate(grid):
            style = header_style if number == 0 else None
            cells = [
                _cell_lines(console, options, cell, width, pad, column, style)
                for cell, width, pad, column in zip(
                    row, widths, pads, zip(self.justify, self.no_wrap, self.overflow)
                )
            ]
            lines_used = max(len(lines) for lines in cells)
            height = max(1, lines_used)
            align = Segment.align_bottom if number == 0 else Segment.align_top
            shaped = [
                Segment.set_shape(align(lines, width, lines_used, style or Style()), width, height)
                for lines, width in zip(cells, widths)
            ]
            for line in range(height):
                for lines in shaped:
                    yield from lines[line]
                yield new_line


def _column(widest: int, pad: int, room: int) -> int:
    """A column's width as rich's table measures it: its widest cell and padding, within room."""
    return min(widest + pad, room) if room >= 1 else 0


def _shrink(widths: list[int], wrapable: list[bool], room: int) -> list[int]:
    """Column widths brought within ``room`` as rich's table brings them: the widest columns
    that may wrap narrowed to the next widest, again and again; what is still too wide then
    comes off every column alike. rich's own helpers for this live in its table module, whose
    import is a thirtieth of ``samenwerk score``: tests/test_lean.py holds this to them."""
    excess = sum(widths) - room
    if any(wrapable):
        while sum(widths) and excess > 0:
            widest = max(w for w, wraps in zip(widths, wrapable) if wraps)
            second = max(w if wraps and w != widest else 0 for w, wraps in zip(widths, wrapable))
            ratios = [int(wraps and w == widest) for w, wraps in zip(widths, wrapable)]
            if not any(ratios) or widest == second:
                break
            widths = _reduce(excess, ratios, [min(excess, widest - second)] * len(widths), widths)
            excess = sum(widths) - room
    if excess > 0:
        widths = _reduce(excess, [1] * len(widths), widths, widths)
    return widths


def _reduce(total: int, ratios: list[int], maximums: list[int], values: list[int]) -> list[int]:
    """``total`` taken off ``values`` in proportion to ``ratios``, at most ``maximums``."""
    ratios = [ratio if most else 0 for ratio, most in zip(ratios, maximums)]
    left = sum(ratios)
    out = []
    for ratio, most, value in zip(ratios, maximums, values):
        if ratio and left > 0:
            cut = min(most, round(ratio * total / left))
            out.append(value - cut)
            total -= cut
            left -= ratio
        else:
            out.append(value)
    return out


def _cell_width(cell: Text | Cell, console: Console, options: ConsoleOptions) -> int:
    """A cell's widest line, as rich measures it."""
    if isinstance(cell, Cell):
        return cell.__rich_measure__(console, options).maximum
    return widest_line(cell.plain)


def _cell_lines(
    console: Console,
    options: ConsoleOptions,
    cell: Text | Cell,
    width: int,
    pad: int,
    column: tuple[JustifyMethod, bool, OverflowMethod],
    style: Style | None,
) -> list[list[Segment]]:
    """A cell's lines as rich's table renders them: content, padding, the header's style."""
    justify, no_wrap, overflow = column
    segment = cell.segment(console, width - pad, justify) if isinstance(cell, Cell) else None
    if segment is not None:
        lines = [[segment]]
    else:
        inner = options.update(
            width=width - pad,
            justify=justify,
            no_wrap=no_wrap,
            overflow=overflow,
            height=None,
            highlight=False,
        )
        lines = console.render_lines(cell, inner, pad=True)
    out = []
    for line in lines:
        if pad:
            line = [*line, Segment(" " * pad, Style.null())]
        if style:
            line = list(Segment.apply_style(line, style))
        out.append(line)
    return out
