"""The session lock on its own: who holds it, when it is taken over, and that only one wins."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from samenwerk_cli.scoring.batch import discover
from samenwerk_cli.session import storage
from samenwerk_cli.session.lock import (
    FOREIGN,
    LIVE,
    STALE,
    UNREADABLE,
    Holder,
    Lock,
    Locked,
    judge,
    lock_path,
    parse,
    pid_alive,
    render,
)

NOW = dt.datetime(2026, 11, 29, 15, 45, 0)


def dead_pid() -> int:
    """The pid of a process that has ended (and been reaped) on this computer."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def place(target: Path, holder: Holder) -> Path:
    path = lock_path(target)
    path.write_text(render(holder), encoding="utf-8")
    return path


def test_lock_names_are_hidden_and_never_scored(tmp_path: Path) -> None:
    answer = tmp_path / "anna.yaml"
    assert lock_path(answer) == tmp_path / ".anna.yaml.lock"
    team = tmp_path / "team"
    team.mkdir()
    assert lock_path(team) == team / ".samenwerk.lock"
    (team / "01-anna.yaml").write_text("x: 1\n")
    with Lock(team), Lock(team / "01-anna.yaml"):
        assert (team / ".samenwerk.lock").is_file() and (team / ".01-anna.yaml.lock").is_file()
        assert discover([team]) == ([team / "01-anna.yaml"], [])
        assert storage.answer_files(team) == [team / "01-anna.yaml"]
    assert sorted(p.name for p in team.iterdir()) == ["01-anna.yaml"]


def test_render_and_parse() -> None:
    holder = Holder(4242, "laptop-anna", "2026-11-29 15:45:00")
    assert parse(render(holder)) == holder
    assert parse("") is None
    assert parse("pid: twaalf\nhost: x\n") is None
    assert parse("pid: ²\nhost: x\n") is None  # isdigit() accepts it, int() does not
    assert parse("pid: 12\n") is None


@given(st.text())
def test_parse_never_fails(text: str) -> None:
    holder = parse(text)
    assert holder is None or (holder.pid >= 0 and holder.host)


def test_judge() -> None:
    mine = Holder(10, "hier")
    assert judge(None, "hier", lambda pid: True) == UNREADABLE
    assert judge(Holder(10, "daar"), "hier", lambda pid: False) == FOREIGN  # never guessed
    assert judge(mine, "hier", lambda pid: True) == LIVE
    assert judge(mine, "hier", lambda pid: False) == STALE


def test_pid_alive() -> None:
    assert pid_alive(os.getpid())
    assert not pid_alive(dead_pid())


def test_free_lock_is_taken_and_released(tmp_path: Path) -> None:
    target = tmp_path / "anna.yaml"
    lock = Lock(target, pid=77, host="hier", now=NOW)
    assert lock.acquire() == []
    assert parse(lock.path.read_text()) == Holder(77, "hier", "2026-11-29 15:45:00")
    lock.release()
    assert not lock.path.exists()
    assert [p.name for p in tmp_path.iterdir()] == []  # no temporary file left either


def test_live_lock_on_this_computer_is_respected(tmp_path: Path) -> None:
    target = tmp_path / "anna.yaml"
    path = place(target, Holder(os.getpid(), "hier", "2026-11-29 15:00:00"))
    with pytest.raises(Locked) as caught:
        Lock(target, pid=77, host="hier").acquire()
    [problem] = caught.value.problems
    assert problem.file == str(target)
    assert f"proces {os.getpid()} op deze computer, sinds 2026-11-29 15:00:00" in problem.message
    assert f"rm {path}" in problem.message
    assert parse(path.read_text()).pid == os.getpid()  # untouched


def test_stale_lock_of_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    target = tmp_path / "anna.yaml"
    gone = dead_pid()
    path = place(target, Holder(gone, "hier"))
    lock = Lock(target, pid=77, host="hier")
    [notice] = lock.acquire()
    assert f"proces {gone}" in notice.message and "overgenomen" in notice.message
    assert parse(path.read_text()).pid == 77
    lock.release()
    assert list(tmp_path.iterdir()) == []


def test_lock_from_another_computer_is_respected(tmp_path: Path) -> None:
    target = tmp_path / "team"
    target.mkdir()
    path = place(target, Holder(dead_pid(), "pc-van-bram"))  # dead here says nothing there
    with pytest.raises(Locked) as caught:
        Lock(target, host="hier").acquire()
    message = caught.value.problems[0].message
    assert "computer 'pc-van-bram'" in message and "proces " in message
    assert f"rm {path}" in message
    assert parse(path.read_text()).host == "pc-van-bram"


def test_unreadable_lock_is_respected(tmp_path: Path) -> None:
    target = tmp_path / "anna.yaml"
    lock_path(target).write_text("rommel\n")
    with pytest.raises(Locked, match="niet te lezen"):
        Lock(target, host="hier").acquire()


def test_release_leaves_a_lock_that_is_no_longer_ours(tmp_path: Path) -> None:
    target = tmp_path / "anna.yaml"
    lock = Lock(target, pid=77, host="hier")
    lock.acquire()
    other = render(Holder(88, "hier"))
    lock.path.write_text(other)  # removed by hand and taken by another session
    lock.release()
    assert lock.path.read_text() == other


@pytest.fixture
def eager_threads() -> Iterator[None]:
    """Switch threads as often as possible, so the races below interleave every which way."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(before)


def race(target: Path, count: int, alive: object) -> list[int]:
    """``count`` sessions (threads with their own pids) take the lock at once: who got it?"""
    barrier = threading.Barrier(count)
    winners: list[int] = []

    def session(pid: int) -> None:
        lock = Lock(target, pid=pid, host="hier", alive=alive)  # type: ignore[arg-type]
        barrier.wait()
        try:
            lock.acquire()
        except Locked:
            return
        winners.append(pid)

    threads = [threading.Thread(target=session, args=(1000 + i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return winners


@pytest.mark.usefixtures("eager_threads")
@pytest.mark.parametrize("attempt", range(10))
def test_only_one_of_many_simultaneous_sessions_gets_the_lock(tmp_path: Path, attempt: int) -> None:
    winners = race(tmp_path / "anna.yaml", 16, lambda pid: True)
    assert len(winners) == 1
    assert parse(lock_path(tmp_path / "anna.yaml").read_text()).pid == winners[0]


@pytest.mark.usefixtures("eager_threads")
@pytest.mark.parametrize("attempt", range(40))
def test_only_one_takes_over_a_stale_lock(tmp_path: Path, attempt: int) -> None:
    # (moving the stale lock aside to inspect it failed here about once in 50)
    target = tmp_path / "anna.yaml"
    place(target, Holder(4, "hier"))
    winners = race(target, 16, lambda pid: pid != 4)  # pid 4 is gone, the racing ones run
    assert len(winners) == 1
    assert parse(lock_path(target).read_text()).pid == winners[0]
    assert [p.name for p in tmp_path.iterdir()] == [".anna.yaml.lock"]
