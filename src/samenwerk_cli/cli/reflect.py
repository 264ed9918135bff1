"""``samenwerk reflect``: the interactive session in a terminal, alone or as a group.

This module only wires: the flow is pure (``session``), the prompts and screens live in
``terminal``, and saving in ``session.storage``. Questionary, rich and the session load when the
command runs, so other commands start without them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from samenwerk_cli.cli.context import environment
from samenwerk_cli.cli.options import (
    Dimensions,
    Organisation,
    Partnership,
    Questions,
    Quick,
    Round,
    Text,
)
from samenwerk_cli.cli.session_end import run_session
from samenwerk_cli.errors import ExitCode

if TYPE_CHECKING:
    from samenwerk_cli.formats.answers import Antwoorden
    from samenwerk_cli.formats.bank import Bank
    from samenwerk_cli.session.single import Metadata
    from samenwerk_cli.session.storage import FileSaver
    from samenwerk_cli.terminal.env import Env

EXAMPLES = """
samenwerk reflect
    De hele vragenlijst; je antwoorden komen in een bestand in deze map.
samenwerk reflect --quick -p "Opleidingsschool Noord" --ronde 2026-najaar
    De korte scan, met partnerschap en ronde alvast ingevuld.
samenwerk reflect --group "Anna:Hogeschool Noord, Bram:De Linde" -o team/
    Groepssessie: per stelling typt de begeleider de cijfers van iedereen.
"""

NO_TERMINAL = (
    "samenwerk reflect stelt de vragen in een terminal, maar hier is geen terminal "
    "(invoer via een pipe of CI).\n"
    "Zonder terminal: maak een leeg antwoordbestand met 'samenwerk template -o antwoorden.yaml', "
    "vul het in een editor in, en bereken de scores met 'samenwerk score antwoorden.yaml'."
)


def reflect(
    ctx: typer.Context,
    output: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--output",
            "-o",
            metavar="BESTAND",
            help="Bewaar de antwoorden in dit bestand "
            "(standaard: <partnerschap>-<naam>-<datum>.yaml in deze map); "
            "bij --group een map.",
            show_default=False,
        ),
    ] = None,
    resume: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--resume",
            metavar="PAD",
            help="Ga verder met een onafgemaakt antwoordbestand (of de map van een groepssessie), "
            "bij de eerste onbeantwoorde vraag.",
            show_default=False,
        ),
    ] = None,
    quick: Quick = False,
    dimension: Dimensions = None,
    questions: Questions = None,
    partnership: Partnership = None,
    organisation: Organisation = None,
    respondent: Annotated[
        Text, typer.Option("--respondent", metavar="NAAM", help="Je naam (leeg: anoniem).")
    ] = None,
    role: Annotated[
        Text, typer.Option("--role", "--rol", metavar="ROL", help="Je rol in de samenwerking.")
    ] = None,
    round_: Round = None,
    group: Annotated[
        Text,
        typer.Option(
            "--group",
            "-g",
            metavar="DEELNEMERS",
            help="Groepssessie: de deelnemers in volgorde, bijv. "
            '"Anna:Hogeschool Noord, Bram:De Linde" (namen mogen labels zijn).',
            show_default=False,
        ),
    ] = None,
    group_file: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--group-file",
            metavar="BESTAND",
            help="Groepssessie met de deelnemers uit een YAML-bestand "
            "(deelnemers: [{naam, organisatie, rol}]).",
            show_default=False,
        ),
    ] = None,
) -> ExitCode:
    """Vul de vragenlijst interactief in, alleen of als groep; elk antwoord wordt meteen bewaard.

    Met --group typt de begeleider per stelling de cijfers van de hele groep op één regel;
    -o is dan een map met één antwoordbestand per deelnemer.
    """
    from samenwerk_cli.errors import SamenwerkError
    from samenwerk_cli.formats import answers
    from samenwerk_cli.formats import bank as bank_mod
    from samenwerk_cli.scoring import score_answers
    from samenwerk_cli.session.single import Metadata
    from samenwerk_cli.session.storage import FileSaver, resume_command
    from samenwerk_cli.terminal import ending

    env = environment(ctx)
    if not env.stdin_isatty:
        raise SamenwerkError(NO_TERMINAL)
    if output is not None and resume is not None and output.resolve() != resume.resolve():
        raise SamenwerkError(
            "gebruik --resume BESTAND zonder --output: het bestand blijft hetzelfde"
        )
    bank = bank_mod.load(questions)
    dimensions = list(dimension or ())
    if group is not None or group_file is not None or (resume is not None and resume.is_dir()):
        from samenwerk_cli.cli import reflect_group

        reflect_group.refuse_single_flags(organisation, respondent, role)
        return reflect_group.run(
            env,
            bank,
            spec=group,
            group_file=group_file,
            output=output,
            resume=resume,
            quick=quick,
            dimensions=dimensions,
            questions=questions,
            partnership=partnership,
            round_=round_,
        )

    given = Metadata(partnership, organisation, respondent, role, round_)
    saver = FileSaver(output)
    data = run_session(
        env,
        saver,
        lambda: _session(env, saver, bank, resume, output, quick, dimensions, given),
        lambda: saver.path,
        lambda path: resume_command(path, questions, quick, dimensions),
        "Je antwoorden",
    )
    if isinstance(data, ExitCode):
        return data
    assert saver.path is not None
    ending.saved_single(env.out, saver.path)
    groups = score_answers([answers.AnswerFile(str(saver.path), data)], bank)
    ending.short_report(env.out, groups, saver.path, questions)
    return ExitCode.OK


def _session(
    env: Env,
    saver: FileSaver,
    bank: Bank,
    resume: Path | None,
    output: Path | None,
    quick: bool,
    dimensions: list[str],
    given: Metadata,
) -> Antwoorden:
    """Lock the file, read it when resuming, and run the session; returns the answers.

    The lock comes before anything is read or written: a second session on the same file stops
    here, with a message that names the first (:mod:`samenwerk_cli.session.lock`)."""
    from samenwerk_cli.errors import Problem, SamenwerkError
    from samenwerk_cli.formats import answers
    from samenwerk_cli.session.engine import continued_scan
    from samenwerk_cli.session.single import Session
    from samenwerk_cli.session.storage import answer_file_name, resume_command
    from samenwerk_cli.terminal import ending, screens, signals

    previous = None
    if resume is not None:
        if not resume.exists():  # before a lock would be put next to it
            raise SamenwerkError(Problem("bestand niet gevonden", str(resume)))
        saver.path = resume
        ending.warnings(env.err, saver.claim(resume))
        loaded = answers.read(resume, bank)
        ending.warnings(env.err, list(loaded.warnings))
        previous = loaded.data
        quick, dimensions, changed = continued_scan([previous], quick, dimensions)
        ending.warnings(env.err, changed)
    elif output is not None:
        if not output.parent.is_dir():
            raise SamenwerkError(Problem("deze map bestaat niet", str(output.parent)))
        ending.warnings(env.err, saver.claim(output))
        if output.exists():
            raise SamenwerkError(
                Problem(
                    f"bestaat al; ga verder met "
                    f"'{resume_command(output, None, False, [])}' of kies een andere naam",
                    str(output),
                )
            )

    save = saver
    if resume is None:  # a resumed file is named in the command itself
        save = ending.announcing(
            saver,
            lambda: saver.path,
            lambda data: None if output is not None else Path(answer_file_name(data)),
            env.out,
            "Je antwoorden",
        )

    session = Session(
        bank,
        ask=signals.guarded(env.prompt()),
        show=lambda event: screens.show(env.out, event),
        save=save,
        quick=quick,
        dimensions=dimensions,
        given=given,
        resume=previous,
        today=env.today,
        fits=lambda rows: screens.review_fits(env.out, rows),
    )
    return session.run()
