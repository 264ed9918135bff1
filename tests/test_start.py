"""The program's own start and end (cli/start.py, cli/app.py): commands built on demand, and a
quick exit that never loses output, an exit code or an exit handler."""

from __future__ import annotations

import atexit
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from samenwerk_cli.cli import app as app_mod
from samenwerk_cli.cli.start import quick_exit_allowed

ROUND = Path(__file__).parent.parent / "examples" / "opleidingsschool-noord" / "2026-najaar"


def program(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "samenwerk_cli", *args],
        capture_output=True,
        text=True,
        env={"NO_COLOR": "1", "COLUMNS": "100", "PATH": "/usr/bin:/bin"},
        **kwargs,  # type: ignore[call-overload]
    )


def test_a_run_builds_only_its_own_command() -> None:
    """Building a command reads its whole signature; `score` must not pay for the others."""
    probe = (
        "import sys\n"
        "from samenwerk_cli.cli import app as a\n"
        "sys.argv = ['samenwerk', 'score', '--json', sys.argv[1]]\n"
        "try:\n"
        "    a.main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('samenwerk_cli.cli.')), "
        "file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(ROUND)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    loaded = done.stderr.strip().splitlines()[-1]
    assert "samenwerk_cli.cli.score" in loaded
    for other in ("reflect", "export", "import_", "template", "questions"):
        assert f"samenwerk_cli.cli.{other}'" not in loaded, other


def test_every_command_is_listed_and_reachable(runner: CliRunner) -> None:
    page = runner.invoke(app_mod.app, ["--help"]).stdout
    listed = ["reflect", "score", "export", "import", "template", "questions"]
    places = [page.find(f"\n  {name} ") for name in listed]
    assert -1 not in places and places == sorted(places), places
    for name in listed:
        result = runner.invoke(app_mod.app, [name, "--help"], prog_name="samenwerk")
        assert result.exit_code == 0, name
        assert result.stdout.startswith(f"Gebruik: samenwerk {name} "), name


def test_a_typo_still_gets_a_suggestion(runner: CliRunner) -> None:
    result = runner.invoke(app_mod.app, ["scor", "x"])
    assert result.exit_code == 2
    assert "onbekend commando 'scor'. Bedoel je 'score'?" in result.stderr


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ((str(ROUND),), 0),
        ((str(ROUND), "--fail-under", "4.5"), 1),
        (("bestaat-niet",), 2),
        (("--json", str(ROUND)), 0),
    ],
)
def test_the_real_program_keeps_every_line_and_its_exit_code(
    args: tuple[str, ...], code: int
) -> None:
    """The quick exit comes after the output is flushed: a redirected report is whole."""
    done = program("score", *args)
    assert done.returncode == code, done.stderr
    if code == 2:
        assert done.stderr.strip() == "fout: bestaat-niet: bestand of map niet gevonden"
    elif "--json" in args:
        assert done.stdout.rstrip().endswith("}")
    else:  # the report ends with the credit to the model's makers
        assert done.stdout.rstrip().endswith("van VSLs en PBT.")
    if code == 1:
        assert done.stderr.count("onder de drempel") == 5


def test_quick_exit_only_for_a_plain_code_with_nothing_left_to_run() -> None:
    assert quick_exit_allowed(0) is (atexit._ncallbacks() == 0)  # type: ignore[attr-defined]
    assert not quick_exit_allowed("fout")  # SystemExit("...") prints the text: the usual way
    assert not quick_exit_allowed(None)
    assert not quick_exit_allowed(True)


def test_no_quick_exit_while_a_handler_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(atexit, "_ncallbacks", lambda: 1)
    assert not quick_exit_allowed(0)


def test_no_quick_exit_while_a_thread_runs() -> None:
    stop = threading.Event()
    worker = threading.Thread(target=stop.wait)
    worker.start()
    try:
        assert not quick_exit_allowed(0)
    finally:
        stop.set()
        worker.join()


def test_an_exit_handler_still_runs_in_the_real_program(tmp_path: Path) -> None:
    """Whatever registers an exit handler (an executor, logging) gets the usual exit."""
    mark = tmp_path / "ran"
    probe = (
        "import atexit, sys\n"
        f"atexit.register(lambda: open({str(mark)!r}, 'w').close())\n"
        "sys.argv = ['samenwerk', 'score', '--json', sys.argv[1]]\n"
        "from samenwerk_cli.cli.start import main\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", probe, str(ROUND)], capture_output=True)
    assert done.returncode == 0
    assert mark.exists()


def test_the_program_runs_its_command_with_a_frozen_start_and_fewer_collections() -> None:
    """What the app import made is frozen; a young collection every YOUNG new objects, not
    every 700 (Python's default: some 27 runs of the collector in ``score`` of four files)."""
    probe = (
        "import gc\n"
        "import samenwerk_cli.cli.app as app\n"
        "app.main = lambda: print(gc.isenabled(), gc.get_freeze_count() > 1000, gc.get_threshold())\n"
        "from samenwerk_cli.cli.start import main\n"
        "main()\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.stdout.strip() == "True True (20000, 10, 10)", done.stderr
