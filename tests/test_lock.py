"""pyproject.toml's dependency groups, uv.lock and the hashed requirements agree.

Installs read only requirements/<group>.txt (pip --require-hashes), so a pin changed in
pyproject.toml without `make lock` would silently not take effect. These checks read files
only: no network, no database.
"""

import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
GROUPS = ("run", "test")


def group_requirements(group, groups=None):
    """The group's requirements from pyproject.toml, with included groups expanded."""
    if groups is None:
        groups = tomllib.loads((ROOT / "pyproject.toml").read_text())["dependency-groups"]
    found = []
    for item in groups[group]:
        if isinstance(item, dict):
            found += group_requirements(item["include-group"], groups)
        else:
            found.append(Requirement(item))
    return found


def exported(group):
    """requirements/<group>.txt as {name: (version, [hashes])}, continuation lines joined."""
    text = (ROOT / "requirements" / f"{group}.txt").read_text().replace("\\\n", " ")
    entries = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        requirement, *options = line.split(" --")
        name, _, version = requirement.split(";")[0].strip().partition("==")
        assert version, f"requirements/{group}.txt: {requirement!r} is not pinned with =="
        hashes = [o.strip().removeprefix("hash=") for o in options if o.startswith("hash=")]
        entries[canonicalize_name(name)] = (version.strip(), hashes)
    return entries


def locked_versions():
    """Every package uv.lock records, as {name: {versions}} (a fork may lock two)."""
    lock = tomllib.loads((ROOT / "uv.lock").read_text())
    versions = {}
    for package in lock["package"]:
        if "version" in package and package["source"].get("virtual") is None:
            versions.setdefault(canonicalize_name(package["name"]), set()).add(package["version"])
    return versions


@pytest.mark.parametrize("group", GROUPS)
def test_every_direct_pin_is_exported_at_its_version(group):
    entries = exported(group)
    for requirement in group_requirements(group):
        pins = [s.version for s in requirement.specifier if s.operator == "=="]
        assert len(pins) == 1, f"{requirement} in pyproject.toml is not pinned with =="
        name = canonicalize_name(requirement.name)
        assert name in entries, f"{name} is missing from requirements/{group}.txt: make lock"
        assert entries[name][0] == pins[0], (
            f"pyproject.toml pins {name}=={pins[0]}, requirements/{group}.txt has "
            f"{entries[name][0]}: make lock"
        )


@pytest.mark.parametrize("group", GROUPS)
def test_every_exported_requirement_carries_a_hash(group):
    entries = exported(group)
    assert entries
    for name, (_version, hashes) in entries.items():
        assert hashes, f"{name} in requirements/{group}.txt has no --hash"
        for value in hashes:
            algorithm, _, digest = value.partition(":")
            assert algorithm == "sha256" and len(digest) == 64, f"{name}: odd hash {value!r}"


def test_the_lock_records_the_groups_as_pyproject_declares_them():
    lock = tomllib.loads((ROOT / "uv.lock").read_text())
    (project,) = [p for p in lock["package"] if p["source"].get("virtual") == "."]
    recorded = project["metadata"]["requires-dev"]
    for group in GROUPS:
        declared = {
            (canonicalize_name(r.name), tuple(sorted(r.extras)), str(r.specifier))
            for r in group_requirements(group)
        }
        in_lock = {
            (canonicalize_name(r["name"]), tuple(sorted(r.get("extras", []))), r["specifier"])
            for r in recorded[group]
        }
        assert declared == in_lock, f"uv.lock is older than pyproject.toml's {group}: make lock"


@pytest.mark.parametrize("group", GROUPS)
def test_exported_versions_are_the_locked_ones(group):
    locked = locked_versions()
    for name, (version, _hashes) in exported(group).items():
        assert version in locked.get(name, set()), (
            f"requirements/{group}.txt has {name}=={version}, uv.lock does not: make lock"
        )


def test_production_gets_the_run_group_and_no_test_tools():
    run, test = exported("run"), exported("test")
    for name, (version, _hashes) in run.items():
        assert test.get(name, (None,))[0] == version, f"{name} differs between run and test"
    run_names = {canonicalize_name(r.name) for r in group_requirements("run")}
    for requirement in group_requirements("test"):
        name = canonicalize_name(requirement.name)
        if name not in run_names:
            assert name not in run, f"{name} is a test tool but requirements/run.txt installs it"
