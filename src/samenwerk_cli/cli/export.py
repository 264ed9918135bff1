"""``samenwerk export``: the result out of the terminal, as a report to share, CSV or JSON."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from samenwerk_cli.cli.context import environment
from samenwerk_cli.cli.options import (
    Jobs,
    MinPerOrganisation,
    Paths,
    Questions,
    SkipInvalid,
    to_screen,
    with_minimum,
)
from samenwerk_cli.errors import ExitCode

EXAMPLES = """
samenwerk export antwoorden/ -o rapporten/
    Per partnerschap een markdownrapport met radargrafiek, en een index.md.
samenwerk export antwoorden/ --format html -o rapport.html
    Een rapport als webpagina met grafieken erin, om te mailen en te printen.
samenwerk export antwoorden/ --format csv -o antwoorden.csv
    Elk antwoord op een regel, voor verdere analyse.
"""

if TYPE_CHECKING:
    from samenwerk_cli.terminal.env import Env


class Format(str, Enum):
    md = "md"
    html = "html"
    csv = "csv"
    xlsx = "xlsx"
    json = "json"


def export(
    ctx: typer.Context,
    paths: Paths,
    output: Annotated[
        Optional[str],  # noqa: UP045 - a str, to see the trailing "/" that names a folder
        typer.Option(
            "--output",
            "-o",
            metavar="PAD",
            help="Bestand, of een map voor meerdere partnerschappen (met index.md); "
            "zonder -o of met -o - naar het scherm.",
            show_default=False,
        ),
    ] = None,
    format_: Annotated[
        Format,
        typer.Option(
            "--format",
            "-f",
            help="md: rapport met radargrafiek · html: rapport als webpagina, om te mailen en "
            "af te drukken · xlsx: werkmap voor Excel (antwoorden, scores, radargrafiek) · "
            "csv: een regel per antwoord, voor scripts · "
            "json: als 'score --json'.",
        ),
    ] = Format.md,
    force: Annotated[
        bool, typer.Option("--force", help="Overschrijf bestaande rapporten en bestanden.")
    ] = False,
    skip_invalid: SkipInvalid = False,
    jobs: Jobs = 0,
    questions: Questions = None,
    min_per_organisation: MinPerOrganisation = None,
) -> ExitCode:
    """Rapport om te delen: markdown of HTML met grafiek en trend, of CSV/JSON voor analyse."""
    from samenwerk_cli.cli.context import report_problems
    from samenwerk_cli.errors import SamenwerkError
    from samenwerk_cli.formats import bank as bank_mod
    from samenwerk_cli.scoring import score_paths

    env = environment(ctx)
    bank = with_minimum(bank_mod.load(questions), min_per_organisation)
    with score_paths(paths, bank, jobs or None) as run:  # the workers stop, whatever happens
        report_problems(env, run)
        found = run.partnerships
    if to_screen(output):
        output = None
    target = None if output is None else Path(output)
    if format_ in (Format.md, Format.html):
        from samenwerk_cli.cli import export_reports as reports

        as_folder = output is not None and output.endswith(("/", "\\"))
        kind = (reports.markdown if format_ is Format.md else reports.html)(env, bank)
        files, folder = reports.report_files(env, kind, found, target, as_folder)
    else:
        text: str | bytes
        if format_ is Format.csv:
            from samenwerk_cli.render.spreadsheet import to_csv

            text = to_csv(found, bank)
        elif format_ is Format.xlsx:
            from samenwerk_cli.render.workbook import to_xlsx

            if target is None:
                raise SamenwerkError(
                    "een werkmap is geen tekst voor het scherm: geef -o antwoorden.xlsx"
                )
            text = to_xlsx(found, bank)
        else:
            from samenwerk_cli.render.json import score_json

            text = score_json(found, run.errors, bank)
        files, folder = _single(env, output, f".{format_.value}", text)
    if files:
        _write(env, files, force, folder)
    return run.files_code(skip_invalid)


DEFAULT_STEM = {".csv": "antwoorden", ".xlsx": "scores", ".json": "scores"}


def _single(
    env: Env, output: str | None, suffix: str, text: str | bytes
) -> tuple[dict[Path, str | bytes], Path | None]:
    """One file: to the screen, to ``-o NAME`` (the suffix added when it is missing, as for a
    report), or into a folder named with a trailing ``/`` or that exists (a default name)."""
    if output is None:
        assert isinstance(text, str)
        env.write(text)
        return {}, None
    target = Path(output)
    if output.endswith(("/", "\\")) or target.is_dir():
        folder = None if target.is_dir() else target
        return {target / f"{DEFAULT_STEM[suffix]}{suffix}": text}, folder
    if target.suffix.lower() != suffix:
        target = target.with_name(target.name + suffix)
    return {target: text}, None


def _write(env: Env, files: Mapping[Path, str | bytes], force: bool, folder: Path | None) -> None:
    """All or nothing: a report a team filled in (their agreements) is never overwritten unasked.

    ``folder``: the folder of reports, made here once every check has passed.
    """
    from samenwerk_cli.errors import Problem, SamenwerkError
    from samenwerk_cli.files import atomic_write

    if folder is not None and not folder.parent.is_dir():
        raise SamenwerkError(Problem("deze map bestaat niet", str(folder)))
    for path in files if folder is None else ():
        if not path.parent.is_dir():
            raise SamenwerkError(Problem("deze map bestaat niet", str(path.parent)))
    odd = [path for path in files if path.exists() and not path.is_file()]
    if odd:  # --force replaces a report, never a device, pipe or folder (as root: /dev/null)
        raise SamenwerkError(
            [Problem("is geen gewoon bestand; kies een andere naam", str(p)) for p in odd]
        )
    existing = [path for path in files if path.exists()]
    if existing and not force:
        raise SamenwerkError(
            [
                Problem("bestaat al; kies een andere naam of gebruik --force", str(p))
                for p in existing
            ]
        )
    made_folder = folder is not None and not folder.exists()
    new = [path for path in files if not path.exists()]
    try:
        if folder is not None:
            folder.mkdir(exist_ok=True)
        for path, text in files.items():
            atomic_write(path, text)
    except OSError:
        # Half a set of reports is worse than none: remove what this run created.
        for path in new:
            path.unlink(missing_ok=True)
        if made_folder and folder is not None:
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    if folder is not None and any(p.stem == "index" for p in files):
        pages = [p for p in files if p.suffix != ".svg" and p.stem != "index"]
        index = next(p.name for p in files if p.stem == "index")
        reports = "1 rapport" if len(pages) == 1 else f"{len(pages)} rapporten"
        env.echo(f"Geschreven in {folder}: {reports} met grafiek, en {index}", err=True)
    else:
        env.echo(f"Geschreven: {' en '.join(str(p) for p in files)}", err=True)
