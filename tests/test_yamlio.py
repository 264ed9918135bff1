"""The safe YAML loader: what it refuses, with file and line, and what it keeps as text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from samenwerk_cli import files
from samenwerk_cli.errors import SamenwerkError
from samenwerk_cli.formats import yamlio


def problem(text: str):
    with pytest.raises(SamenwerkError) as info:
        yamlio.parse(text, "f.yaml")
    (only,) = info.value.problems
    return only


def test_yaml_11_surprises_stay_text() -> None:
    doc = yamlio.parse("a: no\nb: 1.10\nc: 12:30\nd: yes\ne: 4\nf: ~\ng:\nh: 'null'\n")
    assert doc.data == {
        "a": "no",
        "b": "1.10",
        "c": "12:30",
        "d": "yes",
        "e": "4",
        "f": None,
        "g": None,
        "h": "null",
    }


def test_lines_are_remembered_for_keys_and_list_items() -> None:
    doc = yamlio.parse("a: 1\nlijst:\n  - x\n  - y: 2\n", "f.yaml")
    assert doc.line_of(("a",)) == 1
    assert doc.line_of(("lijst", 1)) == 4
    assert doc.line_of(("lijst", 1, "y")) == 4
    assert doc.line_of(("lijst", 1, "missing")) == 4


def test_duplicate_key_is_refused_with_its_line() -> None:
    found = problem("a: 1\nb: 2\na: 3\n")
    assert found.line == 3
    assert "'a' komt twee keer voor" in found.message and "regel 1" in found.message


@pytest.mark.parametrize("text", ["a: &x 1\nb: *x\n", "a: &x [1, 2]\n", "- &a [*a]\n"])
def test_anchors_and_aliases_are_refused(text: str) -> None:
    assert "aliassen" in problem(text).message


def test_billion_laughs_is_refused_fast() -> None:
    lines = ['a: &a ["lol","lol"]']
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [*{prev},*{prev},*{prev},*{prev}]")
    assert "aliassen" in problem("\n".join(lines)).message


def test_syntax_error_names_the_line() -> None:
    found = problem("a: 1\nb: [1, 2\nc: 3\n")
    assert found.file == "f.yaml" and found.line is not None and found.line >= 2
    assert "geen geldige YAML" in found.message


def test_several_documents_are_refused() -> None:
    assert "één YAML-document" in problem("a: 1\n---\nb: 2\n").message


def test_deep_nesting_is_refused() -> None:
    assert "te diep" in problem("[" * 200 + "]" * 200).message


def test_complex_keys_are_refused() -> None:
    assert "sleutel moet een tekst" in problem("? [1, 2]\n: 3\n").message


def test_large_files_are_refused(tmp_path: Path) -> None:
    big = tmp_path / "groot.yaml"
    big.write_bytes(b"a: " + b"x" * (files.MAX_BYTES + 1))
    with pytest.raises(SamenwerkError, match="te groot"):
        yamlio.load_file(big)


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "latin.yaml"
    bad.write_bytes("a: 1\nb: caf\xe9\n".encode("latin-1"))
    with pytest.raises(SamenwerkError) as info:
        yamlio.load_file(bad)
    assert info.value.problems[0].line == 2 and "UTF-8" in str(info.value)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(SamenwerkError, match="niet gevonden"):
        yamlio.load_file(tmp_path / "weg.yaml")
    with pytest.raises(SamenwerkError, match="map"):
        yamlio.load_file(tmp_path)


def test_atomic_write_replaces_whole_file_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    target.write_text("oud\n", encoding="utf-8")
    files.atomic_write(target, "nieuw: é\n")
    assert target.read_text(encoding="utf-8") == "nieuw: é\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.yaml"]


def test_dump_round_trips_unicode_and_keeps_order() -> None:
    data = {"zeta": "één", "alfa": ["no", "1.10"]}
    text = yamlio.dump(data)
    assert "één" in text and text.index("zeta") < text.index("alfa")
    assert yamlio.parse(text).data == data


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_text_loads_or_fails_with_a_project_error(text: str) -> None:
    try:
        yamlio.parse(text, "f.yaml")
    except SamenwerkError as exc:
        assert exc.problems[0].file == "f.yaml"


scalars = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=20)
values = st.recursive(
    st.none() | scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(scalars, inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(values)
def test_dumped_data_loads_back_as_text(value) -> None:
    assert yamlio.parse(yamlio.dump({"v": value})).data == {"v": value}


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("a: [1, 2\nb: 3\n", 2, "lijst [ ... ] niet gesloten"),
        ("a: b: c\n", 1, "tussen aanhalingstekens"),
        ('a: "b\n', 2, "aanhalingsteken niet gesloten"),
        ("a:\n  b: 1\n c: 2\n", 3, "inspringen"),
        ("a:\n\t- b\n", 2, "tab"),
    ],
)
def test_parser_complaints_are_in_dutch(text: str, line: int, words: str) -> None:
    found = problem(text)
    assert found.line == line and words in found.message


def test_atomic_write_follows_umask_and_keeps_an_existing_mode(tmp_path: Path) -> None:
    import os

    old = os.umask(0o022)
    try:
        files.atomic_write(tmp_path / "nieuw.yaml", "a: 1\n")
        assert (tmp_path / "nieuw.yaml").stat().st_mode & 0o777 == 0o644
        kept = tmp_path / "bestaand.yaml"
        kept.write_text("a: 0\n")
        kept.chmod(0o640)
        files.atomic_write(kept, "a: 1\n")
        assert kept.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(old)
