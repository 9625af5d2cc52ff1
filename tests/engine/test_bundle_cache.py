"""The compiled-épreuve cache: the same bundle as a full check, never used once a file, callsim's
version or the code of the models has changed, a damaged or foreign entry ignored (and nothing in it
run), entries private to the user."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import os
import pickle
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import simulator
from simulator.engine import bundle_cache
from simulator.engine.bundle import Bundle, BundleError, load_bundle, single_scenario_bundle
from simulator.scenario.models.common import Model, text_in

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the practice épreuve and its scenarios, and an empty cache folder."""
    for folder in ("epreuves", "inbound", "outbound", "admin"):
        shutil.copytree(ROOT / "scenarios" / folder, tmp_path / "lib" / folder)
    monkeypatch.setenv(bundle_cache.CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "lib" / "epreuves" / "practice.yaml"


def _in_a_fresh_process(probe: str) -> list[str]:
    """The words ``probe`` prints, run by a new Python process (nothing imported yet)."""
    done = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    return done.stdout.split()


def _entries(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache" / "epreuves").glob("*.entry"))


def _held(entry: Path) -> Bundle | None:
    """The bundle a sound entry holds (None for a damaged one)."""
    found = bundle_cache._glanced(entry.read_bytes(), entry.stem)
    return found.bundle() if found is not None else None


def _doctor(entry: Path, title: str) -> None:
    """Write the entry again, as callsim would, with another French title (an entry that is used shows it)."""
    bundle = _held(entry)
    assert bundle is not None
    epreuve = bundle.epreuve.model_copy(
        update={"title": bundle.epreuve.title.model_copy(update={"fr": title})}
    )
    entry.write_bytes(
        bundle_cache.packed_entry(dataclasses.replace(bundle, epreuve=epreuve), entry.stem)
    )


def _sealed(payload: bytes) -> bytes:
    """An entry around ``payload`` with the right format line and digest (only its content is wrong)."""
    return bundle_cache.MAGIC + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload


def _with_pickle(entry: Path, pickled: bytes) -> bytes:
    """``entry`` sealed again with its own JSON line and ``pickled`` in place of its pickle."""
    payload = entry.read_bytes()[len(bundle_cache.MAGIC) :].partition(b"\n")[2]
    return _sealed(payload.partition(b"\n")[0] + b"\n" + pickled)


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
    monkeypatch.setattr(simulator, "__version__", "99.0.0")
    assert load_bundle(library).epreuve.title == checked.epreuve.title


def test_changed_model_code_never_uses_the_entry(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A checkout keeps its version number from commit to commit: the models' code counts too."""
    checked = load_bundle(library)
    _doctor(_entries(tmp_path)[0], "Titre venu du cache")
    monkeypatch.setattr(bundle_cache, "_code_fingerprint", lambda: "another-model-code")
    assert load_bundle(library).epreuve.title == checked.epreuve.title


def _flip_a_middle_bit(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0x01]) + data[middle + 1 :]


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: data[:1000],  # truncated
        lambda data: data[: len(data) // 2],
        _flip_a_middle_bit,  # one bit of the pickle changed: the digest no longer matches
        lambda data: b"{not json",
        lambda data: _sealed(pickle.dumps({"format": 1})),  # sound digest, not an entry
        lambda data: (
            bundle_cache.MAGIC.replace(
                f" {bundle_cache.FORMAT}".encode(), f" {bundle_cache.FORMAT - 1}".encode()
            )
            + data[len(bundle_cache.MAGIC) :]
        ),
    ],
    ids=["empty", "truncated", "half", "one-bit", "json", "not-an-entry", "other-format"],
)
def test_a_damaged_entry_is_ignored_and_replaced(
    library: Path, tmp_path: Path, damage: object
) -> None:
    checked = load_bundle(library)
    entry = _entries(tmp_path)[0]
    entry.write_bytes(damage(entry.read_bytes()))  # type: ignore[operator]
    assert load_bundle(library) == checked
    assert _held(entry) == checked


class _Planted:
    """Unpickled by plain ``pickle``, this would run a shell command that leaves a file behind."""

    def __init__(self, witness: Path) -> None:
        self.witness = witness

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.witness}",))


def test_an_entry_that_would_run_code_is_refused_and_runs_nothing(
    library: Path, tmp_path: Path
) -> None:
    checked = load_bundle(library)
    entry = _entries(tmp_path)[0]
    witness = tmp_path / "ran"
    key = entry.stem
    planted = (key, bundle_cache.code_version(), _Planted(witness))
    entry.write_bytes(_with_pickle(entry, pickle.dumps(planted)))
    assert load_bundle(library) == checked
    assert not witness.exists()
    assert _held(entry) == checked


class _Calls:
    """Pickled as a call of ``function`` (a name of a module whose classes an entry may hold)."""

    def __init__(self, function: object, *args: object) -> None:
        self.function, self.args = function, args

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return (self.function, self.args)


@pytest.mark.parametrize(
    "function",
    [bundle_cache.write, single_scenario_bundle, text_in, Model],
    ids=["another-module", "bundle-function", "models-function", "model-base"],
)
def test_an_entry_naming_anything_but_the_models_is_refused(
    library: Path, tmp_path: Path, function: object
) -> None:
    """Only the models, ``Bundle`` and ``PlannedContact``: not a function, not another module's name."""
    checked = load_bundle(library)
    entry = _entries(tmp_path)[0]
    calls = _Calls(function, checked, b"")
    with pytest.raises(pickle.UnpicklingError):
        bundle_cache._Unpickler(io.BytesIO(pickle.dumps(calls))).load()
    entry.write_bytes(
        _with_pickle(entry, pickle.dumps((entry.stem, bundle_cache.code_version(), calls)))
    )
    assert load_bundle(library) == checked
    assert len(_entries(tmp_path)) == 1 and _held(entry) == checked


def test_a_warm_start_builds_no_model_validator(library: Path, tmp_path: Path) -> None:
    """What makes the warm start quick: the models are read back without pydantic building a
    validator, and neither the YAML parser nor the checker is imported."""
    load_bundle(library)
    probe = (
        "import sys\n"
        "from simulator.engine.bundle import load_bundle\n"
        "from simulator.scenario.models import Epreuve, Scenario\n"
        f"bundle = load_bundle({str(library)!r})\n"
        "print(len(bundle.contacts), Scenario.__pydantic_complete__, Epreuve.__pydantic_complete__,"
        " 'ruamel' in sys.modules, 'simulator.scenario.checker' in sys.modules)\n"
    )
    assert _in_a_fresh_process(probe) == ["4", "False", "False", "False", "False"]


def test_a_glance_shows_the_cached_epreuve_as_its_bundle_does(library: Path) -> None:
    """What the sign-in screen shows before the models are built: the épreuve's own title in each
    language, its mode and its languages, and the same bundle once built."""
    checked = load_bundle(library)
    raw = library.read_bytes()
    found = bundle_cache.glance(library, raw)
    assert found is not None
    assert found.epreuve_id == checked.epreuve.id and found.mode == checked.epreuve.mode
    assert found.languages == checked.languages
    for lang in ("fr", "en", "nl", "de"):
        assert found.title(lang) == text_in(checked.epreuve.title, lang)
    assert found.bundle() == checked


def test_no_glance_at_an_epreuve_whose_scenario_changed(library: Path) -> None:
    load_bundle(library)
    scenario = library.parent.parent / "inbound" / "maison-lumiere-livraison.yaml"
    scenario.write_bytes(scenario.read_bytes() + b"\n# relu\n")
    assert bundle_cache.glance(library, library.read_bytes()) is None


def test_a_glance_imports_no_model_and_verifies_the_entry(library: Path, tmp_path: Path) -> None:
    """Read in a fresh process: pydantic, the models and the YAML parser stay unloaded until the
    bundle is asked for; an entry whose shown line was edited is not glanced at."""
    load_bundle(library)
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from simulator.engine import bundle_cache\n"
        f"path = Path({str(library)!r})\n"
        "found = bundle_cache.glance(path, path.read_bytes())\n"
        "print(found.title('fr') != '', 'pydantic' in sys.modules, 'ruamel' in sys.modules,"
        " 'simulator.scenario.models' in sys.modules)\n"
        "print(len(found.bundle().contacts), 'pydantic' in sys.modules)\n"
    )
    assert _in_a_fresh_process(probe) == ["True", "False", "False", "False", "4", "True"]
    entry = _entries(tmp_path)[0]
    data = entry.read_bytes()
    entry.write_bytes(data.replace(b'"mode": "practice"', b'"mode": "exam"'))
    assert bundle_cache.glance(library, library.read_bytes()) is None


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


def test_old_entries_are_deleted_and_the_newest_kept(
    library: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_bundle(library)
    folder = tmp_path / "cache" / "epreuves"
    (current,) = _entries(tmp_path)
    for age in range(bundle_cache.KEPT + 5):  # entries of earlier edits, oldest first
        stale = folder / f"{age:064x}.entry"
        stale.write_bytes(current.read_bytes())
        os.utime(stale, ns=(10**18 + age, 10**18 + age))
    current.unlink()
    load_bundle(library)  # checked again and written: the folder is pruned
    left = _entries(tmp_path)
    assert len(left) == bundle_cache.KEPT and current in left
    assert folder / f"{bundle_cache.KEPT + 4:064x}.entry" in left  # the newest stale ones stay
    assert folder / f"{0:064x}.entry" not in left  # the oldest went
