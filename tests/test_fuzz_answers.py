"""Fuzzed answer files through ``samenwerk score`` (issue 12): whatever the file holds, the run ends
with 0, 1 or 2, never a traceback, and every message is a Dutch line without a raw control character.

Files start from a valid answer file and are mutated the way people and tools break them: keys
misspelt, values of the wrong type, unicode and control characters, and YAML features a data file
has no use for (anchors, tags, complex keys, flow style, directives, several documents).
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from samenwerk_cli.cli.app import app
from samenwerk_cli.formats import answers, yamlio
from tests.testbank import mini_answers, write_bank

KEYS = [
    "formaat",
    "vragenlijst",
    "versie",
    "partnerschap",
    "ronde",
    "respondent",
    "organisatie",
    "rol",
    "datum",
    "fase",
    "compleet",
    "antwoorden",
    "toelichting",
]
IDS = [
    "ambitie.belofte",
    "ambitie.doen",
    "ambitie.halen-brengen",
    "ambitie.open",
    "relatie.vertrouwen",
]
NASTY = [
    "\x1b[2J",
    "\x1b]52;c;aGk=\x07",
    "\x1b]8;;http://x\x1b\\klik\x1b]8;;\x1b\\",
    "\x00",
    "\x0b",
    "\x9b",
    "\u202e",
    "\u2066",
    "\u2028",
    "\r",
    "\t",
    "²",
    "①",
    "٣",
    "\ufeff",
    "Één",
]
# Raw YAML a person or a tool might put in a file: each is inserted as a line of its own.
SNIPPETS = [
    "? " * 60 + "a",
    "rol: " + "? " * 40 + "a",
    "ronde: " + "[" * 80 + "]" * 80,
    "ronde: &a x",
    "rol: *a",
    "rol: !!python/object:os.system x",
    "rol: !x y",
    "%YAML 1.1",
    "%TAG ! tag:x,2000:",
    "---",
    "...",
    "\trol: x",
    "rol: |0",
    'rol: "\\e[2J\\x9b\\u202e\\0"',
    "rol: 'x'y",
    "? [a, b]\n: c",
    "{a: 1, b: [2, 3]}",
    "- lijst",
    "antwoorden: 3",
    "antwoorden: [1, 2]",
    "datum: 24-11-2026",
    "datum: 2026-02-30",
    'ronde: "2026²"',
    "ronde: ronde ①",
    "rol: @x",
    "rol: `x`",
    "#",
    "",
]

text_values = st.lists(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=6) | st.sampled_from(NASTY),
    max_size=4,
).map("".join)
scalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10, 10),
    st.floats(allow_nan=True, allow_infinity=True),
    text_values,
    st.sampled_from(["weet niet", "3", "2026-11-24", "samenwerk-antwoorden/1", "mini", "1.10"]),
)
value = st.recursive(
    scalar,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text_values, inner, max_size=3),
    max_leaves=8,
)


@st.composite
def answer_files(draw: st.DrawFn) -> bytes:
    """A valid file mutated: changed or misspelt keys, wrong values, raw YAML, bytes swapped."""
    data = answers.to_yaml(
        mini_answers(antwoorden={i: 3 for i in IDS if i != "ambitie.open"}, toelichting={})
    )
    tree = yamlio.parse(data).data
    for _ in range(draw(st.integers(0, 4))):
        key = draw(st.sampled_from(KEYS) | text_values)
        if draw(st.booleans()) and key in tree:
            del tree[key]
        elif key in ("antwoorden", "toelichting") and draw(st.booleans()):
            tree[key] = {draw(st.sampled_from(IDS) | text_values): draw(value)}
        else:
            tree[key] = draw(value)
    text = yamlio.dump(tree) if draw(st.booleans()) else _dump_loose(tree)
    lines = text.splitlines()
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(lines)))
        lines.insert(at, draw(st.sampled_from(SNIPPETS) | text_values))
    raw = "\n".join(lines).encode("utf-8", "surrogatepass")
    if draw(st.integers(0, 9)) == 0:
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.binary(min_size=1, max_size=4)) + raw[at:]
    return raw


def _dump_loose(tree: dict) -> str:
    """A hand-written looking file: values as plain text, whatever they hold."""
    lines = []
    for key, item in tree.items():
        if isinstance(item, dict):
            lines.append(f"{key}:")
            lines += [f"  {k}: {v}" for k, v in item.items()]
        else:
            lines.append(f"{key}: {item}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def bank_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_bank(tmp_path_factory.mktemp("bank") / "vragen")


RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
ENGLISH = re.compile(
    r"\b(found|expected|Expected|Invalid|Object|allowed|could not|Traceback|Error|line)\b"
)


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(raw=answer_files())
def test_any_answer_file_gives_a_dutch_answer(bank_dir: Path, raw: bytes) -> None:
    runner = CliRunner(env={"NO_COLOR": "1", "COLUMNS": "100", "SAMENWERK_VRAGEN": None})
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "antwoorden.yaml"
        path.write_bytes(raw)
        result = runner.invoke(app, ["score", "-q", str(bank_dir), str(path)])
    assert result.exit_code in (0, 1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.output
    for line in result.stderr.splitlines():
        assert line.startswith(("fout: ", "waarschuwing: ", "let op: ", "tip: ")), line
        message = line.replace(str(path), "")
        assert not ENGLISH.search(message), line
        assert not RAW_CONTROL.search(message), repr(line)
    if result.exit_code == 2:
        assert result.stderr.startswith("fout: "), result.output
