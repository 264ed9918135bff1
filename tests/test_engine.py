"""The session engine on its own, driven by a scripted mode: the walk, the phase, saving, resume.

The single and the group session are tested through their own modes elsewhere; here a minimal
mode records what the engine asks of it, so the engine's rules are checked apart from any screen.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from typing import Any

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

from samenwerk_cli.formats import bank as bank_mod
from samenwerk_cli.formats.answers import Antwoorden
from samenwerk_cli.formats.bank import Bank
from samenwerk_cli.session.dialog import DimensionHeader, Nav, Question
from samenwerk_cli.session.engine import BACK_LABEL, Engine, Metadata
from tests.testbank import ALL_IDS, write_bank

TODAY = dt.date(2026, 11, 29)
OPEN = "ambitie.open"  # the one open item of the test bank, 5th of 8


@pytest.fixture(scope="module")
def bank(tmp_path_factory: pytest.TempPathFactory) -> Bank:
    return bank_mod.load(write_bank(tmp_path_factory.mktemp("vragen")))


class Scripted:
    """A mode that answers 3 to every item unless the script says ``back`` where back is offered."""

    def __init__(self, fase_in_metadata: bool, backs: list[bool], people: int = 2) -> None:
        self.fase_in_metadata = fase_in_metadata
        self.backs: Iterator[bool] = iter(backs)
        self.people = people
        self.log: list[Any] = []

    def start(self, run: Engine) -> list[Antwoorden]:
        self.log.append("start")
        return [run.new_file("Noord", respondent=f"p{n}") for n in range(self.people)]

    def resumed(self, run: Engine) -> None:
        self.log.append("resumed")

    def ask_fase(self, run: Engine) -> None:
        self.log.append("fase")
        for f in run.files:
            f.fase = "delen"
        run.save()

    def item(self, run: Engine, i: int, back: str | None) -> Nav | None:
        back_chosen = back is not None and next(self.backs, False)
        self.log.append(("item", i, back, back_chosen))
        if back_chosen:
            return Nav.BACK
        v = run.items[i]
        for f in run.files:
            if v.scored:
                f.antwoorden[v.id] = 3
            else:
                f.toelichting[v.id] = ""
        run.save()
        return None

    def review(self, run: Engine) -> None:
        self.log.append("review")

    def close(self, run: Engine) -> None:
        self.log.append("close")


def no_questions(question: Question) -> Any:
    raise AssertionError(f"the mode asks, not the engine: {question.key}")


def engine(
    bank: Bank, mode: Scripted, resume: list[Antwoorden] | None = None
) -> tuple[Engine, list[Any], list[list[dict[str, Any]]]]:
    events: list[Any] = []
    saved: list[list[dict[str, Any]]] = []
    run = Engine(
        bank,
        no_questions,
        events.append,
        lambda files: saved.append([msgspec.to_builtins(f) for f in files]),
        mode,
        given=Metadata(partnerschap="Noord"),
        resume=resume,
        today=TODAY,
    )
    return run, events, saved


@given(backs=st.lists(st.booleans(), max_size=40), fase_in_metadata=st.booleans())
def test_any_walk_back_and_forth_ends_complete_and_in_order(
    bank: Bank, backs: list[bool], fase_in_metadata: bool
) -> None:
    mode = Scripted(fase_in_metadata, backs)
    run, events, saved = engine(bank, mode)
    files = run.run()

    log = mode.log
    assert log[0] == "start" and log[1] == "fase" and log[-2:] == ["review", "close"]
    steps = log[1:-2]
    for here, after in itertools.pairwise(steps):
        if here == "fase":
            assert after[:2] == ("item", 0)  # the phase comes right before the first item
            continue
        _, i, back, went_back = here
        assert back == BACK_LABEL  # a new run asked the phase, so even item 0 can go back to it
        if went_back:
            assert (after == "fase") if i == 0 else (after[:2] == ("item", i - 1))
        else:
            assert after[:2] == ("item", i + 1)
    assert steps[-1][1:] == (7, BACK_LABEL, False)  # the walk ends answering the last item

    assert all(f.antwoorden == dict.fromkeys(ids(scored=True), 3) for f in files)
    assert all(f.toelichting == {OPEN: ""} for f in files)
    # a save after every answer and every phase, one before the first phase only for a room
    answered = sum(1 for s in steps if s == "fase" or not s[3])
    assert len(saved) == answered + (0 if fase_in_metadata else 1) + 1
    assert [f["compleet"] for f in saved[-1]] == [True, True]
    assert not any(f["compleet"] for s in saved[:-1] for f in s)
    # a dimension's header whenever the walk enters it, also when it steps back into it
    visited = [run.items[s[1]].dimensie for s in steps if s != "fase"]
    entered = [d for n, d in enumerate(visited) if n == 0 or visited[n - 1] != d]
    headers = [e.naam for e in events if isinstance(e, DimensionHeader)]
    # … named as in every report: short name and model name (docs/model.md §1)
    named = {
        "ambitie": "Ambitie van betekenis",
        "relatie": "Relatie — aandacht voor persoonlijke relaties",
    }
    assert headers == [named[d] for d in entered]


def ids(scored: bool) -> list[str]:
    return [i for i in ALL_IDS if (i != OPEN) == scored]


def half_done(bank: Bank, fases: list[str | None]) -> list[Antwoorden]:
    """Files of an interrupted run: the first answered the first three items, the others two."""
    files = []
    for n, fase in enumerate(fases):
        f = Antwoorden(
            formaat="x", vragenlijst=bank.naam, versie="1", partnerschap="N", fase=fase, datum=TODAY
        )
        f.antwoorden = dict.fromkeys(ALL_IDS[: 3 if n == 0 else 2], 4)
        files.append(f)
    return files


@pytest.mark.parametrize(
    ("fase_in_metadata", "fases", "asked"),
    [
        (True, ["delen", "delen"], False),
        (True, [None, None], False),  # a respondent's phase is metadata: kept, not asked again
        (False, ["delen", "delen"], False),
        (False, ["delen", None], True),  # a room's phase is asked whenever someone lacks it
    ],
)
def test_resume_starts_at_the_first_item_not_everyone_answered(
    bank: Bank, fase_in_metadata: bool, fases: list[str | None], asked: bool
) -> None:
    mode = Scripted(fase_in_metadata, [])
    run, _, saved = engine(bank, mode, resume=half_done(bank, fases))
    files = run.run()
    items = [s for s in mode.log if isinstance(s, tuple)]
    assert mode.log[0] == "resumed" and ("fase" in mode.log) is asked
    assert [s[1] for s in items] == [2, 3, 4, 5, 6, 7]
    assert [f.antwoorden["ambitie.belofte"] for f in files] == [4] * len(fases)  # kept
    assert files[0].antwoorden["ambitie.doen"] == 3  # asked again, with everyone
    assert len(saved) == int(asked) + 6 + 1


@pytest.mark.parametrize(("fase_in_metadata", "back"), [(True, None), (False, BACK_LABEL)])
def test_back_from_the_first_item_of_a_resumed_run(
    bank: Bank, fase_in_metadata: bool, back: str | None
) -> None:
    """Back reaches the phase only where it belongs to the walk, or was asked in this run."""
    mode = Scripted(fase_in_metadata, [True])
    resume = half_done(bank, ["delen"])
    resume[0].antwoorden = {}
    run, _, _ = engine(bank, mode, resume=resume)
    run.run()
    first = next(s for s in mode.log if isinstance(s, tuple))
    assert first[:3] == ("item", 0, back)
    assert mode.log.count("fase") == (0 if back is None else 1)


def test_progress_counts_within_the_dimension_and_the_run(bank: Bank) -> None:
    run, _, _ = engine(bank, Scripted(True, []))
    assert run.progress(0) == "Ambitie 1/5 · totaal 1/8"
    assert run.progress(4) == "Ambitie 5/5 · totaal 5/8"
    assert run.progress(5) == "Relatie 1/3 · totaal 6/8"
    assert run.progress(7) == "Relatie 3/3 · totaal 8/8"


def test_saved_files_are_in_bank_order(bank: Bank) -> None:
    resume = half_done(bank, ["delen"])
    resume[0].antwoorden = {"relatie.samen": 2, "ambitie.belofte": 4}
    mode = Scripted(True, [])
    run, _, saved = engine(bank, mode, resume=resume)
    run.run()
    assert list(saved[0][0]["antwoorden"])[:2] == ["ambitie.belofte", "ambitie.commitment"]
    assert list(saved[-1][0]["antwoorden"]) == ids(scored=True)


def test_a_flag_that_changes_the_recorded_scan_is_said() -> None:
    from samenwerk_cli.formats.answers import Scan
    from samenwerk_cli.session.engine import resumed_scan, scan_changed
    from tests.testbank import mini_answers

    full = mini_answers(scan=Scan(soort="volledig"))
    quick = mini_answers(scan=Scan(soort="kort", dimensies=["ambitie"]))
    assert scan_changed([full], False, []) is None  # no flags: it goes on as it was
    assert resumed_scan([quick], False, []) == (True, ["ambitie"])
    assert scan_changed([quick], True, ["ambitie"]) is None  # the same scan, repeated
    assert scan_changed([full], True, []) == (
        "dit bestand had de volledige vragenlijst; je gaat verder met de korte scan "
        "(zonder --quick of --dimension ga je verder zoals het was)"
    )
    assert scan_changed([quick], False, ["relatie"]).startswith(
        "dit bestand had de korte scan van ambitie; je gaat verder met de volledige "
        "vragenlijst van relatie"
    )
    assert scan_changed([mini_answers()], True, []) is None  # an old file records no scan


def test_a_pasted_control_character_is_kept_visibly() -> None:
    """Typed text reaches the file, the review and the reports: never a raw escape sequence."""
    from samenwerk_cli.session.single import Session
    from tests.testbank import BANK, run_flow

    steps = [
        ("partnerschap", "Noord\x1b[2J"),
        ("organisatie", ""),
        ("respondent", ""),
        ("rol", ""),
        ("ronde", ""),
        ("fase", "delen"),
        ("item:ambitie.belofte", 4),
        ("item:relatie.vertrouwen", 4),
        ("review", Nav.FINISH),
    ]
    data, *_ = run_flow(Session, BANK, steps, quick=True, today=dt.date(2026, 11, 28))
    assert data.partnerschap == "Noord\\x1b[2J"
