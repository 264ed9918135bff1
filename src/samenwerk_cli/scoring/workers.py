"""Worker processes for a large batch: one pool reads the files, then scores the partnerships.

Reading and scoring are both CPU-bound, so both run in the workers; the main process partitions,
writes the output and keeps the order. Each worker gets the bank the main process uses (with
``--min-per-organisatie`` applied), not the path it came from. A partnership travels packed
(:mod:`~samenwerk_cli.scoring.packed`) and comes back scored; at most a few tasks are in flight,
so memory stays flat however many partnerships there are.
"""

from __future__ import annotations

import gc
import pickle
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, TypeVar

from samenwerk_cli.errors import SamenwerkError
from samenwerk_cli.formats.answers import AnswerFile
from samenwerk_cli.formats.bank import Bank
from samenwerk_cli.scoring.packed import Packed

if TYPE_CHECKING:
    from samenwerk_cli.scoring.trend import Partnership

TASK_FILES = 16  # a task takes whole partnerships until it holds this many files
AHEAD = 2  # tasks in flight per worker: enough to keep each busy, few enough to hold little

BROKEN = (
    "een hulpproces van samenwerk stopte onverwacht (te weinig geheugen, of van buitenaf "
    "gestopt); probeer het opnieuw, of met --jobs 1"
)

A = TypeVar("A")
B = TypeVar("B")
Part = list[Packed | AnswerFile]  # one partnership's files, as trend.partition gives them

_worker: dict[str, Bank] = {}


def _init(bank: Bank) -> None:
    """Each worker keeps the bank; Ctrl-C is for the main process, which stops the pool."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker["bank"] = bank


def bank() -> Bank:
    """The bank, in a worker process."""
    return _worker["bank"]


def _score(parts: list[Part]) -> bytes:
    """Score whole partnerships; they go back pickled (see :func:`decode`)."""
    from samenwerk_cli.scoring import trend
    from samenwerk_cli.scoring.packed import unpack

    bank = _worker["bank"]
    found = [
        p for files in parts for p in trend.partnerships([unpack(f, bank) for f in files], bank)
    ]
    return pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL)


def decode(data: bytes) -> list[Partnership]:
    """The partnerships a worker scored, exactly as they were there.

    Pickle rather than MessagePack: pickle gives back every value in its own type (MessagePack
    would turn an int in a float field into a float), and it held the main process's peak memory
    where it was (MessagePack, with bytes twice the size: +1.5 MiB at 10,000 files). MessagePack
    writes faster in the worker (0.15 against 0.5 ms for a partnership of 10 files); reading here
    costs about the same (0.45 ms). No collection while the objects are made: none of them can be
    garbage yet, and the collector would walk them again and again (a fifth of the time).
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(data)  # our own worker's bytes
    finally:
        if collecting:
            gc.enable()


class Pool:
    """``jobs`` worker processes for one batch; :meth:`close` stops them (a ``with`` does too)."""

    def __init__(self, jobs: int, bank: Bank) -> None:
        self.jobs = jobs
        self._executor = ProcessPoolExecutor(jobs, initializer=_init, initargs=(bank,))

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers: what is waiting is cancelled, what runs is finished."""
        self._executor.shutdown(wait=True, cancel_futures=True)

    def map(self, work: Callable[[A], B], tasks: Iterable[A]) -> Iterator[B]:
        """``work`` (a module-level function) on every task in the workers; results in order."""
        try:
            yield from self._executor.map(work, tasks)
        except BrokenProcessPool:
            raise SamenwerkError(BROKEN) from None

    def score(self, parts: list[Part]) -> Iterator[Partnership]:
        """The partnerships of ``parts`` scored, in the order of ``parts`` (which is emptied),
        with the pool closed when they are done or the stream is closed.

        The first tasks are sent at once: this returns a started generator, so that closing it,
        or dropping it, always stops the pool.
        """
        stream = self._stream(parts)
        next(stream)
        return stream

    def _stream(self, parts: list[Part]) -> Iterator[Partnership]:
        pending: deque[Future[bytes]] = deque()
        parts.reverse()  # popped from the end: each partnership's files go once they are sent

        def send() -> None:
            while parts and len(pending) < AHEAD * self.jobs:
                task: list[Part] = []
                size = 0
                while parts and size < TASK_FILES:
                    task.append(parts.pop())
                    size += len(task[-1])
                pending.append(self._executor.submit(_score, task))

        try:
            send()
            yield None  # type: ignore[misc] - started: see score()
            while pending:
                done = pending.popleft()
                send()
                yield from decode(done.result())
        except BrokenProcessPool:
            raise SamenwerkError(BROKEN) from None
        finally:
            self.close()
