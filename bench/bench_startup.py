"""Start-up time of the commands, as a ratio to ``python -c "import typer"`` in the same run.

Run by hand: ``python bench/bench_startup.py [--runs N]``. The ratio is the median over the
rounds of each round's own ratio (a round runs the baseline and every command once, one after
the other). Targets: ``--version`` within 1.2x of the baseline; ``questions list --json``,
``template`` and ``score`` of a handful of files (the four answer files of one example round, in
the terminal and as JSON) within 2x.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROUND = (
    Path(__file__).resolve().parent.parent / "examples" / "opleidingsschool-noord" / "2026-najaar"
)
TARGETS = {
    "--version": 1.2,
    "questions list --json": 2.0,
    "template": 2.0,
    f"score {ROUND}": 2.0,
    f"score --json {ROUND}": 2.0,
}


def command() -> list[str]:
    script = shutil.which("samenwerk") or str(Path(sys.executable).parent / "samenwerk")
    return [script]


def timed(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    runs = parser.parse_args().runs
    os.environ.pop("SAMENWERK_VRAGEN", None)
    # An installed package starts from cached bytecode; without it every run compiles our modules.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    cases = {"import typer (baseline)": [sys.executable, "-c", "import typer"]}
    for args in TARGETS:
        cases[args] = [*command(), *args.split()]
    times: dict[str, list[float]] = {name: [] for name in cases}
    for argv in cases.values():  # warm the file cache once
        timed(argv)
    for _ in range(runs):  # interleave, so drift hits every case alike
        for name, argv in cases.items():
            times[name].append(timed(argv))
    baseline = times["import typer (baseline)"]
    print(f"{'command':<36}{'median ms':>10}{'ratio':>8}{'target':>8}")
    failed = False
    for name, samples in times.items():
        median = statistics.median(samples)
        # Each round times the baseline and every command one after the other: the median of
        # the rounds' own ratios, so that a busy spell of the machine falls on both sides.
        ratio = statistics.median(t / b for t, b in zip(samples, baseline))
        target = TARGETS.get(name)
        name = name.replace(str(ROUND), "<4 bestanden>")
        mark = "" if target is None else ("  ok" if ratio <= target else "  TE TRAAG")
        failed |= target is not None and ratio > target
        shown = f"{target:.1f}x" if target else "-"
        print(f"{name:<36}{median * 1000:>10.1f}{ratio:>7.2f}x{shown:>8}{mark}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
