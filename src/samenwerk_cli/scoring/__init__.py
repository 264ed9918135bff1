"""Scoring: answer files in, scored partnerships out; pure, no printing.

The two entry points every caller uses: :func:`score_paths` for files on disk (``score``,
``export``) and :func:`score_answers` for answers in memory (the end of ``reflect``). The modules
behind them load on first call, so importing a result type stays cheap.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from samenwerk_cli.errors import INTERNAL, ExitCode, Problem, SamenwerkError

if TYPE_CHECKING:
    from samenwerk_cli.formats.answers import AnswerFile
    from samenwerk_cli.formats.bank import Bank
    from samenwerk_cli.scoring.results import GroupResult
    from samenwerk_cli.scoring.trend import Partnership


class ScoreRun:
    """What scoring a set of files gives: the partnerships, and what was wrong on the way.

    ``partnerships`` may be given as an iterator that scores each partnership when it is asked
    for: :meth:`stream` then hands them out one at a time without keeping them (a batch of
    thousands writes each and lets it go), and :attr:`partnerships` scores and keeps them all.
    Such an iterator may hold worker processes: :meth:`close` (or leaving a ``with``) stops them
    when the partnerships are not all asked for.
    """

    def __init__(
        self,
        partnerships: Iterable[Partnership],
        errors: list[Problem] | None = None,  # files that could not be read
        warnings: list[Problem] | None = None,  # read, but with something to mention
    ) -> None:
        self._source: Iterator[Partnership] | None = None
        self._kept: list[Partnership] | None = None
        self._close = getattr(partnerships, "close", None)  # a generator's, ending its workers
        if isinstance(partnerships, list):
            self._kept = partnerships
        else:
            self._source = iter(partnerships)
        self.errors = errors if errors is not None else []
        self.warnings = warnings if warnings is not None else []

    def __enter__(self) -> ScoreRun:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop scoring what was not asked for yet; any worker processes stop."""
        if self._close is not None:
            self._close()

    @property
    def partnerships(self) -> list[Partnership]:
        if self._kept is None:
            if self._source is None:
                raise RuntimeError("the partnerships were streamed already")
            self._kept, self._source = list(self._source), None
        return self._kept

    def stream(self) -> Iterator[Partnership]:
        """Every partnership once, scored as it is asked for; kept only if they were already."""
        if self._kept is not None:
            yield from self._kept
            return
        source, self._source = self._source, None
        if source is None:
            raise RuntimeError("the partnerships were streamed already")
        yield from source

    def files_code(self, skip_invalid: bool) -> ExitCode:
        """What the files alone decide: 3 when one met a bug in samenwerk (the others are still
        scored), 2 for a bad file unless those are skipped, else 0."""
        if any(p.message.startswith(INTERNAL) for p in self.errors):
            return ExitCode.INTERNAL
        return ExitCode.INVALID if self.errors and not skip_invalid else ExitCode.OK

    @property
    def groups(self) -> list[GroupResult]:
        """Every (partnership, round), in report order."""
        return [group for p in self.partnerships for group in p.rondes]


def score_paths(paths: Iterable[Path], bank: Bank, jobs: int | None = None) -> ScoreRun:
    """Read every answer file under ``paths`` and score each partnership and round.

    Bad files do not stop the others; they come back in ``errors``. Only when no file at all
    could be read is that an error by itself. The partnerships are scored when asked for, one
    at a time (:meth:`ScoreRun.stream`), in the order of their first file; the warnings of
    putting the teams together are known before that. A large batch is read and scored by
    worker processes (:mod:`~samenwerk_cli.scoring.workers`), which stop when the stream ends
    or is closed (:meth:`ScoreRun.close`).
    """
    from samenwerk_cli.scoring import batch, trend

    names, problems = batch.find(paths)
    pool = None
    if size := batch.pool_size(len(names), jobs):
        from samenwerk_cli.scoring.workers import Pool

        pool = Pool(size, bank)
    try:
        read = batch.read_all(names, bank, pool)
        read.errors[:0] = problems
        if not read.packed:
            raise SamenwerkError(read.errors)
        parts = list(trend.partition(read.packed))
        every = list(parts)  # the workers start on the first while the warnings are put together
        found = trend.stream_partnerships(parts, bank) if pool is None else pool.score(parts)
        team_warnings = trend.team_warnings(every, bank)
    except BaseException:
        if pool is not None:
            pool.close()
        raise
    return ScoreRun(found, read.errors, read.warnings + team_warnings)


def score_answers(files: Sequence[AnswerFile], bank: Bank) -> list[GroupResult]:
    """Score answers held in memory (one group per partnership and round)."""
    from samenwerk_cli.scoring import groups

    return groups.score_files(list(files), bank)
