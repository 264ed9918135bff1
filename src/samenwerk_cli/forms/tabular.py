"""Reading a survey export into a header and rows: .xlsx, or .csv/.tsv with encoding and delimiter
sniffed, because every tool (and every Excel that re-saved the file) writes its own variant."""

from __future__ import annotations

import csv
import datetime as dt
import io
import stat
from dataclasses import dataclass, field
from pathlib import Path

from samenwerk_cli.errors import Problem, SamenwerkError

MAX_BYTES = 50 * 1024 * 1024
DELIMITERS = (",", ";", "\t")
Cell = str | dt.datetime  # text, or a date an .xlsx holds as a date


@dataclass
class Table:
    """One export: the header row and the response rows, each with its row number as a spreadsheet
    shows it (the header is row 1), so a message can point at the row the user sees."""

    name: str
    header: list[str]
    rows: list[list[Cell]]
    numbers: list[int]
    warnings: list[Problem] = field(default_factory=list)


def read(path: Path) -> Table:
    """Read one export; raises with a Dutch message for a file that is not a readable table."""
    name = str(path)
    suffix = path.suffix.lower()
    if suffix in (".xls", ".ods", ".numbers"):
        raise SamenwerkError(
            Problem(f"{suffix}-bestanden worden niet gelezen; sla op als .xlsx of .csv", name)
        )
    if suffix not in (".xlsx", ".xlsm", ".csv", ".tsv", ".txt"):
        raise SamenwerkError(Problem("kies een .xlsx-, .csv- of .tsv-bestand", name))
    raw = _read_bytes(path)
    if suffix in (".xlsx", ".xlsm"):
        return _from_xlsx(raw, name)
    return parse_text(raw, name, prefer_tab=suffix == ".tsv")


def _read_bytes(path: Path) -> bytes:
    name = str(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise SamenwerkError(Problem("dit is geen gewoon bestand", name))
        if info.st_size > MAX_BYTES:
            raise SamenwerkError(
                Problem(f"bestand is te groot ({info.st_size} bytes, maximaal {MAX_BYTES})", name)
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise SamenwerkError(Problem("bestand niet gevonden", name)) from None
    except IsADirectoryError:
        raise SamenwerkError(Problem("dit is een map, geen bestand", name)) from None
    except OSError as exc:
        raise SamenwerkError(Problem(f"kan bestand niet lezen ({exc.strerror})", name)) from None


def decode(raw: bytes, name: str) -> tuple[str, list[Problem]]:
    """UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text"), else Windows-1252:
    what Excel's "CSV (gescheiden door lijstscheidingsteken)" writes, with a warning."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), []
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    warning = Problem(
        "geen UTF-8; gelezen als Windows-1252 (zoals Excel CSV opslaat): controleer letters als é en ë",
        name,
    )
    return raw.decode("cp1252", errors="replace"), [warning]


def sniff_delimiter(text: str, prefer_tab: bool = False) -> str:
    """The delimiter used most outside quotes in the first record (the header): a statement may
    hold a comma, but there it is quoted, or the file uses ';' and has many more of those."""
    counts = dict.fromkeys(DELIMITERS, 0)
    quoted = False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif not quoted:
            if char in "\r\n":
                break
            if char in counts:
                counts[char] += 1
    order = ("\t", ",", ";") if prefer_tab else DELIMITERS
    best = max(order, key=lambda d: counts[d])
    return best if counts[best] else ("\t" if prefer_tab else ",")


def parse_text(raw: bytes, name: str, prefer_tab: bool = False) -> Table:
    text, warnings = decode(raw, name)
    delimiter = sniff_delimiter(text, prefer_tab)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    records: list[tuple[int, list[str]]] = []
    try:
        for record in reader:
            records.append((reader.line_num, record))
    except csv.Error as exc:
        raise SamenwerkError(
            Problem(f"kan het bestand niet als tabel lezen ({exc})", name, reader.line_num)
        ) from None
    return _table(name, [(i + 1, list(r)) for i, (_, r) in enumerate(records)], warnings)


def _from_xlsx(raw: bytes, name: str) -> Table:
    """The fast reader of :mod:`xlsx` first; openpyxl for a workbook that one does not know."""
    from zipfile import BadZipFile

    from samenwerk_cli.forms import xlsx

    try:
        return _table(name, list(xlsx.rows(raw)), [])
    except BadZipFile:
        raise SamenwerkError(
            Problem("geen leesbaar Excel-bestand (geen zip-archief)", name)
        ) from None
    except xlsx.Unsupported:
        return _table(name, read_with_openpyxl(raw, name), [])


def read_with_openpyxl(raw: bytes, name: str) -> list[tuple[int, list[Cell]]]:
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - a dependency, but a broken install says so in Dutch
        raise SamenwerkError(
            Problem("openpyxl is niet geïnstalleerd; sla het bestand op als .csv", name)
        ) from None
    from zipfile import BadZipFile

    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (BadZipFile, KeyError, OSError, ValueError) as exc:
        raise SamenwerkError(
            Problem(f"geen leesbaar Excel-bestand ({type(exc).__name__})", name)
        ) from None
    try:
        sheet = book.worksheets[0]
        return [
            (i, [_xlsx_cell(c) for c in row])
            for i, row in enumerate(sheet.iter_rows(values_only=True), 1)
        ]
    finally:
        book.close()


def _xlsx_cell(value: object) -> Cell:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"  # as Excel shows it
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _table(name: str, records: list[tuple[int, list[Cell]]], warnings: list[Problem]) -> Table:
    """Drop empty rows (a trailing newline, a blank line Excel kept), pad short rows."""
    filled = [(n, r) for n, r in records if any(_filled(c) for c in r)]
    if not filled:
        raise SamenwerkError(Problem("het bestand is leeg: geen kopregel gevonden", name))
    (_, header), rest = filled[0], filled[1:]
    width = max([len(header), *(len(r) for _, r in rest)])
    head = [c if isinstance(c, str) else c.isoformat(sep=" ") for c in header]
    head += [""] * (width - len(head))
    rows = [r + [""] * (width - len(r)) for _, r in rest]
    return Table(name, head, rows, [n for n, _ in rest], warnings)


def _filled(cell: Cell) -> bool:
    return not isinstance(cell, str) or bool(cell.strip())


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: how a spreadsheet names the column."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
