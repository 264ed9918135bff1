"""Batch scoring speed: ``samenwerk score --json`` on many answer files, against a parse-only baseline.

Run by hand: ``python bench/bench_score.py [--files 2000 10000] [--answers 60] [--runs 5]``. It
writes a corpus per size to a temporary folder (partnerships of 10 respondents from 2
organisations), then, per size, alternates in one run:

- baseline: a naive single-process loop of ``yaml.load(f, Loader=yaml.CSafeLoader)`` over every
  file (parsing only, nothing checked; timed inside this process, so without start-up);
- ``samenwerk score --json`` on the folder as a whole process (start-up, checking, scoring,
  output), with its peak memory.

It prints medians, the spread (lowest and highest ratio of a pair) and, once per size, the
pure-Python loader ``yaml.safe_load`` for comparison (smallest size only). Targets: ratio at most 1.0 for every size,
peak memory of the largest size at most 1.2 times that of the smallest.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from samenwerk_cli.formats import bank as bank_mod


def write_corpus(root: Path, files: int, per_file: int) -> None:
    bank = bank_mod.load()
    scored = [v.id for v in bank.scored][:per_file]
    rng = random.Random(7)
    for i in range(files):
        group, member = divmod(i, 10)
        folder = root / f"partnerschap-{group:04d}"
        folder.mkdir(exist_ok=True)
        lines = [
            "formaat: samenwerk-antwoorden/1",
            f"vragenlijst: {bank.naam}",
            f'versie: "{bank.versie}"',
            f"partnerschap: Partnerschap {group}",
            "ronde: 2026-najaar",
            f"respondent: Respondent {member}",
            f"organisatie: Organisatie {member % 2}",
            "datum: 2026-11-28",
            "fase: delen",
            "compleet: true",
            "antwoorden:",
        ]
        for item in scored:
            value = rng.choice((1, 2, 3, 4, 4, 5, 5, "weet niet"))
            lines.append(f"  {item}: {value}")
        (folder / f"respondent-{member}.yaml").write_text("\n".join(lines) + "\n", "utf-8")


def baseline(root: Path, loader: type = yaml.CSafeLoader) -> float:
    start = time.perf_counter()
    for path in sorted(root.rglob("*.yaml")):
        with path.open(encoding="utf-8") as handle:
            yaml.load(handle, Loader=loader)
    return time.perf_counter() - start


def run_score(root: Path) -> tuple[float, float]:
    """Wall time and peak resident memory (MiB) of one ``samenwerk score --json`` process."""
    script = shutil.which("samenwerk") or str(Path(sys.executable).parent / "samenwerk")
    start = time.perf_counter()
    proc = subprocess.Popen([script, "score", "--json", str(root)], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"samenwerk score ended with {proc.returncode}")
    return elapsed, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, nargs="+", default=[2_000, 10_000])
    parser.add_argument("--answers", type=int, default=60)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    peaks: dict[int, float] = {}
    failed = False
    print(f"bestanden van {args.answers} antwoorden, {os.cpu_count()} cores, {args.runs} rondes")
    with tempfile.TemporaryDirectory() as tmp:
        for files in args.files:
            root = Path(tmp, str(files))
            root.mkdir()
            write_corpus(root, files, args.answers)
            baseline(root)  # warm the file cache
            base, score, ratios, peak = [], [], [], []
            for _ in range(args.runs):  # alternate, so drift on a shared machine hits both alike
                base.append(baseline(root))
                elapsed, rss = run_score(root)
                score.append(elapsed)
                peak.append(rss)
                ratios.append(elapsed / base[-1])
            pure = baseline(root, yaml.SafeLoader) if files == min(args.files) else None
            b, s = statistics.median(base), statistics.median(score)
            peaks[files] = statistics.median(peak)
            failed |= s / b > 1.0
            print(f"\n{files} bestanden")
            print(f"  yaml.load met CSafeLoader (lus)  {b:8.2f} s   1x")
            print(
                f"  samenwerk score --json           {s:8.2f} s   {s / b:.2f}x"
                f"  (per paar {min(ratios):.2f}x tot {max(ratios):.2f}x)"
            )
            if pure is not None:  # once: it takes about ten times the baseline
                print(f"  yaml.safe_load (puur Python)     {pure:8.2f} s   {pure / b:.2f}x")
            print(f"  piekgeheugen                     {peaks[files]:8.1f} MiB")
    low, high = min(args.files), max(args.files)
    growth = peaks[high] / peaks[low]
    failed |= growth > 1.2
    print(f"\npiekgeheugen {high} / {low} bestanden: {growth:.2f}x")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
