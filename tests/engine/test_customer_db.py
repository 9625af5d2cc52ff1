"""Tests for the candidate's SQLite customer database tool."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.engine.belgian_places import fold
from simulator.engine.personas import make_persona
from simulator.engine.tools.customer_db import CustomerDatabase
from simulator.engine.tools.customer_records import EDITABLE
from simulator.engine.tools.errors import InvalidValue, ToolError, UnknownRecord

TODAY = date(2026, 3, 2)


def build(seed: int = 3, **kwargs: object) -> CustomerDatabase:
    target = make_persona(seed, today=TODAY)
    options = {
        "target_overrides": {"number": "999"},
        "lookalikes": 2,
        "duplicates": 1,
        "outdated": 1,
        "background": 20,
        **kwargs,
    }
    return CustomerDatabase.build(seed, target=target, today=TODAY, **options)


@pytest.fixture()
def db() -> CustomerDatabase:
    return build()


def roles(db: CustomerDatabase, summaries: list) -> set[str]:
    return {db.role_of(s.record_id) for s in summaries}


def test_same_seed_same_snapshot_and_other_seed_differs() -> None:
    a, b = build(3), build(3)
    assert json.dumps(a.snapshot()) == json.dumps(b.snapshot())
    assert build(4).snapshot()["records"] != a.snapshot()["records"]


def test_target_is_stored_with_overrides_and_not_always_first() -> None:
    db = build(3)
    target = make_persona(3, today=TODAY)
    stored = db.record_by_role("target")
    assert stored.number == "999" and stored.last_name == target.last_name
    assert len(db.records()) == 1 + 2 + 1 + 1 + 20
    positions = {build(seed).record_by_role("target").record_id for seed in range(8)}
    assert len(positions) > 1
    with pytest.raises(KeyError):
        db.record_by_role("lookalike-9")
    with pytest.raises(ValueError):
        CustomerDatabase.build(1, target=target, target_overrides={"role": "x"}, today=TODAY)


def test_search_by_lowercase_accentless_name_finds_target_and_lookalikes(
    db: CustomerDatabase,
) -> None:
    target = db.record_by_role("target")
    found = db.search(fold(target.last_name))
    assert {"target", "lookalike-1", "lookalike-2"} <= roles(db, found)
    full = db.search(fold(f"{target.first_name} {target.last_name}"))
    assert "target" in roles(db, full) and "lookalike-1" not in roles(db, full)
    assert db.search("") == [] and db.search("   ") == []
    assert db.search(target.customer_id)[0].record_id == target.record_id
    assert db.search(target.customer_id.replace("-", ""))[0].record_id == target.record_id


def test_search_by_phone_ignores_prefix_and_spaces(db: CustomerDatabase) -> None:
    target = db.record_by_role("target")
    national = "0" + target.mobile.removeprefix("+32 ").replace(" ", "")
    by_national = [s.record_id for s in db.search(national)]
    assert target.record_id in by_national
    assert by_national == [s.record_id for s in db.search(target.mobile)]
    assert by_national == [s.record_id for s in db.search("0032" + national[1:])]


def test_search_results_are_sorted_capped_and_never_show_roles(db: CustomerDatabase) -> None:
    results = db.search("e")
    assert 0 < len(results) <= 50
    keys = [(fold(s.last_name), fold(s.first_name), s.postcode, s.record_id) for s in results]
    assert keys == sorted(keys)
    all_roles = {db.role_of(r.record_id) for r in db.records()}
    for summary in results:
        data = summary.to_dict()
        assert "role" not in data and not set(data.values()) & all_roles
    assert "role" not in db.open(results[0].record_id).to_dict()


@pytest.mark.parametrize("bad", ["12345", "9999", "10a0", ""])
def test_update_refuses_bad_postcodes_with_messages(db: CustomerDatabase, bad: str) -> None:
    rid = db.record_by_role("target").record_id
    with pytest.raises(InvalidValue) as info:
        db.update(rid, "postcode", bad)
    assert info.value.message("fr") and info.value.message("en") and info.value.code
    assert info.value.field == "postcode"
    assert db.changes() == []


def test_update_validates_and_normalises(db: CustomerDatabase) -> None:
    rid = db.record_by_role("target").record_id
    assert db.update(rid, "phone", "0475/12.34.56").after == "+32 475 12 34 56"
    assert db.update(rid, "city", "liege").after == "Liège"
    assert db.update(rid, "birth_date", "05/11/1970").after == "1970-11-05"
    assert db.update(rid, "email", "Jean.Dupont@Skynet.be").after == "jean.dupont@skynet.be"
    for field, value in [
        ("email", "jean.dupont"),
        ("phone", "12345"),
        ("mobile", "02 512 34 56"),
        ("iban", "BE00 0000 0000 0000"),
        ("first_name", "   "),
        ("customer_id", "CL-000001"),
        ("record_id", "R9"),
        ("role", "target"),
        ("shoe_size", "42"),
        ("birth_date", "31/02/1990"),
    ]:
        with pytest.raises(InvalidValue):
            db.update(rid, field, value)
    with pytest.raises(UnknownRecord):
        db.open("R9999")
    with pytest.raises(UnknownRecord):
        db.update("nope", "city", "Namur")


def test_changes_list_exactly_what_changed(db: CustomerDatabase) -> None:
    target = db.record_by_role("target")
    db.update(target.record_id, "number", "12")
    db.update(target.record_id, "postcode", target.postcode)  # unchanged value
    db.update(target.record_id, "street", "Rue Neuve ")
    changes = db.changes()
    assert [(c.role, c.field, c.before, c.after) for c in changes] == [  # column order
        ("target", "street", target.street, "Rue Neuve"),
        ("target", "number", "999", "12"),
    ]
    assert "role" not in changes[0].to_candidate_dict()
    db.update(target.record_id, "number", "999")
    assert [c.field for c in db.changes()] == ["street"]
    assert db.collateral_changes({"target"}) == []


def test_collateral_changes_flag_edits_to_other_records(db: CustomerDatabase) -> None:
    db.update(db.record_by_role("target").record_id, "number", "12")
    twin = db.record_by_role("lookalike-1")
    db.update(twin.record_id, "mobile", "0470 11 22 33")
    collateral = db.collateral_changes({"target"})
    assert [(c.record_id, c.role, c.field) for c in collateral] == [
        (twin.record_id, "lookalike-1", "mobile")
    ]
    dup = db.record_by_role("duplicate-1")
    assert db.set_status(dup.record_id, "Doublon").after == "doublon"
    assert {c.role for c in db.collateral_changes({"target", "lookalike-1"})} == {"duplicate-1"}
    with pytest.raises(InvalidValue):
        db.set_status(dup.record_id, "supprimé")


def test_create_validates_and_tracks_new_records(db: CustomerDatabase) -> None:
    with pytest.raises(InvalidValue):
        db.create({"last_name": "Dupont", "first_name": "Jean"})
    with pytest.raises(InvalidValue) as info:
        db.create(
            {"last_name": "Dupont", "first_name": "Jean", "postcode": "4000", "city": "Namur"}
        )
    assert info.value.code == "postcode_city_mismatch"
    record = db.create(
        {
            "last_name": "Dupont",
            "first_name": "Jean",
            "postcode": "4000",
            "city": "liège",
            "phone": "+32 4 222 33 44",
        }
    )
    assert record.city == "Liège" and record.status == "actif" and record.language == "fr"
    assert db.role_of(record.record_id) == "new-1"
    assert record.record_id in [s.record_id for s in db.search("dupont jean")]
    assert {c.field for c in db.changes() if c.role == "new-1"} >= {"last_name", "city"}


def test_snapshot_restore_round_trips(db: CustomerDatabase) -> None:
    db.update(db.record_by_role("target").record_id, "number", "12")
    db.create({"last_name": "Peeters", "first_name": "An", "postcode": "3000", "city": "Leuven"})
    snap = json.loads(json.dumps(db.snapshot()))
    restored = CustomerDatabase.restore(snap)
    assert restored.snapshot() == db.snapshot()
    assert restored.changes() == db.changes()
    assert restored.search("peeters") == db.search("peeters")
    with pytest.raises(ValueError):
        CustomerDatabase.restore({"format": "other"})


SHARED = build(5)
RECORD_IDS = [r.record_id for r in SHARED.records()]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(query=st.text(max_size=40))
def test_search_never_raises(query: str) -> None:
    assert len(SHARED.search(query)) <= 50


@settings(max_examples=300, deadline=None)
@given(
    record_id=st.one_of(st.sampled_from(RECORD_IDS), st.text(max_size=8)),
    field=st.one_of(
        st.sampled_from([*EDITABLE, "status", "role", "customer_id"]), st.text(max_size=12)
    ),
    value=st.one_of(
        st.text(max_size=30), st.from_regex(r"\+?[0-9 ./]{4,16}"), st.integers(), st.none()
    ),
)
def test_update_raises_only_tool_errors(record_id: str, field: str, value: object) -> None:
    db = CustomerDatabase.restore(SHARED.snapshot())
    try:
        db.update(record_id, field, value)  # type: ignore[arg-type]
    except ToolError as error:
        assert error.message("fr") and error.message("en") and error.code
