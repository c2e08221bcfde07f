"""Generate ontology/states.ttl, the registry of world states, from data packages.

Inputs: pycountry (ISO 3166 codes and official names), countryinfo (capitals, demonyms,
alternative spellings) and the curated scripts/data/state_overrides.csv (which states, their
common English names, Wikidata QIDs, extra short forms, demonyms and capitals). Both packages
are development-time inputs only (the `dev` extra); the generated file is committed.

    python scripts/make_states.py            # rewrite ontology/states.ttl
    python scripts/make_states.py --check    # exit 1 if the committed file is out of date

The output is deterministic: states sorted by slug, every list sorted.
"""

from __future__ import annotations

import argparse
import csv
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from stancegraph.kg.ids import slugify  # the same slugs the pipeline uses

ROOT = Path(__file__).resolve().parent.parent
OVERRIDES = ROOT / "scripts" / "data" / "state_overrides.csv"
OUTPUT = ROOT / "ontology" / "states.ttl"

# countryinfo's altSpellings mix English official names with native names and codes; only
# the English official forms are kept ("Island" for Iceland or "Thai" for Thailand would
# match ordinary words). Everything else a text is likely to use is curated in the CSV.
_OFFICIAL_WORDS = (
    "Republic", "Kingdom", "State", "Federation", "Union", "Commonwealth", "Principality",
    "Duchy", "Confederation", "Sultanate", "Emirates", "Islands",
)


@dataclass
class StateEntry:
    slug: str
    label: str
    iso3: str
    wikidata: str
    alt_labels: set[str] = field(default_factory=set)
    demonyms: set[str] = field(default_factory=set)
    capitals: set[str] = field(default_factory=set)


def read_overrides(path: Path = OVERRIDES) -> list[dict[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if not line.startswith("#")]
    return list(csv.DictReader(lines))


def _split(cell: str) -> set[str]:
    return {part.strip() for part in cell.split("|") if part.strip()}


def _ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _with_folded(names: set[str]) -> set[str]:
    """Add the accent-free spelling news copy often uses ('Bogota' beside 'Bogotá')."""
    return names | {_ascii_fold(n) for n in names if _ascii_fold(n) and _ascii_fold(n) != n}


def _is_english_official(name: str, codes: set[str]) -> bool:
    return (
        name.isascii()
        and name == name.strip()
        and ", " not in name
        and name not in codes
        and any(word in name.split() for word in _OFFICIAL_WORDS)
    )


def build_entries(rows: list[dict[str, str]]) -> list[StateEntry]:
    import pycountry
    from countryinfo import CountryInfo

    entries = []
    for row in rows:
        iso3 = row["iso3"]
        country = pycountry.countries.get(alpha_3=iso3)
        codes = {iso3} | ({country.alpha_2} if country else set())
        info = _countryinfo(CountryInfo, country.alpha_2) if country else {}

        alt = _split(row["alt_labels"])
        if country is not None:
            for attr in ("name", "official_name", "common_name"):
                value = getattr(country, attr, None)
                if value and ", " not in value and "(" not in value:
                    alt.add(value.removeprefix("the "))
        alt |= {s for s in info.get("altSpellings", []) if _is_english_official(s, codes)}
        alt = {a.removeprefix("the ") for a in _with_folded(alt)} - {row["label"]}

        demonyms = _split(row["demonyms"])
        demonyms |= {d.strip() for d in (info.get("demonym") or "").split(",") if d.strip()}
        demonyms -= {row["label"]}  # "Djibouti" is no adjective

        capitals = _split(row["capitals"]) or {info.get("capital") or ""} - {""}
        capitals = _with_folded(capitals)

        entries.append(StateEntry(
            slug=slugify(row["label"]), label=row["label"], iso3=iso3,
            wikidata=row["wikidata"], alt_labels=alt, demonyms=demonyms, capitals=capitals,
        ))
    entries.sort(key=lambda e: e.slug)
    _check(entries)
    return entries


def _countryinfo(cls: type, alpha2: str) -> dict:
    try:
        return cls(alpha2).info()
    except (KeyError, ValueError):
        return {}


def _check(entries: list[StateEntry]) -> None:
    slugs = [e.slug for e in entries]
    duplicates = {s for s in slugs if slugs.count(s) > 1}
    if duplicates:
        raise SystemExit(f"duplicate slugs: {sorted(duplicates)}")
    for e in entries:
        if not e.capitals:
            raise SystemExit(f"{e.label}: no capital (add one to {OVERRIDES.name})")
        if e.wikidata and not (e.wikidata.startswith("Q") and e.wikidata[1:].isdigit()):
            raise SystemExit(f"{e.label}: malformed Wikidata id {e.wikidata!r}")


def _literal(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def _literals(values: set[str]) -> str:
    return ", ".join(_literal(v) for v in sorted(values))


def render(entries: list[StateEntry]) -> str:
    out = [
        "# Generated by scripts/make_states.py from pycountry, countryinfo and",
        "# scripts/data/state_overrides.csv. Do not edit by hand: change the CSV and regenerate.",
        "",
        "@prefix sg:    <https://w3id.org/stancegraph/ontology#> .",
        "@prefix actor: <https://w3id.org/stancegraph/id/actor/> .",
        "@prefix rdfs:  <http://www.w3.org/2000/01/rdf-schema#> .",
        "@prefix skos:  <http://www.w3.org/2004/02/skos/core#> .",
        "@prefix wd:    <http://www.wikidata.org/entity/> .",
        "",
    ]
    for e in entries:
        lines = [f"actor:{e.slug} a sg:State", f"rdfs:label {_literal(e.label)}"]
        if e.alt_labels:
            lines.append(f"skos:altLabel {_literals(e.alt_labels)}")
        if e.demonyms:
            lines.append(f"sg:demonym {_literals(e.demonyms)}")
        lines.append(f"sg:capital {_literals(e.capitals)}")
        lines.append(f"sg:isoCode {_literal(e.iso3)}")
        if e.wikidata:
            lines.append(f"skos:exactMatch wd:{e.wikidata}")
        out.append(" ;\n    ".join(lines) + " .")
        out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="compare with the committed file instead of writing it")
    args = parser.parse_args(argv)
    entries = build_entries(read_overrides())
    text = render(entries)
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT.relative_to(ROOT)} is out of date; run scripts/make_states.py",
                  file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {len(entries)} states to {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
