"""End to end: the installed ``samenwerk`` console script in a real pseudo-terminal (pexpect)."""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

import pytest

from samenwerk_cli.formats import answers
from samenwerk_cli.formats import bank as bank_mod
from tests.testbank import ALL_IDS, write_bank

pexpect = pytest.importorskip("pexpect")

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="pexpect needs a POSIX pty"),
    pytest.mark.timeout(90),
]

SAMENWERK = Path(sys.executable).parent / "samenwerk"
ENTER, CTRL_C, CTRL_D = "\r", "\x03", "\x04"
LEFT, BACKSPACE = "\x1b[D", "\x7f"


@pytest.fixture
def bank_dir(tmp_path: Path) -> Path:
    return write_bank(tmp_path / "vragen")


def spawn(args: list[str], cwd: Path, size: tuple[int, int] = (40, 120)) -> pexpect.spawn:
    env = {k: v for k, v in os.environ.items() if k != "SAMENWERK_VRAGEN"}
    lines, columns = size
    env.update(
        PROMPT_TOOLKIT_NO_CPR="1",
        NO_COLOR="1",
        TERM="xterm",
        COLUMNS=str(columns),
        LINES=str(lines),
    )
    return pexpect.spawn(
        str(SAMENWERK),
        args,
        cwd=str(cwd),
        env=env,
        dimensions=size,
        encoding="utf-8",
        timeout=15,
    )


def step(child: pexpect.spawn, *seen: str, keys: str) -> None:
    """Wait until every text in ``seen`` appeared (in order), then type ``keys``."""
    for text in seen:
        child.expect_exact(text)
    child.send(keys)


def finish(child: pexpect.spawn) -> str:
    """Choose 'Afronden' in the review and return everything printed after it."""
    step(child, "Je antwoorden", "Klopt alles?", keys="1" + ENTER)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    return child.before


def test_full_quick_run(tmp_path: Path, bank_dir: Path) -> None:
    child = spawn(["reflect", "--quick", "--questions", str(bank_dir)], tmp_path)
    step(child, "Reflectiemodel op samenwerken", "minuut", "Naam van het partnerschap",
         keys="Opleidingsschool Noord" + ENTER)  # fmt: skip
    step(child, "Je organisatie", keys="Hogeschool Noord" + ENTER)
    step(child, "Je naam", keys="Anna de Vries" + ENTER)
    step(child, "Je rol", keys="opleider" + ENTER)
    step(child, "Ronde", keys="2026-najaar" + ENTER)
    step(child, "In welke fase", "5) weet ik niet", keys="2" + ENTER)
    step(
        child, "Ambitie 1/1 · totaal 1/2", "We hebben elkaar iets", "6) weet niet", keys="4" + ENTER
    )
    step(child, "Relatie 1/1 · totaal 2/2", "We vertrouwen elkaar.", keys="2" + ENTER)
    step(child, "Wil je dit toelichten?", keys="Weinig contact buiten overleg." + ENTER)
    out = finish(child)
    assert "Klaar" in out and "Ambitie van betekenis" in out

    [path] = tmp_path.glob("opleidingsschool-noord-anna-de-vries-*.yaml")
    data = answers.read(path, bank_mod.load(bank_dir)).data
    assert data.compleet and data.fase == "delen" and data.ronde == "2026-najaar"
    assert (data.organisatie, data.rol) == ("Hogeschool Noord", "opleider")
    assert data.antwoorden == {"ambitie.belofte": 4, "relatie.vertrouwen": 2}
    assert data.toelichting == {"relatie.vertrouwen": "Weinig contact buiten overleg."}


FLAGS = ["--partnership", "Noord", "--respondent", "Bo", "--organisation", "X", "--role", "",
         "--round", ""]  # fmt: skip


def test_interrupt_and_resume(tmp_path: Path, bank_dir: Path) -> None:
    out = tmp_path / "bo.yaml"
    child = spawn(["reflect", "--questions", str(bank_dir), "-o", str(out), *FLAGS], tmp_path)
    step(child, "In welke fase", keys="1" + ENTER)
    step(child, "Ambitie 1/5", keys="5" + ENTER)
    step(child, "Ambitie 2/5", keys="3" + ENTER)
    step(child, "Ambitie 3/5", keys="3" + ENTER)
    step(child, "Ambitie 4/5", keys="3" + ENTER)  # the middle of a balans: not low
    step(child, "Ambitie 5/5", "Wat willen we bereiken?", keys=CTRL_C)
    child.expect_exact("Gestopt")
    child.expect(r"\r\n  (samenwerk reflect --resume [^\r\n]+)\r\n")
    command = child.match.group(1)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert command == f"samenwerk reflect --resume {out} --questions {bank_dir}"

    bank = bank_mod.load(bank_dir)
    saved = answers.read(out, bank).data
    assert not saved.compleet
    assert saved.antwoorden == {
        "ambitie.belofte": 5,
        "ambitie.commitment": 3,
        "ambitie.doen": 3,
        "ambitie.halen-brengen": 3,
    }

    child = spawn(shlex.split(command)[1:], tmp_path)
    step(child, "Verder met Noord", "4 van de 8", "Ambitie 5/5", "Wat willen we", keys=ENTER)
    step(child, "Relatie 1/3", keys="6" + ENTER)
    step(child, "Relatie 2/3", keys="2" + ENTER)  # reversed: 2 is not low
    step(child, "Relatie 3/3", keys="4" + ENTER)
    report = finish(child)
    assert "Relatie — aandacht voor persoonlijke relaties" in report

    data = answers.read(out, bank).data
    assert data.compleet
    assert (data.partnerschap, data.respondent, data.organisatie, data.fase) == (
        "Noord",
        "Bo",
        "X",
        "verkennen",
    )
    assert data.antwoorden["relatie.vertrouwen"] == "weet niet"
    assert data.antwoorden["ambitie.belofte"] == 5
    assert data.toelichting == {"ambitie.open": ""}
    assert [i for i in ALL_IDS if i not in data.antwoorden and i not in data.toelichting] == []


def test_back_and_change_an_answer(tmp_path: Path, bank_dir: Path) -> None:
    out = tmp_path / "bo.yaml"
    child = spawn(["reflect", "--questions", str(bank_dir), "-o", str(out), *FLAGS], tmp_path)
    step(child, "In welke fase", keys="3" + ENTER)
    step(child, "Ambitie 1/5", "u) uitleg", keys="u" + ENTER)
    step(child, "Uitleg: De belofte is", keys="5" + ENTER)
    step(child, "Ambitie 2/5", "v) ← vorige vraag", keys="v" + ENTER)
    step(child, "Ambitie 1/5", "We hebben elkaar iets", keys="1" + ENTER)  # was 5
    step(child, "Wil je dit toelichten?", keys="Niets vastgelegd." + ENTER)
    step(child, "Ambitie 2/5", keys="4" + ENTER)
    step(child, "Ambitie 3/5", keys="4" + ENTER)
    step(child, "Ambitie 4/5", keys="3" + ENTER)
    step(child, "Ambitie 5/5", keys="Samen opleiden." + ENTER)
    step(child, "Relatie 1/3", keys="4" + ENTER)
    step(child, "Relatie 2/3", keys="2" + ENTER)
    step(child, "Relatie 3/3", keys="4" + ENTER)
    # In the review, change item 6 (relatie.vertrouwen) from 4 to 2.
    step(child, "Je antwoorden", "Klopt alles?", keys="2" + ENTER)
    step(child, "Welk nummer", keys="6" + ENTER)
    step(child, "Relatie 1/3", "← terug naar het overzicht", keys="2" + ENTER)
    step(child, "Wil je dit toelichten?", keys=ENTER)
    report = finish(child)
    assert "Ambitie van betekenis" in report

    data = answers.read(out, bank_mod.load(bank_dir)).data
    assert data.compleet and data.fase == "overeenkomen"
    assert data.antwoorden == {
        "ambitie.belofte": 1,
        "ambitie.commitment": 4,
        "ambitie.doen": 4,
        "ambitie.halen-brengen": 3,
        "relatie.vertrouwen": 2,
        "relatie.omheen": 2,
        "relatie.samen": 4,
    }
    assert data.toelichting == {
        "ambitie.belofte": "Niets vastgelegd.",
        "ambitie.open": "Samen opleiden.",
    }


def test_existing_output_is_refused(tmp_path: Path, bank_dir: Path) -> None:
    out = tmp_path / "bo.yaml"
    out.write_text("iets\n")
    child = spawn(["reflect", "--questions", str(bank_dir), "-o", str(out)], tmp_path)
    child.expect_exact("bestaat al")
    child.expect_exact("--resume")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    assert out.read_text() == "iets\n"


def test_end_of_input_before_any_answer(tmp_path: Path, bank_dir: Path) -> None:
    child = spawn(["reflect", "--questions", str(bank_dir)], tmp_path)
    step(child, "Naam van het partnerschap", keys=CTRL_D)
    child.expect_exact("nog niets om te bewaren")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    assert list(tmp_path.glob("*.yaml")) == []


def test_real_keys_stray_enter_left_arrow_and_a_comment_on_any_answer(
    tmp_path: Path, bank_dir: Path
) -> None:
    """Issue 17.3/17.4 with real keys on a 100 × 30 projector."""
    out = tmp_path / "bo.yaml"
    child = spawn(
        ["reflect", "--questions", str(bank_dir), "-o", str(out), *FLAGS], tmp_path, (30, 100)
    )
    step(child, "In welke fase", keys=ENTER)  # a stray Enter: nothing chosen
    child.send("2" + ENTER)
    step(child, "komen in", str(out), "Ambitie 1/5", "t) toelichting bij", keys="4" + ENTER)
    step(child, "Ambitie 2/5", keys=LEFT)  # ← goes back, as v does
    step(child, "Ambitie 1/5", keys=ENTER)  # starts on the earlier answer: Enter keeps 4
    step(child, "Ambitie 2/5", keys="t" + ENTER)  # a comment on any answer
    step(child, "daarna typ je de toelichting", keys="4" + ENTER)
    step(child, "Wil je dit toelichten?", keys="5" + ENTER)  # a stray digit is refused
    step(child, "losse toets", keys=BACKSPACE + "Mooie woorden, echt." + ENTER)
    step(child, "Ambitie 3/5", keys="3" + ENTER)
    step(child, "Ambitie 4/5", keys="3" + ENTER)
    step(child, "Ambitie 5/5", "v of ← = vorige", keys=LEFT)  # ← on an empty line: back
    step(child, "Ambitie 4/5", keys=ENTER)
    step(child, "Ambitie 5/5", keys="v" + ENTER)  # v alone: back
    step(child, "Ambitie 4/5", keys=ENTER)
    step(child, "Ambitie 5/5", keys="Samen opleiden." + ENTER)
    step(child, "Relatie 1/3", keys="4" + ENTER)
    step(child, "Relatie 2/3", keys="3" + ENTER)  # reversed: 3 is not low
    step(child, "Relatie 3/3", keys="4" + ENTER)
    step(child, "Klopt alles?", keys="2" + ENTER)
    step(child, "Welk nummer", keys="²")  # refused as typed, no traceback
    step(child, "Typ een nummer van 1 tot en met 8", keys=BACKSPACE + LEFT)  # ←: the overview
    report = finish(child)
    assert "Stuur dit bestand naar de begeleider" in report
    assert f"samenwerk score {out} --questions {bank_dir}" in report
    assert "Traceback" not in report

    data = answers.read(out, bank_mod.load(bank_dir)).data
    assert data.compleet and data.fase == "delen"
    assert data.antwoorden == {
        "ambitie.belofte": 4,
        "ambitie.commitment": 4,
        "ambitie.doen": 3,
        "ambitie.halen-brengen": 3,
        "relatie.vertrouwen": 4,
        "relatie.omheen": 3,
        "relatie.samen": 4,
    }
    assert data.toelichting == {
        "ambitie.commitment": "Mooie woorden, echt.",
        "ambitie.open": "Samen opleiden.",
    }


def test_review_comes_in_pages_on_a_short_screen(tmp_path: Path, bank_dir: Path) -> None:
    out = tmp_path / "bo.yaml"
    bank = bank_mod.load(bank_dir)
    child = spawn(
        ["reflect", "--questions", str(bank_dir), "-o", str(out), *FLAGS], tmp_path, (16, 80)
    )
    step(child, "In welke fase", keys="1" + ENTER)
    for n in (1, 2, 3, 4):
        step(child, f"Ambitie {n}/5", keys="3" + ENTER)  # 3: never low, no comment asked
    step(child, "Ambitie 5/5", keys=ENTER)
    for n in (1, 2, 3):
        step(child, f"Relatie {n}/3", keys="3" + ENTER)
    child.expect(r"bladzijde 1 van (\d)")
    pages = int(child.match.group(1))
    assert pages > 1
    for page in range(2, pages + 1):
        step(child, "Klopt alles?", "Volgende bladzijde", keys="3" + ENTER)
        child.expect_exact(f"bladzijde {page} van {pages}")
    step(child, "Klopt alles?", keys="1" + ENTER)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert answers.read(out, bank).data.compleet
