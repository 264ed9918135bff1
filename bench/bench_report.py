"""Terminal report speed: importing ``samenwerk_cli.terminal.report`` and its first
``print_partnerships`` of the example round, in fresh processes.

Run by hand: ``python bench/bench_report.py [--runs 20] [--against OTHER/src]``. Each run is a new
interpreter that scores ``examples/opleidingsschool-noord/2026-najaar`` first (not timed), then
times the import (rich.console loaded before: every terminal command has it; rich's modules
that only the report needs are part of the import) and the first render into an 80-column
Console (no colour, emoji off). Figures are CPU time (user + sys of the process itself, from
``getrusage``), median and minimum. With
``--against``, a second source tree (say a checkout of main) runs interleaved with this one, so
that the noise of a shared machine falls on both alike. Keep bytecode on (unset
``PYTHONDONTWRITEBYTECODE``): a user's installed package has it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ROUND = ROOT / "examples" / "opleidingsschool-noord" / "2026-najaar"

CHILD = """
import io, resource, sys
from pathlib import Path
from rich.console import Console
from samenwerk_cli.formats import bank as bank_mod
from samenwerk_cli.scoring import score_paths

def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime

bank = bank_mod.load(None)
found = score_paths([Path(sys.argv[1])], bank, 1).partnerships
for partnership in found:
    partnership.rondes  # scored before the clock starts
console = Console(file=io.StringIO(), width=80, emoji=False, highlight=False)
start = cpu()
from samenwerk_cli.terminal.report import print_partnerships
imported = cpu()
print_partnerships(console, found, bank)
done = cpu()
print((imported - start) * 1000, (done - imported) * 1000)
"""


def run(src: Path) -> tuple[float, float]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(src)
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(ROUND)], env=env, check=True, capture_output=True
    )
    imported, rendered = out.stdout.split()
    return float(imported), float(rendered)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--against", type=Path, help="another tree's src/ to compare with")
    args = parser.parse_args()
    trees = {"this": ROOT / "src"}
    if args.against:
        trees["other"] = args.against.resolve()
    for src in trees.values():
        run(src)  # bytecode written, caches warm
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in trees}
    for _ in range(args.runs):
        for name, src in trees.items():
            times[name].append(run(src))
    for name, rows in times.items():
        imports, renders = zip(*rows, strict=True)
        print(
            f"{name:5}  import: median {statistics.median(imports):5.1f} ms,"
            f" min {min(imports):5.1f} ms · first print_partnerships: median"
            f" {statistics.median(renders):5.1f} ms, min {min(renders):5.1f} ms"
        )


if __name__ == "__main__":
    main()
