"""Scoring: answer files in, scored partnerships out; pure, no printing.

The two entry points every caller uses: :func:`score_paths` for files on disk (``score``,
``export``) and :func:`score_answers` for answers in memory (the end of ``reflect``). The modules
behind them load on first call, so importing a result type stays cheap.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from samenwerk_cli.errors import Problem, SamenwerkError

if TYPE_CHECKING:
    from samenwerk_cli.formats.answers import AnswerFile
    from samenwerk_cli.formats.bank import Bank
    from samenwerk_cli.scoring.results import GroupResult
    from samenwerk_cli.scoring.trend import Partnership


@dataclass
class ScoreRun:
    """What scoring a set of files gives: the partnerships, and what was wrong on the way."""

    partnerships: list[Partnership]
    errors: list[Problem] = field(default_factory=list)  # files that could not be read
    warnings: list[Problem] = field(default_factory=list)  # read, but with something to mention

    @property
    def groups(self) -> list[GroupResult]:
        """Every (partnership, round), in report order."""
        return [group for p in self.partnerships for group in p.rondes]


def score_paths(paths: Iterable[Path], bank: Bank, jobs: int | None = None) -> ScoreRun:
    """Read every answer file under ``paths`` and score each partnership and round.

    Bad files do not stop the others; they come back in ``errors``. Only when no file at all
    could be read is that an error by itself.
    """
    from samenwerk_cli.scoring import batch, trend

    read = batch.load(paths, bank, jobs)
    if not read.files:
        raise SamenwerkError(read.errors)
    found, team_warnings = trend.find(read.files, bank)
    return ScoreRun(found, read.errors, read.warnings + team_warnings)


def score_answers(files: Sequence[AnswerFile], bank: Bank) -> list[GroupResult]:
    """Score answers held in memory (one group per partnership and round)."""
    from samenwerk_cli.scoring import groups

    return groups.score_files(list(files), bank)
