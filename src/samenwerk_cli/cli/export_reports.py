"""``samenwerk export --format md|html``: which report files go where.

One partnership: a report to the screen, or to ``-o NAME`` (the suffix added when missing);
several partnerships or a folder (``-o map/``): a report per partnership and an index. Markdown
and HTML differ only in what one report consists of (markdown has its chart beside it, the HTML
page holds it inside); writing — all or nothing, never overwriting unasked — is
:func:`samenwerk_cli.cli.export._write`'s job.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from samenwerk_cli.errors import Problem, SamenwerkError

if TYPE_CHECKING:
    from samenwerk_cli.formats.bank import Bank
    from samenwerk_cli.scoring.results import GroupResult
    from samenwerk_cli.scoring.trend import Partnership
    from samenwerk_cli.terminal.env import Env


@dataclass(frozen=True)
class Kind:
    suffixes: tuple[str, ...]  # the first is added to a name without one
    noun: str  # "rapport", "pagina"
    index_words: str  # "een index", "een index.html"
    files: Callable[[Partnership, str], dict[str, str]]  # stem -> {file name: text}
    page: Callable[[Partnership], str]  # the report alone, for the screen
    index: Callable[[list[tuple[str, GroupResult]]], str]
    tip: str | None = None  # said on stderr when the report goes to the screen


def markdown(env: Env, bank: Bank) -> Kind:
    from samenwerk_cli import __version__
    from samenwerk_cli.render.chart import group_chart
    from samenwerk_cli.render.markdown import index, partnership_report

    def files(partnership: Partnership, stem: str) -> dict[str, str]:
        chart = f"{stem}.svg"
        report = partnership_report(partnership, bank, chart, env.today, __version__)
        return {f"{stem}.md": report, chart: group_chart(partnership.laatste, bank)}

    return Kind(
        (".md",),
        "rapport",
        "een index",
        files,
        lambda p: partnership_report(p, bank, None, env.today, __version__),
        lambda linked: index(linked, bank, env.today),
        "tip: met -o rapport.md komt de radargrafiek (rapport.svg) erbij",
    )


def html(env: Env, bank: Bank) -> Kind:
    from samenwerk_cli import __version__
    from samenwerk_cli.render.html import index_html, partnership_html

    def page(partnership: Partnership) -> str:
        return partnership_html(partnership, bank, env.today, __version__)

    return Kind(
        (".html", ".htm"),
        "pagina",
        "een index.html",
        lambda p, stem: {f"{stem}.html": page(p)},
        page,
        lambda linked: index_html(linked, bank, env.today),
    )


def report_files(
    env: Env, kind: Kind, found: list[Partnership], output: Path | None, as_folder: bool
) -> tuple[dict[Path, str], Path | None]:
    """The files to write, and the folder of reports when there is one."""
    if output is None:
        if len(found) > 1:
            raise SamenwerkError(
                f"{len(found)} partnerschappen gevonden: geef met -o een map op, "
                f"dan krijgt elk een eigen {kind.noun} en komt er {kind.index_words} bij"
            )
        env.write(kind.page(found[0]))
        if kind.tip:
            env.echo(kind.tip, err=True)
        return {}, None
    if not (as_folder or output.is_dir() or len(found) > 1):
        if output.suffix.lower() not in kind.suffixes:
            output = output.with_name(output.name + kind.suffixes[0])
        made = kind.files(found[0], output.stem)
        first = next(iter(made))  # the report itself keeps the name as given (page.htm, R.MD)
        return {output if n == first else output.with_name(n): t for n, t in made.items()}, None
    if not as_folder and not output.exists() and output.suffix.lower() in kind.suffixes:
        raise SamenwerkError(
            Problem(
                f"{len(found)} partnerschappen gevonden: geef met -o een map op "
                f"(bijvoorbeeld rapporten/), dan krijgt elk een eigen {kind.noun} en "
                f"{kind.index_words}",
                str(output),
            )
        )
    if output.exists() and not output.is_dir():
        raise SamenwerkError(
            Problem("is een bestand; geef voor meerdere rapporten een map op", str(output))
        )
    files: dict[Path, str] = {}
    linked = []
    for partnership, stem in zip(found, stems(found), strict=True):
        made = kind.files(partnership, stem)
        files.update({output / name: text for name, text in made.items()})
        linked.append((next(iter(made)), partnership.laatste))
    index = kind.index(linked)
    files[output / f"index{kind.suffixes[0]}"] = index
    return files, output


def stems(found: list[Partnership]) -> list[str]:
    """File names from the partnership names, unique, never ``index``."""
    from samenwerk_cli.files import slug

    used = {"index"}
    result = []
    for partnership in found:
        base = slug(partnership.naam) or "partnerschap"
        stem, n = base, 1
        while stem in used:
            n += 1
            stem = f"{base}-{n}"
        used.add(stem)
        result.append(stem)
    return result
