"""The ``samenwerk`` program's entry point: the app, started and ended with less housekeeping.

Start-up makes some twelve thousand long-lived objects (typer, click, the command modules); the
collector would walk them again and again while they load, and once more whenever a later full
collection runs. So collection waits until the app is imported, and what exists by then is frozen
(kept out of every later collection). That saves about a fifth of ``samenwerk score --json``'s
start-up. A command then imports what it needs (PyYAML, msgspec, rich: tens of thousands of
objects more), and at Python's default threshold (a young collection every 700 new objects) the
collector ran 27 times during ``samenwerk score`` of four files, for ~5 ms, and found 19 objects
to free. With a young collection every 20,000 new objects it runs none there; a long batch still
collects, less often, and garbage in reference cycles waits for at most 20,000 new objects.

At the end, tearing the interpreter down (every module's objects, one by one) costs several
milliseconds that nobody waits for: once the output is flushed and nothing is left to run, the
process ends at once. Only the program does this: tests and other importers of
:mod:`samenwerk_cli.cli.app` keep Python's defaults.
"""

from __future__ import annotations

import gc
import os
import sys

YOUNG = 20_000  # new objects between two young collections (Python's default: 700)


def main() -> None:
    gc.disable()
    try:
        from samenwerk_cli.cli.app import main as run
    finally:
        gc.freeze()
        gc.set_threshold(YOUNG, *gc.get_threshold()[1:])
        gc.enable()
    try:
        run()
    except SystemExit as exc:
        if quick_exit_allowed(exc.code):
            _flush_and_end(exc)
        raise


def quick_exit_allowed(code: object) -> bool:
    """Only a plain exit code, with no thread still running and no exit handler registered
    (an executor, logging, a temporary folder): then skipping the teardown loses nothing."""
    if not isinstance(code, int) or isinstance(code, bool):
        return False
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return False
    import atexit

    count = getattr(atexit, "_ncallbacks", None)  # CPython; elsewhere the usual exit
    return count is not None and count() == 0


def _flush_and_end(exc: SystemExit) -> None:
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return  # the usual exit reports or silences it, as before
    os._exit(exc.code)  # type: ignore[arg-type]  # an int: checked by quick_exit_allowed
