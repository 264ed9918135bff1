"""The sections of the markdown report after the dimension table, one function each."""

from __future__ import annotations

from collections.abc import Sequence

from samenwerk_cli.formats.bank import Bank
from samenwerk_cli.render import mdtext
from samenwerk_cli.render.words import (
    BAND_SYMBOL,
    ahead_text,
    far_apart,
    fase_name,
    number,
    skipped_text,
)
from samenwerk_cli.scoring.results import GroupResult, WeakSpot
from samenwerk_cli.scoring.trend import Trend

TOP_WEAK_SPOTS = 5
TOP_ACTIONS = 3
MAX_FLAGS = 3  # items listed per dimension under spraakverwarring
AGREEMENT_ROWS = 4
MAX_TREND_SPOTS = 10


def ambition(group: GroupResult) -> str:
    index = group.ambitie_index
    if index is None:
        return ""
    head = "## Ambitie: belofte × commitment × doen"
    if index.waarde is None:
        return f"{head}\n\nNog niet te berekenen: niet elke factor is beantwoord."
    factors = " × ".join(f"{name} {number(value)}" for name, value in index.factoren.items())
    text = (
        f"{head}\n\nAmbitie-index **{number(index.waarde)}** op een schaal van 0 tot 1"
        f" ({factors}). Een ambitie draagt pas als er iets beloofd is, de partners zich"
        " eraan verbinden en het ook doen: is één factor zwak, dan is het geheel zwak."
    )
    if index.zwakste:
        text += f" Zwakste factor: **{index.zwakste}**."
    return text


def phase(group: GroupResult, bank: Bank) -> str:
    fase = group.fase
    rows = [
        [p.naam, number(p.score), "✓ afgerond" if p.afgerond else "", *_self_view(group, p.id)]
        for p in fase.fases
    ]
    header = ["Fase", "Score", "Stand", "Zelfbeeld"]
    parts = [
        "## Fase van de samenwerking",
        f"Volgens de antwoorden zit het partnerschap in de fase"
        f" **{fase_name(bank, fase.huidig)}**.",
        mdtext.table(header, rows, right=(1, 3)),
    ]
    unknown = fase.zelfbeeld.get("weet ik niet", 0)
    if unknown:
        who = "respondent weet" if unknown == 1 else "respondenten weten"
        parts.append(f"{unknown} {who} niet in welke fase de samenwerking zit.")
    parts += [f"**Overgeslagen?** {skipped_text(bank, f)}" for f in fase.overgeslagen]
    ahead = ahead_text(group, bank)
    if ahead:
        parts.append(f"**Let op:** {ahead}")
    return "\n\n".join(parts)


def _self_view(group: GroupResult, fase_id: str) -> list[str]:
    count = group.fase.zelfbeeld.get(fase_id, 0)
    return [f"{count}×" if count else ""]


def _spot_line(position: int, spot: WeakSpot, bank: Bank) -> str:
    where = f"{bank.dimensie(spot.dimensie).naam} · {fase_name(bank, spot.fase)}".lower()
    return (
        f"{position}. {BAND_SYMBOL[spot.band]} **{mdtext.inline(spot.tekst)}**"
        f" ({where} · {number(spot.score)}, {spot.band})\\\n"
        f"   *Advies:* {mdtext.inline(spot.advies)}"
    )


def weak_spots(group: GroupResult, bank: Bank) -> str:
    spots = group.zwakke_plekken[:TOP_WEAK_SPOTS]
    if not spots:
        return "## Zwakke plekken\n\nGeen zwakke plekken: alle beantwoorde stellingen scoren sterk."
    total = len(group.zwakke_plekken)
    head = f"## Zwakke plekken en advies\n\nDe {len(spots)} zwakste van {total}, zwakste eerst:"
    return head + "\n\n" + "\n".join(_spot_line(i, s, bank) for i, s in enumerate(spots, 1))


def differences(group: GroupResult, bank: Bank) -> str:
    parts = ["## Waar de antwoorden uiteenlopen"]
    if group.n == 1:
        return ""
    if group.n == 2:
        parts.append(_two_respondents(group, bank))
    elif not group.spraakverwarring:
        parts.append("Geen tekenen van spraakverwarring: de antwoorden liggen dicht bij elkaar.")
    else:
        parts.append(_confusion(group, bank))
    parts.append(_organisations(group, bank))
    return "\n\n".join(p for p in parts if p)


def _confusion(group: GroupResult, bank: Bank) -> str:
    lines = [
        "**Spraakverwarring?** Bij deze dimensies en stellingen verschillen de antwoorden zo"
        " sterk dat partners er waarschijnlijk iets anders onder verstaan:",
        "",
    ]
    for dim in bank.model.dimensies:
        flags = [f for f in group.spraakverwarring if f.dimensie == dim.id]
        if not flags:
            continue
        items = sorted((f for f in flags if f.vraag), key=lambda f: -(f.ad or 0))
        low = [f for f in flags if not f.vraag and f.rwg is not None]
        line = f"- **{dim.naam}**"
        if low:
            line += f": weinig overeenstemming (rwg {number(low[0].rwg)})"
        lines.append(line)
        for flag in items[:MAX_FLAGS]:
            assert flag.vraag is not None
            lines.append(
                f"  - {mdtext.inline(bank.by_id[flag.vraag].tekst)} (AD {number(flag.ad)})"
            )
        if len(items) > MAX_FLAGS:
            lines.append(f"  - … en nog {len(items) - MAX_FLAGS}")
    lines += ["", "Vraag door: wat bedoelt ieder met deze woorden?"]
    return "\n".join(lines)


def _two_respondents(group: GroupResult, bank: Bank) -> str:
    first, second = group.respondenten
    raw_names, differ = far_apart(group, bank)
    if not differ:
        return "Twee respondenten: op geen stelling verschillen de antwoorden 2 of meer."
    names = [mdtext.inline(n) for n in raw_names]
    rows = [
        [mdtext.inline(v.tekst), str(first.antwoorden[v.id]), str(second.antwoorden[v.id])]
        for v in differ
    ]
    return (
        "Met twee respondenten zeggen overeenstemmingsmaten weinig; hier verschillen de"
        " antwoorden 2 of meer:\n\n" + mdtext.table(["Stelling", *names], rows, right=(1, 2))
    )


def _organisations(group: GroupResult, bank: Bank) -> str:
    orgs = group.organisaties_scores
    if len(orgs) < 2:
        return ""
    header = ["Dimensie", *[f"{mdtext.inline(o.organisatie)} (n={o.n})" for o in orgs]]
    rows = [
        [dim.naam, *[number(o.dimensies.get(dim.id)) for o in orgs]] for dim in bank.model.dimensies
    ]
    parts = ["### Per organisatie", mdtext.table(header, rows, right=tuple(range(1, len(header))))]
    for gap in group.organisaties_verschil:
        parts.append(
            f"- **{bank.dimensie(gap.dimensie).naam}:** {mdtext.inline(gap.hoog)}"
            f" {number(gap.hoog_score)} tegenover {mdtext.inline(gap.laag)}"
            f" {number(gap.laag_score)} (verschil {number(gap.verschil)})."
        )
    if group.organisaties_verschil:
        parts.append("Waar je staat, hangt af van waar je zit: bespreek deze verschillen samen.")
    return "\n\n".join(parts)


def trend(t: Trend, bank: Bank) -> str:
    before, now = t.vorige_ronde or "vorige ronde", t.huidige_ronde or "nu"
    rows = []
    for d in t.dimensies:
        change = "" if d.verschil is None else f"{d.verschil:+.2f}".replace(".", ",")
        arrow = {"omhoog": "▲ beter", "omlaag": "▼ slechter"}.get(d.richting or "", "")
        rows.append([d.naam, number(d.vorige), number(d.huidige), f"{change} {arrow}".strip()])
    header = ["Dimensie", mdtext.inline(before), mdtext.inline(now), "Verandering"]
    then_name, now_name = fase_name(bank, t.fase_toen), fase_name(bank, t.fase_nu)
    moved = (
        f"gelijk gebleven ({now_name})"
        if t.fase_toen == t.fase_nu
        else (f"van {then_name} naar {now_name}")
    )
    parts = [
        f"## Ontwikkeling sinds {mdtext.inline(before)}",
        mdtext.table(header, rows, right=(1, 2)),
        f"Een pijl staat alleen bij een verandering van {number(bank.model.drempels.trend, 1)}"
        f" of meer. **Fase:** {moved}.",
    ]
    for label, spots in (
        ("Niet langer een zwakke plek", t.opgelost),
        ("Nieuwe zwakke plekken", t.nieuw),
    ):
        if spots:
            listed = [f"- {mdtext.inline(s.tekst)}" for s in spots[:MAX_TREND_SPOTS]]
            if len(spots) > MAX_TREND_SPOTS:
                listed.append(f"- … en nog {len(spots) - MAX_TREND_SPOTS}")
            parts.append(f"**{label} ({len(spots)}):**\n\n" + "\n".join(listed))
    return "\n\n".join(parts)


def written(group: GroupResult, bank: Bank) -> str:
    """Open answers and comments by item; a name only where the respondent gave one.

    The same text from several people (a group session's summary is saved for everyone) is shown
    once, with the names of all who gave it.
    """
    blocks = []
    for v in bank.vragen:
        texts: dict[str, list[str]] = {}
        for r in group.respondenten:
            text = (r.toelichting.get(v.id) or "").strip()
            if text:
                texts.setdefault(text, [])
                if r.naam:
                    texts[text].append(r.naam)
        if not texts:
            continue
        kind = "Open vraag" if not v.scored else "Toelichting bij de stelling"
        entries = []
        for text, names in texts.items():
            entry = f"- {mdtext.multiline(text, '  ')}"
            if names:
                entry += f" — *{mdtext.inline(_names(names))}*"
            entries.append(entry)
        blocks.append(f"### {kind}: {mdtext.inline(v.tekst)}\n\n" + "\n".join(entries))
    if not blocks:
        return ""
    intro = "## Wat de deelnemers schreven\n\nAnoniem, tenzij iemand een naam heeft opgegeven."
    return intro + "\n\n" + "\n\n".join(blocks)


def _names(names: Sequence[str]) -> str:
    return ", ".join(names[:-1]) + f" en {names[-1]}" if len(names) > 1 else names[0]


def next_steps(group: GroupResult) -> str:
    seen: set[str] = set()
    actions = []
    for spot in group.zwakke_plekken:
        advice = spot.advies.strip()
        if advice and advice not in seen:
            seen.add(advice)
            actions.append((spot, advice))
        if len(actions) == TOP_ACTIONS:
            break
    head = "## Hoe nu verder?"
    if not actions:
        return (
            f"{head}\n\nGeen zwakke plekken om aan te werken. Bespreek wat deze samenwerking sterk"
            " maakt, en hoe jullie dat vasthouden."
        )
    lines = [
        f"{i}. {mdtext.inline(advice)}\\\n   *Bij:* {mdtext.inline(spot.tekst)}"
        for i, (spot, advice) in enumerate(actions, 1)
    ]
    return f"{head}\n\nOm mee te beginnen, uit de zwakste plekken:\n\n" + "\n".join(lines)


def agreements() -> str:
    rows = [["", "", ""] for _ in range(AGREEMENT_ROWS)]
    return "### Onze afspraken\n\n" + mdtext.table(["Wat", "Wie", "Wanneer"], rows)
