"""Honest numbers (issue 11), part two: which files form one team, and the scan a file records.

Hand-computed like tests/test_honest_numbers.py, on the one test bank (tests/testbank.py).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from typer.testing import CliRunner

from samenwerk_cli.cli.app import app
from samenwerk_cli.formats import answers as answers_mod
from samenwerk_cli.formats import bank as bank_mod
from samenwerk_cli.formats.answers import Scan
from samenwerk_cli.render.view import group_view
from samenwerk_cli.scoring import groups as scoring
from samenwerk_cli.scoring import score_paths
from samenwerk_cli.session.dialog import Nav
from tests.testbank import BANK, answer_file, dims, items

# --- which team ----------------------------------------------------------------------------------


def write(folder: Path, name: str, **fields: object) -> None:
    data = answers_mod.Antwoorden(
        formaat=answers_mod.FORMAT,
        vragenlijst=BANK.naam,
        versie=BANK.versie,
        partnerschap=str(fields.pop("partnerschap", "School Noord")),
        **fields,  # type: ignore[arg-type]
    )
    folder.mkdir(parents=True, exist_ok=True)
    answers_mod.save(folder / name, data)


def test_round_spellings_are_one_round(tmp_path: Path) -> None:
    for i, ronde in enumerate(["2026-najaar", "najaar 2026", "2026-Najaar", "2026-najaar"]):
        write(tmp_path, f"r{i}.yaml", ronde=ronde, respondent=f"R{i}",
              antwoorden={"ambitie.belofte": i + 1})  # fmt: skip
    write(tmp_path, "old.yaml", ronde="voorjaar 2026", antwoorden={"ambitie.belofte": 5})
    write(tmp_path, "older.yaml", ronde="2025 najaar", antwoorden={"ambitie.belofte": 5})
    run = score_paths([tmp_path], BANK)
    (partnership,) = run.partnerships
    # In time: 2025 najaar, voorjaar 2026, then the four files of najaar 2026 as one team.
    assert [(g.ronde, g.n) for g in partnership.rondes] == [
        ("2025 najaar", 1),
        ("voorjaar 2026", 1),
        ("2026-najaar", 4),  # the most common spelling
    ]
    (warning,) = [w.message for w in run.warnings if "ronde" in w.message]
    assert "'2026-najaar', 'najaar 2026' en '2026-Najaar'" in warning
    # belofte 1, 2, 3, 4: mean 10/4
    assert dims(partnership.laatste)["ambitie"].score == 10 / 4


def test_the_same_respondent_twice_counts_once(tmp_path: Path) -> None:
    common = {"ronde": "2026-najaar", "organisatie": "Hogeschool Noord"}
    write(tmp_path, "a-late.yaml", respondent="Anna de Vries", datum=dt.date(2026, 11, 20),
          antwoorden={"ambitie.belofte": 5}, **common)  # fmt: skip
    write(tmp_path, "b-early.yaml", respondent="anna  de vries", datum=dt.date(2026, 11, 1),
          antwoorden={"ambitie.belofte": 1}, **{**common, "organisatie": "hogeschool noord"})  # fmt: skip
    write(tmp_path, "c.yaml", respondent="Bram", antwoorden={"ambitie.belofte": 3}, **common)
    # Two identical anonymous files (a group summary saved twice) count once too.
    for name in ("d.yaml", "e.yaml"):
        write(tmp_path, name, antwoorden={"ambitie.belofte": 2}, ronde="2026-najaar")
    run = score_paths([tmp_path], BANK)
    group = run.partnerships[0].laatste
    assert group.n == 3  # Anna (the later datum: 5), Bram 3, one anonymous 2
    assert items(group)["ambitie.belofte"].score == 10 / 3
    doubles = [w for w in run.warnings if "twee keer" in w.message]
    assert len(doubles) == 1
    assert doubles[0].file.endswith("b-early.yaml") and "a-late.yaml" in doubles[0].message
    (same,) = [w for w in run.warnings if "identiek" in w.message]
    assert same.file.endswith("e.yaml") and "d.yaml" in same.message


# --- the scan a file records ---------------------------------------------------------------------


def test_coverage_is_answered_over_asked_in_the_files_scan() -> None:
    # One answer in a scan of ambitie (4 items): dekking 1/4, too few for a band, and the file is
    # onvolledig. The same answer in a file without a scan: 1/1, as before.
    scan = Scan(soort="volledig", dimensies=["ambitie"])
    scanned = answer_file({"ambitie.belofte": 5}, scan=scan)
    result = scoring.score_group([scanned], BANK)
    ambitie = dims(result)["ambitie"]
    assert (ambitie.dekking, ambitie.band) == (1 / 4, None)
    assert dims(result)["relatie"].dekking == 0  # not asked: no items at all
    assert result.onvolledig == ("a.yaml",)
    assert group_view(result, BANK).header.who == "1 respondent, onvolledig"
    pair = scoring.score_group([scanned, answer_file({"ambitie.belofte": 4}, "b.yaml")], BANK)
    assert group_view(pair, BANK).header.who == "2 respondenten (1 onvolledig)"
    old = scoring.score_group([answer_file({"ambitie.belofte": 5})], BANK)
    assert (dims(old)["ambitie"].dekking, dims(old)["ambitie"].band) == (1 / 1, "sterk")
    assert old.onvolledig == ()
    # Complete, and answering 2 of 4 (half): not onvolledig; 1 of 4 with compleet: onvolledig.
    half = answer_file({"ambitie.belofte": 5, "ambitie.doen": 4}, scan=scan, compleet=True)
    assert scoring.score_group([half], BANK).onvolledig == ()
    less = answer_file({"ambitie.belofte": 5}, scan=scan, compleet=True)
    assert scoring.score_group([less], BANK).onvolledig == ("a.yaml",)


def test_resume_of_a_quick_scan_stays_a_quick_scan(tmp_path: Path, monkeypatch) -> None:
    from samenwerk_cli.terminal.env import Env
    from tests.testbank import Script, write_bank

    monkeypatch.chdir(tmp_path)
    bank_dir = write_bank(tmp_path / "vragen")
    env_vars = {"NO_COLOR": "1", "COLUMNS": "100", "SAMENWERK_VRAGEN": None}
    meta = [("partnerschap", "Noord"), ("organisatie", "Hogeschool"), ("respondent", "Anna"),
            ("rol", ""), ("ronde", "2026-najaar"), ("fase", "delen")]  # fmt: skip

    def invoke(args: list[str], steps: list[tuple[str, object]]):
        script = Script(steps)
        env = Env(stdin_isatty=True, today=dt.date(2026, 11, 28), ask=script)
        result = CliRunner(env=env_vars).invoke(app, ["reflect", *args], obj=env)
        return result, script

    # The quick scan asks ambitie.belofte and relatie.vertrouwen; Ctrl-C at the second.
    stopped, _ = invoke(["--questions", str(bank_dir), "--quick", "-o", "anna.yaml"],
                        [*meta, ("item:ambitie.belofte", 4),
                         ("item:relatie.vertrouwen", KeyboardInterrupt())])  # fmt: skip
    assert stopped.exit_code == 130
    bank = bank_mod.load(bank_dir)
    saved = answers_mod.read(tmp_path / "anna.yaml", bank).data
    assert saved.scan == Scan(soort="kort", dimensies=[])
    assert "scan:\n  soort: kort\n" in (tmp_path / "anna.yaml").read_text(encoding="utf-8")
    # Resumed without --quick: only the quick scan's last item is asked, not the full list.
    resumed, script = invoke(["--questions", str(bank_dir), "--resume", "anna.yaml"],
                             [("item:relatie.vertrouwen", 2),
                              ("toelichting:relatie.vertrouwen", ""),
                              ("review", Nav.FINISH)])  # fmt: skip
    assert resumed.exit_code == 0, resumed.output
    assert not script.steps
    done = answers_mod.read(tmp_path / "anna.yaml", bank).data
    assert done.compleet and done.scan == Scan(soort="kort", dimensies=[])
    assert done.antwoorden == {"ambitie.belofte": 4, "relatie.vertrouwen": 2}
    # Scored against its scan: ambitie asks 1 item in the quick scan, answered: 1/1.
    run = score_paths([tmp_path / "anna.yaml"], bank)
    group = run.partnerships[0].laatste
    assert [d.dekking for d in group.dimensies] == [1 / 1, 1 / 1] and group.onvolledig == ()


def test_resume_of_a_quick_group_scan_stays_a_quick_scan(tmp_path: Path, monkeypatch) -> None:
    from samenwerk_cli.terminal.env import Env
    from tests.testbank import Script, write_bank

    monkeypatch.chdir(tmp_path)
    bank_dir = write_bank(tmp_path / "vragen")
    env_vars = {"NO_COLOR": "1", "COLUMNS": "100", "SAMENWERK_VRAGEN": None}

    def invoke(args: list[str], steps: list[tuple[str, object]]):
        script = Script(steps)
        env = Env(stdin_isatty=True, today=dt.date(2026, 11, 28), ask=script)
        result = CliRunner(env=env_vars).invoke(app, ["reflect", *args], obj=env)
        return result, script

    stopped, _ = invoke(
        ["--questions", str(bank_dir), "--quick", "--group", "Anna:Noord, Bram:Zuid", "-p",
         "Noord", "-o", "team"],
        [("ronde", ""), ("fase", "2 2"), ("item:ambitie.belofte", "4 5"),
         ("samenvatting:ambitie.belofte", ""),
         ("item:relatie.vertrouwen", KeyboardInterrupt())],
    )  # fmt: skip
    assert stopped.exit_code == 130, stopped.output
    resumed, script = invoke(
        ["--questions", str(bank_dir), "--resume", "team"],
        [("item:relatie.vertrouwen", "2 4"), ("samenvatting:relatie.vertrouwen", "")],
    )
    assert resumed.exit_code == 0, resumed.output
    assert not script.steps  # the quick scan's two items, not the full list
    bank = bank_mod.load(bank_dir)
    for path in sorted((tmp_path / "team").iterdir()):
        data = answers_mod.read(path, bank).data
        assert data.compleet and data.scan == Scan(soort="kort", dimensies=[])
        assert set(data.antwoorden) == {"ambitie.belofte", "relatie.vertrouwen"}
