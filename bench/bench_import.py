"""Import speed: ``samenwerk import`` of a large form export, against scoring the same answers as files.

Run by hand: ``python bench/bench_import.py [--rows 2000] [--runs 3]``. It writes one export in
Microsoft Forms' layout (statement texts as headers, labels in the cells) as .xlsx and as .csv, for
the built-in bank (all items), then times whole processes, best of ``--runs``:

- ``samenwerk import EXPORT -p P -o MAP`` for the .csv and for the .xlsx;
- ``samenwerk score MAP --json`` on the answer files that import wrote (the goal: import ≤ 2× this).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from samenwerk_cli.formats import bank as bank_mod
from samenwerk_cli.forms import codes

LABELS = ["Helemaal mee oneens", "Mee oneens", "Neutraal", "Mee eens", "Helemaal mee eens"]


def write_exports(root: Path, rows: int) -> tuple[Path, Path]:
    bank = bank_mod.load()
    header = ["ID", "Start time", "Completion time", "Email", "Name", "Je organisatie"]
    header += [v.tekst for v in bank.vragen]
    rng = random.Random(2000)
    records = []
    start = dt.datetime(2026, 11, 1, 9, 0, 0)
    for i in range(rows):
        when = start + dt.timedelta(minutes=7 * i)
        record: list[object] = [i + 1, when, when + dt.timedelta(minutes=12), "anonymous", ""]
        record.append(f"Organisatie {i % 4}")
        for v in bank.vragen:
            if v.soort == "open":
                record.append(rng.choice(["", "Samen meer bereiken.", "Regel een\nregel twee"]))
            elif v.soort == "balans":
                record.append(rng.choice(codes.balans_options(v)))
            else:
                record.append(rng.choice([*LABELS, "Weet ik niet", ""]))
        records.append(record)
    csv_path = root / "antwoorden.csv"
    with csv_path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for record in records:
            writer.writerow(
                [
                    r.strftime("%m/%d/%y %H:%M:%S") if isinstance(r, dt.datetime) else r
                    for r in record
                ]
            )
    import openpyxl

    book = openpyxl.Workbook()  # not write-only: that inlines every string; Excel shares them
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(header)
    for record in records:
        sheet.append(record)
    xlsx_path = root / "antwoorden.xlsx"
    book.save(xlsx_path)
    share_strings(xlsx_path)
    return csv_path, xlsx_path


def share_strings(path: Path) -> None:
    """openpyxl writes every text inline; Excel, and so Microsoft Forms, keeps one table of shared
    strings and an index per cell. Rewrite the sheet that way, so the bench reads what users have."""
    import re
    import zipfile

    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    table: dict[str, int] = {}

    def shared(match: re.Match[bytes]) -> bytes:
        index = table.setdefault(match.group(2).decode(), len(table))
        return b'<c r="%s" t="s"><v>%d</v></c>' % (match.group(1), index)

    inline = re.compile(rb'<c r="([A-Z]+\d+)" t="inlineStr"><is><t[^>]*>(.*?)</t></is></c>', re.S)
    parts["xl/worksheets/sheet1.xml"] = inline.sub(shared, parts["xl/worksheets/sheet1.xml"])
    items = "".join(f'<si><t xml:space="preserve">{text}</t></si>' for text in table)
    parts["xl/sharedStrings.xml"] = (
        f'<sst xmlns="{main}" count="{len(table)}" uniqueCount="{len(table)}">{items}</sst>'
    ).encode()
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdShared" Type="http://schemas.openxmlformats.org/officeDocument/'
        b'2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def timed(args: list[str], runs: int) -> tuple[float, float]:
    """Best wall time and best CPU time (user + system) of the process: on a busy machine the CPU
    time is the steadier of the two."""
    import resource

    wall = cpu = float("inf")
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall = min(wall, time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        used = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        cpu = min(cpu, used)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    exe = [sys.executable, "-m", "samenwerk_cli"]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        csv_path, xlsx_path = write_exports(root, options.rows)
        out = root / "ingelezen"

        def import_(export: Path) -> list[str]:
            return [*exe, "import", str(export), "-p", "Bench", "-o", str(out), "--force"]

        csv_time = timed(import_(csv_path), options.runs)
        xlsx_time = timed(import_(xlsx_path), options.runs)
        score_time = timed([*exe, "score", str(out), "--json"], options.runs)
        files = len(list(out.glob("*.yaml")))
        shutil.rmtree(out)
    print(f"{options.rows} rijen, {files} antwoordbestanden, beste van {options.runs}")
    print("                              wand     verhouding   cpu      verhouding")
    for label, (wall, cpu) in (
        ("score --json op de bestanden", score_time),
        ("import .csv", csv_time),
        ("import .xlsx", xlsx_time),
    ):
        print(
            f"{label:<29} {wall:6.2f} s  {wall / score_time[0]:5.2f}×     "
            f"{cpu:6.2f} s  {cpu / score_time[1]:5.2f}×"
        )


if __name__ == "__main__":
    main()
