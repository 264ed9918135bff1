"""``samenwerk import``: responses of an online form (Microsoft Forms, Google Forms, LimeSurvey)
become answer files, one per response, ready for ``score`` and ``export``. All or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from samenwerk_cli.cli.context import environment, tell
from samenwerk_cli.cli.options import Partnership, Questions, Round

if TYPE_CHECKING:
    from samenwerk_cli.forms.importer import Imported

EXAMPLES = """
samenwerk import Samenwerking.xlsx -p "PS Noord" -o antwoorden/
    Antwoorden uit Microsoft Forms, Google Forms of LimeSurvey inlezen.
samenwerk import results-survey123456.csv -p "PS Noord" --dry-run
    Welke kolom wordt welke vraag? Schrijft niets.
"""


def import_(
    ctx: typer.Context,
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Export van het formulier: .xlsx, .csv of .tsv (meerdere mag).",
            show_default=False,
            metavar="BESTAND...",
        ),
    ],
    partnership: Partnership = None,
    output: Annotated[
        Optional[Path],  # noqa: UP045 - typer reads the annotation at runtime
        typer.Option(
            "--output",
            "-o",
            metavar="MAP",
            help="Map voor de antwoordbestanden (wordt aangemaakt).",
            show_default=False,
        ),
    ] = None,
    round_: Round = None,
    mapping: Annotated[
        Optional[Path],  # noqa: UP045
        typer.Option(
            "--mapping",
            metavar="KOPPELING.yaml",
            help="Eigen koppeling van kolommen aan vragen en van labels aan antwoorden.",
            show_default=False,
        ),
    ] = None,
    organisation_column: Annotated[
        Optional[str],  # noqa: UP045
        typer.Option(
            "--organisation-column",
            metavar="KOP",
            help="De kolom met de organisatie (standaard: de kolom met 'organisatie' in de kop).",
            show_default=False,
        ),
    ] = None,
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Toon welke kolom welke vraag wordt; schrijf niets."),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Overschrijf bestanden van een eerdere import.")
    ] = False,
    questions: Questions = None,
) -> None:
    """Lees de antwoorden uit een online formulier in: een antwoordbestand per respondent."""
    from samenwerk_cli.errors import Problem, SamenwerkError
    from samenwerk_cli.formats import bank as bank_mod
    from samenwerk_cli.formats.clean import visible
    from samenwerk_cli.forms import importer, tabular

    env = environment(ctx)
    bank = bank_mod.load(questions)
    if not (partnership or "").strip():
        raise SamenwerkError(Problem("geef het partnerschap op met --partnership NAAM"))
    if output is None and not dry_run:
        raise SamenwerkError(Problem("geef met -o MAP aan waar de antwoordbestanden komen"))
    if output is not None and output.exists() and not output.is_dir():
        raise SamenwerkError(Problem("dit is een bestand; geef een map op", str(output)))
    options = importer.Options(partnership or "", round_, organisation_column)
    if mapping is not None:
        from samenwerk_cli.forms import mapping as mapping_mod

        options.columns, options.labels = mapping_mod.load(mapping, bank)
    tables, problems = [], []
    for path in files:
        try:
            tables.append(tabular.read(path))
        except SamenwerkError as exc:
            problems += exc.problems
    if problems:
        raise SamenwerkError(problems)
    plans = importer.plan_tables(tables, bank, options)
    if dry_run:
        for plan in plans:
            env.echo(visible("\n".join(importer.describe(plan, bank)), keep_lines=True))
    result = importer.convert(plans, bank, options)
    tell(env, result.warnings, "waarschuwing")
    targets = _targets(result.imported, output or Path("."))
    if dry_run:
        where = f" in {output}" if output is not None else ""
        env.echo(
            f"{len(targets)} antwoordbestanden zouden worden geschreven{where}; niets geschreven."
        )
        return
    assert output is not None
    taken = [path for path, _ in targets if path.exists()]
    if taken and not force:
        shown = ", ".join(p.name for p in taken[:3]) + (", …" if len(taken) > 3 else "")
        raise SamenwerkError(
            Problem(
                f"{len(taken)} bestanden bestaan al ({shown}): al eerder ingelezen? "
                "Gebruik --force om ze te overschrijven",
                str(output),
            )
        )
    from samenwerk_cli import files as files_mod

    output.mkdir(parents=True, exist_ok=True)
    texts = importer.to_yaml_many([item.data for _, item in targets])
    files_mod.write_batch([(path, text) for (path, _), text in zip(targets, texts)])
    env.echo(f"Geschreven: {len(targets)} antwoordbestanden in {output}", err=True)
    env.echo(f"Bekijk de scores met: samenwerk score {output}", err=True)


def _targets(imported: list[Imported], folder: Path) -> list[tuple[Path, Imported]]:
    """One distinct path per response, also when two exports share a name."""
    from samenwerk_cli.forms import importer

    out: list[tuple[Path, Imported]] = []
    used: set[str] = set()
    for item in imported:
        name = importer.file_name(item)
        stem, n = name.removesuffix(".yaml"), 1
        while name in used:
            n += 1
            name = f"{stem}-{n}.yaml"
        used.add(name)
        out.append((folder / name, item))
    return out
