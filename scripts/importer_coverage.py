"""Run the source importers over the full official files and report rows and coverage.

Usage: python scripts/importer_coverage.py ../shared/data

Not part of the test suite (tests never read ../shared). Builds the OEWS spine from
``bls-oews-2025/oe.occupation`` (display_level 3 = the 830 detailed occupations OEWS
publishes, plus 00-0000), runs onet, onet_excel, ep, ep_education, ep_separations, ep_factors
and cps, and prints, as
Markdown: rows per table, and per source how many of the 830 occupations have figures and
why the others do not. docs/mapping.md carries its output.
"""

from __future__ import annotations

import csv
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from jobcompare.importers import (
    cps,
    ep,
    ep_education,
    ep_factors,
    ep_separations,
    onet,
    onet_excel,
)
from jobcompare.importers._xlsx import sheet_rows
from jobcompare.importers.base import Spine


def spine(root: Path) -> Spine:
    occupations: dict[str, str] = {}
    with (root / "bls-oews-2025" / "oe.occupation").open(encoding="utf-8") as handle:
        for rec in csv.DictReader(handle, delimiter="\t"):
            code = rec["occupation_code"].strip()
            if rec["display_level"].strip() == "3" or code == "000000":
                occupations[f"{code[:2]}-{code[2:]}"] = rec["occupation_name"].strip()
    return Spine(occupations)


def main(root: Path) -> None:
    oews = spine(root)
    detailed = sorted(s for s in oews.occupations if s != "00-0000")
    tables: dict[str, list[tuple[object, ...]]] = defaultdict(list)
    print(f"OEWS detailed occupations: {len(detailed)}\n")
    print("| module | seconds |\n| --- | ---: |")
    for module in (onet, onet_excel, ep, ep_education, ep_separations, ep_factors, cps):
        start = time.perf_counter()
        folder = root / module.SOURCE.folder
        for table, row in module.rows(folder, oews):
            tables[f"{module.SOURCE.key}:{table}"].append(row)
        print(f"| {module.__name__.rsplit('.', 1)[1]} | {time.perf_counter() - start:.1f} |")

    print("\n| module:table | rows | OEWS occupations |\n| --- | ---: | ---: |")
    for name, rows in sorted(tables.items()):
        soc_at = 1 if name.endswith(":title") else 0
        socs = {r[soc_at] for r in rows} - {"00-0000", None}
        shown = "" if name.endswith(("source_file", "_reference", "_category")) else len(socs)
        print(f"| {name} | {len(rows):,} | {shown} |")

    def covered(key: str) -> set[object]:
        return {r[0] for r in tables[key]} - {"00-0000"}

    print("\n### Coverage of the 830 OEWS occupations\n")
    links = tables["onet:onet_link"]
    rules = Counter(r[2] for r in links)
    linked = {r[0] for r in links}
    unlinked = Counter(
        "'all other' not rated" if "all other" in str(r[1]) else str(r[1])
        for r in tables["onet:onet_unlinked"]
    )
    print(f"- O*NET link: {len(linked)} linked ({dict(rules)}); unlinked: {dict(unlinked)}")
    for key, label in (
        ("onet:onet_task", "tasks"),
        ("onet:onet_education", "required education (RL)"),
        ("onet:onet_job_zone", "job zone"),
        ("onet:onet_related", "related occupations"),
        ("onet:onet_basic_skill", "basic skills (30.3)"),
        ("onet:onet_technology", "technology skills"),
        ("onet-excel:onet_skill", "all 35 skills (30.1)"),
    ):
        have = covered(key)
        print(f"- {label}: {len(have)}; linked but without rows: {sorted(linked - have)}")
    desc = {r[1] for r in tables["onet:onet_occupation"] if str(r[0]) == f"{r[1]}.00"}
    print(f"- description (the .00 O*NET code of the same SOC): {len(desc & set(detailed))}")
    titles = Counter(r[2] for r in tables["onet:title"] + tables["onet-excel:title"])
    title_socs = {r[1] for r in tables["onet:title"] + tables["onet-excel:title"]}
    print(f"- titles: {dict(titles)}, covering {len(title_socs & set(detailed))} occupations")
    for key in (
        "ep:ep_projection",
        "ep-education:ep_attainment",
        "ep-separations:ep_separations",
        "ep-factors:ep_factor",
    ):
        print(f"- {key}: {len(covered(key))}")
    names = [c for c, _ in cps.TABLES[0].columns]
    at = {name: names.index(name) for name in names}
    demographics = [r for r in tables["cps:cps_demographics"] if r[0] != "00-0000"]
    match = Counter(r[at["match"]] for r in demographics)
    weekly = ("weekly_earnings", "weekly_earnings_men", "weekly_earnings_women")

    def dashed_columns(row: tuple[object, ...]) -> list[str]:
        reason = row[at["missing_reason"]]
        return str(reason).rsplit(": ", 1)[1].split(", ") if row[at["cps_title"]] and reason else []

    dashed = sum(1 for r in demographics if any(c not in weekly for c in dashed_columns(r)))
    shared = sum(1 for r in demographics if r[at["note"]])
    print(f"- cps: {dict(match)}; with a '–' figure in tables 11/11b: {dashed}; "
          f"sharing a CPS row: {shared}")  # fmt: skip
    sexes = Counter(
        "no CPS row" if r[at["cps_title"]] is None
        else {2: "men and women", 1: "one of them", 0: "neither"}[
            sum(r[at[c]] is not None for c in weekly[1:])]
        for r in demographics
    )  # fmt: skip
    everyone = sum(1 for r in demographics if r[at["weekly_earnings"]] is not None)
    print(f"- cps table 39 medians: all workers {everyone}; by sex {dict(sexes)}")

    # What each source has that the spine does not.
    def codes(path: Path, sheet: str, column: int, start: int) -> list[str]:
        return [
            str(v[column]).strip()
            for n, v in sheet_rows(path, sheet)
            if n >= start and len(v) > column and v[column]
        ]

    ep_codes = codes(root / "bls-ep-2024-34" / "occupation.xlsx", "Table 1.2", 1, 3)
    ep_types = {
        str(v[1]).strip(): v[2]
        for n, v in sheet_rows(root / "bls-ep-2024-34" / "occupation.xlsx", "Table 1.2")
        if n >= 3 and len(v) > 2 and v[1]
    }
    left = [c for c in ep_codes if c not in oews and ep_types.get(c) == "Line item"]
    print(f"- EP line items not in OEWS: {left}")
    edu = codes(root / "bls-ep-2023-33" / "education.xlsx", "Table 5.3", 1, 3)
    print(f"- EP 5.3 codes not in OEWS: {[c for c in edu if c not in oews]}")
    alt_total = sum(
        1
        for n, v in sheet_rows(root / "onet-30.1" / "Alternate Titles.xlsx", "Alternate Titles")
        if n > 1 and v and v[0]
    )
    print(f"- alternate titles in file: {alt_total}; stored: {titles['alternate']}")
    with (root / "onet-30.3" / "sample_of_reported_titles.csv").open(encoding="utf-8") as f:
        reported_total = sum(1 for _ in f) - 1
    print(f"- reported titles in file: {reported_total}; stored: {titles['reported']}")
    no_soc = sorted(str(r[0]) for r in tables["onet:onet_occupation"] if r[1] is None)
    print(f"- O*NET codes with no OEWS occupation: {len(no_soc)}: {no_soc}")
    used_cps = {r[1] for r in tables["cps:cps_demographics"] if r[1]}
    cps_titles = codes(root / "bls-cps-2024" / "cpsa2024.xlsx", "cpsaat11", 0, 8)
    unused = [t for t in cps_titles if t not in used_cps and not t.startswith("NOTE")]
    print(f"- CPS rows used: {len(used_cps)}; not used: {len(unused)}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
