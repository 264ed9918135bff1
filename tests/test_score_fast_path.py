"""Speed work changes no figure: ``score --json`` (packed files, streamed scoring, msgspec output,
worker processes that read and score) gives the same text as the plain path: every file read on
its own, all partnerships scored at once, the whole document written with ``json.dumps``."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

import msgspec
import pytest
from typer.testing import CliRunner

from samenwerk_cli.cli.app import app
from samenwerk_cli.errors import Problem, SamenwerkError
from samenwerk_cli.formats import answers
from samenwerk_cli.formats import bank as bank_mod
from samenwerk_cli.formats.answers import Antwoorden
from samenwerk_cli.formats.bank import Bank
from samenwerk_cli.render import json as json_out
from samenwerk_cli.scoring import batch, thresholds, trend, workers
from samenwerk_cli.scoring.packed import Packed, pack

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
BANK = bank_mod.load(None)
ROUNDS = ("2026-voorjaar", "2026-najaar", "ronde 3")


def plain_json(root: Path, fail_under: str | None = None, bank: Bank = BANK) -> str:
    """The reference: one file after the other, no packing, no pool, one json.dumps."""
    paths, errors = batch.discover([root])
    files = []
    for path in paths:
        try:
            files.append(answers.read(path, bank))
        except SamenwerkError as exc:
            errors += exc.problems
    found = trend.partnerships(files, bank)
    limits = thresholds.parse([fail_under] if fail_under else [], bank)
    below = thresholds.shortfalls([p.laatste for p in found], limits)
    document: dict[str, Any] = {
        "formaat": json_out.SCORE_FORMAT,
        "partnerschappen": list(json_out.partnership_dicts(found, bank)),
        "fouten": [{"bestand": p.file, "melding": without_file(p)} for p in errors],
        "onder_drempel": [
            {
                "partnerschap": s.partnerschap,
                "ronde": s.ronde,
                "dimensie": s.dimensie,
                "score": json_out._r(s.score, s.drempel),
                "drempel": s.drempel,
            }
            for s in below
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def without_file(problem: Problem) -> str:
    bare = str(Problem(problem.message, None, None, problem.field))
    return bare if problem.line is None else f"regel {problem.line}: {bare}"


def answer_file(rng: random.Random, partnership: str, ronde: str, member: int) -> str:
    scored = [v.id for v in BANK.scored]
    lines = [
        "formaat: samenwerk-antwoorden/1",
        f"vragenlijst: {BANK.naam}",
        # now and then an older version: a warning, still scored
        f'versie: "{BANK.versie if rng.random() > 0.05 else "2026.1"}"',
        f"partnerschap: {partnership}",
        f"ronde: {ronde}",
        f"respondent: Respondent {member}",
        # a double-quoted escape makes a control character out of plain text
        f'organisatie: "Organisatie {member % 3}{chr(92) + "e" if member == 3 else ""}"',
        f"datum: 2026-0{ROUNDS.index(ronde) + 3}-1{member % 10}",
        f"fase: {rng.choice(['verkennen', 'delen', 'weet ik niet'])}",
        *rng.choice([[], ["scan:", "  soort: kort"], ["scan:", "  dimensies: [ambitie, relatie]"]]),
        *rng.choice([[], [f"bron: formulier.csv, rij {member}"]]),
        "antwoorden:",
    ]
    for item in rng.sample(scored, rng.randint(len(scored) // 2, len(scored))):
        lines.append(f"  {item}: {rng.choice(['1', '2', '3', '4', '5', '5', 'weet niet', ''])}")
    lines += ["toelichting:", f"  {rng.choice([v.id for v in BANK.vragen])}: Prima é ✓"]
    return "\n".join(lines) + "\n"


BROKEN = {
    "kapot.yaml": "formaat: samenwerk-antwoorden/1\nantwoorden: [\n",
    "zeven.yaml": "formaat: samenwerk-antwoorden/1\nvragenlijst: standaard\nversie: '1'\n"
    "partnerschap: X\nantwoorden:\n  ambitie.meerwaarde: 7\n",
    "anker.yaml": "a: &x 1\nb: *x\n",
    "leeg.yaml": "",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """200 answer files: 9 partnerships (one written in three spellings) over up to 3 rounds,
    spread over folders that do not follow the partnerships, and a few broken files."""
    root = tmp_path_factory.mktemp("corpus")
    rng = random.Random(16)
    count = 0
    while count < 200 - len(BROKEN):
        number = rng.randrange(9)
        name = rng.choice(["Partnerschap 4", "partnerschap  4", "PARTNERSCHAP 4"])
        partnership = name if number == 4 else f"Partnerschap {number} é"
        ronde = rng.choice(ROUNDS[: 1 + number % 3])
        folder = root / f"map-{rng.randrange(6)}"
        folder.mkdir(exist_ok=True)
        text = answer_file(rng, partnership, ronde, count % 10)
        (folder / f"r{count:03d}.yaml").write_text(text, encoding="utf-8")
        count += 1
    for name, text in BROKEN.items():
        (root / f"map-{len(name) % 6}" / name).write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_fast_json_equals_the_plain_path(
    runner: CliRunner, corpus: Path, jobs: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch, "PARALLEL_FROM", 2)  # the pool, even for 200 files
    monkeypatch.setattr(batch, "CHUNK", 7)
    result = runner.invoke(
        app, ["score", "--json", "--jobs", jobs, "--fail-under", "3.2", str(corpus)]
    )
    assert result.exit_code == 2  # the broken files
    expected = plain_json(corpus, "3.2")
    data = json.loads(expected)
    assert len(data["fouten"]) == len(BROKEN)
    assert len(data["partnerschappen"]) > 9  # rounds of 9 partnerships, some with several
    assert data["onder_drempel"]
    assert "\\\\x1b" in expected  # the escaped control character, made visible
    assert result.stdout == expected


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_examples_json_equals_the_plain_path(
    runner: CliRunner, jobs: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch, "PARALLEL_FROM", 2)  # jobs 2: read and scored in the workers
    result = runner.invoke(app, ["score", "--json", "--jobs", jobs, str(EXAMPLES)])
    assert result.exit_code == 0
    assert result.stdout == plain_json(EXAMPLES)


def test_a_packed_file_unpacks_to_the_same_answers(corpus: Path) -> None:
    paths, _ = batch.discover([corpus])
    read = batch.read_all(paths, BANK)
    plain = [f for f in (batch._read_one(p, BANK) for p in paths) if not isinstance(f, list)]
    assert [f.path for f in read.files] == [f.path for f in plain]
    assert [f.data for f in read.files] == [f.data for f in plain]
    assert [list(f.data.antwoorden) for f in read.files] == [
        list(f.data.antwoorden) for f in plain
    ]  # the file's own order of answers, not the bank's
    assert [f.warnings for f in read.files] == [f.warnings for f in plain]


def test_the_packed_form_keeps_every_field() -> None:
    """A field added to Antwoorden must be added to Packed, or batch scoring would drop it."""
    assert set(Antwoorden.__struct_fields__) - {"antwoorden"} <= set(Packed.__struct_fields__)


RETIRED = "ambitie.gedeelde-ambitie"  # in the bank's vervallen: skipped, with a warning


@pytest.fixture(scope="module")
def teams(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """12 partnerships over 1 to 3 rounds, teams of 2 to 9 from organisations of very different
    sizes (so the minimum per organisation matters), answers to a retired item, and a respondent
    who answered twice; files shuffled over folders."""
    root = tmp_path_factory.mktemp("teams")
    rng = random.Random(22)
    texts = []
    for number in range(12):
        for ronde in ROUNDS[: 1 + number % 3]:
            for member in range(rng.randint(2, 9)):
                text = answer_file(rng, f"Partnerschap {number}", ronde, member)
                organisation = rng.choice(["Groot", "Groot", "Groot", "Middel", "Middel", "Klein"])
                text = re.sub(r"(?m)^organisatie: .*$", f"organisatie: {organisation}", text)
                if rng.random() < 0.2:
                    text = text.replace("antwoorden:\n", f"antwoorden:\n  {RETIRED}: 4\n", 1)
                texts.append(text)
    texts.append(texts[5].replace("datum: 2026-03-1", "datum: 2026-04-1"))  # the same person again
    rng.shuffle(texts)
    for count, text in enumerate(texts):
        folder = root / f"map-{count % 4}"
        folder.mkdir(exist_ok=True)
        (folder / f"r{count:03d}.yaml").write_text(text, encoding="utf-8")
    return root


def test_scoring_in_the_workers_gives_the_same_bytes(
    runner: CliRunner, teams: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """jobs 2 reads and scores in worker processes; jobs 1 does all in one: the same output,
    on stdout and stderr (warnings in the same order), with and without a minimum per
    organisation (which the workers must take from the bank the command uses)."""
    monkeypatch.setattr(batch, "PARALLEL_FROM", 2)
    monkeypatch.setattr(workers, "TASK_FILES", 12)  # tasks of one partnership, and of several
    monkeypatch.setattr(workers, "AHEAD", 1)  # fewer tasks in flight than there are tasks
    outputs = []
    for minimum in ([], ["--min-per-organisatie", "4"]):
        args = ["score", "--json", "--fail-under", "3.2", *minimum, str(teams)]
        serial = runner.invoke(app, [*args, "--jobs", "1"])
        pooled = runner.invoke(app, [*args, "--jobs", "2"])
        assert serial.exit_code == pooled.exit_code == 1  # below the threshold, no bad file
        assert pooled.stdout == serial.stdout
        assert pooled.stderr == serial.stderr
        bank = bank_mod.load(None)
        if minimum:
            drempels = bank.model.drempels
            bank.model.drempels = msgspec.structs.replace(drempels, organisatie_minimum=4)
        assert pooled.stdout == plain_json(teams, "3.2", bank)
        outputs.append(pooled.stdout)
    assert f"niet mee: {RETIRED}" in pooled.stderr
    assert "staat twee keer in deze ronde" in pooled.stderr
    without, with_minimum = (json.loads(text)["partnerschappen"] for text in outputs)
    hidden = [o for p in with_minimum for o in p["organisaties_zonder_kolom"]]
    assert len(with_minimum) == 24 and len({p["partnerschap"] for p in with_minimum}) == 12
    assert hidden and hidden != [o for p in without for o in p["organisaties_zonder_kolom"]]


def same(a: object, b: object) -> bool:
    """Equal, and of the same type all the way down (4 == 4.0, but the JSON says 4 or 4.0)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, msgspec.Struct):
        return all(same(getattr(a, f), getattr(b, f)) for f in a.__struct_fields__)
    if isinstance(a, tuple | list):
        return len(a) == len(b) and all(map(same, a, b))  # type: ignore[arg-type]
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(v, b[k]) for k, v in a.items())  # type: ignore[attr-defined]
    return a == b


@pytest.mark.parametrize("folder", ["corpus", "teams"])
def test_partnerships_come_back_from_a_worker_as_they_were(
    folder: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a worker sends back is read back to the same values of the same types."""
    paths, _ = batch.discover([request.getfixturevalue(folder)])
    files = [f for f in (batch._read_one(p, BANK) for p in paths) if not isinstance(f, list)]
    monkeypatch.setitem(workers._worker, "bank", BANK)  # as a worker has it
    parts = list(trend.partition([pack(f, BANK) for f in files]))
    back = workers.decode(workers._score(parts))
    assert same(back, trend.partnerships(files, BANK))
    assert not same([1.0], [1])  # the check itself tells the two apart
