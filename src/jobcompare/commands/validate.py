"""``jobcompare validate``: every problem of a dataset, not only the first."""

from __future__ import annotations

from pathlib import Path

from jobcompare.errors import ExitStatus
from jobcompare.output.dispatch import Outcome


def validate(path: Path | None) -> Outcome:
    """The dataset's problems on standard error, one a line; exit 1 when any is an error
    (warnings alone exit 0)."""
    from jobcompare.output.views.validation import verdict
    from jobcompare.sources.dataset import Validation, check_dataset

    dataset, problems = check_dataset(path)
    found = Validation(dataset, tuple(problems))
    notes = tuple(str(problem) for problem in found.problems)  # made safe by the dispatch
    if dataset is None:
        return Outcome(found, (*notes, verdict(found)), ExitStatus.DATA_ERROR)
    return Outcome(found, notes)
