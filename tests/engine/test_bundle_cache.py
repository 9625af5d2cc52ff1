"""The compiled-épreuve cache: the same bundle as a full check, never used once a file or callsim's
version has changed, a damaged entry ignored, entries private to the user."""

from __future__ import annotations

import json
import shutil
import stat
from pathlib import Path

import pytest

from simulator.engine import bundle_cache
from simulator.engine.bundle import BundleError, load_bundle

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the practice épreuve and its scenarios, and an empty cache folder."""
    for folder in ("epreuves", "inbound", "outbound", "admin"):
        shutil.copytree(ROOT / "scenarios" / folder, tmp_path / "lib" / folder)
    monkeypatch.setenv(bundle_cache.CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "lib" / "epreuves" / "practice.yaml"


def _entries(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache" / "epreuves").glob("*.json"))


def _doctor(entry: Path, title: str) -> None:
    """Change the épreuve's French title inside a cache entry (an entry that is used shows it)."""
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["epreuve"]["title"]["fr"] = title
    entry.write_text(json.dumps(data), encoding="utf-8")


def test_a_cached_epreuve_is_the_checked_one(library: Path, tmp_path: Path) -> None:
    checked = load_bundle(library)
    assert len(_entries(tmp_path)) == 1
    again = load_bundle(library)
    assert again == checked
    assert (
        again.scenario_hashes() == checked.scenario_hashes()
        and again.languages == checked.languages
    )


def test_the_entry_is_used_while_nothing_changed(library: Path, tmp_path: Path) -> None:
    load_bundle(library)
    _doctor(_entries(tmp_path)[0], "Titre venu du cache")
    assert load_bundle(library).epreuve.title.fr == "Titre venu du cache"


def test_a_changed_epreuve_file_is_checked_again(library: Path, tmp_path: Path) -> None:
    load_bundle(library)
    text = library.read_text(encoding="utf-8")
    library.write_text(
        text.replace("time_limit_minutes: 45", "time_limit_minutes: 50"), encoding="utf-8"
    )
    assert load_bundle(library).epreuve.time_limit_minutes == 50


def test_a_changed_scenario_file_is_checked_again(library: Path, tmp_path: Path) -> None:
    before = load_bundle(library)
    _doctor(_entries(tmp_path)[0], "Titre venu du cache")
    scenario = library.parent.parent / "inbound" / "maison-lumiere-livraison.yaml"
    scenario.write_text(scenario.read_text(encoding="utf-8") + "\n# relu\n", encoding="utf-8")
    after = load_bundle(library)
    assert after.epreuve.title == before.epreuve.title
    assert after.contacts[0].sha256 != before.contacts[0].sha256


def test_a_scenario_broken_after_caching_is_refused(library: Path) -> None:
    load_bundle(library)
    scenario = library.parent.parent / "inbound" / "maison-lumiere-livraison.yaml"
    scenario.write_text("callsim: scenario/1\nid: [\n", encoding="utf-8")
    with pytest.raises(BundleError):
        load_bundle(library)


def test_another_version_of_callsim_never_uses_the_entry(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked = load_bundle(library)
    _doctor(_entries(tmp_path)[0], "Titre venu du cache")
    monkeypatch.setattr(bundle_cache, "installed_version", lambda: "99.0.0")
    assert load_bundle(library).epreuve.title == checked.epreuve.title


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"format": 1}'])
def test_a_damaged_entry_is_ignored_and_replaced(
    library: Path, tmp_path: Path, damage: bytes
) -> None:
    checked = load_bundle(library)
    entry = _entries(tmp_path)[0]
    entry.write_bytes(damage if damage else entry.read_bytes()[:1000])
    assert load_bundle(library) == checked
    assert json.loads(entry.read_text(encoding="utf-8"))["key"] == entry.stem


def test_entries_are_private_to_the_user(library: Path, tmp_path: Path) -> None:
    load_bundle(library)
    folder = tmp_path / "cache" / "epreuves"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(_entries(tmp_path)[0].stat().st_mode) == 0o600
    assert not list(folder.glob(".entry-*"))  # no temporary file left behind


def test_the_cache_can_be_turned_off_or_unwritable(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(bundle_cache.CACHE_ENV, "off")
    checked = load_bundle(library)
    assert not (tmp_path / "cache").exists()
    (tmp_path / "file").write_text("", encoding="utf-8")
    monkeypatch.setenv(bundle_cache.CACHE_ENV, str(tmp_path / "file"))  # a file, not a folder
    assert load_bundle(library) == checked


def test_a_cached_callback_still_waits_for_the_call_that_promised_it(
    library: Path, tmp_path: Path
) -> None:
    folder = library.parent
    path = folder / "rappel.yaml"
    path.write_text(
        """callsim: epreuve/1
id: rappel-promis
version: 1.0.0
title: {fr: Un rappel promis, en: A promised callback}
briefing: {fr: "Un appel, puis le rappel promis.", en: "A call, then the promised callback."}
mode: practice
time_limit_minutes: 60
contacts:
  - scenario: ../inbound/maison-lumiere-livraison.yaml
    at_minute: 0
  - scenario: ../outbound/energie-rendez-vous-compteur.yaml
    at_minute: 2
    after: maison-lumiere-livraison
""",
        encoding="utf-8",
    )
    checked = load_bundle(path)
    cached = load_bundle(path)
    assert [c.after for c in cached.contacts] == [None, "maison-lumiere-livraison"]
    assert cached == checked
