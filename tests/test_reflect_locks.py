"""``samenwerk reflect`` and the session lock, in-process (CliRunner with an injected Env).

A second session on the same answers is refused with a Dutch message and exit 2 before it reads or
writes; the lock is gone after every end: done, Ctrl-C, a signal, a failed save, bad input.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from samenwerk_cli.cli.app import app
from samenwerk_cli.formats import answers
from samenwerk_cli.formats import bank as bank_mod
from samenwerk_cli.session.dialog import Nav
from samenwerk_cli.session.lock import Holder, lock_path, parse, render
from samenwerk_cli.terminal.env import Env
from samenwerk_cli.terminal.signals import Stopped
from tests.testbank import Script, reflect_in_process, write_bank

ENV = {"NO_COLOR": "1", "COLUMNS": "200", "SAMENWERK_VRAGEN": None}
TODAY = dt.date(2026, 11, 28)
META = [
    ("partnerschap", "Noord"),
    ("organisatie", "Hogeschool Noord"),
    ("respondent", "Anna"),
    ("rol", ""),
    ("ronde", ""),
    ("fase", "delen"),
]
GROUP = ["--group", "Anna:Hogeschool Noord, Bram:De Linde", "-p", "Noord", "--round", ""]


@pytest.fixture
def bank_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return write_bank(tmp_path / "vragen")


def invoke(args: list[str], steps: list[tuple[str, object]]) -> tuple[Result, Script]:
    return reflect_in_process(args, steps, variables=ENV, today=TODAY)


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def started(bank_dir: Path, tmp_path: Path) -> Path:
    """An unfinished answer file with one answer, as a stopped session leaves it."""
    result, _ = invoke(
        ["--questions", str(bank_dir), "--quick", "-o", "anna.yaml"],
        [*META, ("item:ambitie.belofte", 4), ("item:relatie.vertrouwen", KeyboardInterrupt())],
    )
    assert result.exit_code == 130, result.output
    return tmp_path / "anna.yaml"


RESUME_STEPS = [("item:relatie.vertrouwen", 4), ("review", Nav.FINISH)]


def test_a_running_session_on_the_file_refuses_a_second_one(bank_dir: Path, tmp_path: Path) -> None:
    path = started(bank_dir, tmp_path)
    before = path.read_bytes()
    lock = lock_path(path)
    lock.write_text(render(Holder(os.getpid(), socket.gethostname(), "2026-11-28 10:00:00")))
    result, script = invoke(
        ["--questions", str(bank_dir), "--quick", "--resume", "anna.yaml"], RESUME_STEPS
    )
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"fout: anna.yaml: wordt al gebruikt door een andere samenwerk-sessie (proces {os.getpid()} "
        "op deze computer, sinds 2026-11-28 10:00:00)"
    )
    assert "Loopt die sessie niet meer? Verwijder dan het slot: rm .anna.yaml.lock" in result.stderr
    assert script.asked == [] and path.read_bytes() == before and lock.exists()


def test_a_new_file_locked_by_a_session_that_has_not_saved_yet(bank_dir: Path) -> None:
    lock = lock_path(Path("anna.yaml"))
    lock.write_text(render(Holder(os.getpid(), socket.gethostname())))
    result, script = invoke(["--questions", str(bank_dir), "-o", "anna.yaml"], META)
    assert result.exit_code == 2
    assert "wordt al gebruikt door een andere samenwerk-sessie" in result.stderr
    assert script.asked == [] and not Path("anna.yaml").exists()


def test_a_lock_from_another_computer_is_named_and_respected(
    bank_dir: Path, tmp_path: Path
) -> None:
    path = started(bank_dir, tmp_path)
    lock_path(path).write_text(render(Holder(311, "pc-van-bram", "2026-11-28 09:00:00")))
    result, _ = invoke(
        ["--questions", str(bank_dir), "--quick", "--resume", "anna.yaml"], RESUME_STEPS
    )
    assert result.exit_code == 2
    assert (
        "wordt al gebruikt door een samenwerk-sessie op computer 'pc-van-bram' "
        "(proces 311, sinds 2026-11-28 09:00:00)" in result.stderr
    )
    assert "rm .anna.yaml.lock" in result.stderr


def test_a_stale_lock_is_taken_over_and_the_session_goes_on(bank_dir: Path, tmp_path: Path) -> None:
    path = started(bank_dir, tmp_path)
    gone = dead_pid()
    lock_path(path).write_text(render(Holder(gone, socket.gethostname())))
    result, script = invoke(
        ["--questions", str(bank_dir), "--quick", "--resume", "anna.yaml"], RESUME_STEPS
    )
    assert result.exit_code == 0, result.output
    assert not script.steps
    assert f"let op: anna.yaml: een eerdere sessie (proces {gone})" in result.stderr
    assert "overgenomen" in result.stderr
    data = answers.read(path, bank_mod.load(bank_dir)).data
    assert data.compleet and data.antwoorden == {"ambitie.belofte": 4, "relatie.vertrouwen": 4}
    assert hidden(tmp_path) == []


class Peek(Script):
    """A script that records, at every question, who holds the lock of ``path``."""

    def __init__(self, steps: list[tuple[str, object]], path: Path) -> None:
        super().__init__(steps)
        self.path = path
        self.holders: list[int | None] = []

    def __call__(self, question: object) -> object:
        lock = lock_path(self.path)
        self.holders.append(parse(lock.read_text()).pid if lock.exists() else None)
        return super().__call__(question)  # type: ignore[arg-type]


def test_the_lock_is_held_from_the_first_question_and_gone_at_the_end(
    bank_dir: Path, tmp_path: Path
) -> None:
    steps = [
        *META,
        ("item:ambitie.belofte", 4),
        ("item:relatie.vertrouwen", 4),
        ("review", Nav.FINISH),
    ]
    script = Peek(steps, tmp_path / "anna.yaml")
    env = Env(stdin_isatty=True, today=TODAY, ask=script)
    args = ["reflect", "--questions", str(bank_dir), "--quick", "-o", "anna.yaml"]
    result = CliRunner(env=ENV).invoke(app, args, obj=env)
    assert result.exit_code == 0, result.output
    assert script.holders == [os.getpid()] * 9
    assert hidden(tmp_path) == []


@pytest.mark.parametrize(
    ("stop", "code"),
    [
        (KeyboardInterrupt(), 130),
        (EOFError(), 130),
        (Stopped(signal.SIGTERM), 143),
        (Stopped(signal.SIGHUP), 129),
    ],
)
def test_interrupted_ends_remove_the_lock(
    bank_dir: Path, tmp_path: Path, stop: BaseException, code: int
) -> None:
    script = Peek([*META, ("item:ambitie.belofte", 4), ("item:relatie.vertrouwen", stop)],
                  tmp_path / "anna.yaml")  # fmt: skip
    env = Env(stdin_isatty=True, today=TODAY, ask=script)
    args = ["reflect", "--questions", str(bank_dir), "--quick", "-o", "anna.yaml"]
    result = CliRunner(env=ENV).invoke(app, args, obj=env)
    assert result.exit_code == code, result.output
    assert script.holders == [os.getpid()] * len(script.holders)  # held from the first question
    assert "Gestopt. Je antwoorden tot nu toe zijn bewaard in anna.yaml." in result.stderr
    assert f"samenwerk reflect --resume anna.yaml --questions {bank_dir} --quick" in result.stderr
    assert hidden(tmp_path) == []


def test_a_failed_save_and_bad_input_remove_the_lock(
    bank_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = started(bank_dir, tmp_path)

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(answers, "save", full)
    result, _ = invoke(
        ["--questions", str(bank_dir), "--quick", "--resume", "anna.yaml"], RESUME_STEPS
    )
    assert result.exit_code == 2 and "de schijf is vol" in result.stderr
    assert hidden(tmp_path) == []

    path.write_text("formaat: [kapot\n")
    result, _ = invoke(["--questions", str(bank_dir), "--resume", "anna.yaml"], [])
    assert result.exit_code == 2 and result.stderr.startswith("fout: anna.yaml")
    assert hidden(tmp_path) == []


def test_default_names_of_sessions_started_together_differ(bank_dir: Path, tmp_path: Path) -> None:
    # Another session has locked the default name but not yet written it.
    taken = tmp_path / "noord-anna-2026-11-28.yaml"
    lock_path(taken).write_text(render(Holder(os.getpid(), socket.gethostname())))
    result, _ = invoke(
        ["--questions", str(bank_dir), "--quick"],
        [*META, ("item:ambitie.belofte", 4), ("item:relatie.vertrouwen", KeyboardInterrupt())],
    )
    assert result.exit_code == 130
    assert not taken.exists()
    assert answers.read(tmp_path / "noord-anna-2026-11-28-2.yaml", bank_mod.load(bank_dir))
    assert hidden(tmp_path) == [".noord-anna-2026-11-28.yaml.lock"]  # the other one's


GROUP_STEPS = [("fase", "2 2"), ("item:ambitie.belofte", "4 5"), ("samenvatting:ambitie.belofte", ""),
               ("item:relatie.vertrouwen", "3 3"), ("samenvatting:relatie.vertrouwen", "")]  # fmt: skip


def test_a_group_folder_in_use_is_refused(bank_dir: Path, tmp_path: Path) -> None:
    team = tmp_path / "team"
    team.mkdir()
    (team / ".samenwerk.lock").write_text(render(Holder(os.getpid(), socket.gethostname())))
    result, script = invoke(["--questions", str(bank_dir), "--quick", *GROUP, "-o", "team"],
                            GROUP_STEPS)  # fmt: skip
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "fout: team: wordt al gebruikt door een andere samenwerk-sessie"
    )
    assert script.asked == [] and hidden(team) == [".samenwerk.lock"]
    result, _ = invoke(["--questions", str(bank_dir), "--resume", "team"], [])
    assert result.exit_code == 2 and "wordt al gebruikt" in result.stderr


def test_a_group_session_locks_its_folder_and_cleans_up(bank_dir: Path, tmp_path: Path) -> None:
    team = tmp_path / "team"
    script = Peek([*GROUP_STEPS, ("review", Nav.FINISH)], team)
    env = Env(stdin_isatty=True, today=TODAY, ask=script)
    args = ["reflect", "--questions", str(bank_dir), "--quick", *GROUP, "-o", "team"]
    result = CliRunner(env=ENV).invoke(app, args, obj=env)
    assert result.exit_code == 0, result.output
    assert script.holders == [os.getpid()] * len(script.holders)
    assert sorted(p.name for p in team.iterdir()) == ["01-anna.yaml", "02-bram.yaml"]


def test_a_group_stopped_before_its_first_save_leaves_no_folder(
    bank_dir: Path, tmp_path: Path
) -> None:
    group = ["--group", "Anna, Bram", "-o", "team"]  # the partnership is asked before any save
    result, _ = invoke(["--questions", str(bank_dir), *group], [("partnerschap", Stopped(15))])
    assert result.exit_code == 143
    assert "Er was nog niets om te bewaren" in result.stderr
    assert not (tmp_path / "team").exists()


def test_a_group_stopped_by_a_signal_keeps_its_answers(bank_dir: Path, tmp_path: Path) -> None:
    result, _ = invoke(["--questions", str(bank_dir), "--quick", *GROUP, "-o", "team"],
                       [*GROUP_STEPS[:3], ("item:relatie.vertrouwen", Stopped(signal.SIGHUP))])  # fmt: skip
    assert result.exit_code == 129
    assert f"samenwerk reflect --resume team --questions {bank_dir} --quick" in result.stderr
    team = tmp_path / "team"
    assert sorted(p.name for p in team.iterdir()) == ["01-anna.yaml", "02-bram.yaml"]
    bram = answers.read(team / "02-bram.yaml", bank_mod.load(bank_dir)).data
    assert bram.antwoorden == {"ambitie.belofte": 5}


class Meddle(Script):
    """A script during which someone else writes ``path`` just before question ``key``."""

    def __init__(self, steps: list[tuple[str, object]], key: str, path: Path, text: str) -> None:
        super().__init__(steps)
        self.key, self.path, self.text = key, path, text

    def __call__(self, question: object) -> object:
        if question.key == self.key:  # type: ignore[attr-defined]
            self.path.write_text(self.text, encoding="utf-8")
        return super().__call__(question)  # type: ignore[arg-type]


EDITED = "# door iemand anders bewaard\n"


def test_a_file_changed_during_the_session_is_not_overwritten(
    bank_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "anna.yaml"
    steps = [*META, ("item:ambitie.belofte", 4), ("item:relatie.vertrouwen", 5)]
    script = Meddle(steps, "item:relatie.vertrouwen", path, EDITED)
    env = Env(stdin_isatty=True, today=TODAY, ask=script)
    args = ["reflect", "--questions", str(bank_dir), "--quick", "-o", "anna.yaml"]
    result = CliRunner(env=ENV).invoke(app, args, obj=env)
    assert result.exit_code == 2, result.output
    assert path.read_text() == EDITED  # theirs, untouched
    aside = tmp_path / "anna-deze-sessie.yaml"
    mine = answers.read(aside, bank_mod.load(bank_dir)).data
    assert mine.antwoorden == {"ambitie.belofte": 4, "relatie.vertrouwen": 5}
    message = " ".join(result.stderr.split())
    assert message.startswith("fout: anna.yaml: is veranderd sinds deze sessie het opende")
    assert "bewaard in anna-deze-sessie.yaml" in message
    assert (
        f"samenwerk reflect --resume anna-deze-sessie.yaml --questions {bank_dir} --quick"
        in message
    )
    assert hidden(tmp_path) == []


def test_a_group_file_changed_during_the_session_is_not_overwritten(
    bank_dir: Path, tmp_path: Path
) -> None:
    team = tmp_path / "team"
    script = Meddle(GROUP_STEPS, "item:relatie.vertrouwen", team / "02-bram.yaml", EDITED)
    env = Env(stdin_isatty=True, today=TODAY, ask=script)
    args = ["reflect", "--questions", str(bank_dir), "--quick", *GROUP, "-o", "team"]
    result = CliRunner(env=ENV).invoke(app, args, obj=env)
    assert result.exit_code == 2, result.output
    assert (team / "02-bram.yaml").read_text() == EDITED
    aside = tmp_path / "team-deze-sessie"
    assert sorted(p.name for p in aside.iterdir()) == ["01-anna.yaml", "02-bram.yaml"]
    bank = bank_mod.load(bank_dir)
    bram = answers.read(aside / "02-bram.yaml", bank).data
    assert bram.antwoorden == {"ambitie.belofte": 5, "relatie.vertrouwen": 3}
    message = " ".join(result.stderr.split())
    assert "fout: team/02-bram.yaml: is veranderd" in message
    assert f"samenwerk reflect --resume team-deze-sessie --questions {bank_dir} --quick" in message
    assert hidden(team) == []


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root writes anywhere")
def test_resume_in_a_read_only_folder_names_the_file(bank_dir: Path, tmp_path: Path) -> None:
    path = started(bank_dir, tmp_path)
    tmp_path.chmod(0o555)
    try:
        result, _ = invoke(["--questions", str(bank_dir), "--quick", "--resume", "anna.yaml"], [])
    finally:
        tmp_path.chmod(0o755)
    assert result.exit_code == 2
    assert "fout: anna.yaml: geen toestemming" in result.stderr
    assert path.exists()


def test_resume_of_a_file_that_is_not_there(bank_dir: Path, tmp_path: Path) -> None:
    result, _ = invoke(["--questions", str(bank_dir), "--resume", "weg.yaml"], [])
    assert (result.exit_code, result.stderr) == (2, "fout: weg.yaml: bestand niet gevonden\n")
    result, _ = invoke(["--questions", str(bank_dir), "--resume", "map/weg.yaml"], [])
    assert (result.exit_code, result.stderr) == (2, "fout: map/weg.yaml: bestand niet gevonden\n")
    assert hidden(tmp_path) == []
