"""Where a dataset's files are."""

from __future__ import annotations

from pathlib import Path

from jobcompare.errors import DatasetError, Problem


def bundled_data_dir() -> Path:
    """The dataset shipped with jobcompare.

    An installed wheel carries it as ``jobcompare/data``; a checkout or an editable install
    reads ``data/`` at the top of the repository.
    """
    here = Path(__file__).resolve().parent
    packaged = here / "data"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "data"


def dataset_files(path: Path) -> list[Path]:
    """The TOML files that make up the dataset at ``path`` (a file or a folder)."""
    if path.is_dir():
        files = sorted(p for p in path.glob("*.toml") if p.is_file())
        if not files:
            raise DatasetError([Problem(path, "folder holds no *.toml dataset files")])
        return files
    if not path.exists():
        raise DatasetError([Problem(path, "no such file or folder")])
    return [path]
