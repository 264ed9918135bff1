"""The one small question bank of the tests, and the helpers built on it.

The bank lives as YAML in ``tests/bank/`` (model.yaml, ambitie.yaml, relatie.yaml) and is read with the
real loader, so every test that uses it exercises the loader too. It is named ``mini``, version
``"1.10"`` (a version YAML would read as the float 1.1 if it were not quoted), with two dimensions and
four phases:

===========================  =========  ============  =============  ==========================
item                         soort      fase          thema          extra
===========================  =========  ============  =============  ==========================
ambitie.belofte              stelling   verkennen     belofte        kort, uitleg, advies
ambitie.commitment           stelling   delen         commitment
ambitie.doen                 stelling   overeenkomen  doen           advies
ambitie.halen-brengen        balans     delen         halen-brengen  polen
ambitie.open                 open       -             -
relatie.vertrouwen           stelling   verkennen     vertrouwen     kort
relatie.omheen               stelling   delen         vertrouwen     omgekeerd
relatie.samen                stelling   vormgeven     vertrouwen
===========================  =========  ============  =============  ==========================

The ambitie-index factors are belofte, commitment and doen; the quick scan is ambitie.belofte and
relatie.vertrouwen. Dimension advice: ambitie "Bespreek de ambitie.", relatie "Plan een gezamenlijke
activiteit.". Default thresholds (``Drempels()``).

Helpers:
- ``MODEL``, ``AMBITIE``, ``RELATIE``: the files' text, to edit with ``str.replace`` for a broken or
  changed bank; ``write_bank(directory, **overrides)`` writes the bank with files replaced by stem.
- ``BANK``: the bank loaded once from ``tests/bank``; ``bank_with(**changes)`` the same bank with model
  fields replaced (``drempels=Drempels(...)``, ``ambitie_index=None``).
- ``ALL_IDS``, ``QUICK_IDS``, ``SCORED``, ``STELLINGEN``: item ids in bank order.
- ``mini_answers(**fields)``: an ``Antwoorden`` for this bank; ``answer_file(antwoorden, path, ...)``
  and ``team(*answer_sets)``: ``AnswerFile``s for the scoring functions.
- ``dims``, ``items``, ``phases``: a ``GroupResult``'s parts by id.
- ``Script``: a fake ``ask`` answering questions in order; ``run_flow(flow, bank, steps, **kwargs)``
  runs a session class with it and returns ``(result, events, saved, script)``;
  ``reflect_in_process(args, steps, variables=..., today=...)`` runs ``samenwerk reflect`` through
  the CLI with it and returns ``(result, script)``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from samenwerk_cli.formats import bank as bank_mod
from samenwerk_cli.formats.answers import FORMAT, AnswerFile, Antwoorden
from samenwerk_cli.formats.bank import Bank
from samenwerk_cli.scoring.results import GroupResult
from samenwerk_cli.session.dialog import Question

if TYPE_CHECKING:
    from typer.testing import Result

BANK_DIR = Path(__file__).parent / "bank"


class BankText(str):
    """A bank file's text whose ``replace`` fails loudly when the text to replace is not there:
    a test that edits the bank must not silently run on the unchanged bank."""

    def replace(self, old: str, new: str, count: int = -1) -> BankText:  # type: ignore[override]
        assert old in self, f"the test bank has no {old!r} to replace"
        return BankText(super().replace(old, new, count))


MODEL = BankText((BANK_DIR / "model.yaml").read_text(encoding="utf-8"))
AMBITIE = BankText((BANK_DIR / "ambitie.yaml").read_text(encoding="utf-8"))
RELATIE = BankText((BANK_DIR / "relatie.yaml").read_text(encoding="utf-8"))

ALL_IDS = [
    "ambitie.belofte",
    "ambitie.commitment",
    "ambitie.doen",
    "ambitie.halen-brengen",
    "ambitie.open",
    "relatie.vertrouwen",
    "relatie.omheen",
    "relatie.samen",
]
QUICK_IDS = ["ambitie.belofte", "relatie.vertrouwen"]
SCORED = [i for i in ALL_IDS if i != "ambitie.open"]
# the stellingen that are not reversed
STELLINGEN = [
    "ambitie.belofte",
    "ambitie.commitment",
    "ambitie.doen",
    "relatie.vertrouwen",
    "relatie.samen",
]


def write_bank(directory: Path, **overrides: str) -> Path:
    """Write the bank to ``directory``; ``overrides`` replace a file's text by its stem."""
    directory.mkdir(parents=True, exist_ok=True)
    files = {"model": MODEL, "ambitie": AMBITIE, "relatie": RELATIE, **overrides}
    for stem, text in files.items():
        (directory / f"{stem}.yaml").write_text(text, encoding="utf-8")
    return directory


BANK = bank_mod.load(BANK_DIR)


def bank_with(**changes: Any) -> Bank:
    """A fresh copy of ``BANK`` with model fields replaced, e.g. ``drempels=Drempels(sterk=4.5)``."""
    return Bank(msgspec.structs.replace(BANK.model, **changes), list(BANK.vragen), BANK.path)


def mini_answers(**fields: Any) -> Antwoorden:
    """An answer file's data for the bank; ``fields`` fill or override metadata and answers."""
    defaults: dict[str, Any] = {
        "formaat": FORMAT,
        "vragenlijst": BANK.naam,
        "versie": BANK.versie,
        "partnerschap": "Opleidingsschool Noord",
    }
    return Antwoorden(**{**defaults, **fields})


def answer_file(
    antwoorden: dict[str, int | str | None],
    path: str = "a.yaml",
    partnerschap: str = "School Noord",
    ronde: str | None = "2026-najaar",
    **fields: Any,
) -> AnswerFile:
    """A read answer file for the scoring functions (not written to disk)."""
    data = mini_answers(
        partnerschap=partnerschap, ronde=ronde, antwoorden=dict(antwoorden), **fields
    )
    return AnswerFile(path, data)


def team(*answer_sets: dict[str, int | str | None], **fields: Any) -> list[AnswerFile]:
    """One file per answer set, paths r1.yaml, r2.yaml, ..."""
    return [answer_file(a, path=f"r{i}.yaml", **fields) for i, a in enumerate(answer_sets, 1)]


def dims(result: GroupResult) -> dict:
    return {d.id: d for d in result.dimensies}


def items(result: GroupResult) -> dict:
    return {i.vraag: i for i in result.items}


def phases(result: GroupResult) -> dict:
    return {p.id: p for p in result.fase.fases}


class Script:
    """A fake ``ask``: answers questions in order and checks each one's key."""

    def __init__(self, steps: list[tuple[str, Any]]) -> None:
        self.steps = list(steps)
        self.asked: list[Question] = []

    def __call__(self, question: Question) -> Any:
        assert self.steps, f"unexpected question {question.key}"
        key, answer = self.steps.pop(0)
        assert question.key == key, f"expected {key}, got {question.key}"
        self.asked.append(question)
        if isinstance(answer, BaseException):
            raise answer
        return answer


def reflect_in_process(
    args: list[str], steps: list[tuple[str, Any]], *, variables: dict[str, Any], today: dt.date
) -> tuple[Result, Script]:
    """``samenwerk reflect ARGS`` through the CLI in this process: a terminal, ``today`` and a
    scripted ask injected (an :class:`Env`), ``variables`` as the environment."""
    from typer.testing import CliRunner

    from samenwerk_cli.cli.app import app
    from samenwerk_cli.terminal.env import Env

    script = Script(steps)
    env = Env(stdin_isatty=True, today=today, ask=script)
    result = CliRunner(env=variables).invoke(app, ["reflect", *args], obj=env)
    return result, script


def run_flow(
    flow: Any, bank: Any, steps: list[tuple[str, Any]], **kwargs: Any
) -> tuple[Any, list[Any], list[Any], Script]:
    """Run a session class with a scripted ask; every question scripted must have been asked."""
    script = Script(steps)
    events: list[Any] = []
    saved: list[Any] = []
    session = flow(
        bank,
        ask=script,
        show=events.append,
        save=lambda data: saved.append(msgspec.to_builtins(data)),
        **kwargs,
    )
    result = session.run()
    assert not script.steps, f"questions never asked: {script.steps}"
    return result, events, saved, script
