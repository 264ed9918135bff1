"""The worker pool of a large batch: order, files outside the packed form, work in flight, and how
it ends (a bug, a killed worker, a stream closed early, Ctrl-C)."""

from __future__ import annotations

import multiprocessing
import os
import random
import shutil
from pathlib import Path

import msgspec
import pytest
from typer.testing import CliRunner

from samenwerk_cli.cli import score as score_cmd
from samenwerk_cli.cli.app import app
from samenwerk_cli.errors import SamenwerkError
from samenwerk_cli.formats import bank as bank_mod
from samenwerk_cli.formats.answers import AnswerFile
from samenwerk_cli.formats.bank import Bank
from samenwerk_cli.scoring import batch, score_paths, trend, workers
from samenwerk_cli.scoring.packed import pack

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
BANK = bank_mod.load(None)


@pytest.fixture
def files() -> list[AnswerFile]:
    """The examples read plain, copied under other partnership names: 9 partnerships."""
    paths, _ = batch.discover([EXAMPLES])
    read = [f for f in (batch._read_one(p, BANK) for p in paths) if not isinstance(f, list)]
    return [
        AnswerFile(
            f"{n}-{f.path}",
            msgspec.structs.replace(f.data, partnerschap=f"{f.data.partnerschap} {n}"),
            list(f.warnings),
        )
        for n in range(9)
        for f in read
    ]


def test_packed_and_plain_files_are_scored_in_order(
    files: list[AnswerFile], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file the packed form cannot hold travels as it is (pack leaves it an AnswerFile); the
    partnerships come back in the order of their first file, as the plain path gives them."""
    monkeypatch.setattr(workers, "TASK_FILES", 1)  # one partnership per task
    mixed = [f if n % 3 == 0 else pack(f, BANK) for n, f in enumerate(files)]
    assert sum(isinstance(f, AnswerFile) for f in mixed) == len(files) // 3
    parts = list(trend.partition(mixed))
    assert len(parts) == 9
    with workers.Pool(2, BANK) as pool:
        found = pool.score(parts)
        assert len(parts) == 9 - workers.AHEAD * 2  # no more sent than the window holds
        assert list(found) == trend.partnerships(files, BANK)
    assert not multiprocessing.active_children()  # the stream's end stopped the workers


def test_closing_the_run_early_stops_the_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(3):
        shutil.copytree(EXAMPLES, tmp_path / str(n))
    monkeypatch.setattr(batch, "PARALLEL_FROM", 2)
    with score_paths([tmp_path], BANK, jobs=2) as run:
        assert multiprocessing.active_children()
        next(run.stream())
    assert not multiprocessing.active_children()
    with pytest.raises(KeyboardInterrupt), score_paths([tmp_path], BANK, jobs=2) as run:
        for _ in run.stream():
            raise KeyboardInterrupt  # Ctrl-C while the partnerships stream
    assert not multiprocessing.active_children()


def test_a_killed_worker_is_one_dutch_line(files: list[AnswerFile]) -> None:
    parts = list(trend.partition([pack(f, BANK) for f in files]))
    with workers.Pool(2, BANK) as pool:
        stream = pool.score(parts)
        for process in multiprocessing.active_children():
            process.kill()
        with pytest.raises(SamenwerkError) as info:
            list(stream)
    assert [p.message for p in info.value.problems] == [workers.BROKEN]
    assert "--jobs 1" in workers.BROKEN
    with workers.Pool(2, BANK) as pool, pytest.raises(SamenwerkError):
        list(pool.map(os._exit, [1]))  # killed while reading


def broken_bank(bank: Bank, minimum: int | None) -> Bank:
    """A bank that makes scoring fail on a partnership with two rounds: a stand-in for a bug."""
    drempels = msgspec.structs.replace(bank.model.drempels, trend="een half")
    bank.model.drempels = drempels
    return bank


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_bug_while_scoring_in_a_worker_ends_as_in_one_process(
    runner: CliRunner, tmp_path: Path, jobs: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(3):
        shutil.copytree(EXAMPLES, tmp_path / str(n))
    monkeypatch.setattr(batch, "PARALLEL_FROM", 2)
    monkeypatch.setattr(score_cmd, "with_minimum", broken_bank)
    result = runner.invoke(app, ["score", "--json", "--jobs", jobs, str(tmp_path)])
    assert result.exit_code == 3
    assert "\ninterne fout: TypeError: " in result.stderr
    assert "Traceback" not in result.stderr
    assert not multiprocessing.active_children()


def test_the_workers_take_the_bank_they_are_given() -> None:
    """Not the bank at its path: ``--min-per-organisatie`` changes the bank in memory."""
    bank = bank_mod.load(None)
    bank.model.drempels = msgspec.structs.replace(bank.model.drempels, organisatie_minimum=7)
    with workers.Pool(1, bank) as pool:
        assert list(pool.map(_minimum, [0])) == [7]


def _minimum(_: int) -> int:
    return workers.bank().model.drempels.organisatie_minimum


def test_random_partnerships_come_back_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """Partnerships of very different sizes, so tasks finish out of order."""
    monkeypatch.setattr(workers, "TASK_FILES", 3)
    paths, _ = batch.discover([EXAMPLES])
    read = [f for f in (batch._read_one(p, BANK) for p in paths) if not isinstance(f, list)]
    rng = random.Random(5)
    files = []
    for n in range(40):
        for f in rng.sample(read, rng.randint(1, len(read))):
            data = msgspec.structs.replace(f.data, partnerschap=f"P {n}")
            files.append(AnswerFile(f"{n}-{f.path}", data, []))
    rng.shuffle(files)
    parts = list(trend.partition([pack(f, BANK) for f in files]))
    with workers.Pool(2, BANK) as pool:
        names = [p.naam for p in pool.score(parts)]
    assert names == [p.naam for p in trend.partnerships(files, BANK)]
    assert len(names) == 40
