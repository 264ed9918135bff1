"""The group flow with a scripted fake ``ask``: lines, back, summaries, resume, and what is saved."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import msgspec
import pytest

from samenwerk_cli.errors import SamenwerkError
from samenwerk_cli.formats import answers
from samenwerk_cli.formats import bank as bank_mod
from samenwerk_cli.formats.answers import Antwoorden
from samenwerk_cli.formats.bank import Bank
from samenwerk_cli.formats.group_file import Deelnemer
from samenwerk_cli.scoring import groups as scoring
from samenwerk_cli.session import storage as group_folder
from samenwerk_cli.session.dialog import Nav, Notice
from samenwerk_cli.session.engine import Metadata, is_low
from samenwerk_cli.session.group import (
    Closing,
    GroupIntro,
    GroupResumed,
    GroupSession,
    Outcome,
    Statement,
)
from samenwerk_cli.session.single import Session
from tests.testbank import ALL_IDS, Script, run_flow, write_bank

TODAY = dt.date(2026, 11, 29)
ROOM = (
    Deelnemer("Anna", "Hogeschool Noord", "opleider"),
    Deelnemer("Bram", "Basisschool De Linde"),
    Deelnemer("Carla", "Basisschool De Linde"),
)
# (key, answer) for a full run of the test bank by three people
FULL = [
    ("partnerschap", "Opleidingsschool Noord"),
    ("ronde", "2026-najaar"),
    ("fase", "1 2 ?"),
    ("item:ambitie.belofte", "4 5 2"),
    ("samenvatting:ambitie.belofte", "Bram en Anna zien de belofte, Carla niet."),
    ("item:ambitie.commitment", "2 2 3"),
    ("samenvatting:ambitie.commitment", ""),
    ("item:ambitie.doen", "4 4 4"),
    ("samenvatting:ambitie.doen", ""),
    ("item:ambitie.halen-brengen", "3 ? 1"),
    ("samenvatting:ambitie.halen-brengen", ""),
    ("item:ambitie.open", "Meer stageplaatsen, samen opleiden."),
    ("item:relatie.vertrouwen", "4 4 5"),
    ("samenvatting:relatie.vertrouwen", ""),
    ("item:relatie.omheen", "2 2 1"),
    ("samenvatting:relatie.omheen", ""),
    ("item:relatie.samen", "? ? ?"),
    ("samenvatting:relatie.samen", ""),
]


@pytest.fixture
def bank(tmp_path: Path) -> Bank:
    return bank_mod.load(write_bank(tmp_path / "vragen"))


def run(bank: Bank, steps: list[tuple[str, Any]], **kwargs: Any) -> tuple[Any, list, list, Script]:
    kwargs.setdefault("deelnemers", ROOM)
    return run_flow(GroupSession, bank, steps, today=TODAY, **kwargs)


def test_full_run_writes_one_file_per_participant(bank: Bank) -> None:
    files, events, saved, script = run(bank, FULL)
    assert [q.key for q in script.asked] == [k for k, _ in FULL]
    anna, bram, carla = files
    assert [f.respondent for f in files] == ["Anna", "Bram", "Carla"]
    assert [f.organisatie for f in files] == [d.organisatie for d in ROOM]
    assert anna.rol == "opleider" and bram.rol is None
    assert {f.partnerschap for f in files} == {"Opleidingsschool Noord"}
    assert {f.ronde for f in files} == {"2026-najaar"}
    assert all(f.datum == TODAY and f.compleet for f in files)
    assert [f.fase for f in files] == ["verkennen", "delen", "weet ik niet"]
    assert anna.antwoorden == {
        "ambitie.belofte": 4,
        "ambitie.commitment": 2,
        "ambitie.doen": 4,
        "ambitie.halen-brengen": 3,
        "relatie.vertrouwen": 4,
        "relatie.omheen": 2,
        "relatie.samen": "weet niet",
    }
    assert bram.antwoorden["ambitie.halen-brengen"] == "weet niet"
    assert carla.antwoorden["relatie.omheen"] == 1
    assert carla.antwoorden["ambitie.belofte"] == 2
    # the facilitator's summary and the open item's gist belong to everyone
    for f in files:
        assert f.toelichting == {
            "ambitie.belofte": "Bram en Anna zien de belofte, Carla niet.",
            "ambitie.open": "Meer stageplaatsen, samen opleiden.",
        }
    # saved after the metadata, the phase, every line and every summary, and at the end
    assert len(saved) == 1 + 1 + 2 * 7 + 1 + 1
    assert saved[-1][0]["compleet"] is True
    assert saved[3][0]["antwoorden"] == {"ambitie.belofte": 4}

    assert isinstance(events[0], GroupIntro) and events[0].deelnemers == ROOM
    first = next(e for e in events if isinstance(e, Statement) and e.progress.startswith("Amb"))
    assert first.progress == "Ambitie 1/5 · totaal 1/8"
    assert first.schaal[0] == "1 · helemaal oneens"
    [open_item] = [e for e in events if isinstance(e, Statement) and "open vraag" in e.progress]
    assert open_item.tekst == "Wat willen we bereiken?" and open_item.schaal == ()
    outcomes = [e for e in events if isinstance(e, Outcome) and e.beoordeeld]
    belofte = outcomes[0]
    assert belofte.rows[1] == ("2 · oneens", ("Carla",))
    assert belofte.rows[3] == ("4 · eens", ("Anna",))
    assert belofte.gemiddelde == pytest.approx(11 / 3)
    assert belofte.bespreken and "beide kanten" in belofte.bespreken
    assert outcomes[-1].rows[-1] == ("weet niet", ("Anna", "Bram", "Carla"))
    closing = events[-1]
    assert isinstance(closing, Closing) and closing.stellingen == 7
    assert [(r.nr, r.antwoorden) for r in closing.rows] == [(1, "2×1 · 4×1 · 5×1")]
    assert closing.rows[0].samenvatting == "Bram en Anna zien de belofte, Carla niet."


def test_the_line_prompt_names_the_order_and_validates(bank: Bank) -> None:
    _, _, _, script = run(bank, FULL)
    line = next(q for q in script.asked if q.key == "item:ambitie.belofte")
    assert line.message == "Antwoorden van Anna, Bram en Carla"
    assert line.validate is not None
    assert line.validate("4 5") == "2 antwoorden getypt voor 3 deelnemers: typ er één per persoon."
    assert line.validate("4 5 1") is None and line.validate("v") is None
    fase = next(q for q in script.asked if q.key == "fase")
    assert fase.validate is not None and fase.validate("v") is not None  # nothing before it
    assert fase.validate("5 1 1")  # this bank has four phases
    assert fase.validate("4 1 1") is None


def test_back_prefills_the_earlier_line_and_changes_it(bank: Bank) -> None:
    steps = [
        *FULL[:5],
        ("item:ambitie.commitment", "v"),
        ("item:ambitie.belofte", "1 1 1"),
        ("samenvatting:ambitie.belofte", "Toch niet."),
        *FULL[5:],
    ]
    files, _, _, script = run(bank, steps)
    again = [q for q in script.asked if q.key == "item:ambitie.belofte"]
    assert again[1].default == "4 5 2"
    summaries = [q for q in script.asked if q.key == "samenvatting:ambitie.belofte"]
    assert summaries[1].default == "Bram en Anna zien de belofte, Carla niet."
    assert [f.antwoorden["ambitie.belofte"] for f in files] == [1, 1, 1]
    assert files[2].toelichting["ambitie.belofte"] == "Toch niet."


def test_back_from_the_first_item_asks_the_phase_again(bank: Bank) -> None:
    steps = [*FULL[:3], ("item:ambitie.belofte", "v"), ("fase", "2 2 2"), *FULL[3:]]
    files, _, _, script = run(bank, steps)
    assert [q.default for q in script.asked if q.key == "fase"] == ["", "1 2 ?"]
    assert [f.fase for f in files] == ["delen"] * 3


def test_back_from_an_open_item(bank: Bank) -> None:
    at_open = next(i for i, (k, _) in enumerate(FULL) if k == "item:ambitie.open")
    steps = [
        *FULL[:at_open],
        ("item:ambitie.open", "v"),
        ("item:ambitie.halen-brengen", "3 3 3"),
        ("samenvatting:ambitie.halen-brengen", ""),
        *FULL[at_open:],
    ]
    files, _, _, _ = run(bank, steps)
    assert [f.antwoorden["ambitie.halen-brengen"] for f in files] == [3, 3, 3]


def test_metadata_given_as_flags_is_not_asked(bank: Bank) -> None:
    steps = [
        ("fase", "1 1 1"),
        ("item:ambitie.belofte", "3 3 3"),
        ("samenvatting:ambitie.belofte", ""),
    ]
    steps += [("item:relatie.vertrouwen", "3 3 3"), ("samenvatting:relatie.vertrouwen", "")]
    files, _, _, _ = run(
        bank, steps, quick=True, given=Metadata(partnerschap="Noord", ronde="2027-voorjaar")
    )
    assert {(f.partnerschap, f.ronde) for f in files} == {("Noord", "2027-voorjaar")}
    assert [list(f.antwoorden) for f in files] == [["ambitie.belofte", "relatie.vertrouwen"]] * 3


def test_a_scripted_wrong_line_is_shown_and_asked_again(bank: Bank) -> None:
    steps = [*FULL[:3], ("item:ambitie.belofte", "4 5"), *FULL[3:]]
    _, events, _, _ = run(bank, steps)
    assert Notice("2 antwoorden getypt voor 3 deelnemers: typ er één per persoon.") in events


def test_interrupt_and_resume_at_the_first_line_not_everyone_answered(bank: Bank) -> None:
    saved: list[list[Antwoorden]] = []
    script = Script([*FULL[:7], ("item:ambitie.doen", KeyboardInterrupt())])
    session = GroupSession(
        bank,
        ask=script,
        show=lambda _: None,
        save=lambda files: saved.append(
            [msgspec.convert(msgspec.to_builtins(f), Antwoorden) for f in files]
        ),
        deelnemers=ROOM,
        today=TODAY,
    )
    with pytest.raises(KeyboardInterrupt):
        session.run()
    on_disk = saved[-1]
    assert on_disk[0].antwoorden == {"ambitie.belofte": 4, "ambitie.commitment": 2}
    assert not any(f.compleet for f in on_disk)

    files, events, _, script = run(bank, FULL[7:], resume=on_disk, deelnemers=())
    assert isinstance(events[0], GroupResumed)
    assert (events[0].beantwoord, events[0].totaal) == (2, 8)
    assert [d.naam for d in events[0].deelnemers] == ["Anna", "Bram", "Carla"]
    assert files[0].antwoorden["ambitie.belofte"] == 4  # kept
    assert all(f.compleet for f in files)


def test_a_group_needs_two_people(bank: Bank) -> None:
    with pytest.raises(ValueError, match="at least 2"):
        GroupSession(bank, ask=Script([]), show=print, save=print, deelnemers=ROOM[:1])


def test_group_files_score_like_single_sessions(bank: Bank, tmp_path: Path) -> None:
    """A room typed as lines gives the same team picture as each person answering alone."""
    files, _, _, _ = run(bank, FULL)
    saver = group_folder.FolderSaver(tmp_path / "groep")
    saver(files)
    assert [p.name for p in saver.paths] == ["01-anna.yaml", "02-bram.yaml", "03-carla.yaml"]

    singles = []
    for i, d in enumerate(ROOM):
        lines = {k: v for k, v in FULL if k.startswith("item:")}
        steps: list[tuple[str, Any]] = [("fase", ["verkennen", "delen", "weet ik niet"][i])]
        for item in ALL_IDS:
            raw = lines[f"item:{item}"]
            if item == "ambitie.open":
                steps.append((f"item:{item}", raw))
                continue
            value = raw.split()[i]
            answer = "weet niet" if value == "?" else int(value)
            steps.append((f"item:{item}", answer))
            if is_low(bank.by_id[item], answer):
                steps.append((f"toelichting:{item}", ""))
        steps.append(("review", Nav.FINISH))
        meta = Metadata("Opleidingsschool Noord", d.organisatie, d.naam, d.rol or "", "2026-najaar")
        single = Session(bank, ask=Script(steps), show=lambda _: None, save=lambda _: None,
                         given=meta, today=TODAY).run()  # fmt: skip
        singles.append(answers.AnswerFile(f"{i}.yaml", single))

    from_folder = [answers.read(p, bank) for p in saver.paths]
    [team] = scoring.score_files(from_folder, bank)
    [alone] = scoring.score_files(singles, bank)
    assert team.dimensies == alone.dimensies
    assert [i.score for i in team.items] == [i.score for i in alone.items]
    assert team.fase == alone.fase


def test_folder_read_and_checks(bank: Bank, tmp_path: Path) -> None:
    files, _, _, _ = run(bank, FULL)
    folder = tmp_path / "groep"
    group_folder.FolderSaver(folder)(files)
    paths, read_back, warnings = group_folder.read(folder, bank)
    assert [f.respondent for f in read_back] == ["Anna", "Bram", "Carla"] and not warnings
    with pytest.raises(SamenwerkError, match="al antwoorden"):
        group_folder.check_new(folder, "samenwerk reflect --resume groep")
    group_folder.check_new(tmp_path / "nieuw", "")  # a new folder is fine
    (tmp_path / "leeg").mkdir()
    with pytest.raises(SamenwerkError, match="geen groepssessie"):
        group_folder.read(tmp_path / "leeg", bank)
    other = msgspec.structs.replace(read_back[0], partnerschap="Zuid")
    answers.save(paths[0], other)
    with pytest.raises(SamenwerkError, match="verschillende partnerschappen"):
        group_folder.read(folder, bank)
    assert group_folder.default_folder("Opleidingsschool Noord", TODAY, tmp_path).name == (
        "opleidingsschool-noord-groep-2026-11-29"
    )


# --- issue 17: one back key, no stray summaries, what the room sees ----------------------------


def test_back_at_the_summary_returns_to_this_items_line(bank: Bank) -> None:
    i = FULL.index(("samenvatting:ambitie.belofte", "Bram en Anna zien de belofte, Carla niet."))
    steps = [
        *FULL[:i],
        ("samenvatting:ambitie.belofte", "v"),  # not saved as the summary "v"
        ("item:ambitie.belofte", "4 5 3"),
        ("samenvatting:ambitie.belofte", Nav.BACK),  # the left arrow
        ("item:ambitie.belofte", "4 5 4"),
        *FULL[i:],
    ]
    files, _, _, script = run(bank, steps)
    assert [f.antwoorden["ambitie.belofte"] for f in files] == [4, 5, 4]
    assert files[0].toelichting["ambitie.belofte"].startswith("Bram en Anna")
    again = [q for q in script.asked if q.key == "item:ambitie.belofte"]
    assert [q.default for q in again] == ["", "4 5 2", "4 5 3"]  # the line as it was saved
    assert all("v of ← = vorige" in (q.instruction or "") for q in script.asked[3:5])


@pytest.mark.parametrize("stray", ["b", "4", "4 5"])
def test_a_stray_key_is_no_summary(bank: Bank, stray: str) -> None:
    i = FULL.index(("samenvatting:ambitie.commitment", ""))
    steps = [*FULL[:i], ("samenvatting:ambitie.commitment", stray), *FULL[i:]]
    files, events, _, _ = run(bank, steps)
    assert all("ambitie.commitment" not in f.toelichting for f in files)
    assert any(isinstance(e, Notice) and "losse toets" in e.text for e in events)


def test_all_weet_niet_is_not_close_together_and_balans_shows_positions(bank: Bank) -> None:
    _, events, _, _ = run(bank, FULL)
    outcomes = [e for e in events if isinstance(e, Outcome) and e.beoordeeld]
    by_item = dict(
        zip(
            [k for k, _ in FULL if k.startswith("item:") and k != "item:ambitie.open"],
            outcomes,
            strict=True,
        )
    )
    samen = by_item["item:relatie.samen"]  # "? ? ?"
    assert samen.cijfers == 0 and samen.bespreken is None
    balans = by_item["item:ambitie.halen-brengen"]  # "3 ? 1": one in balance, one to the left
    assert balans.cijfers == 2
    assert balans.posities == "1 naar 'We brengen meer dan we halen' · 1 in evenwicht"
    assert by_item["item:ambitie.belofte"].posities is None


def test_the_example_line_fits_the_room(bank: Bank) -> None:
    _, events, _, _ = run(bank, FULL)
    intro = next(e for e in events if isinstance(e, GroupIntro))
    assert intro.voorbeeld == "4 5 2"
    five = (*ROOM, Deelnemer("Dirk"), Deelnemer("Eva"))
    assert GroupIntro("t", five, 1, 0, 1, False).voorbeeld == "4 5 2 3 4"


def test_a_line_typed_without_spaces(bank: Bank) -> None:
    steps = [*FULL[:3], ("item:ambitie.belofte", "452"), *FULL[4:]]
    files, _, _, _ = run(bank, steps)
    assert [f.antwoorden["ambitie.belofte"] for f in files] == [4, 5, 2]


def test_the_report_gives_the_summary_as_the_facilitators(bank: Bank) -> None:
    """Issue 17.7: the summary is saved for everyone, but it is the facilitator's words."""
    from samenwerk_cli.render import markdown_sections, view

    files, _, _, _ = run(bank, FULL)
    [team] = scoring.score_files(
        [answers.AnswerFile(f"{i}.yaml", f) for i, f in enumerate(files)], bank
    )
    text = markdown_sections.written(view.written(team, bank))
    summary = "Bram en Anna zien de belofte, Carla niet. — *begeleider, samenvatting van het groepsgesprek*"
    assert summary in text
    assert "Anna, Bram en Carla" not in text


def test_one_persons_comment_keeps_the_name(bank: Bank) -> None:
    from samenwerk_cli.render import markdown_sections, view

    files, _, _, _ = run(bank, FULL)
    files[1].toelichting["relatie.samen"] = "Alleen Bram zegt dit."
    [team] = scoring.score_files(
        [answers.AnswerFile(f"{i}.yaml", f) for i, f in enumerate(files)], bank
    )
    assert "Alleen Bram zegt dit. — *Bram*" in markdown_sections.written(view.written(team, bank))
