"""The fast .xlsx reader gives what openpyxl gives, and hands over to it for what it does not know."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samenwerk_cli.forms import tabular, xlsx

values = st.one_of(
    st.none(),
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"
        ),
        max_size=15,
    ),
    st.text(alphabet="ab \n", max_size=6),
    st.integers(min_value=-(10**9), max_value=10**9),
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False).map(lambda f: round(f, 3)),
    st.booleans(),
    st.datetimes(min_value=dt.datetime(1901, 1, 1), max_value=dt.datetime(2100, 1, 1)).map(
        lambda d: d.replace(microsecond=d.microsecond // 1000 * 1000)  # Excel keeps milliseconds
    ),
)


def workbook(grid: list[list[object]]) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    for row in grid:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(values, min_size=1, max_size=5), min_size=1, max_size=5))
def test_fast_reader_equals_openpyxl(grid: list[list[object]]) -> None:
    raw = workbook(grid)
    fast = [(n, r) for n, r in xlsx.rows(raw)]
    slow = tabular.read_with_openpyxl(raw, "x.xlsx")
    width = max(len(r) for _, r in fast + slow) if fast or slow else 0

    def pad(rows: list[tuple[int, list[object]]]) -> list[tuple[int, list[object]]]:
        return [(n, r + [""] * (width - len(r))) for n, r in rows if any(c != "" for c in r)]

    assert pad(fast) == pad(slow)


def test_a_workbook_the_fast_reader_refuses_is_read_by_openpyxl(monkeypatch, tmp_path) -> None:
    path = tmp_path / "export.xlsx"
    path.write_bytes(workbook([["kop", "b"], ["x", 1]]))

    def refuse(raw: bytes) -> list:
        raise xlsx.Unsupported("strict OOXML")

    monkeypatch.setattr(xlsx, "rows", refuse)
    table = tabular.read(path)
    assert table.header == ["kop", "b"] and table.rows == [["x", "1"]]


def test_missing_parts_are_unsupported_not_a_crash() -> None:
    raw = workbook([["kop"], ["x"]])
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            if item.filename != "xl/_rels/workbook.xml.rels":
                target.writestr(item, source.read(item))
    with pytest.raises(xlsx.Unsupported):
        xlsx.rows(broken.getvalue())


def test_date_formats() -> None:
    assert xlsx._is_date_format("m/d/yy\\ h:mm:ss")
    assert xlsx._is_date_format("[$-413]d-mmm-yyyy")
    assert not xlsx._is_date_format('0.00" dagen"')
    assert not xlsx._is_date_format("[Red]0.00")
    assert not xlsx._is_date_format("General")
