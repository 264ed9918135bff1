"""The signal handling of a session, in-process: signals become :class:`Stopped` with its code.

The pty tests (test_signals_pty.py) send real signals to real prompts; these check the pieces.
"""

from __future__ import annotations

import asyncio
import errno
import os
import signal
import sys

import pytest

from samenwerk_cli.errors import ExitCode
from samenwerk_cli.terminal import signals
from samenwerk_cli.terminal.signals import Stopped

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


@pytest.mark.parametrize(
    ("signum", "code"),
    [(signal.SIGINT, 130), (signal.SIGHUP, 129), (signal.SIGTERM, 143)],
)
def test_a_signal_outside_a_prompt_raises_stopped_with_its_exit_code(
    signum: int, code: int
) -> None:
    before = signal.getsignal(signum)
    with pytest.raises(Stopped) as caught, signals.ending_on_signals():
        os.kill(os.getpid(), signum)
        for _ in range(1000):  # the handler runs between two bytecodes
            pass
    assert caught.value.signum == signum
    assert caught.value.exit_code == code == signals.exit_code(caught.value)
    assert isinstance(caught.value, KeyboardInterrupt)  # the flow's Ctrl-C path handles it
    assert signal.getsignal(signum) is before  # restored


def test_plain_interrupts_end_with_130() -> None:
    assert signals.exit_code(KeyboardInterrupt()) == ExitCode.INTERRUPTED
    assert signals.exit_code(EOFError()) == ExitCode.INTERRUPTED


@pytest.mark.parametrize("failure", [OSError(errno.EIO, "Input/output error"), EOFError()])
def test_a_terminal_failing_after_a_hang_up_is_the_hang_up(failure: Exception) -> None:
    with pytest.raises(Stopped) as caught, signals.ending_on_signals():
        try:
            os.kill(os.getpid(), signal.SIGHUP)
            for _ in range(1000):
                pass
        except Stopped:
            pass  # as when prompt_toolkit's loop has it, and the terminal fails first
        raise failure
    assert caught.value.exit_code == ExitCode.HANGUP
    assert caught.value.__cause__ is failure


def test_a_disk_fault_without_a_signal_stays_a_disk_fault() -> None:
    with pytest.raises(OSError, match="No space"), signals.ending_on_signals():
        raise OSError(errno.ENOSPC, "No space left on device")


class FakeApp:
    """What the handler sees of a running prompt_toolkit application."""

    def __init__(self, loop: asyncio.AbstractEventLoop, done: bool) -> None:
        self.loop = loop
        self.is_running = True
        self.future = loop.create_future()
        if done:
            self.future.set_result("4")
        self.exited: list[BaseException] = []

    def exit(self, exception: BaseException, style: str = "") -> None:
        self.exited.append(exception)


def test_a_signal_at_a_waiting_prompt_ends_that_prompt(monkeypatch: pytest.MonkeyPatch) -> None:
    loop = asyncio.new_event_loop()
    try:
        app = FakeApp(loop, done=False)
        monkeypatch.setattr(
            "prompt_toolkit.application.current.get_app_or_none", lambda: app, raising=True
        )
        with signals.ending_on_signals():
            signals._handler(signal.SIGTERM, None)  # no exception: the loop is woken instead
            loop.run_until_complete(asyncio.sleep(0))
            [exc] = app.exited
            assert isinstance(exc, Stopped) and exc.exit_code == ExitCode.TERMINATED
            assert signals.guarded(lambda question: "4")("next") == "4"  # raised once only
    finally:
        loop.close()


def test_a_signal_when_the_prompt_loop_has_just_closed_is_not_lost(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    loop = asyncio.new_event_loop()
    app = FakeApp(loop, done=False)
    loop.close()  # the answer came in, asyncio.run closed the loop, the app not yet marked done
    monkeypatch.setattr("prompt_toolkit.application.current.get_app_or_none", lambda: app)
    with signals.ending_on_signals():
        signals._handler(signal.SIGTERM, None)
        with pytest.raises(Stopped) as caught:
            signals.guarded(lambda question: "4")("next")
    assert caught.value.exit_code == ExitCode.TERMINATED


def test_a_signal_as_a_prompt_is_answered_ends_the_session_after_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    loop = asyncio.new_event_loop()
    try:
        app = FakeApp(loop, done=True)  # Enter was pressed a moment before the signal
        monkeypatch.setattr("prompt_toolkit.application.current.get_app_or_none", lambda: app)
        asked: list[str] = []
        ask = signals.guarded(lambda question: asked.append(question) or "4")
        with signals.ending_on_signals():
            signals._handler(signal.SIGHUP, None)
            loop.run_until_complete(asyncio.sleep(0))
            assert app.exited == []
            with pytest.raises(Stopped) as caught:
                ask("volgende vraag")
        assert caught.value.exit_code == ExitCode.HANGUP and asked == []
    finally:
        loop.close()
