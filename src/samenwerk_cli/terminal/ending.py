"""What a ``reflect`` run says when it ends: where the answers are, or how to go on after Ctrl-C."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.markup import escape


def saved_single(console: Console, path: Path) -> None:
    console.print()
    console.rule("[bold]Klaar[/]")
    console.print(f"Je antwoorden zijn bewaard in [bold]{escape(str(path))}[/].")
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
    """After Ctrl-C: what is saved, and the command to go on (nothing typed is ever lost)."""
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


def warnings(err: Console, problems: list[object]) -> None:
    for problem in problems:
        err.print(f"let op: {escape(str(problem))}")
