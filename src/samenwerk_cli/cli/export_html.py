"""``samenwerk export --format html``: which HTML pages go where.

One self-contained page per partnership (charts and styles inside, nothing to fetch), and an
index.html for a folder. Writing (all or nothing, never overwriting unasked) is
:func:`samenwerk_cli.cli.export._write`'s job.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from samenwerk_cli.formats.bank import Bank
    from samenwerk_cli.scoring.trend import Partnership
    from samenwerk_cli.terminal.env import Env

SUFFIXES = (".html", ".htm")


def html_files(
    env: Env,
    found: list[Partnership],
    bank: Bank,
    output: Path | None,
    as_folder: bool,
    stems: list[str],
) -> tuple[dict[Path, str], Path | None]:
    """The pages to write, and the folder of reports when there is one.

    ``stems``: a unique file name (without suffix) per partnership, for a folder.
    """
    from samenwerk_cli import __version__
    from samenwerk_cli.errors import Problem, SamenwerkError
    from samenwerk_cli.render.html import index_html, partnership_html

    today = env.today
    if output is None:
        if len(found) > 1:
            raise SamenwerkError(
                f"{len(found)} partnerschappen gevonden: geef met -o een map op, "
                "dan krijgt elk een eigen pagina en komt er een index.html bij"
            )
        env.write(partnership_html(found[0], bank, today, __version__))
        return {}, None
    if not (as_folder or output.is_dir() or len(found) > 1):
        if output.suffix.lower() not in SUFFIXES:
            output = output.with_name(output.name + ".html")
        return {output: partnership_html(found[0], bank, today, __version__)}, None
    if not as_folder and not output.exists() and output.suffix.lower() in SUFFIXES:
        raise SamenwerkError(
            Problem(
                f"{len(found)} partnerschappen gevonden: geef met -o een map op "
                "(bijvoorbeeld rapporten/), dan krijgt elk een eigen pagina en een index.html",
                str(output),
            )
        )
    if output.exists() and not output.is_dir():
        raise SamenwerkError(
            Problem("is een bestand; geef voor meerdere rapporten een map op", str(output))
        )
    files: dict[Path, str] = {}
    linked = []
    for partnership, stem in zip(found, stems, strict=True):
        files[output / f"{stem}.html"] = partnership_html(partnership, bank, today, __version__)
        linked.append((f"{stem}.html", partnership.laatste))
    files[output / "index.html"] = index_html(linked, bank, today)
    return files, output
