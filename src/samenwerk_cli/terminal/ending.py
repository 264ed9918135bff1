"""What a ``reflect`` run says when it ends: where the answers are, or how to go on after Ctrl-C."""

from __future__ import annotations

import contextlib
import shlex
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from samenwerk_cli.render.words import BAND_STYLE, band_word, dimension_label, number, score_bar
from samenwerk_cli.scoring.results import GroupResult

T = TypeVar("T")


def saved_single(console: Console, path: Path) -> None:
    """Where the file is and what to do with it: a respondent's file is one voice of many."""
    console.print()
    console.rule("[bold]Klaar[/]")
    console.print(f"Je antwoorden zijn bewaard in [bold]{escape(str(path))}[/].")
    console.print(
        "Stuur dit bestand naar de begeleider van de reflectie: die zet de bestanden van alle "
        "partners bij elkaar en bespreekt de uitkomst met jullie "
        "('samenwerk score MAP' leest ze samen)."
    )
    console.print()


def announcing(
    save: Callable[[T], None],
    written: Callable[[], Path | None],
    wanted: Callable[[T], Path | None],
    console: Console,
    what: str,
) -> Callable[[T], None]:
    """``save``, saying once where it writes (:func:`writes_to`) after its first save."""
    said = False

    def save_and_say(data: T) -> None:
        nonlocal said
        save(data)
        path = written()
        if not said and path is not None:
            said = True
            writes_to(console, path, wanted(data), what)

    return save_and_say


def writes_to(console: Console, path: Path, wanted: Path | None, what: str) -> None:
    """Say where a session writes, before the first answer; and why, when the name had to
    change because ``wanted`` was taken (``…-2``)."""
    # A path is never broken: on the sentence's line when it fits, else on a line of its own
    # (the terminal may wrap a very long one; copying keeps it whole).
    if len(f"{what} komen in {path}.") <= console.width:
        console.print(f"{what} komen in [bold]{escape(str(path))}[/].", soft_wrap=True)
    else:
        console.print(f"{what} komen in:")
        console.print(f"  [bold]{escape(str(path))}[/]", soft_wrap=True)
    if wanted is not None and wanted != path:
        console.print(f"[dim]({escape(str(wanted))} bestond al; daarom {escape(path.name)}.)[/]")


def short_report(
    console: Console, groups: Sequence[GroupResult], path: Path, questions: Path | None = None
) -> None:
    """The scores in a few lines, and the command for the whole report: the end of a session
    must fit one screen (a projector shows 30 lines), the report is one command away."""
    for group in groups:
        table = Table(box=None, pad_edge=False, padding=(0, 2, 0, 0), title_justify="left")
        ronde = f" · ronde {group.ronde}" if group.ronde else ""
        table.title = f"[bold]Scores: {escape(group.partnerschap + ronde)}[/]"
        table.add_column("dimensie")
        table.add_column("score", justify="right")
        table.add_column("1 ─────────── 5", no_wrap=True)
        table.add_column("band", no_wrap=True)
        for d in group.dimensies:
            style = BAND_STYLE.get(d.band or "", "")
            table.add_row(
                escape(dimension_label(d.id, d.naam)),  # as in the whole report
                number(d.score),
                Text(score_bar(d.score), style=style),
                Text(band_word(d.band, d.score), style=style),
            )
        console.print(table)
    target = shlex.quote(str(path))
    if questions is not None:
        target += f" --questions {shlex.quote(str(questions))}"
    console.print()
    console.print("Het hele rapport, met de zwakke plekken en wat je eraan kunt doen:")
    console.print(f"  samenwerk score {escape(target)}", soft_wrap=True)
    console.print(f"  samenwerk export {escape(target)} -o rapport.md", soft_wrap=True)
    console.print()


def saved_group(console: Console, folder: Path, count: int) -> None:
    console.print()
    console.print(
        f"De antwoorden van {count} deelnemers zijn bewaard in de map "
        f"[bold]{escape(str(folder))}[/]; "
        "'samenwerk score' en 'samenwerk export' lezen die map als één team."
    )
    console.print()


def interrupted(err: Console, path: Path | None, resume: str, whose: str = "Je antwoorden") -> None:
    """After Ctrl-C: what is saved, and the command to go on (nothing typed is ever lost).

    Best effort: after a hang-up (SIGHUP) the terminal is gone and cannot be written to; the
    answers are saved all the same, and the exit code says what happened."""
    with contextlib.suppress(OSError):
        _interrupted(err, path, resume, whose)


def _interrupted(err: Console, path: Path | None, resume: str, whose: str) -> None:
    err.print()
    if path is None or not path.exists():
        err.print("Gestopt. Er was nog niets om te bewaren.")
        return
    err.print(f"Gestopt. {whose} tot nu toe zijn bewaard in [bold]{escape(str(path))}[/].")
    err.print("Later verder gaan:")
    err.print(f"  {escape(resume)}", soft_wrap=True)


def save_failed(err: Console, path: Path | None, resume: str, whose: str = "Je antwoorden") -> None:
    """Saving failed (disk full, read-only, name too long; the error itself is told by the
    CLI): say what is safe, and how to go on."""
    if path is None or not path.exists():
        err.print("Er is nog niets bewaard. Los dit op en begin opnieuw.")
        return
    err.print(
        f"{whose} tot het vorige antwoord staan veilig in [bold]{escape(str(path))}[/]. "
        "Los dit op en ga verder met:"
    )
    err.print(f"  {escape(resume)}", soft_wrap=True)


def changed(err: Console, resume: str) -> None:
    """Someone else wrote the answers during the session (the error itself is told by the CLI):
    ours are saved beside them; how to go on with them."""
    err.print("Verder met de antwoorden van deze sessie:")
    err.print(f"  {escape(resume)}", soft_wrap=True)


def warnings(err: Console, problems: list[object]) -> None:
    for problem in problems:
        err.print(f"let op: {escape(str(problem))}")
