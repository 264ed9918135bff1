"""``samenwerk reflect --group``: one screen, one facilitator, the whole room answering at once.

The command layer of the group session: it reads who takes part, picks the folder, wires the
pure :class:`~samenwerk_cli.session.group.GroupSession` to the terminal, and turns Ctrl-C into a
saved folder and the exact command to go on.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from samenwerk_cli.cli.session_end import run_session
from samenwerk_cli.errors import ExitCode, Problem, SamenwerkError
from samenwerk_cli.formats import answers
from samenwerk_cli.formats import group_file as group
from samenwerk_cli.formats.bank import Bank
from samenwerk_cli.session import storage
from samenwerk_cli.session.engine import Metadata
from samenwerk_cli.terminal.env import Env


def participants(spec: str | None, group_file: Path | None) -> group.Groep:
    if spec is not None and group_file is not None:
        raise SamenwerkError("gebruik --group of --group-file, niet allebei")
    if group_file is not None:
        return group.load_group_file(group_file)
    assert spec is not None
    return group.Groep(group.parse_spec(spec))


def run(
    env: Env,
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
) -> ExitCode:
    from samenwerk_cli.scoring import score_answers
    from samenwerk_cli.terminal import ending

    if resume is not None and (spec is not None or group_file is not None):
        raise SamenwerkError(
            "gebruik --resume MAP zonder --group: de deelnemers staan al in de map"
        )
    saver = storage.FolderSaver(resume)
    files = run_session(
        env,
        saver,
        lambda: _session(
            env,
            saver,
            bank,
            spec,
            group_file,
            output,
            resume,
            quick,
            dimensions,
            questions,
            Metadata(partnerschap=partnership, ronde=round_),
        ),
        lambda: saver.folder,
        lambda path: storage.resume_command(path, questions, quick, dimensions),
        "De antwoorden",
    )
    if isinstance(files, ExitCode):
        return files
    assert saver.folder is not None
    ending.saved_group(env.out, saver.folder, len(saver.paths))
    done = [answers.AnswerFile(str(p), d) for p, d in zip(saver.paths, files, strict=True)]
    ending.short_report(env.out, score_answers(done, bank), saver.folder, questions)
    return ExitCode.OK


def _session(
    env: Env,
    saver: storage.FolderSaver,
    bank: Bank,
    spec: str | None,
    group_file: Path | None,
    output: Path | None,
    resume: Path | None,
    quick: bool,
    dimensions: Sequence[str],
    questions: Path | None,
    given: Metadata,
) -> list[answers.Antwoorden]:
    """Lock the folder, read it when resuming, and run the session; returns the files.

    The lock comes before anything is read or written: of two sessions on one folder, even two
    started at the same moment, the second stops here with a message that names the first."""
    from samenwerk_cli.session.engine import continued_scan
    from samenwerk_cli.session.group import GroupSession
    from samenwerk_cli.terminal import ending, group_screens, signals

    deelnemers: tuple[group.Deelnemer, ...] = ()
    previous = None
    if resume is not None:
        ending.warnings(env.err, saver.claim(resume))
        paths, previous, warnings = storage.read(resume, bank)
        ending.warnings(env.err, list(warnings))
        saver.paths = paths
        quick, dimensions, changed = continued_scan(previous, quick, dimensions)
        ending.warnings(env.err, changed)
    else:
        groep = participants(spec, group_file)
        deelnemers = groep.deelnemers
        given = Metadata(
            partnerschap=given.partnerschap
            if given.partnerschap is not None
            else groep.partnerschap,
            ronde=given.ronde if given.ronde is not None else groep.ronde,
        )
        if output is not None:
            hint = storage.resume_command(output, questions, quick, list(dimensions))
            if output.is_file() or not output.parent.is_dir():
                storage.check_new(output, hint)  # a plain mistake: nothing to lock
            # The lock first: a session still busy here is named as such, never "resume it".
            ending.warnings(env.err, saver.claim(output, new=True))
            storage.check_new(output, hint)
            saver.folder = output

    save = saver
    if resume is None:  # a resumed folder is named in the command itself
        save = ending.announcing(
            saver,
            lambda: saver.folder,
            lambda files: (
                None
                if output is not None
                else Path(storage.folder_name(files[0].partnerschap, files[0].datum or env.today))
            ),
            env.out,
            "De antwoorden (een bestand per deelnemer)",
        )

    session = GroupSession(
        bank,
        ask=signals.guarded(env.prompt()),
        show=lambda event: group_screens.show(env.out, event),
        save=save,
        deelnemers=deelnemers,
        quick=quick,
        dimensions=dimensions,
        given=given,
        resume=previous,
        today=env.today,
    )
    return session.run()


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
