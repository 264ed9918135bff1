"""``samenwerk reflect --group``: one screen, one facilitator, the whole room answering at once.

The command layer of the group session: it reads who takes part, picks the folder, wires the
pure :class:`~samenwerk_cli.group_session.GroupSession` to questionary and rich, and turns Ctrl-C
into a saved folder and the exact command to go on.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import typer
from rich.markup import escape

from samenwerk_cli.cli.reflect import console_for, interrupted, resume_command
from samenwerk_cli.errors import ExitCode, Problem, SamenwerkError
from samenwerk_cli.formats import answers
from samenwerk_cli.formats import group_file as group
from samenwerk_cli.formats.bank import Bank
from samenwerk_cli.session import storage as group_folder
from samenwerk_cli.session.single import Metadata


def participants(spec: str | None, group_file: Path | None) -> group.Groep:
    if spec is not None and group_file is not None:
        raise SamenwerkError("gebruik --group of --group-file, niet allebei")
    if group_file is not None:
        return group.load_group_file(group_file)
    assert spec is not None
    return group.Groep(group.parse_spec(spec))


def run(
    bank: Bank,
    *,
    spec: str | None,
    group_file: Path | None,
    output: Path | None,
    resume: Path | None,
    quick: bool,
    dimensions: Sequence[str],
    questions: Path | None,
    partnership: str | None,
    round_: str | None,
) -> None:
    from samenwerk_cli.session.group import GroupSession
    from samenwerk_cli.terminal import group_screens, prompts
    from samenwerk_cli.terminal.report import print_report

    err = console_for(stderr=True)
    console = console_for()
    deelnemers: tuple[group.Deelnemer, ...] = ()
    previous = None
    if resume is not None:
        if spec is not None or group_file is not None:
            raise SamenwerkError(
                "gebruik --resume MAP zonder --group: de deelnemers staan al in de map"
            )
        paths, previous, warnings = group_folder.read(resume, bank)
        for warning in warnings:
            err.print(f"let op: {escape(str(warning))}")
        saver = group_folder.FolderSaver(resume, paths)
    else:
        groep = participants(spec, group_file)
        deelnemers = groep.deelnemers
        partnership = partnership if partnership is not None else groep.partnerschap
        round_ = round_ if round_ is not None else groep.ronde
        if output is not None:
            group_folder.check_new(
                output, resume_command(output, questions, quick, list(dimensions))
            )
        saver = group_folder.FolderSaver(output)

    session = GroupSession(
        bank,
        ask=prompts.ask,
        show=lambda event: group_screens.show(console, event),
        save=saver,
        deelnemers=deelnemers,
        quick=quick,
        dimensions=dimensions,
        given=Metadata(partnerschap=partnership, ronde=round_),
        resume=previous,
    )
    try:
        files = session.run()
    except (KeyboardInterrupt, EOFError):
        interrupted(err, saver.folder, questions, quick, list(dimensions), "De antwoorden")
        raise typer.Exit(ExitCode.INTERRUPTED) from None

    assert saver.folder is not None
    console.print()
    console.print(
        f"De antwoorden van {len(saver.paths)} deelnemers zijn bewaard in de map "
        f"[bold]{escape(str(saver.folder))}[/]; "
        "'samenwerk score' en 'samenwerk export' lezen die map als één team."
    )
    console.print()
    done = [answers.AnswerFile(str(p), d) for p, d in zip(saver.paths, files, strict=True)]
    print_report(console, done, bank)


def refuse_single_flags(organisation: str | None, respondent: str | None, role: str | None) -> None:
    """Per-person flags make no sense for a room: they belong in the group (file)."""
    given = [
        flag
        for flag, value in (
            ("--organisation", organisation),
            ("--respondent", respondent),
            ("--role", role),
        )
        if value is not None
    ]
    if given:
        raise SamenwerkError(
            Problem(
                f"{', '.join(given)} hoort bij één deelnemer; geef in een groep per deelnemer "
                "'Naam:Organisatie' op, of 'rol' in het --group-file"
            )
        )
