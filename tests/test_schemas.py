"""The published JSON Schemas match the msgspec types, and describe real files."""

from __future__ import annotations

import json
from pathlib import Path

from samenwerk_cli.formats import schemas

ROOT = Path(__file__).resolve().parents[1]


def test_published_schemas_are_in_sync() -> None:
    for name, text in schemas.generate().items():
        published = (ROOT / "schema" / name).read_text(encoding="utf-8")
        assert published == text, (
            f"schema/{name} is stale: run python -m samenwerk_cli.formats.schemas schema/"
        )


def test_answer_schema_describes_the_answer_values() -> None:
    schema = json.loads(schemas.generate()["antwoorden.schema.json"])
    answers = schema["$defs"]["Antwoorden"]
    assert answers["additionalProperties"] is False
    assert set(answers["required"]) == {"formaat", "vragenlijst", "versie", "partnerschap"}
    value = answers["properties"]["antwoorden"]["additionalProperties"]["anyOf"]
    assert {"type": "integer", "minimum": 1, "maximum": 5} in value
    assert {"enum": ["weet niet"]} in value


def test_bank_schema_accepts_both_file_kinds() -> None:
    schema = json.loads(schemas.generate()["vragenlijst.schema.json"])
    assert {ref["$ref"] for ref in schema["anyOf"]} == {"#/$defs/ModelFile", "#/$defs/ItemsFile"}


def test_score_json_of_the_examples_matches_its_types_and_schema(tmp_path: Path) -> None:
    """The real output of ``score --json`` decodes with the types the schema is generated from
    (unknown keys refused), so output, types and schema/score.schema.json agree."""
    import msgspec
    from typer.testing import CliRunner

    from samenwerk_cli.cli.app import app
    from samenwerk_cli.formats.score_document import FORMAT, ScoreDocument

    result = CliRunner(env={"NO_COLOR": "1"}).invoke(
        app, ["score", str(ROOT / "examples"), "--json", "--fail-under", "3.5", "--alle-rondes"]
    )
    assert result.exit_code == 1, result.stderr
    doc = msgspec.json.decode(result.stdout, type=ScoreDocument, strict=True)
    assert doc.formaat == FORMAT == "samenwerk-score/2"
    assert [g.ronde for g in doc.partnerschappen] == ["2026-voorjaar", "2026-najaar"]
    latest = doc.partnerschappen[-1]
    assert latest.trend is not None and latest.balans and latest.organisaties_scores
    assert doc.onder_drempel
    schema = json.loads((ROOT / "schema" / "score.schema.json").read_text(encoding="utf-8"))
    groep = schema["$defs"]["Groep"]
    assert groep["additionalProperties"] is False
    assert set(groep["properties"]) == set(msgspec.structs.asdict(latest))
