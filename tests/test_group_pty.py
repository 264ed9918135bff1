"""End to end: a group of four in a real pty, with a wrong line, a back step, Ctrl-C and resume."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from samenwerk_cli.formats import answers
from samenwerk_cli.formats import bank as bank_mod
from samenwerk_cli.session.dialog import Nav
from samenwerk_cli.session.engine import Metadata, is_low
from samenwerk_cli.session.single import Session
from tests.test_reflect_pty import CTRL_C, ENTER, LEFT, SAMENWERK, spawn, step
from tests.testbank import Script, write_bank

pexpect = pytest.importorskip("pexpect")

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="pexpect needs a POSIX pty"),
    pytest.mark.timeout(120),
]

GROUP = "Anna:Hogeschool Noord, Bram:Basisschool De Linde, Carla:Basisschool De Linde, Dirk:Hogeschool Noord"
PEOPLE = [("Anna", "Hogeschool Noord"), ("Bram", "Basisschool De Linde"),
          ("Carla", "Basisschool De Linde"), ("Dirk", "Hogeschool Noord")]  # fmt: skip
# What the room answered in the end (quick scan of the test bank: two items and the phase).
FASE = ["verkennen", "delen", "delen", "weet ik niet"]
BELOFTE = [4, 4, 2, 3]
VERTROUWEN = [3, 4, 4, "weet niet"]
BACKSPACE = "\x7f"


def test_group_of_four_with_back_interrupt_and_resume(tmp_path: Path) -> None:
    bank_dir = write_bank(tmp_path / "vragen")
    common = ["--quick", "--questions", str(bank_dir)]
    child = spawn(
        ["reflect", "--group", GROUP, "-p", "Opleidingsschool Noord", "--round", "2026-najaar",
         "-o", "groep", *common],
        tmp_path,
    )  # fmt: skip
    step(child, "groepssessie", "Dirk", "Intypen", "In welke fase", "4 · Vormgeven",
         "Antwoorden van Anna, Bram, Carla en Dirk", keys="1 2 2 ?" + ENTER)  # fmt: skip
    step(child, "4 · Vormgeven", "Ambitie 1/1 · totaal 1/2", "We hebben elkaar iets",
         "5 · helemaal eens", "Antwoorden van", keys="4 5" + ENTER)  # fmt: skip
    step(child, "2 antwoorden getypt voor 4 deelnemers", keys=" 2 3" + ENTER)
    step(child, "gemiddelde", "3,5", "BESPREKEN", "beide kanten van het midden",
         "Samenvatting van het gesprek", keys="De scholen zien de belofte anders." + ENTER)  # fmt: skip
    # the next item, then back: the earlier line comes back, prefilled, and is changed
    step(child, "Relatie 1/1 · totaal 2/2", "We vertrouwen elkaar.", "Antwoorden van",
         keys="v" + ENTER)  # fmt: skip
    step(child, "Ambitie 1/1 · totaal 1/2", "Antwoorden van", "4 5 2 3",
         keys=BACKSPACE * 7 + "4 4 2 3" + ENTER)  # fmt: skip
    step(child, "gemiddelde", "3,25", "BESPREKEN", "Samenvatting", "De scholen zien", keys=ENTER)
    step(child, "Relatie 1/1 · totaal 2/2", "Antwoorden van", keys=CTRL_C)
    child.expect_exact("Gestopt. De antwoorden tot nu toe zijn bewaard in")
    child.expect(r"\r\n  (samenwerk reflect --resume [^\r\n]+)\r\n")
    assert (
        child.match.group(1) == f"samenwerk reflect --resume groep --questions {bank_dir} --quick"
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130

    folder = tmp_path / "groep"
    names = ["01-anna.yaml", "02-bram.yaml", "03-carla.yaml", "04-dirk.yaml"]
    assert sorted(p.name for p in folder.iterdir()) == names
    bank = bank_mod.load(bank_dir)
    halfway = [answers.read(folder / n, bank).data for n in names]
    assert [d.antwoorden for d in halfway] == [{"ambitie.belofte": b} for b in BELOFTE]
    assert {d.toelichting["ambitie.belofte"] for d in halfway} == {
        "De scholen zien de belofte anders."
    }
    assert not any(d.compleet for d in halfway)

    child = spawn(["reflect", "--resume", "groep", *common], tmp_path)
    step(child, "Verder met Opleidingsschool Noord", "1 van de 2 vragen is al beantwoord",
         "Relatie 1/1 · totaal 2/2", "Antwoorden van", keys="3 4 4 ?" + ENTER)  # fmt: skip
    step(child, "Samenvatting", keys=ENTER)
    child.expect_exact("Klaar")
    child.expect_exact("bewaard in de map")
    child.expect_exact("Ambitie van betekenis")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before

    done = [answers.read(folder / n, bank).data for n in names]
    assert all(d.compleet for d in done)
    assert [d.fase for d in done] == FASE
    assert [d.antwoorden["relatie.vertrouwen"] for d in done] == VERTROUWEN
    assert [(d.respondent, d.organisatie) for d in done] == PEOPLE

    # Four people answering alone with the same answers: the same team picture.
    singles = tmp_path / "los"
    singles.mkdir()
    for i, (naam, org) in enumerate(PEOPLE):
        data = single_session(bank, naam, org, FASE[i], {
            "ambitie.belofte": BELOFTE[i], "relatie.vertrouwen": VERTROUWEN[i],
        }, done[i].datum)  # fmt: skip
        answers.save(singles / f"{naam}.yaml", data)
    assert score_json(folder, bank_dir, tmp_path) == score_json(singles, bank_dir, tmp_path)


def single_session(
    bank: Any, naam: str, org: str, fase: str, given: dict[str, Any], today: dt.date | None
) -> answers.Antwoorden:
    """What ``samenwerk reflect --quick`` saves for one person: the same flow, a scripted ask."""
    steps: list[tuple[str, Any]] = [("fase", fase)]
    for item, answer in given.items():
        steps.append((f"item:{item}", answer))
        if is_low(bank.by_id[item], answer):
            steps.append((f"toelichting:{item}", ""))
    steps.append(("review", Nav.FINISH))
    meta = Metadata("Opleidingsschool Noord", org, naam, "", "2026-najaar")
    session = Session(bank, ask=Script(steps), show=lambda _: None, save=lambda _: None,
                      quick=True, given=meta, today=today)  # fmt: skip
    return session.run()


def score_json(path: Path, bank_dir: Path, cwd: Path) -> dict[str, Any]:
    result = subprocess.run(
        [str(SAMENWERK), "score", "--json", "--questions", str(bank_dir), str(path)],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_group_keys_no_spaces_summary_back_and_a_taken_folder(tmp_path: Path) -> None:
    """Issue 17.3 and 17.5 with real keys: one back key at the line and the summary, a line
    without spaces, a balans item by positions, and the folder named with its -2."""
    bank_dir = write_bank(tmp_path / "vragen")
    taken = tmp_path / f"noord-groep-{dt.date.today().isoformat()}"
    taken.mkdir()
    child = spawn(
        ["reflect", "--group", "Anna, Bram, Carla", "-p", "Noord", "--round", "",
         "--dimension", "ambitie", "--questions", str(bank_dir)],
        tmp_path,
        (30, 100),
    )  # fmt: skip
    step(child, "bijvoorbeeld '4 5 2'", "komen in", f"{taken.name}-2", "bestond al",
         "In welke fase", "Antwoorden van Anna, Bram en Carla", keys="122" + ENTER)  # fmt: skip
    step(child, "Ambitie 1/5", "Antwoorden van", keys="452" + ENTER)
    step(child, "gemiddelde", "3,67", "Samenvatting van het gesprek", keys="b" + ENTER)
    step(child, "losse toets", keys=BACKSPACE + LEFT)  # ←: back to this item's line
    step(child, "Antwoorden van", "4 5 2", keys=BACKSPACE * 5 + "4 4 4" + ENTER)
    step(child, "gemiddelde", "4,0", "dicht bij elkaar", "Samenvatting", keys="v" + ENTER)
    step(child, "Antwoorden van", "4 4 4", keys=ENTER)
    step(child, "Samenvatting", keys=ENTER)
    for n in (2, 3):
        step(child, f"Ambitie {n}/5", "Antwoorden van", keys="3 3 3" + ENTER)
        step(child, "Samenvatting", keys=ENTER)
    step(child, "Ambitie 4/5", "Antwoorden van", keys="1 3 5" + ENTER)
    step(child, "posities", "1 naar 'We brengen meer dan we halen'", "1 in evenwicht",
         "BESPREKEN", "Samenvatting", keys=ENTER)  # fmt: skip
    step(child, "Ambitie 5/5", "Samenvatting van het gesprek", keys="Samen opleiden." + ENTER)
    step(child, "Klaar", "bewaard in de map", "samenwerk score", keys="")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    assert list(taken.iterdir()) == []

    bank = bank_mod.load(bank_dir)
    folder = tmp_path / f"{taken.name}-2"
    files = [answers.read(p, bank).data for p in sorted(folder.iterdir())]
    assert [f.fase for f in files] == ["verkennen", "delen", "delen"]
    assert [f.antwoorden["ambitie.belofte"] for f in files] == [4, 4, 4]
    assert [f.antwoorden["ambitie.halen-brengen"] for f in files] == [1, 3, 5]
    assert all("ambitie.belofte" not in f.toelichting for f in files)  # "b" was never saved
    assert {f.toelichting["ambitie.open"] for f in files} == {"Samen opleiden."}
