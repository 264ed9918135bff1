"""The questionnaire as plain text for Microsoft Forms: the exact wording to paste, one statement
a line (a Likert question takes pasted lines as its statements), or to feed to Quick import."""

from __future__ import annotations

from collections.abc import Sequence

from samenwerk_cli.formats.bank import Bank, Vraag
from samenwerk_cli.forms import codes


def text(bank: Bank, vragen: Sequence[Vraag], title: str | None = None) -> str:
    labels = [*bank.model.schaal.labels, bank.model.schaal.weet_niet]
    lines = [
        title or bank.model.titel,
        f"Vragenlijst {bank.naam}, versie {bank.versie}. Neem de teksten letterlijk over:",
        "samenwerk import herkent de stellingen aan hun tekst.",
        "",
        f"Tekstvraag (niet verplicht): {codes.NAAM_VRAAG}",
        f"Tekstvraag (verplicht): {codes.ORG_VRAAG}",
    ]
    for dim in bank.model.dimensies:
        items = [v for v in vragen if v.dimensie == dim.id]
        if not items:
            continue
        lines += ["", f"== {codes.one_line(dim.naam)} =="]
        statements = [v for v in items if v.soort == "stelling"]
        if statements:
            lines += [
                "",
                f"Likert-vraag: {codes.one_line(dim.naam)}",
                f"Opties: {' | '.join(labels)}",
                "Stellingen:",
                *(codes.one_line(v.tekst) for v in statements),
            ]
        for v in items:
            if v.soort == "balans":
                lines += ["", f"Keuzevraag: {codes.one_line(v.tekst)}"]
                lines += [codes.one_line(option) for option in codes.balans_options(v)]
            elif v.soort == "open":
                lines += ["", f"Lange tekstvraag (niet verplicht): {codes.one_line(v.tekst)}"]
    return "\n".join(lines) + "\n"
