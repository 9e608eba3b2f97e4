"""Re-derive the O*NET, EP and CPS figures from the publishers' raw files and compare them
with the store.

    python scripts/verify_sources.py [--data ../shared/data] [--store data/jobcompare.sqlite]

Independent of jobcompare's importers: it parses O*NET's CSVs with the csv module and the
BLS / O*NET workbooks with openpyxl directly, and queries the store with plain SQL. For
every row the store holds it checks the figure against the raw file: a number equals the
published one, a "—"/"–" or "Recommend Suppress = Y" / "Not Relevant = Y" value is NULL.
Also the counts: tasks (and their order), technology skills, related occupations, titles.
Prints the counts of figures checked and every mismatch; exits 1 if there is any.
"""

from __future__ import annotations

import argparse
import csv
import re
import sqlite3
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import openpyxl


def sheet(path: Path, name: str) -> list[tuple[Any, ...]]:
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return [tuple(r) for r in wb[name].iter_rows(values_only=True)]
    finally:
        wb.close()


def norm(title: str) -> str:
    """Case, punctuation, spacing and "&"/"and" ignored (written here independently)."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", title.casefold().replace("&", " and ")).split())


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def same(stored: object, raw: object) -> bool:
    if isinstance(raw, str) and raw.strip() in ("—", "–"):
        return stored is None
    if isinstance(raw, str):
        try:
            return stored is not None and float(stored) == float(raw)  # type: ignore[arg-type]
        except ValueError:
            return stored == raw.strip()
    if raw is None:
        return stored is None
    return stored is not None and float(stored) == float(raw)  # type: ignore[arg-type]


def main() -> int:
    here = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--store", type=Path, default=here / "data" / "jobcompare.sqlite")
    args = parser.parse_args()
    db = sqlite3.connect(f"file:{args.store.resolve()}?mode=ro", uri=True)
    bad: list[str] = []
    checked: Counter[str] = Counter()

    def check(what: str, ok: bool, detail: str) -> None:
        checked[what] += 1
        if not ok:
            bad.append(f"{what}: {detail}")

    # -- EP 2024-34 table 1.2 ---------------------------------------------------------------
    rows = sheet(args.data / "bls-ep-2024-34" / "occupation.xlsx", "Table 1.2")
    raw = {r[1]: r for r in rows[2:] if r[1]}
    numbers = ("employment_2024", "employment_2034", "change", "percent_change",
               "percent_self_employed", "annual_openings")  # fmt: skip
    positions = (3, 4, 7, 8, 9, 10)
    for rec in db.execute(f"SELECT soc, {', '.join(numbers)}, entry_education FROM ep_projection"):
        source = raw.get(rec[0])
        check("ep rows", source is not None, f"{rec[0]} not in table 1.2")
        if source is None:
            continue
        for name, stored, at in zip(numbers, rec[1:7], positions, strict=True):
            check(
                "ep figures",
                same(stored, source[at]),
                f"{rec[0]} {name} {stored!r} vs {source[at]!r}",
            )
        text = source[12] if source[2] == "Line item" else None
        check("ep figures", rec[7] == text, f"{rec[0]} education {rec[7]!r} vs {text!r}")

    # -- EP 2023-33 table 5.3 ---------------------------------------------------------------
    rows = sheet(args.data / "bls-ep-2023-33" / "education.xlsx", "Table 5.3")
    raw = {r[1]: r for r in rows[2:] if r[1]}
    for rec in db.execute("SELECT * FROM ep_attainment"):
        source = raw.get(rec[1])
        check("attainment rows", source is not None, f"{rec[1]} not in table 5.3")
        if source is None:
            continue
        for stored, value in zip(rec[3:10], source[2:9], strict=True):
            check("attainment figures", same(stored, value), f"{rec[0]} {stored!r} vs {value!r}")
        exact = 0 if str(source[0]).endswith("[1]") else 1
        check("attainment figures", rec[10] == exact, f"{rec[0]} exact-match flag")

    # -- CPS 2024 tables 11 and 11b ---------------------------------------------------------
    book = args.data / "bls-cps-2024" / "cpsa2024.xlsx"
    t11 = {str(r[0]).strip(): r for r in sheet(book, "cpsaat11")[7:] if r[0]}
    t11b = {str(r[0]).strip(): r for r in sheet(book, "cpsaat11b")[6:] if r[0]}
    t11b["Total, 16 years and over"] = t11b["Total employed"]
    normal = {norm(t): t for t in t11}  # fmt: skip
    oews = dict(db.execute("SELECT soc, title FROM occupation"))
    for rec in db.execute(
        "SELECT soc, cps_title, match, total_employed, percent_women, percent_white, "
        "percent_black, percent_asian, percent_hispanic, median_age FROM cps_demographics"
    ):
        soc, title, match = rec[0], rec[1], rec[2]
        if title is None:
            key = norm(str(oews.get(soc, "")))
            check("cps unmatched", key not in normal, f"{soc} has a CPS row of the same title")
            continue
        source, ages = t11.get(title), t11b.get(title)
        check("cps rows", source is not None and ages is not None, f"{soc} {title!r} missing")
        if source is None or ages is None:
            continue
        for stored, value in zip(rec[3:9], source[1:7], strict=True):
            check("cps figures", same(stored, value), f"{soc} {title!r} {stored!r} vs {value!r}")
        check("cps figures", same(rec[9], ages[9]), f"{soc} median age {rec[9]!r} vs {ages[9]!r}")
        if match == "title":
            key = norm(str(oews[soc]))
            check("cps title matches", normal.get(key) == title, f"{soc} {title!r}")

    # -- O*NET 30.3 -------------------------------------------------------------------------
    onet = args.data / "onet-30.3"
    education = {
        (r["O*NET-SOC Code"], int(r["Category"])): r
        for r in csv_rows(onet / "education.csv")
        if r["Scale ID"] == "RL"
    }
    for code, category, percent in db.execute(
        "SELECT onet_code, category, percent FROM onet_education"
    ):
        r = education[(code, category)]
        want = None if r["Recommend Suppress"] == "Y" else r["Data Value"]
        check("onet education", same(percent, want), f"{code} {category} {percent!r} vs {want!r}")
    for name, table in (("essential_skills.csv", "onet_basic_skill"),):
        ratings = {
            (r["O*NET-SOC Code"], r["Element ID"], r["Scale ID"]): r for r in csv_rows(onet / name)
        }
        for code, element, scale, value in db.execute(
            f"SELECT onet_code, element_id, scale_id, value FROM {table}"
        ):
            r = ratings[(code, element, scale)]
            # Recommend Suppress withholds; a Not Relevant level is published and kept.
            want = None if r["Recommend Suppress"] == "Y" else r["Data Value"]
            check("onet basic skills", same(value, want), f"{code} {element} {scale}")
    tasks: dict[str, list[int]] = defaultdict(list)
    for r in csv_rows(onet / "task_statements.csv"):
        tasks[r["O*NET-SOC Code"]].append(int(r["Task ID"]))
    stored_tasks: dict[str, list[int]] = defaultdict(list)
    for code, task_id in db.execute(
        "SELECT onet_code, task_id FROM onet_task ORDER BY onet_code, position"
    ):
        stored_tasks[code].append(task_id)
    for code, ids in stored_tasks.items():
        check("onet task lists (order)", ids == tasks[code], code)
    tech = Counter(
        (r["O*NET-SOC Code"], r["Hot Technology"], r["In Demand"])
        for r in csv_rows(onet / "software_skills.csv")
    )
    for code, hot, demand, count in db.execute(
        "SELECT onet_code, hot_technology, in_demand, count(*) FROM onet_technology "
        "GROUP BY 1, 2, 3"
    ):
        key = (code, "Y" if hot else "N", "Y" if demand else "N")
        check("onet technology counts", tech[key] == count, f"{key} {count} vs {tech[key]}")
    related = Counter(r["O*NET-SOC Code"] for r in csv_rows(onet / "related_occupations.csv"))
    for code, count in db.execute("SELECT onet_code, count(*) FROM onet_related GROUP BY 1"):
        check("onet related counts", related[code] == count, f"{code} {count}")
    reported = Counter(
        r["O*NET-SOC Code"] for r in csv_rows(onet / "sample_of_reported_titles.csv")
    )
    for code, count in db.execute(
        "SELECT onet_code, count(*) FROM title WHERE kind = 'reported' GROUP BY 1"
    ):
        check("reported title counts", reported[code] == count, f"{code} {count}")

    # -- O*NET 30.1 -------------------------------------------------------------------------
    excel = args.data / "onet-30.1"
    skills = {(r[0], r[2], r[4]): r for r in sheet(excel / "Skills.xlsx", "Skills")[1:]}
    for code, element, scale, value in db.execute(
        "SELECT onet_code, element_id, scale_id, value FROM onet_skill"
    ):
        r = skills[(code, element, scale)]
        want = None if r[11] == "Y" else r[6]
        check("onet 30.1 skills", same(value, want), f"{code} {element} {scale}")
    alternates = Counter(
        r[0] for r in sheet(excel / "Alternate Titles.xlsx", "Alternate Titles")[1:]
    )
    for code, count in db.execute(
        "SELECT onet_code, count(*) FROM title WHERE kind = 'alternate' GROUP BY 1"
    ):
        check("alternate title counts", alternates[code] == count, f"{code} {count}")

    check_whose_figures(args.data, args.store, skills, check)

    for what, count in sorted(checked.items()):
        print(f"{what}: {count:,} checked")
    print(f"mismatches: {len(bad)}")
    for line in bad[:50]:
        print("  " + line)
    return 1 if bad else 0


def check_whose_figures(
    data: Path,
    store_path: Path,
    skills: dict[tuple[Any, Any, Any], tuple[Any, ...]],
    check: Any,
) -> None:
    """Issue 18, items 1-4, re-derived from the raw O*NET files and held against what
    jobcompare's readers and engine give (its importers are not used to derive them):

    1. the skill gap of every O*NET related pair rated by O*NET 30.1, computed here by
       docs/moves.md's rule with levels flagged Not Relevant used as published;
    2. an occupation's O*NET figures are its own SOC.00's (description, job zone, top
       skills), or none when O*NET has no rated SOC.00;
    3. every rated O*NET occupation that rolls up to an OEWS code has its own job zone and
       skill ratings in the store;
    4. the O*NET occupations named within each OEWS occupation are exactly O*NET's codes
       under it other than its .00 (aggregates: those rolling up to it in the store).
    """
    from jobcompare.engine.moves import IMPORTANT, gap_between
    from jobcompare.sources.store import Store
    from jobcompare.sources.store_role import official_role

    onet = data / "onet-30.3"
    zones = {r["O*NET-SOC Code"]: int(r["Job Zone"]) for r in csv_rows(onet / "job_zones.csv")}
    described = {
        r["O*NET-SOC Code"]: r["Description"] for r in csv_rows(onet / "occupation_data.csv")
    }
    # code -> skill name -> (IM, LV), as published; a rating O*NET suppresses is left out.
    rated: dict[str, dict[str, dict[str, float]]] = defaultdict(dict)
    suppressed: dict[str, set[str]] = defaultdict(set)
    for (code, _, scale), r in skills.items():
        if r[11] == "Y":
            suppressed[code].add(str(r[3]))
            continue
        rated[code].setdefault(str(r[3]), {})[scale] = float(r[6])
    store = Store(store_path)
    try:
        rolled = dict(store.query("SELECT onet_code, soc FROM onet_occupation"))

        # 3. Every rated code's own job zone and skills are in the store.
        stored_zones = dict(store.query("SELECT onet_code, job_zone FROM onet_job_zone"))
        for code, zone in zones.items():
            if rolled.get(code) is not None:
                check("job zones of every rated code", stored_zones.get(code) == zone, code)
        stored_skills = {c for (c,) in store.query("SELECT DISTINCT onet_code FROM onet_skill")}
        for code in rated:
            if rolled.get(code) is not None:
                check("30.1 skills of every rated code", code in stored_skills, code)

        # 1. The skill gap of every related pair both of whose codes 30.1 rates.
        cache: dict[str, Any] = {}
        for r in csv_rows(onet / "related_occupations.csv"):
            a, b = r["O*NET-SOC Code"], r["Related O*NET-SOC Code"]
            if a not in rated or b not in rated or rolled.get(a) is None:
                continue
            if rolled.get(b) is None:
                continue
            have, want = rated[a], rated[b]
            rises = [
                round(want[n]["LV"] - have[n]["LV"], 2)
                for n in want
                if "IM" in want[n] and "LV" in want[n] and want[n]["IM"] >= IMPORTANT
                and n in have and "IM" in have[n] and "LV" in have[n]
            ]  # fmt: skip
            expected = round(sum(x for x in rises if x > 0), 2)
            gap = gap_between(store, a, b, a, b, cache=cache)
            check("skill gaps of related pairs", gap.total == expected,
                  f"{a} -> {b}: {gap.total} vs {expected}")  # fmt: skip

        # 2 and 4. Each OEWS occupation's O*NET figures are its own .00's; its parts named.
        occupations = [
            (str(soc), str(slug))
            for soc, slug in store.query("SELECT soc, slug FROM occupation WHERE soc != '00-0000'")
        ]
        for soc, slug in occupations:
            role = official_role(store, slug)
            own = f"{soc}.00"
            linked = {c for (c,) in store.query(
                "SELECT onet_code FROM onet_link WHERE soc = ?", (soc,))}  # fmt: skip
            whole = linked == {own}
            want_description = described.get(own) if whole or not linked else None
            check("own description", role.description == want_description, soc)
            check("own job zone", role.overview.job_zone == (zones.get(own) if whole else None),
                  f"{soc} {role.overview.job_zone} vs {zones.get(own)}")  # fmt: skip
            if whole and own in rated:
                top = sorted(
                    ((n, v) for n, v in rated[own].items() if "IM" in v),
                    key=lambda item: (-item[1]["IM"], -item[1].get("LV", 0)),
                )[:10]
                names = set(rated[own])
                shown = [s.importance for s in role.skills]
                check("own skills", {s.name for s in role.skills} <= names
                      and shown == [v["IM"] for _, v in top], soc)  # fmt: skip
            else:
                check("own skills", role.skills == (), f"{soc} shows skills not its own")
            inside = {c for c in described if c[:7] == soc and c != own}
            inside |= {c for c, s_ in rolled.items() if s_ == soc and c != own}
            named = {code for code, _ in role.onet_occupations}
            check("O*NET occupations named within", named == inside, f"{soc} {named ^ inside}")
    finally:
        store.close()


if __name__ == "__main__":
    sys.exit(main())
