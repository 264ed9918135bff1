"""End to end in real ptys: two sessions on one answer file or group folder at the same time.

The second session is refused with a Dutch message naming the first one's process (exit 2) and
writes nothing; the first goes on and loses nothing. A session killed outright (SIGKILL, so no
clean-up) leaves a stale lock that the next session takes over with a message.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest

from samenwerk_cli.formats import answers
from samenwerk_cli.formats import bank as bank_mod
from tests.test_reflect_pty import ENTER, FLAGS, finish, spawn, step
from tests.testbank import write_bank

pexpect = pytest.importorskip("pexpect")

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="pexpect needs a POSIX pty"),
    pytest.mark.timeout(90),
]


def refused(child: pexpect.spawn, pid: int) -> str:
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    text = " ".join(child.before.split())  # the message may wrap at the terminal's width
    assert f"wordt al gebruikt door een andere samenwerk-sessie (proces {pid} op deze" in text
    return text


def test_two_sessions_on_one_file(tmp_path: Path) -> None:
    bank_dir = write_bank(tmp_path / "vragen")
    out = tmp_path / "bo.yaml"
    first = spawn(["reflect", "--questions", str(bank_dir), "-o", str(out), *FLAGS], tmp_path)
    step(first, "In welke fase", keys="1" + ENTER)
    step(first, "Ambitie 1/5", keys="5" + ENTER)
    step(first, "Ambitie 2/5", keys="3" + ENTER)
    step(first, "Ambitie 3/5", keys="3" + ENTER)
    first.expect_exact("Ambitie 4/5")  # three answers confirmed and saved

    # a second person resumes the same file, or starts a new session on it
    second = spawn(["reflect", "--questions", str(bank_dir), "--resume", str(out)], tmp_path)
    text = refused(second, first.pid)
    assert "Verwijder dan het slot: rm" in text
    third = spawn(["reflect", "--questions", str(bank_dir), "-o", str(out), *FLAGS], tmp_path)
    refused(third, first.pid)

    first.send("3" + ENTER)  # the middle of a balans: no comment asked
    step(first, "Ambitie 5/5", "Wat willen we bereiken?", keys="Samen opleiden." + ENTER)
    step(first, "Relatie 1/3", keys="4" + ENTER)
    step(first, "Relatie 2/3", keys="2" + ENTER)  # reversed: 2 is not low
    step(first, "Relatie 3/3", keys="4" + ENTER)
    finish(first)
    data = answers.read(out, bank_mod.load(bank_dir)).data
    assert data.compleet and data.toelichting == {"ambitie.open": "Samen opleiden."}
    assert data.antwoorden == {
        "ambitie.belofte": 5,
        "ambitie.commitment": 3,
        "ambitie.doen": 3,
        "ambitie.halen-brengen": 3,
        "relatie.vertrouwen": 4,
        "relatie.omheen": 2,
        "relatie.samen": 4,
    }
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bo.yaml", "vragen"]


def test_two_group_sessions_started_together_on_one_folder(tmp_path: Path) -> None:
    bank_dir = write_bank(tmp_path / "vragen")
    args = ["reflect", "--group", "Anna, Bram", "-p", "Noord", "--round", "", "-o", "team",
            "--quick", "--questions", str(bank_dir)]  # fmt: skip
    one, two = spawn(args, tmp_path), spawn(args, tmp_path)
    index = [c.expect_exact(["In welke fase", "wordt al gebruikt"]) for c in (one, two)]
    assert sorted(index) == [0, 1], "exactly one of the two may go on"
    winner, loser = (one, two) if index[0] == 0 else (two, one)
    loser.expect(pexpect.EOF)
    loser.close()
    assert loser.exitstatus == 2
    assert f"(proces {winner.pid} op deze computer" in " ".join(loser.before.split())

    winner.expect_exact("Antwoorden van Anna en Bram")
    winner.send("1 2" + ENTER)
    step(winner, "Ambitie 1/1", "Antwoorden van Anna en Bram", keys="\x03")
    winner.expect(pexpect.EOF)
    winner.close()
    assert winner.exitstatus == 130
    team = tmp_path / "team"
    assert sorted(p.name for p in team.iterdir()) == ["01-anna.yaml", "02-bram.yaml"]


def test_a_killed_session_leaves_a_lock_the_next_one_takes_over(tmp_path: Path) -> None:
    bank_dir = write_bank(tmp_path / "vragen")
    out = tmp_path / "bo.yaml"
    common = ["--quick", "--questions", str(bank_dir)]
    first = spawn(["reflect", *common, "-o", str(out), *FLAGS], tmp_path)
    step(first, "In welke fase", keys="1" + ENTER)
    step(first, "Ambitie 1/1", keys="4" + ENTER)
    first.expect_exact("Relatie 1/1")
    os.kill(first.pid, signal.SIGKILL)  # no handler runs: the lock stays
    first.expect(pexpect.EOF)
    first.close()
    assert (tmp_path / ".bo.yaml.lock").exists()

    second = spawn(["reflect", *common, "--resume", str(out)], tmp_path)
    second.expect(rf"een\s+eerdere\s+sessie\s+\(proces\s+{first.pid}\)\s+is\s+gestopt")  # wrapped
    second.expect(r"\s+overgenomen")
    step(second, "Relatie 1/1", "We vertrouwen elkaar.", keys="4" + ENTER)
    finish(second)
    data = answers.read(out, bank_mod.load(bank_dir)).data
    assert data.compleet and data.antwoorden == {"ambitie.belofte": 4, "relatie.vertrouwen": 4}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bo.yaml", "vragen"]
