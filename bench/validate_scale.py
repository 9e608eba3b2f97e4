"""How ``validate`` scales: N roles, clean or each with one warning.

    python bench/validate_scale.py [--sizes 1000 2000 4000 8000] [--repeat 3]
                                   [--skip-warnings-above N]

Prints seconds per (roles, clean/warning) for check_dataset (what ``jobcompare validate``
runs), on generated files in a temporary folder. A warning per role must cost little:
problem locations are computed once per file.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from jobcompare.sources.dataset import check_dataset


def roles(count: int, *, warning: bool) -> str:
    hourly = "hourly = 1.0\n" if warning else ""  # 1.0 an hour is not average / 2080
    return "".join(
        f'[roles.role-{n}]\ntitle = "Role {n}"\nsoc = "{n % 90 + 10:02d}-{n % 10000:04d}"\n'
        f"[roles.role-{n}.salary]\naverage = {40000 + n}\n{hourly}\n"
        for n in range(count)
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 4000, 8000])
    parser.add_argument("--skip-warnings-above", type=int, default=None)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    print(f"{'roles':>6} {'clean s':>9} {'warning s':>10} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as folder:
        for count in options.sizes:
            times = []
            for warning in (False, True):
                if warning and options.skip_warnings_above and count > options.skip_warnings_above:
                    times.append(float("nan"))
                    continue
                path = Path(folder) / f"{count}-{warning}.toml"
                path.write_text(roles(count, warning=warning), encoding="utf-8")
                best = float("inf")
                for _ in range(options.repeat):  # the best of a few: the machine's noise out
                    started = time.perf_counter()
                    _, problems = check_dataset(path)
                    best = min(best, time.perf_counter() - started)
                times.append(best)
                assert len(problems) == (count if warning else 0), len(problems)
            clean, warned = times
            print(f"{count:>6} {clean:>9.2f} {warned:>10.2f} {warned / clean:>6.2f}")


if __name__ == "__main__":
    main()
