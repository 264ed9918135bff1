"""terminal.lean lays out lists, tables and table cells exactly as the rich grid, Table and Text
they replace: same characters, same colours, at every width. rich is the reference, so a change
in rich shows up here first."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console, Group, JustifyMethod
from rich.padding import Padding
from rich.panel import Panel
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

from samenwerk_cli.terminal import columns as columns_mod
from samenwerk_cli.terminal.columns import Columns
from samenwerk_cli.terminal.lean import Cell, Frame, Hanging, lines_of

STYLES = ["", "dim", "bold", "yellow", "bold red", "green"]
WORDS = ["a", "de", "stelling", "samenwerking", "→", "–", "(2,50)", "·", "█████·····", "x" * 30]


def _text(draw: st.DrawFn) -> Text:
    text = Text(style=draw(st.sampled_from(STYLES)))
    for _ in range(draw(st.integers(0, 5))):
        words = draw(st.lists(st.sampled_from(WORDS), max_size=12))
        start = draw(st.sampled_from(["", "\n", "\n  ", " "]))
        text.append(start + " ".join(words), style=draw(st.sampled_from(STYLES)))
    return text


@st.composite
def lists(draw: st.DrawFn) -> list[tuple[str, Text]]:
    labels = st.sampled_from(["–", "•", "1.", "2.", "10."])
    return [(draw(labels), _text(draw)) for _ in range(draw(st.integers(0, 6)))]


class AsciiFile(io.StringIO):
    """A terminal that only takes ASCII: rich draws its boxes with + - |."""

    encoding = "ascii"


def _render(renderable: object, width: int, colour: bool, ascii_only: bool = False) -> str:
    console = Console(
        file=AsciiFile() if ascii_only else io.StringIO(),
        width=width,
        force_terminal=colour,
        color_system="truecolor" if colour else None,
        no_color=not colour,
        emoji=False,
        highlight=False,
    )
    console.print(renderable)
    return console.file.getvalue()  # type: ignore[attr-defined]


@settings(max_examples=150, deadline=None)
@given(rows=lists(), width=st.integers(1, 130), colour=st.booleans(), framed=st.booleans())
def test_hanging_renders_as_the_grid(
    rows: list[tuple[str, Text]], width: int, colour: bool, framed: bool
) -> None:
    hanging = Hanging()
    for label, text in rows:
        hanging.add_row(label, text)
    grid = hanging.grid()
    if framed:  # as in the report: inside a panel, between other parts
        ours: object = Panel(Group(Text("kop", style="bold"), hanging), title=Text("t"))
        theirs: object = Panel(Group(Text("kop", style="bold"), grid), title=Text("t"))
    else:
        ours, theirs = hanging, grid
    assert _render(ours, width, colour) == _render(theirs, width, colour)


def test_a_long_text_wraps_under_itself() -> None:
    hanging = Hanging()
    hanging.add_row("1.", Text("een twee drie vier vijf zes"))
    hanging.add_row("10.", Text("kort"))
    # label column 3 + 1 wide, text column 14 - 4 = 10, each line padded to it
    assert _render(hanging, 14, colour=False) == (
        "1.  een twee  \n    drie vier \n    vijf zes  \n10. kort      \n"
    )


@settings(max_examples=150, deadline=None)
@given(
    cells=st.lists(
        st.tuples(
            st.sampled_from(
                [
                    "3,15",
                    "–",
                    "100%",
                    "█████·····",
                    "rwg 0,96",
                    "te weinig antwoorden",
                    " los ",
                    "",
                    "a\tb",
                    "x" * 30,
                    "+1,00 ▲ beter",
                    "2,50○",
                ]
            ),
            st.sampled_from(STYLES),
        ),
        min_size=1,
        max_size=6,
    ),
    justify=st.sampled_from(["left", "right", "center"]),
    no_wrap=st.booleans(),
    width=st.integers(1, 90),
    colour=st.booleans(),
)
def test_a_cell_renders_as_its_text(
    cells: list[tuple[str, str]], justify: str, no_wrap: bool, width: int, colour: bool
) -> None:
    def table(cell: type) -> Table:
        made = Table(box=None, padding=(0, 2, 0, 0), title="t")
        made.add_column("naam van de kolom")
        made.add_column("cijfer", justify=justify, no_wrap=no_wrap)  # type: ignore[arg-type]
        for text, style in cells:
            made.add_row("een dimensie met een naam", cell(text, style=style))
        return made

    assert _render(table(Cell), width, colour) == _render(table(Text), width, colour)


@settings(max_examples=250, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(
                ["Ambitie van betekenis", "Relatie — aandacht voor relaties", "x" * 25, "", " los "]
            ),
            st.sampled_from(["3,15", "–", "100%", "rwg 0,96", "te weinig antwoorden", " ", "a\tb"]),
            st.sampled_from(STYLES),
        ),
        max_size=5,
    ),
    justify=st.sampled_from(["left", "right", "center", "full"]),
    no_wrap=st.booleans(),
    pad_edge=st.booleans(),
    title=st.sampled_from(
        [None, "Per organisatie", "Twee respondenten: hier [b]verschillen[/b] de antwoorden"]
    ),
    fold=st.booleans(),
    width=st.integers(1, 90),
    colour=st.booleans(),
)
def test_columns_render_as_the_table(
    rows: list[tuple[str, str, str]],
    justify: JustifyMethod,
    no_wrap: bool,
    pad_edge: bool,
    title: str | None,
    fold: bool,
    width: int,
    colour: bool,
) -> None:
    """Wide enough for every column, and so narrow that columns wrap, shrink or vanish."""
    columns = Columns(title, pad_edge=pad_edge)
    columns.add_column("dimensie", overflow="fold" if fold else "ellipsis")
    columns.add_column("score", justify=justify, no_wrap=no_wrap)
    columns.add_column("1 ────── 5", no_wrap=True)
    columns.add_column("verandering van de [i]score[/i]", justify="right")
    for name, figure, style in rows:
        columns.add_row(name, Cell(figure, style), Cell("█████·····", style), Text(figure, style))
    assert _render(columns, width, colour) == _render(columns.table(), width, colour)


def test_columns_shrink_the_wrapping_column_first() -> None:
    columns = Columns(pad_edge=False)
    columns.add_column("dimensie")
    columns.add_column("score", justify="right")
    columns.add_row("Relatie — aandacht voor persoonlijke relaties", Cell("3,94"))
    # 45 + 2 and 5 do not fit in 30: the names' column gets 30 - 5 = 25, of which 23 for text
    assert _render(columns, 30, colour=False) == (
        "dimensie                 score\n"
        "Relatie — aandacht voor   3,94\n"
        "persoonlijke relaties         \n"
    )


@settings(max_examples=500, deadline=None)
@given(
    widths=st.lists(st.integers(0, 120), min_size=1, max_size=8),
    wrapable=st.lists(st.booleans(), min_size=8, max_size=8),
    room=st.integers(1, 200),
)
def test_columns_shrink_as_richs_table(widths: list[int], wrapable: list[bool], room: int) -> None:
    """columns._shrink against the two helpers rich's table uses (not rich's public API: the
    reason columns has its own, and the reason this test holds it to them)."""
    from rich._ratio import ratio_reduce

    wraps = wrapable[: len(widths)]
    theirs = Table._collapse_widths(widths, wraps, room)
    if sum(theirs) > room:
        theirs = ratio_reduce(sum(theirs) - room, [1] * len(theirs), theirs, theirs)
    assert columns_mod._shrink(widths, wraps, room) == theirs


TITLES = [
    "Opleidingsschool Noord · ronde 2026-najaar",
    "Trend: 2026-voorjaar → 2026-najaar",
    "[b]geen[/b] markup :smile:",
    "twee\nregels\tmet tab",
    "samenwerking 協力 " * 6,
    "",
]


@settings(max_examples=100, deadline=None)
@given(
    rows=lists(),
    title=st.sampled_from(TITLES),
    title_style=st.sampled_from(["", "bold"]),
    width=st.integers(1, 130),
    colour=st.booleans(),
    ascii_only=st.booleans(),
)
def test_frame_renders_as_the_panel(
    rows: list[tuple[str, Text]],
    title: str,
    title_style: str,
    width: int,
    colour: bool,
    ascii_only: bool,
) -> None:
    table = Columns("Per organisatie")
    table.add_column("dimensie")
    table.add_column("score", justify="right")
    table.add_row("Relatie — aandacht voor persoonlijke relaties", Cell("3,94"))
    parts: list[object] = [
        Text("kop", style="bold"),
        Hanging(*rows),
        table,
        Group(Text("fase"), Padding(Hanging(*rows), (0, 0, 0, 2))),
        *(text for _, text in rows),
    ]
    frame = Frame(parts, Text(title, style=title_style))  # type: ignore[arg-type]
    ours = _render(frame, width, colour, ascii_only)
    assert ours == _render(frame.panel(), width, colour, ascii_only)


def test_a_text_without_its_line_end_shares_a_line_in_a_frame() -> None:
    frame = Frame([Text("een ", end=""), Text("twee"), Text("drie")], Text("t"))
    assert _render(frame, 20, colour=False) == _render(frame.panel(), 20, colour=False)
    assert "│ een twee" in _render(frame, 20, colour=False)


def test_a_frame_holds_its_parts_under_its_title() -> None:
    frame = Frame([Text("een"), Text("twee drie")], Text("titel"))
    assert _render(frame, 16, colour=False) == (
        "╭─ titel ──────╮\n│ een          │\n│ twee drie    │\n╰──────────────╯\n"
    )


def plain(lines: list[list[Segment]]) -> list[list[tuple[str, Style]]]:
    """What is put out: an empty segment is nothing, no style the null style."""
    return [[(s.text, s.style or Style.null()) for s in line if s.text] for line in lines]


@settings(max_examples=300, deadline=None)
@given(
    text=st.builds(
        lambda body, style, justify, overflow, no_wrap, end: Text(
            body, style=style, justify=justify, overflow=overflow, no_wrap=no_wrap, end=end
        ),
        st.text(st.sampled_from("ab →–\t\n協x"), max_size=40),
        st.sampled_from(STYLES),
        st.sampled_from([None, "left", "right", "center", "full", "default"]),
        st.sampled_from([None, "fold", "crop", "ellipsis", "ignore"]),
        st.sampled_from([None, False, True]),
        st.sampled_from(["\n", ""]),
    ),
    spans=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), st.sampled_from(STYLES))),
    width=st.integers(0, 30),
    justify=st.sampled_from([None, "left", "right"]),
    no_wrap=st.booleans(),
)
def test_the_lines_of_a_text_are_richs(
    text: Text,
    spans: list[tuple[int, int, str]],
    width: int,
    justify: JustifyMethod | None,
    no_wrap: bool,
) -> None:
    for start, end, style in spans:
        text.stylize(style, start, end)
    console = Console(file=io.StringIO(), width=80, emoji=False, highlight=False)
    options = console.options.update(width=width, justify=justify, no_wrap=no_wrap)
    ours = lines_of(text, console, options)
    assert plain(ours) == plain(console.render_lines(text, options, pad=True))


@settings(max_examples=150, deadline=None)
@given(
    rows=lists(),
    more=lists(),
    nested=st.booleans(),
    end=st.sampled_from(["\n", ""]),
    width=st.integers(0, 60),
)
def test_the_lines_of_lists_and_groups_are_richs(
    rows: list[tuple[str, Text]],
    more: list[tuple[str, Text]],
    nested: bool,
    end: str,
    width: int,
) -> None:
    """A list, and a group of texts and lists (a pattern with its figures): made of lines
    already, so not cut into lines again; a text without its line end is rich's to lay out."""
    inner: object = Hanging(*more)
    if nested:
        inner = Group(Text("kop", style="bold"), inner)
    hanging = Hanging(*rows)
    if rows:
        hanging.add_row("•", inner)  # type: ignore[arg-type]
    content = Group(Text("titel", end=end), hanging, Text("slot"))
    console = Console(file=io.StringIO(), width=80, emoji=False, highlight=False)
    options = console.options.update_width(width)
    for made in (hanging, content):
        assert plain(lines_of(made, console, options)) == plain(
            console.render_lines(made, options, pad=True)
        )
