"""Re-derive figures from the publishers' raw files and compare them with the store.

    python scripts/verify_store.py [--data ../shared/data] [--store data/jobcompare.sqlite]
                                   [--every 50]

Independent of jobcompare's importers and reader (only the standard library): it parses
BLS's OEWS flat file and BEA's RPP CSVs with its own code and queries the store with plain
SQL. Checked:

- OEWS: every ``--every``-th published or unpublished measure of the all-industries rows
  (nation, states, metro and nonmetro areas) of the occupations in the store: a published
  value equals the stored integer (hourly in cents, annual in dollars, jobs per 1,000 in
  thousandths, location quotient in hundredths, relative standard errors in tenths); a
  ``-`` is NULL with its footnote codes in ``oews_note``, or, for a top-coded wage, the
  footnote's threshold with the ``at_least`` bit set. Plus: the number of area x
  occupation rows, and the best-paid state of every occupation (highest annual mean, a
  top-coded one at its threshold, ties by employment then name).
- RPP: every 2024 parity (five line codes) of every state and metro area.

Prints the counts of figures checked and every mismatch; exits 1 if there is any.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import re
import sqlite3
import sys
from decimal import Decimal
from pathlib import Path

COLUMNS = {
    "01": ("employment", 1), "03": ("hourly_mean", 100), "04": ("annual_mean", 1),
    "06": ("hourly_p10", 100), "07": ("hourly_p25", 100), "08": ("hourly_p50", 100),
    "09": ("hourly_p75", 100), "10": ("hourly_p90", 100), "11": ("annual_p10", 1),
    "12": ("annual_p25", 1), "13": ("annual_p50", 1), "14": ("annual_p75", 1),
    "15": ("annual_p90", 1), "16": ("jobs_per_1000", 1000), "17": ("location_quotient", 100),
    # The relative standard errors, in tenths of a percent, after the others (as stored).
    "02": ("employment_rse", 10), "05": ("mean_rse", 10),
}  # fmt: skip
ORDER = list(COLUMNS)  # bit i of at_least is the i-th measure
HOURLY = {"03", "06", "07", "08", "09", "10"}


def main() -> int:
    here = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--store", type=Path, default=here / "data" / "jobcompare.sqlite")
    parser.add_argument("--every", type=int, default=50, help="check every Nth OEWS figure")
    args = parser.parse_args()
    db = sqlite3.connect(f"file:{args.store.resolve()}?mode=ro", uri=True)
    mismatches: list[str] = []
    checked = {"oews figures": 0, "oews rows counted": 0, "best states": 0, "rpp figures": 0}

    # -- OEWS ------------------------------------------------------------------------------
    folder = args.data / "bls-oews-2025"
    notes = {}
    for line in (folder / "oe.footnote").read_text(encoding="latin-1").splitlines()[1:]:
        code, _, text = line.partition("\t")
        notes[code.strip()] = text.strip()
    top = {}
    for code, text in notes.items():
        found = re.search(r"\$([\d.,]+) per hour or \$([\d,]+) per year", text)
        if found:
            top[code] = (
                int(Decimal(found.group(1).replace(",", "")) * 100),
                int(found.group(2).replace(",", "")),
            )
    area_names = {}
    area_types = {}
    for line in (folder / "oe.area").read_text(encoding="latin-1").splitlines()[1:]:
        cells = [c.strip() for c in line.split("\t")]
        area_names[cells[1]], area_types[cells[1]] = cells[3], cells[2]
    socs = {soc.replace("-", "") for (soc,) in db.execute("SELECT soc FROM occupation")}
    best: dict[str, tuple[int, int, str]] = {}  # occupation -> (mean, employment, name)
    pending: dict[str, int | None] = {}  # the current group's employment and mean
    groups = set()

    def close_group(key: str) -> None:
        if not key or key[3] != "S" or "mean" not in pending:
            return
        occupation, area = key[17:23], key[4:11]
        mean, employment = pending["mean"], pending.get("employment")
        if mean is None:
            return
        candidate = (mean, -1 if employment is None else employment, area_names[area])
        current = best.get(occupation)
        if (
            current is None
            or (candidate[0], candidate[1]) > (current[0], current[1])
            or (
                (candidate[0], candidate[1]) == (current[0], current[1])
                and (candidate[2].casefold(), candidate[2]) < (current[2].casefold(), current[2])
            )
        ):
            best[occupation] = candidate

    group = ""
    number = 0
    with gzip.open(folder / "oe.data.0.Current.subset.gz", "rt", encoding="latin-1") as stream:
        next(stream)
        for line in stream:
            series, _, _, value, codes = (c.strip() for c in line.rstrip("\n").split("\t"))
            datatype, occupation, industry, area = (
                series[23:25], series[17:23], series[11:17], series[4:11]
            )  # fmt: skip
            if industry != "000000" or occupation not in socs or datatype not in COLUMNS:
                continue
            key = series[:23]
            if key != group:
                close_group(group)
                group, pending = key, {}
                groups.add(key)
            bound = None
            if value == "-":
                for code in codes.split():
                    if code in top and datatype not in ("01", "02", "05", "16", "17"):
                        bound = top[code][0 if datatype in HOURLY else 1]
                        break
            if datatype == "01":
                pending["employment"] = None if value == "-" else int(value)
            if datatype == "04":
                pending["mean"] = bound if value == "-" else int(value)
            number += 1
            if number % args.every:
                continue
            column, scale = COLUMNS[datatype]
            soc = f"{occupation[:2]}-{occupation[2:]}"
            row = db.execute(
                f"SELECT {column}, at_least FROM oews_pay WHERE soc = ? AND area = ?", (soc, area)
            ).fetchone()
            checked["oews figures"] += 1
            where = f"{series} ({soc}, area {area}, {column})"
            if row is None:
                mismatches.append(f"{where}: no row in the store")
                continue
            stored, at_least = row
            flagged = bool(at_least >> ORDER.index(datatype) & 1)
            if value != "-":
                expected = int(Decimal(value) * scale)
                if stored != expected or flagged:
                    mismatches.append(f"{where}: BLS {value}, store {stored} (at_least {flagged})")
            elif bound is not None:
                if stored != bound or not flagged:
                    mismatches.append(f"{where}: top-coded {bound}, store {stored} ({flagged})")
            else:
                note = db.execute(
                    "SELECT footnotes FROM oews_note WHERE soc = ? AND area = ? AND measure = ?",
                    (soc, area, column),
                ).fetchone()
                if stored is not None or (codes and (note is None or note[0] != codes)):
                    mismatches.append(f"{where}: BLS '-' ({codes}), store {stored}, note {note}")
        close_group(group)
    checked["oews rows counted"] = 1
    (stored_rows,) = db.execute("SELECT COUNT(*) FROM oews_pay").fetchone()
    if stored_rows != len(groups):
        mismatches.append(f"oews_pay has {stored_rows} rows; the raw file {len(groups)} groups")
    for soc, state in db.execute("SELECT soc, best_state FROM occupation"):
        checked["best states"] += 1
        expected = best.get(soc.replace("-", ""))
        if (expected[2] if expected else None) != state:
            mismatches.append(f"best state of {soc}: raw {expected}, store {state!r}")

    # -- RPP -------------------------------------------------------------------------------
    lines = {"1": "all_items", "2": "goods", "3": "housing", "4": "utilities", "5": "other"}
    for name in ("SARPP_STATE_2008_2024.csv", "MARPP_MSA_2008_2024.csv"):
        with (args.data / "bea-rpp-2024" / name).open(newline="", encoding="utf-8") as stream:
            for cells in csv.DictReader(stream):
                fips = (cells.get("GeoFIPS") or "").strip().strip('"')
                column = lines.get((cells.get("LineCode") or "").strip())
                if not fips.isdigit() or column is None:
                    continue
                checked["rpp figures"] += 1
                row = db.execute(f"SELECT {column} FROM rpp WHERE geofips = ?", (fips,)).fetchone()
                expected = int(Decimal(cells["2024"].strip()) * 1000)
                if row is None or row[0] != expected:
                    mismatches.append(f"RPP {fips} {column}: BEA {cells['2024']}, store {row}")

    for what, count in checked.items():
        print(f"{what}: {count:,}")
    print(f"mismatches: {len(mismatches)}")
    for mismatch in mismatches[:50]:
        print("  " + mismatch)
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
