"""Machine-readable output: stable key order, UTF-8, numbers rounded to two decimals."""

from __future__ import annotations

import json
from typing import Any

from samenwerk_cli.bank import Bank, Vraag


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def bank_json(bank: Bank, vragen: list[Vraag]) -> str:
    return dumps(
        {
            "vragenlijst": {"naam": bank.naam, "versie": bank.versie},
            "vragen": [
                {
                    "id": v.id,
                    "dimensie": v.dimensie,
                    "fase": v.fase,
                    "thema": v.thema,
                    "soort": v.soort,
                    "tekst": v.tekst,
                    "kort": v.kort,
                    "omgekeerd": v.omgekeerd,
                    "polen": v.polen,
                }
                for v in vragen
            ],
        }
    )
