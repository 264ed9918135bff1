"""The first sheet of an .xlsx as rows of cells, read with the standard library's C XML parser.

openpyxl's read-only mode takes about 45 µs a cell (7 s for a 2,000-row export of 85 columns, three
times what scoring the answers takes); this reads the same sheet ten times faster. It handles what
form exports hold (shared and inline strings, numbers, booleans, dates by number format) and
raises :class:`Unsupported` for anything else, so the caller can fall back on openpyxl.
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
import re
import zipfile
from typing import IO
from xml.etree import ElementTree

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
MAX_SHEET = 400 * 1024 * 1024  # unpacked XML; a zip of 50 MB can hide far more
DATE_IDS = {*range(14, 23), 45, 46, 47}  # the built-in date and time formats
Cell = str | dt.datetime


class Unsupported(Exception):
    """Not a workbook this reader knows (strict OOXML, a missing part): use openpyxl."""


def rows(raw: bytes) -> list[tuple[int, list[Cell]]]:
    """(row number, cells) for each row of the first worksheet; empty cells are ""."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as book:
            sheet, date1904 = _first_sheet(book)
            strings = _shared_strings(book)
            dates = _date_styles(book)
            if book.getinfo(sheet).file_size > MAX_SHEET:
                raise Unsupported("sheet too large to hold in memory")  # openpyxl streams it
            with book.open(sheet) as handle:
                return _sheet(handle, strings, dates, date1904)
    except (KeyError, ElementTree.ParseError, ValueError, IndexError) as exc:
        raise Unsupported(str(exc)) from exc


def _first_sheet(book: zipfile.ZipFile) -> tuple[str, bool]:
    workbook = ElementTree.fromstring(book.read("xl/workbook.xml"))
    properties = workbook.find(f"{MAIN}workbookPr")
    date1904 = properties is not None and properties.get("date1904") in ("1", "true")
    first = workbook.find(f"{MAIN}sheets/{MAIN}sheet")
    if first is None:
        raise Unsupported("no sheet")
    rel_id = first.get(f"{REL}id")
    rels = ElementTree.fromstring(book.read("xl/_rels/workbook.xml.rels"))
    for rel in rels.iter(f"{PKG_REL}Relationship"):
        if rel.get("Id") == rel_id:
            target = rel.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
            return posixpath.normpath(path), date1904
    raise Unsupported("sheet not found")


def _text(element: ElementTree.Element) -> str:
    """The text of a string item: its ``<t>``, or its rich-text runs, without phonetic hints."""
    direct = element.find(f"{MAIN}t")
    if direct is not None:
        return direct.text or ""
    return "".join(t.text or "" for r in element.findall(f"{MAIN}r") for t in r.findall(f"{MAIN}t"))


def _shared_strings(book: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in book.namelist():
        return []
    root = ElementTree.fromstring(book.read("xl/sharedStrings.xml"))
    return [_text(item) for item in root.findall(f"{MAIN}si")]


def _date_styles(book: zipfile.ZipFile) -> list[bool]:
    """Per cell style (the ``s`` attribute): does its number format show a date?"""
    if "xl/styles.xml" not in book.namelist():
        return []
    root = ElementTree.fromstring(book.read("xl/styles.xml"))
    custom = {
        int(f.get("numFmtId", "0")): _is_date_format(f.get("formatCode", ""))
        for f in root.iter(f"{MAIN}numFmt")
    }
    xfs = root.find(f"{MAIN}cellXfs")
    if xfs is None:
        return []
    out = []
    for xf in xfs.findall(f"{MAIN}xf"):
        number = int(xf.get("numFmtId", "0"))
        out.append(custom.get(number, number in DATE_IDS))
    return out


def _is_date_format(code: str) -> bool:
    bare = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", code)  # quoted text, colours, escapes
    return bool(re.search(r"[dmyhs]", bare, re.I)) and "General" not in bare


def _column(ref: str) -> int:
    number = 0
    for char in ref:
        number = number * 26 + ord(char) - 64
    return number - 1


def _sheet(
    handle: IO[bytes], strings: list[str], dates: list[bool], date1904: bool
) -> list[tuple[int, list[Cell]]]:
    """The whole sheet parsed at once by the C parser: a walk over a tree is several times faster
    than a stream of events (and a form export fits in memory: the file is at most 50 MB)."""
    epoch = dt.datetime(1904, 1, 1) if date1904 else dt.datetime(1899, 12, 30)
    data = ElementTree.parse(handle).getroot().find(f"{MAIN}sheetData")
    if data is None:
        raise Unsupported("no sheetData")
    columns: dict[str, int] = {}  # "AB" -> 27, computed once per column
    out: list[tuple[int, list[Cell]]] = []
    number = 0
    for element in data:
        number = int(element.get("r") or number + 1)
        row: list[Cell] = []
        for cell in element:
            ref = cell.get("r")
            if ref:
                letters = ref.rstrip("0123456789")
                index = columns.get(letters)
                if index is None:
                    index = columns[letters] = _column(letters)
                if index > len(row):
                    row.extend([""] * (index - len(row)))
            row.append(_value(cell, strings, dates, epoch))
        out.append((number, row))
    return out


_V, _IS = f"{MAIN}v", f"{MAIN}is"


def _value(
    cell: ElementTree.Element, strings: list[str], dates: list[bool], epoch: dt.datetime
) -> Cell:
    value = inline = None
    for child in cell:
        if child.tag == _V:
            value = child.text
        elif child.tag == _IS:
            inline = child
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        return "" if inline is None else _text(inline)
    if value is None:
        return ""
    if kind == "s":
        return strings[int(value)]
    if kind in ("str", "e"):
        return value
    if kind == "b":
        return "TRUE" if value == "1" else "FALSE"
    if kind == "d":
        return dt.datetime.fromisoformat(value)
    style = int(cell.get("s", "0"))
    if style < len(dates) and dates[style]:
        # to the millisecond, as Excel shows it: 9:19 is stored as 9:18:59.999999...
        return epoch + dt.timedelta(milliseconds=round(float(value) * 86_400_000))
    number = float(value)
    return str(int(number)) if number.is_integer() else str(number)
