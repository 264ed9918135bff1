"""End to end in a real pty: signals from another process end a session like a typed Ctrl-C.

``kill -INT`` at a select prompt was ignored (prompt_toolkit turns SIGINT into a key the select did
not bind); SIGTERM and SIGHUP killed the session without the resume command and left its lock.
Each signal, at a select and at a text prompt, several times: saved, the right exit code (128 + the
signal's number), the resume command, and no lock left behind.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest

from samenwerk_cli.formats import answers
from samenwerk_cli.formats import bank as bank_mod
from tests.test_reflect_pty import ENTER, FLAGS, spawn, step
from tests.testbank import write_bank

pexpect = pytest.importorskip("pexpect")

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="pexpect needs a POSIX pty"),
    pytest.mark.timeout(60),
]

CODES = {"SIGINT": 130, "SIGHUP": 129, "SIGTERM": 143}


@pytest.mark.parametrize("attempt", range(3))
@pytest.mark.parametrize("prompt", ["select", "text"])
@pytest.mark.parametrize("name", sorted(CODES))
def test_a_signal_at_a_prompt_saves_and_shows_the_resume_command(
    tmp_path: Path, name: str, prompt: str, attempt: int
) -> None:
    bank_dir = write_bank(tmp_path / "vragen")
    out = tmp_path / "bo.yaml"
    child = spawn(["reflect", "--questions", str(bank_dir), "-o", str(out), *FLAGS], tmp_path)
    step(child, "In welke fase", keys="1" + ENTER)
    if prompt == "select":
        step(child, "Ambitie 1/5", keys="5" + ENTER)
        # the whole select is drawn (its last choice): the application runs and waits
        child.expect_exact("Ambitie 2/5")
        child.expect_exact("vorige vraag")
        answered = {"ambitie.belofte": 5}
    else:
        step(child, "Ambitie 1/5", keys="1" + ENTER)  # a low score: a comment is asked
        child.expect_exact("Wil je dit toelichten?")
        answered = {"ambitie.belofte": 1}
    os.kill(child.pid, getattr(signal, name))

    child.expect_exact("Gestopt. Je antwoorden tot nu toe zijn bewaard in")
    child.expect(r"\r\n  (samenwerk reflect --resume [^\r\n]+)\r\n")
    assert child.match.group(1) == f"samenwerk reflect --resume {out} --questions {bank_dir}"
    child.expect(pexpect.EOF)
    child.close()
    assert (child.exitstatus, child.signalstatus) == (CODES[name], None)

    saved = answers.read(out, bank_mod.load(bank_dir)).data
    assert saved.antwoorden == answered and saved.fase == "verkennen" and not saved.compleet
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bo.yaml", "vragen"]  # no lock left


def test_sigterm_at_a_group_line_saves_the_folder(tmp_path: Path) -> None:
    bank_dir = write_bank(tmp_path / "vragen")
    child = spawn(
        ["reflect", "--group", "Anna, Bram", "-p", "Noord", "--round", "", "-o", "team",
         "--quick", "--questions", str(bank_dir)],
        tmp_path,
    )  # fmt: skip
    step(child, "In welke fase", "Antwoorden van Anna en Bram", keys="1 2" + ENTER)
    child.expect_exact("Ambitie 1/1")
    child.expect_exact("Antwoorden van Anna en Bram")
    os.kill(child.pid, signal.SIGTERM)
    child.expect_exact("Gestopt. De antwoorden tot nu toe zijn bewaard in")
    child.expect_exact("team")
    child.expect_exact(f"samenwerk reflect --resume team --questions {bank_dir} --quick")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 143
    team = tmp_path / "team"
    assert sorted(p.name for p in team.iterdir()) == ["01-anna.yaml", "02-bram.yaml"]
    bram = answers.read(team / "02-bram.yaml", bank_mod.load(bank_dir)).data
    assert bram.fase == "delen"


@pytest.mark.parametrize("attempt", range(3))
def test_the_terminal_closing_at_a_prompt_saves_and_exits_129(tmp_path: Path, attempt: int) -> None:
    """A real hang-up: the pty goes away, so the prompt's reads and writes fail as SIGHUP comes."""
    bank_dir = write_bank(tmp_path / "vragen")
    out = tmp_path / "bo.yaml"
    child = spawn(["reflect", "--questions", str(bank_dir), "-o", str(out), *FLAGS], tmp_path)
    step(child, "In welke fase", keys="1" + ENTER)
    step(child, "Ambitie 1/5", keys="5" + ENTER)
    child.expect_exact("Ambitie 2/5")
    child.expect_exact("vorige vraag")
    child.ptyproc.fileobj.close()  # the terminal window is closed (through the fd's owner)
    _, status = os.waitpid(child.pid, 0)
    child.ptyproc.closed = child.closed = True  # reaped here: pexpect must not close or kill it
    assert os.waitstatus_to_exitcode(status) == 129
    saved = answers.read(out, bank_mod.load(bank_dir)).data
    assert saved.antwoorden == {"ambitie.belofte": 5} and not saved.compleet
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bo.yaml", "vragen"]  # no lock left
