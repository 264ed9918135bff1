"""Batch scoring speed: ``samenwerk score --json`` on many answer files, against a parse-only baseline.

Run by hand: ``python bench/bench_score.py [--files 10000] [--answers 60]``. It writes a corpus to a
temporary folder (partnerships of 10 respondents from 2 organisations), then times in one run:

- baseline: a naive loop of ``yaml.safe_load`` over every file (parsing only, nothing checked);
- ``samenwerk score --json`` on the folder (checking, scoring, output), and its peak memory,
  also for a quarter of the files, to show how memory grows with the number of files.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
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


def baseline(root: Path) -> float:
    start = time.perf_counter()
    for path in sorted(root.rglob("*.yaml")):
        with path.open(encoding="utf-8") as handle:
            yaml.safe_load(handle)
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
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--answers", type=int, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        full, quarter = Path(tmp, "alle"), Path(tmp, "kwart")
        full.mkdir()
        quarter.mkdir()
        write_corpus(full, args.files, args.answers)
        write_corpus(quarter, args.files // 4, args.answers)
        parse = baseline(full)
        score, peak = run_score(full)
        _, peak_quarter = run_score(quarter)
    print(f"{args.files} bestanden van {args.answers} antwoorden")
    print(f"baseline yaml.safe_load-lus     {parse:8.2f} s")
    print(f"samenwerk score --json          {score:8.2f} s   ratio {score / parse:.2f}x")
    print(f"piekgeheugen, {args.files // 4:>6} bestanden  {peak_quarter:8.1f} MiB")
    print(f"piekgeheugen, {args.files:>6} bestanden  {peak:8.1f} MiB")


if __name__ == "__main__":
    main()
