"""Re-derive the O*NET, EP and CPS (tables 11, 11b, 39) figures from the publishers' raw
files and compare them with the store.

    python scripts/verify_sources.py [--data ../shared/data] [--store data/jobcompare.sqlite]

Independent of jobcompare's importers: it parses O*NET's CSVs with the csv module and the
BLS / O*NET workbooks with openpyxl directly, and queries the store with plain SQL. For
every row the store holds it checks the figure against the raw file: a number equals the
published one, a "—"/"–" or "Recommend Suppress = Y" value is NULL (a "Not Relevant = Y"
level is kept as O*NET publishes it).
Also the counts: tasks (and their order), technology skills, related occupations, titles;
and (check_missing_figures) that the NULL OEWS hourly figures are BLS's "-" with its
footnotes, that CPS rows reach the occupations the documented title / broad-group rule says,
with reasons naming the dashed columns, and that suppressed O*NET shares say so;
(check_ep_outlook) every EP table 1.10 figure and every table 1.12 sentence, exactly;
(check_ai_exposure) every stored AI exposure score and rank against the two published
files, with its own parsing and its own count of the scores strictly lower; and
(check_relative_standard_errors) every OEWS relative standard error the store holds
(datatypes 02 and 05, every area) against the raw file, a NULL being BLS's "-";
(check_interests) every O*NET 30.3 interest rating and high point against
career_interest_types.csv; (check_skill_profiles) every stored skill profile against
one recomputed here from Skills.xlsx with the statistics module; and
(check_oews_history) every figure of every occupation and year of the May 2021-2024
national files (bls-oews-history/) against the workbooks: a number exactly, a "#" as that
file's own top code with its at-least bit, a "*"/"**" NULL with that mark kept, the
titles and flags, and no row more or less than the files' detailed occupations of the
spine.
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

    # -- CPS 2024 tables 11, 11b and 39 -----------------------------------------------------
    book = args.data / "bls-cps-2024" / "cpsa2024.xlsx"
    t11 = {str(r[0]).strip(): r for r in sheet(book, "cpsaat11")[7:] if r[0]}
    t11b = {str(r[0]).strip(): r for r in sheet(book, "cpsaat11b")[6:] if r[0]}
    t11b["Total, 16 years and over"] = t11b["Total employed"]
    # Table 39: Total, Men, Women (row 5) over Number of workers, Median weekly earnings
    # (row 6); the medians are columns C, E, G. Titles keyed with white space collapsed.
    raw39 = sheet(book, "cpsaat39")
    header = (raw39[4][1:7], raw39[5][1:7])
    want_header = (("Total", None, "Men", None, "Women", None),
                   ("Number of workers", "Median weekly earnings") * 3)  # fmt: skip
    check("cps table 39 header", header == want_header, f"{header!r}")
    t39 = {" ".join(str(r[0]).split()): r for r in raw39[7:] if r[0]}
    t39["Total, 16 years and over"] = t39["Total, full-time wage and salary workers"]
    normal = {norm(t): t for t in t11}  # fmt: skip
    oews = dict(db.execute("SELECT soc, title FROM occupation"))
    weekly = {s: (a, m, w) for s, a, m, w in db.execute(
        "SELECT soc, weekly_earnings, weekly_earnings_men, weekly_earnings_women "
        "FROM cps_demographics")}  # fmt: skip
    for rec in db.execute(
        "SELECT soc, cps_title, match, total_employed, percent_women, percent_white, "
        "percent_black, percent_asian, percent_hispanic, median_age FROM cps_demographics"
    ):
        soc, title, match = rec[0], rec[1], rec[2]
        if title is None:
            key = norm(str(oews.get(soc, "")))
            check("cps unmatched", key not in normal, f"{soc} has a CPS row of the same title")
            check("cps unmatched", weekly[soc] == (None, None, None), f"{soc} has weekly pay")
            continue
        source, ages = t11.get(title), t11b.get(title)
        check("cps rows", source is not None and ages is not None, f"{soc} {title!r} missing")
        if source is None or ages is None:
            continue
        for stored, value in zip(rec[3:9], source[1:7], strict=True):
            check("cps figures", same(stored, value), f"{soc} {title!r} {stored!r} vs {value!r}")
        check("cps figures", same(rec[9], ages[9]), f"{soc} median age {rec[9]!r} vs {ages[9]!r}")
        pay = t39.get(" ".join(title.split()))
        check("cps table 39 rows", pay is not None, f"{soc} {title!r} not in table 39")
        for stored, at in zip(weekly.get(soc, ()), (2, 4, 6), strict=True):
            value = None if pay is None else pay[at]
            whole = stored is None or type(stored) is int  # whole dollars, as printed
            column = "CEG"[at // 2 - 1]
            check("cps weekly earnings (table 39)", same(stored, value) and whole,
                  f"{soc} {title!r} column {column}: {stored!r} vs {value!r}")  # fmt: skip
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
    check_ep_outlook(args.data, db, check)
    check_ai_exposure(args.data, db, check)
    check_relative_standard_errors(args.data, db, check)
    check_interests(args.data, db, check)
    check_skill_profiles(skills, db, check)
    check_oews_history(args.data, db, check)

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
#: Table 39's medians (columns C, E, G: all, men, women) as the store names them.
_CPS_WEEKLY = ("weekly_earnings", "weekly_earnings_men", "weekly_earnings_women")


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
    t39 = {" ".join(str(r[0]).split()): r for r in sheet(book, "cpsaat39")[7:] if r[0]}
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
        check("cps missing reasons", [c for c in named if c in _CPS_COLUMNS] == dashed,
              f"{soc} {named} vs {dashed}")  # fmt: skip
        # Table 39: a NULL weekly median is a dash of BLS's, and its reason names it.
        pay = t39[" ".join(title.split())]
        dashed = [c for c, v in zip(_CPS_WEEKLY, (pay[2], pay[4], pay[6]), strict=True)
                  if isinstance(v, str) and v.strip() in ("–", "—")]  # fmt: skip
        check("cps weekly missing reasons (table 39)",
              [c for c in named if c in _CPS_WEEKLY] == dashed,
              f"{soc} {named} vs {dashed}")  # fmt: skip

    # O*NET required levels: a NULL share is one O*NET suppresses, and says so.
    for code, category, reason in db.execute(
        "SELECT onet_code, category, missing_reason FROM onet_education WHERE percent IS NULL"
    ):
        said = bool(reason) and "Recommend Suppress" in str(reason)
        check("onet suppressed required levels with a reason", said, f"{code} {category}")


_AI_WORDS = re.compile(r"(?<![A-Za-z])AI(?![A-Za-z])|artificial intelligence", re.I)


def check_ep_outlook(data: Path, db: sqlite3.Connection, check: Any) -> None:
    """BLS EP 2024-34 tables 1.10 and 1.12 against the workbook: every 1.10 figure of every
    OEWS occupation (and the total); every 1.12 sentence of every OEWS occupation, exactly,
    in BLS's order with its industry, none dropped and none added; the factors and the
    direction each sentence's prefix names (parsed here another way); and which sentences
    speak of AI (``model.Factor.mentions_ai`` against a pattern of this script's)."""
    book = data / "bls-ep-2024-34" / "occupation.xlsx"
    spine = {soc for (soc,) in db.execute("SELECT soc FROM occupation")}

    # Table 1.10: columns found by BLS's headers.
    rows = sheet(book, "Table 1.10")
    header = list(rows[1])
    at = {name: header.index(text) for name, text in (
        ("exit_rate", "Labor force exit rate, 2024–34 annual average"),
        ("transfer_rate", "Occupational transfer rate, 2024–34 annual average"),
        ("separation_rate", "Total occupational separations rate, 2024–34 annual average"),
        ("labor_force_exits", "Labor force exits, 2024–34 annual average"),
        ("occupational_transfers", "Occupational transfers, 2024–34 annual average"),
        ("separations", "Total occupational separations, 2024–34 annual average"),
    )}  # fmt: skip
    openings = header.index("Occupational openings, 2024–34 annual average")
    raw = {r[1]: r for r in rows[2:] if r[1] and re.fullmatch(r"\d\d-\d{4}", str(r[1]))}
    stored = {r[0]: r[1:] for r in db.execute(
        f"SELECT soc, {', '.join(at)} FROM ep_separations"
    )}  # fmt: skip
    for soc in sorted(spine):
        check("ep 1.10 rows", (soc in stored) == (soc in raw), f"{soc} row")
    for soc, figures in stored.items():
        source = raw.get(soc)
        if source is None:
            check("ep 1.10 rows", False, f"{soc} not in table 1.10")
            continue
        for (name, index), value in zip(at.items(), figures, strict=True):
            check("ep 1.10 figures", same(value, source[index]),
                  f"{soc} {name} {value!r} vs {source[index]!r}")  # fmt: skip
    # Its openings are table 1.2's, which the store keeps.
    for soc, annual in db.execute("SELECT soc, annual_openings FROM ep_projection"):
        check("ep 1.10 openings = 1.2's", same(annual, raw[soc][openings]), soc)

    # Table 1.12: every sentence of an OEWS occupation, in order.
    rows = sheet(book, "Table 1.12")
    said: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for r in rows[2:]:
        if r[1] and re.fullmatch(r"\d\d-\d{4}", str(r[1])):
            said[str(r[1])].append((str(r[2]).strip(), str(r[3]).strip(), str(r[4]).strip()))
    kept: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for rec in db.execute(
        "SELECT soc, industry, industry_code, text, factors, direction FROM ep_factor "
        "ORDER BY soc, position"
    ):
        kept[rec[0]].append(rec[1:])
    for soc in sorted(set(said) | set(kept)):
        want = said.get(soc, []) if soc in spine else []
        have = [tuple(r[:3]) for r in kept.get(soc, [])]
        check("ep 1.12 occupations", len(have) == len(want),
              f"{soc}: {len(have)} sentences stored, {len(want)} in table 1.12")  # fmt: skip
        for mine, theirs in zip(have, want, strict=False):
            check("ep 1.12 sentences (industry and exact text)", mine == theirs,
                  f"{soc} {mine[1]}: {mine[2]!r} vs {theirs[2]!r}")  # fmt: skip
    from jobcompare.model import Factor

    ai: set[str] = set()
    for soc, sentences in kept.items():
        for industry, code, text, factors, direction in sentences:
            head, _, rest = text.partition("share ")
            words = [w.strip() for w in head.strip().rstrip("-").split(",")]
            expected = (
                "; ".join(w[:1].upper() + w[1:] for w in words),
                rest.split(" ", 1)[0],
            )
            check("ep 1.12 factors and direction", (factors, direction) == expected,
                  f"{soc} {code}: {factors!r} {direction!r} vs {expected!r}")  # fmt: skip
            mentions = bool(_AI_WORDS.search(text))
            check("ep 1.12 AI mentions", Factor(industry, code, text).mentions_ai == mentions,
                  f"{soc} {code}")  # fmt: skip
            if mentions:
                ai.add(soc)
    print(f"ep 1.12: {sum(map(len, kept.values()))} sentences of {len(kept)} occupations, "
          f"{len(ai)} of them with a sentence on AI")  # fmt: skip


#: The OEWS codes that combine detailed SOC occupations (2018 SOC; docs/mapping.md),
#: written here independently of importers/_onet_map.py.
_OEWS_AGGREGATES = {
    "13-1020": "13-1021 13-1022 13-1023", "13-2020": "13-2022 13-2023",
    "21-1018": "21-1011 21-1014", "25-2052": "25-2055 25-2056",
    "25-9045": "25-9042 25-9043 25-9049", "29-2010": "29-2011 29-2012",
    "31-1120": "31-1121 31-1122", "39-7010": "39-7011 39-7012", "47-4090": "47-4091 47-4099",
    "51-2028": "51-2022 51-2023", "51-2090": "51-2092 51-2099",
    "53-1047": "53-1042 53-1043 53-1044 53-1049",
}  # fmt: skip


def _ranks(scores: dict[str, str]) -> dict[str, int]:
    """code -> how many of the file's scores are strictly lower, scores equal to 12
    decimals counting as one (docs/ai-exposure.md), from the published text itself."""
    from decimal import Decimal

    exact = {code: Decimal(text).quantize(Decimal("1e-12")) for code, text in scores.items()}
    ordered = sorted(exact.values())
    lower: dict[str, int] = {}
    for code, value in exact.items():
        lower[code] = sum(1 for other in ordered if other < value)
    return lower


def check_ai_exposure(data: Path, db: sqlite3.Connection, check: Any) -> None:
    """Every OEWS occupation's AI exposure figures (ai_gpts, ai_applicability) against the
    raw files: a stored score is the published text's number exactly, for the same SOC
    (GPTs are GPTs: its .00 O*NET-SOC code) and nothing else; its rank is the count of
    the file's rows scoring strictly lower; ``rated`` is the file's row count; a missing
    score is one the file does not give, its reason naming exactly the file's codes under
    the occupation (none: "not rated"). The MIT notice is the licence file's text."""
    folder = data / "ai-exposure"
    gpts = {r["O*NET-SOC Code"]: r for r in csv_rows(folder / "gpts-are-gpts-occ_level.csv")}
    scores = folder / "working-with-ai-soc_ai_applicability_scores.csv"
    applicability = {r["SOC Code"]: r for r in csv_rows(scores)}
    oews = [s for (s,) in db.execute("SELECT soc FROM occupation WHERE soc != '00-0000'")]
    part_of = {p: whole for whole, parts in _OEWS_AGGREGATES.items() for p in parts.split()}

    def under(soc: str, codes: list[str]) -> list[str]:
        """The file's codes within ``soc`` other than its own (its SOC's or its parts')."""
        own = {soc, f"{soc}.00"}
        return sorted(c for c in codes if c not in own
                      and (c[:7] == soc or part_of.get(c[:7]) == soc))  # fmt: skip

    measures = (
        ("ai_gpts", "gpt4_beta", "dv_rating_beta", gpts, lambda s: f"{s}.00"),
        ("ai_gpts", "human_beta", "human_rating_beta", gpts, lambda s: f"{s}.00"),
        ("ai_applicability", "score", "ai_applicability_score", applicability, lambda s: s),
    )
    for table, column, raw_column, raw, own_code in measures:
        ranks = _ranks({code: r[raw_column] for code, r in raw.items()})
        stored = {soc: (score, lower, rated, reason) for soc, score, lower, rated, reason in
                  db.execute(f"SELECT soc, {column}, {column}_lower, rated, missing_reason "
                             f"FROM {table}")}  # fmt: skip
        what = f"ai exposure {table}.{column}"
        for soc in oews:
            if soc not in stored:
                check(f"{what} rows", False, f"{soc}: no row")
                continue
            score, lower, rated, reason = stored[soc]
            code = own_code(soc)
            if code in raw:
                ok = (score == float(raw[code][raw_column]) and lower == ranks[code]
                      and rated == len(raw) and reason is None)  # fmt: skip
                check(f"{what} scores and ranks", ok,
                      f"{soc}: {score} {lower}/{rated} vs {raw[code][raw_column]} "
                      f"{ranks[code]}/{len(raw)}")  # fmt: skip
                continue
            parts = under(soc, list(raw))
            named = re.findall(r"\b\d{2}-\d{4}(?:\.\d{2})?\b", reason or "")
            ok = score is None and lower is None and rated is None and (
                named == parts if parts else "not rated" in (reason or ""))  # fmt: skip
            kind = "withheld (parts named)" if parts else "not rated"
            check(f"{what} {kind}", ok, f"{soc}: {reason!r} vs {parts}")
    notice = (folder / "gpts-are-gpts-LICENSE").read_text(encoding="utf-8").strip()
    rows = db.execute("SELECT notice FROM licence_notice WHERE source = 'gpts-are-gpts'")
    check("ai exposure MIT notice", [r[0] for r in rows] == [notice], "licence_notice")


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


def check_interests(data: Path, db: sqlite3.Connection, check: Any) -> None:
    """Every stored interest figure (onet_interest) is O*NET's: the six ratings (scale OI)
    and the three high points (scale IH, the number of an interest, 0 for none), and every
    O*NET occupation of the file that rolls up to an OEWS occupation has its row."""
    raw: dict[str, dict[str, str]] = defaultdict(dict)
    for r in csv_rows(data / "onet-30.3" / "career_interest_types.csv"):
        raw[r["O*NET-SOC Code"]][r["Element Name"]] = r["Data Value"]
    names = ("Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional",
             "First Interest High-Point", "Second Interest High-Point",
             "Third Interest High-Point")  # fmt: skip
    stored = {}
    for code, *values in db.execute(
        "SELECT onet_code, realistic, investigative, artistic, social, enterprising, "
        "conventional, high_point_1, high_point_2, high_point_3 FROM onet_interest"
    ):
        stored[code] = values
        source = raw.get(code)
        check("onet 30.3 interest rows", source is not None, f"{code} not in the file")
        if source is None:
            continue
        for name, value in zip(names, values, strict=True):
            check("onet 30.3 interests", same(value, source[name]), f"{code} {name}")
    rolled = {
        code
        for (code,) in db.execute("SELECT onet_code FROM onet_occupation WHERE soc IS NOT NULL")
    }
    for code in raw:
        if code in rolled:
            check("onet 30.3 interest rows", code in stored, f"{code} has no row")


def check_skill_profiles(
    skills: dict[tuple[Any, ...], tuple[Any, ...]], db: sqlite3.Connection, check: Any
) -> None:
    """Every stored skill profile (onet_skill_profile) is the occupation's 70 O*NET 30.1
    ratings as Skills.xlsx gives them, each standardised over the OEWS occupations' own
    .00 codes (its mean subtracted, divided by its population standard deviation), a
    suppressed rating left out, the whole scaled to length 1: recomputed here."""
    import math
    import statistics
    import struct

    ratings: dict[str, dict[tuple[str, str], float | None]] = defaultdict(dict)
    for (code, element, scale), r in skills.items():
        ratings[code][(element, scale)] = None if r[11] == "Y" else float(r[6])
    rolled = dict(db.execute("SELECT onet_code, soc FROM onet_occupation"))
    own = [c for c in ratings if rolled.get(c) is not None and c == f"{rolled[c]}.00"]
    dimensions = sorted({d for rated in ratings.values() for d in rated})
    spread = {}
    for dimension in dimensions:
        values = [v for c in own if (v := ratings[c].get(dimension)) is not None]
        spread[dimension] = (statistics.fmean(values), statistics.pstdev(values))
    for code, soc, blob, missing in db.execute(
        "SELECT onet_code, soc, vector, suppressed FROM onet_skill_profile"
    ):
        vector = struct.unpack(f"<{len(blob) // 8}d", blob)
        z = []
        for dimension in dimensions:
            value = ratings[code].get(dimension)
            mean, deviation = spread[dimension]
            z.append(0.0 if value is None or not deviation else (value - mean) / deviation)
        length = math.sqrt(sum(v * v for v in z))
        want = [v / length for v in z] if length else z
        gaps = [i for i, d in enumerate(dimensions) if ratings[code].get(d) is None]
        ok = (
            rolled.get(code) == soc
            and len(vector) == len(want)
            and all(abs(a - b) < 1e-9 for a, b in zip(vector, want, strict=True))
            and (missing or "") == " ".join(map(str, gaps))
        )
        check("onet 30.1 skill profiles", ok, f"{code}")
    coded = {code for code, _ in ((k[0], k) for k in skills) if rolled.get(code) is not None}
    stored = {code for (code,) in db.execute("SELECT onet_code FROM onet_skill_profile")}
    check("onet 30.1 skill profiles", coded == stored, f"{len(coded ^ stored)} codes differ")


# -- OEWS national files, May 2021-2024 (issue 21, "Pay over time") ------------------------

#: BLS's header -> (the store's column, the stored integer per printed unit).
_HISTORY = {
    "TOT_EMP": ("employment", 1), "EMP_PRSE": ("employment_rse", 10),
    "H_MEAN": ("hourly_mean", 100), "A_MEAN": ("annual_mean", 1), "MEAN_PRSE": ("mean_rse", 10),
    "H_PCT10": ("hourly_p10", 100), "H_PCT25": ("hourly_p25", 100),
    "H_MEDIAN": ("hourly_p50", 100), "H_PCT75": ("hourly_p75", 100),
    "H_PCT90": ("hourly_p90", 100), "A_PCT10": ("annual_p10", 1), "A_PCT25": ("annual_p25", 1),
    "A_MEDIAN": ("annual_p50", 1), "A_PCT75": ("annual_p75", 1), "A_PCT90": ("annual_p90", 1),
}  # fmt: skip


def check_oews_history(data: Path, db: sqlite3.Connection, check: Any) -> None:
    """Every stored figure of ``oews_history`` against BLS's national workbooks, read here
    with openpyxl: each file's top code from its own "#" note, each detailed (or total) row
    of a spine occupation stored once with its title and ANNUAL/HOURLY flags, a number
    equal to the printed one (Decimal, in the store's unit), "#" the year's top code with
    the figure's at-least bit, "*"/"**" NULL with the mark in ``oews_history_note``; no
    stored row the files do not have."""
    from decimal import Decimal

    columns = [str(r[1]) for r in db.execute("PRAGMA table_info(oews_history)")]
    bits = {name: i for i, name in enumerate(columns[columns.index("title") + 1 :
                                                      columns.index("annual_only")])}  # fmt: skip
    spine = {str(soc) for (soc,) in db.execute("SELECT soc FROM occupation")}
    stored = {
        (str(r[0]), int(r[1])): dict(zip(columns, r, strict=True))
        for r in db.execute("SELECT * FROM oews_history")
    }
    marks = {
        (str(soc), int(year), str(measure)): str(mark)
        for soc, year, measure, mark in db.execute("SELECT * FROM oews_history_note")
    }
    tops = {int(y): (int(h), int(a)) for y, h, a in db.execute(
        "SELECT year, top_hourly, top_annual FROM oews_history_year")}  # fmt: skip
    seen: set[tuple[str, int]] = set()
    for year in (2021, 2022, 2023, 2024):
        path = data / "bls-oews-history" / f"national_M{year}_dl.xlsx"
        notes = [str(r[0]) for r in sheet(path, "Field Descriptions") if r and r[0]]
        top = next(re.search(r"\$([0-9.]+) per hour or \$([0-9,]+) per year", n)
                   for n in notes if n.startswith("#"))  # fmt: skip
        assert top is not None
        raw_top = (int(Decimal(top.group(1)) * 100), int(top.group(2).replace(",", "")))
        check("oews history top codes (each file's '#' note)", tops.get(year) == raw_top,
              f"{year}: stored {tops.get(year)} vs the file's {raw_top}")  # fmt: skip
        rows = sheet(path, f"national_M{year}_dl")
        header = [str(h) for h in rows[0]]
        at = {name: header.index(name) for name in (*_HISTORY, "OCC_CODE", "OCC_TITLE",
                                                      "O_GROUP", "ANNUAL", "HOURLY")}  # fmt: skip
        for raw in rows[1:]:
            soc, group = str(raw[at["OCC_CODE"]]), str(raw[at["O_GROUP"]])
            if group not in ("detailed", "total"):
                continue
            row = stored.get((soc, year))
            if soc not in spine:
                check("oews history: occupations not in May 2025's spine left out",
                      row is None, f"{year} {soc}")  # fmt: skip
                continue
            check("oews history rows (detailed occupations of the spine)", row is not None,
                  f"{year} {soc}: not stored")  # fmt: skip
            if row is None:
                continue
            seen.add((soc, year))
            check("oews history titles and flags",
                  row["title"] == raw[at["OCC_TITLE"]]
                  and row["annual_only"] == (raw[at["ANNUAL"]] == "TRUE")
                  and row["hourly_only"] == (raw[at["HOURLY"]] == "TRUE"),
                  f"{year} {soc}: {row['title']!r} {row['annual_only']} "
                  f"{row['hourly_only']}")  # fmt: skip
            for name, (column, scale) in _HISTORY.items():
                value, got = raw[at[name]], row[column]
                bound = row["at_least"] >> bits[column] & 1
                where = f"{year} {soc} {name}: file {value!r}, stored {got!r}"
                if value == "#":
                    want = raw_top[0] if column.startswith("hourly") else raw_top[1]
                    check("oews history top-coded ('#': the year's top code, at least)",
                          got == want and bound == 1, where)  # fmt: skip
                elif value in ("*", "**"):
                    check("oews history NULLs ('*'/'**', the mark kept)",
                          got is None and marks.get((soc, year, column)) == value
                          and bound == 0, where)  # fmt: skip
                else:
                    check("oews history figures (exactly as printed)",
                          got is not None and bound == 0
                          and Decimal(got) / scale == Decimal(repr(value)), where)  # fmt: skip
    for key in stored:
        check("oews history rows stored only from the files", key in seen, f"{key}")
    for soc, year, measure in marks:
        check("oews history marks only on NULLs",
              stored.get((soc, year), {}).get(measure, 0) is None,
              f"{soc} {year} {measure}")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
