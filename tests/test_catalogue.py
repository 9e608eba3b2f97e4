"""The lazy catalogue and its cache: always the same roles as a full load, and a stale or
broken cache is never believed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from jobcompare.engine.resolve import resolve, resolve_roles_of
from jobcompare.errors import DatasetError
from jobcompare.model import Amount
from jobcompare.sources import catalogue as catalogue_module
from jobcompare.sources.catalogue import open_catalogue
from jobcompare.sources.dataset import Dataset, load_dataset
from tests.conftest import TESTS

ROLES = """# a small dataset
[roles.analyst]
title = "Data Analyst"
soc = "15-2051"
category = "Computer"

[roles.analyst.salary]
average = 50000

[roles.clerk]
title = "Clerk"
[roles.clerk.salary]
average = 30000
"""


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_index_and_roles_match_a_full_load(bundled: Dataset, tmp_path: Path) -> None:
    catalogue = open_catalogue(None, cache_dir=tmp_path)
    assert [(e.slug, e.title, e.soc, e.category) for e in catalogue.listing] == [
        (r.slug, r.title, r.soc, r.category) for r in bundled.roles
    ]
    for role in bundled.roles:
        assert catalogue.role(role.slug) == role


def test_the_mixed_test_dataset_matches_too(tmp_path: Path) -> None:
    path = TESTS / "datasets" / "mixed.toml"
    catalogue = open_catalogue(path, cache_dir=tmp_path)
    for role in load_dataset(path).roles:
        assert catalogue.role(role.slug) == role


def test_a_warm_run_reads_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = write(tmp_path / "roles.toml", ROLES)
    cache = tmp_path / "cache"
    open_catalogue(data, cache_dir=cache)
    assert len(list(cache.iterdir())) == 1

    def no_parsing(self: object) -> None:
        raise AssertionError("the index was rebuilt although the cache is fresh")

    monkeypatch.setattr(catalogue_module._Source, "parse", no_parsing)
    catalogue = open_catalogue(data, cache_dir=cache)
    assert resolve(["Data Analyst"], catalogue).slugs == ("analyst",)


def test_an_edit_of_the_same_size_and_mtime_is_seen(tmp_path: Path) -> None:
    data = write(tmp_path / "roles.toml", ROLES)
    cache = tmp_path / "cache"
    assert open_catalogue(data, cache_dir=cache).role("analyst").salary.average == Amount(50000)
    before = data.stat()
    write(data, ROLES.replace("Data Analyst", "Data Analyzt").replace("50000", "60000"))
    os.utime(data, ns=(before.st_atime_ns, before.st_mtime_ns))  # same size, same mtime
    catalogue = open_catalogue(data, cache_dir=cache)
    (found,), _ = resolve_roles_of(["Data Analyzt"], catalogue)
    assert found.salary.average == Amount(60000)


def test_a_replaced_or_touched_file_is_read_again(tmp_path: Path) -> None:
    data = write(tmp_path / "roles.toml", ROLES)
    cache = tmp_path / "cache"
    open_catalogue(data, cache_dir=cache)
    replacement = write(tmp_path / "new.toml", ROLES.replace('title = "Clerk"', 'title = "Teller"'))
    os.replace(replacement, data)
    assert open_catalogue(data, cache_dir=cache).role("clerk").title == "Teller"
    data.touch()
    assert open_catalogue(data, cache_dir=cache).role("clerk").title == "Teller"


def test_a_new_jobcompare_version_rebuilds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = write(tmp_path / "roles.toml", ROLES)
    cache = tmp_path / "cache"
    open_catalogue(data, cache_dir=cache)
    rebuilt: list[Path] = []
    original = catalogue_module._Source.parse

    def counting(self):  # type: ignore[no-untyped-def]
        rebuilt.append(self.file)
        return original(self)

    monkeypatch.setattr(catalogue_module._Source, "parse", counting)
    monkeypatch.setattr(catalogue_module, "__version__", "99.0")
    open_catalogue(data, cache_dir=cache)
    assert rebuilt == [data]


@pytest.mark.parametrize(
    "garbage",
    [b"", b"not json at all", b"\x00" * 64, None],
    ids=["empty", "text", "zeros", "wrong-shape"],
)
def test_a_corrupt_cache_is_ignored(tmp_path: Path, garbage: bytes | None) -> None:
    import hashlib
    import json

    data = write(tmp_path / "roles.toml", ROLES)
    cache = tmp_path / "cache"
    open_catalogue(data, cache_dir=cache)
    [cache_file] = cache.iterdir()
    if garbage is None:  # the right key and checksum, but columns that do not fit together
        header, _, _rest = cache_file.read_bytes().partition(b"\n")
        index = json.dumps({"slugs": ["analyst"], "titles": [], "socs": [], "categories": [],
                            "places": []}).encode()  # fmt: skip
        fields = json.loads(header) | {"index": hashlib.sha256(index).hexdigest()}
        garbage = json.dumps(fields).encode() + b"\n" + index + b"\n"
    cache_file.write_bytes(garbage)
    catalogue = open_catalogue(data, cache_dir=cache)
    assert catalogue.role("analyst").salary.average == Amount(50000)
    assert [e.slug for e in catalogue.listing] == ["analyst", "clerk"]


def test_an_unwritable_cache_is_no_error(tmp_path: Path) -> None:
    data = write(tmp_path / "roles.toml", ROLES)
    blocked = write(tmp_path / "a-file", "")  # the cache "folder" is a file
    assert open_catalogue(data, cache_dir=blocked / "cache").role("clerk").title == "Clerk"


def test_problems_carry_the_files_line_numbers(tmp_path: Path) -> None:
    text = ROLES + '\n[roles.broken]\ntitle = "Broken"\n[roles.broken.salary]\naverage = "a lot"\n'
    data = write(tmp_path / "roles.toml", text)
    catalogue = open_catalogue(data, cache_dir=tmp_path / "cache")
    assert catalogue.role("clerk").title == "Clerk"  # a broken neighbour does not matter
    with pytest.raises(DatasetError) as caught:
        catalogue.role("broken")
    assert str(caught.value) == (
        f"{data}:18: role 'broken': salary.average: expected a number, got a string ('a lot')"
    )
    with pytest.raises(DatasetError) as eager:
        load_dataset(data)
    assert str(eager.value) == str(caught.value)


def test_syntax_errors_in_a_role_carry_the_files_line(tmp_path: Path) -> None:
    data = write(tmp_path / "roles.toml", ROLES + "\n[roles.typo]\ntitle = Typo\n")
    with pytest.raises(DatasetError) as caught:
        open_catalogue(data, cache_dir=None).role("typo")
    assert str(caught.value) == f"{data}:16:9: invalid TOML: Invalid value"


@pytest.mark.parametrize(
    "text",
    [
        "\ufeff" + ROLES,  # a byte-order mark
        ROLES.replace('category = "Computer"', 'category = """Comp\n[roles.fake]\nuter"""'),
        ROLES + '\n[[roles.clerk.skills]]\nname = "Filing"\n',  # skills as an array of tables
        "[meta]\nnote = 1\n" + ROLES,  # not a role table: read whole (and refused)
        ROLES.replace('title = "Clerk"', "title = 'Clerk'"),  # a literal string
        ROLES.replace('title = "Clerk"', 'title = "Cl\\u0065rk"'),  # an escape
    ],
    ids=["bom", "multi-line-string", "array-of-tables", "other-table", "literal", "escape"],
)
def test_other_shapes_give_what_a_full_load_gives(tmp_path: Path, text: str) -> None:
    data = write(tmp_path / "roles.toml", text)
    try:
        expected = load_dataset(data)
    except DatasetError as error:
        with pytest.raises(DatasetError) as caught:
            open_catalogue(data, cache_dir=tmp_path).role("clerk")
        assert str(caught.value) == str(error)
        return
    catalogue = open_catalogue(data, cache_dir=tmp_path)
    assert [e.slug for e in catalogue.listing] == [r.slug for r in expected.roles]
    for role in expected.roles:
        assert catalogue.role(role.slug) == role
        assert resolve_roles_of([role.title], catalogue)[0] == [role]


def test_duplicate_slugs_across_files(tmp_path: Path) -> None:
    write(tmp_path / "a.toml", ROLES)
    write(tmp_path / "b.toml", '\n\n[roles.clerk]\ntitle = "Other clerk"\n')
    with pytest.raises(DatasetError) as caught:
        open_catalogue(tmp_path, cache_dir=None)
    assert str(caught.value) == (
        f"{tmp_path / 'b.toml'}:3: role 'clerk': duplicate slug: already defined in "
        f"{tmp_path / 'a.toml'}"
    )


def test_the_listing_is_the_index(bundled: Dataset, tmp_path: Path) -> None:
    listing = open_catalogue(None, cache_dir=tmp_path).listing
    assert [(r.slug, r.title, r.soc, r.category) for r in listing] == [
        (r.slug, r.title, r.soc, r.category) for r in bundled.roles
    ]


def test_a_cache_others_could_write_is_not_believed(tmp_path: Path) -> None:
    data = write(tmp_path / "roles.toml", ROLES)
    cache = tmp_path / "cache"
    open_catalogue(data, cache_dir=cache)
    [planted] = cache.iterdir()
    # A consistent cache file (checksums and all) that says something else.
    source = catalogue_module._Source(data, ROLES.replace("Clerk", "Planted").encode(), "x")
    source.parse()
    source.digest = planted.stem
    blob = source.dump()
    assert blob is not None
    planted.write_bytes(blob)
    os.chmod(planted, 0o600)
    assert open_catalogue(data, cache_dir=cache).role("clerk").title == "Planted"  # ours: read
    os.chmod(planted, 0o666)  # anyone could have written it: never read
    assert open_catalogue(data, cache_dir=cache).role("clerk").title == "Clerk"


def test_the_cache_folder_is_private(tmp_path: Path) -> None:
    data = write(tmp_path / "roles.toml", ROLES)
    open_catalogue(data, cache_dir=tmp_path / "new" / "cache")
    assert (tmp_path / "new" / "cache").stat().st_mode & 0o077 == 0


def test_small_and_large_inputs_hash_alike() -> None:
    # Small inputs use CPython's built-in SHA-256 (no OpenSSL at start-up), large ones
    # OpenSSL's: the cache's keys and checksums must not depend on which.
    import hashlib

    from jobcompare.sources.catalogue import _LARGE, _digest

    for data in (b"", b"[roles.a]\n", b"x" * (_LARGE - 1), b"x" * _LARGE, b"y" * (3 * _LARGE)):
        assert _digest(data) == hashlib.sha256(data).hexdigest()
