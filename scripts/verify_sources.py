"""Re-derive the O*NET, EP and CPS figures from the publishers' raw files and compare them
with the store.

    python scripts/verify_sources.py [--data ../shared/data] [--store data/jobcompare.sqlite]

Independent of jobcompare's importers: it parses O*NET's CSVs with the csv module and the
BLS / O*NET workbooks with openpyxl directly, and queries the store with plain SQL. For
every row the store holds it checks the figure against the raw file: a number equals the
published one, a "—"/"–" or "Recommend Suppress = Y" / "Not Relevant = Y" value is NULL.
Also the counts: tasks (and their order), technology skills, related occupations, titles;
and (check_missing_figures) that the NULL OEWS hourly figures are BLS's "-" with its
footnotes, that CPS rows reach the occupations the documented title / broad-group rule says,
with reasons naming the dashed columns, and that suppressed O*NET shares say so; and
(check_relative_standard_errors) every OEWS relative standard error the store holds
(datatypes 02 and 05, every area) against the raw file, a NULL being BLS's "-".
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
    check_missing_figures(args.data, db, check)
    check_relative_standard_errors(args.data, db, check)

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
            # The reason a part's figures are withheld names every rated occupation within.
            if not whole and linked:
                reason = role.unpublished.get("description", "")
                named_codes = set(re.findall(r"\d{2}-\d{4}\.\d{2}", reason))
                rated_in = {c for c in zones if rolled.get(c) == soc and c != own} | linked
                check("parts named in the reason", named_codes == rated_in,
                      f"{soc}: {sorted(named_codes ^ rated_in)}")  # fmt: skip
            inside = {c for c in described if c[:7] == soc and c != own}
            inside |= {c for c, s_ in rolled.items() if s_ == soc and c != own}
            named = {code for code, _ in role.onet_occupations}
            check("O*NET occupations named within", named == inside, f"{soc} {named ^ inside}")
    finally:
        store.close()


# -- Missing figures and the CPS broad-group rule (issue 18, items 7-9) ----------------------
# Kept apart from the figure checks above: whether a figure the store leaves NULL is one the
# publisher left out, with the reason the store gives, and whether CPS rows reach the OEWS
# occupations the documented rule (docs/mapping.md) says they do.

#: OEWS national rows: OEU + N + area 0000000 + industry 000000, then occupation and datatype.
_NATIONAL = "OEUN0000000000000"
#: OEWS datatype codes of the hourly mean and percentiles, and the store's columns.
_HOURLY = {"03": "hourly_mean", "06": "hourly_p10", "07": "hourly_p25", "08": "hourly_p50",
           "09": "hourly_p75", "10": "hourly_p90"}  # fmt: skip
#: The CPS columns the store's "Dash indicates ...: columns" reason names, in table 11's order.
_CPS_COLUMNS = ("percent_women", "percent_white", "percent_black", "percent_asian",
                "percent_hispanic")  # fmt: skip


def check_missing_figures(data: Path, db: sqlite3.Connection, check: Any) -> None:
    import gzip

    # OEWS: every NULL national hourly figure is a "-" in BLS's file, with the footnotes the
    # store keeps as its reason; an occupation paid annually only has footnote 4 on all six.
    oews = data / "bls-oews-2025"
    lines = (oews / "oe.footnote").read_text(encoding="utf-8").splitlines()[1:]
    footnotes = dict(line.split("\t", 1) for line in lines if line)
    annual_only = next(c for c, t in footnotes.items() if "annual salaries depending" in t)
    raw: dict[tuple[str, str], tuple[str, str]] = {}
    path = oews / "oe.data.0.Current.subset.gz"
    opener = gzip.open if path.exists() else open
    with opener(path if path.exists() else oews / "oe.data.0.Current", "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith(_NATIONAL):
                series, _, _, value, *codes = [x.strip() for x in line.split("\t")]
                column = _HOURLY.get(series[-2:])
                if column is not None:
                    soc = f"{series[17:19]}-{series[19:23]}"
                    raw[(soc, column)] = (value, codes[0] if codes else "")
    notes = {(s, m): c for s, m, c in db.execute(
        "SELECT soc, measure, footnotes FROM oews_note WHERE area = '0000000'")}  # fmt: skip
    columns = list(_HOURLY.values())
    annual = set()
    for soc, *values in db.execute(
        f"SELECT soc, {', '.join(columns)} FROM oews_pay WHERE area = '0000000'"
    ):
        if soc == "00-0000":
            continue
        for column, stored in zip(columns, values, strict=True):
            value, codes = raw.get((soc, column), ("", ""))
            if stored is None:
                check("oews hourly NULLs with BLS's footnotes", value == "-"
                      and notes.get((soc, column), "") == codes, f"{soc} {column} {value!r} "
                      f"{codes!r} vs stored note {notes.get((soc, column))!r}")  # fmt: skip
            else:
                check("oews hourly published", value not in ("", "-"), f"{soc} {column}")
        if all(v is None for v in values[1:]):
            annual.add(soc)
            check("oews hourly-percentile NULLs: annual-only footnote", all(
                annual_only in raw.get((soc, c), ("", ""))[1].split() for c in columns
            ), soc)  # fmt: skip
    check("oews annual-only occupations (58 expected)", len(annual) == 58, f"{len(annual)}")

    # CPS: the rule, derived here from the raw titles. An OEWS occupation takes the CPS row of
    # its own title; else, the CPS row titled as its 2018 SOC broad group (oe.occupation
    # display level 2) when that group's title is a CPS row; else none.
    book = data / "bls-cps-2024" / "cpsa2024.xlsx"
    t11 = {str(r[0]).strip(): r for r in sheet(book, "cpsaat11")[7:] if r[0]}
    cps = {norm(t): t for t in t11}
    detailed: dict[str, str] = {}
    broad: dict[str, str] = {}
    for line in (oews / "oe.occupation").open(encoding="utf-8"):
        code, name, level, *_ = line.rstrip("\n").split("\t")
        soc = f"{code[:2]}-{code[2:]}"
        if level == "3":
            detailed[soc] = name.strip()
        elif level == "2":
            broad[soc[:6]] = name.strip()
    stored = {s: (t, m, r) for s, t, m, r in db.execute(
        "SELECT soc, cps_title, match, missing_reason FROM cps_demographics")}  # fmt: skip
    for soc, title in detailed.items():
        own = cps.get(norm(title))
        group = broad.get(soc[:6])
        by_group = cps.get(norm(group)) if group else None
        want = (own, "title") if own else (by_group, "crosswalk") if by_group else (None, None)
        got = stored.get(soc, (None, None, None))[:2]
        check("cps rule (title, then broad group)", got == want, f"{soc} {got} vs {want}")
    check("cps 41-2012 takes 'Cashiers'", stored.get("41-2012", ())[:2] == ("Cashiers",
          "crosswalk"), str(stored.get("41-2012")))  # fmt: skip

    # CPS reasons: a NULL figure's reason names exactly the columns BLS dashed, or says
    # there is no CPS row.
    for soc, (title, _, reason) in stored.items():
        if soc == "00-0000":
            continue
        if title is None:
            check("cps missing reasons", reason == "no CPS row for this occupation", soc)
            continue
        row = t11[title]
        dashed = [c for c, v in zip(_CPS_COLUMNS, row[2:7], strict=True)
                  if isinstance(v, str) and v.strip() in ("–", "—")]  # fmt: skip
        named = reason.rsplit(": ", 1)[1].split(", ") if reason else []
        check("cps missing reasons", [c for c in named if c != "median_age"] == dashed,
              f"{soc} {named} vs {dashed}")  # fmt: skip

    # O*NET required levels: a NULL share is one O*NET suppresses, and says so.
    for code, category, reason in db.execute(
        "SELECT onet_code, category, missing_reason FROM onet_education WHERE percent IS NULL"
    ):
        said = bool(reason) and "Recommend Suppress" in str(reason)
        check("onet suppressed required levels with a reason", said, f"{code} {category}")


# -- OEWS relative standard errors (issue 20, "How sure") -----------------------------------

#: OEWS datatype -> the store's column of its percent relative standard error.
_RSE = {"02": "employment_rse", "05": "mean_rse"}


def check_relative_standard_errors(data: Path, db: sqlite3.Connection, check: Any) -> None:
    """Every stored relative standard error (datatypes 02 and 05, all industries, every
    area) equals the raw file's, read here as a decimal (stored in tenths); a NULL is a
    "-" in the file with the footnotes the store keeps as its reason; and every error the
    file has for an occupation and area the store holds is stored (none left out)."""
    import gzip
    from decimal import Decimal

    stored: dict[tuple[str, str], tuple[int | None, int | None]] = {
        (soc, area): (jobs, mean)
        for soc, area, jobs, mean in db.execute(
            "SELECT soc, area, employment_rse, mean_rse FROM oews_pay"
        )
    }
    notes = {
        (soc, area, measure): codes
        for soc, area, measure, codes in db.execute(
            "SELECT soc, area, measure, footnotes FROM oews_note WHERE measure IN (?, ?)",
            tuple(_RSE.values()),
        )
    }
    occupations = {soc for soc, _ in stored}
    seen: set[tuple[str, str, str]] = set()
    oews = data / "bls-oews-2025"
    path = oews / "oe.data.0.Current.subset.gz"
    opener = gzip.open if path.exists() else open
    with opener(path if path.exists() else oews / "oe.data.0.Current", "rt", encoding="utf-8") as f:
        next(f)
        for line in f:
            series, _, _, value, *rest = [x.strip() for x in line.split("\t")]
            column = _RSE.get(series[23:25])
            if column is None or series[11:17] != "000000":
                continue
            soc, area = f"{series[17:19]}-{series[19:23]}", series[4:11]
            row = stored.get((soc, area))
            if row is None:  # an occupation group's: the store has detailed ones only
                check("oews RSE of groups, not stored", soc not in occupations,
                      f"{series}: its occupation and area have no row in the store")  # fmt: skip
                continue
            seen.add((soc, area, column))
            got = row[0] if column == "employment_rse" else row[1]
            codes = rest[0] if rest else ""
            if value == "-":
                check("oews RSE NULLs are BLS's '-' with its footnotes",
                      got is None and notes.get((soc, area, column), "") == codes,
                      f"{series}: '-' ({codes}) vs {got!r}, note "
                      f"{notes.get((soc, area, column))!r}")  # fmt: skip
            else:
                check("oews RSE figures (02, 05; every area)",
                      got is not None and Decimal(got) / 10 == Decimal(value),
                      f"{series}: {value} vs stored {got!r}")  # fmt: skip
    # The other way: a stored error (or its NULL) the raw file does not have.
    for (soc, area), (jobs, mean) in stored.items():
        for column, got in (("employment_rse", jobs), ("mean_rse", mean)):
            check("oews RSE stored only from the file", (soc, area, column) in seen
                  or got is None, f"{soc} {area} {column} {got!r}: no row in the file")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
