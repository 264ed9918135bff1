"""The ``samenwerk`` program's entry point: the app, started with less garbage collection.

Start-up makes some twelve thousand long-lived objects (typer, click, the command modules); the
collector would walk them again and again while they load, and once more whenever a later full
collection runs. So collection waits until the app is imported, and what exists by then is frozen
(kept out of every later collection). That saves about a fifth of ``samenwerk score --json``'s
start-up; a long batch collects as usual afterwards. Only the program does this: tests and other
importers of :mod:`samenwerk_cli.cli.app` keep Python's defaults.
"""

from __future__ import annotations

import gc


def main() -> None:
    gc.disable()
    try:
        from samenwerk_cli.cli.app import main as run
    finally:
        gc.freeze()
        gc.enable()
    run()
