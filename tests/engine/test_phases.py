"""The call state machine: states as an Enum, transitions as data, one shared machine per flow."""

from __future__ import annotations

import pytest
from transitions import MachineError

from simulator.engine.phases import (
    CALL_FLOW,
    TALKING,
    TASK_FLOW,
    Phase,
    PhaseModel,
    attach,
    can,
    detach,
)


def test_no_auto_transitions_back_doors():
    model = PhaseModel("k")
    machine = attach(model, phone=True)
    try:
        assert not [name for name in dir(model) if name.startswith("to_")]
    finally:
        detach(model, machine)


def test_a_call_goes_from_ringing_to_ended():
    model = PhaseModel("k")
    machine = attach(model, phone=True)
    model.answer()
    assert model.state is Phase.OPENING
    model.act_discover()
    assert model.state is Phase.DISCOVERY
    model.act_confirm()
    model.act_close()
    assert model.state is Phase.CLOSING
    model.hang_up()
    assert model.state is Phase.WRAP_UP
    model.wrap_up()
    assert model.state is Phase.ENDED
    detach(model, machine)


def test_hold_returns_to_the_phase_it_left():
    model = PhaseModel("k")
    machine = attach(model, phone=True)
    model.answer()
    model.act_propose()
    model.hold()
    assert model.state is Phase.ON_HOLD
    assert not can(model, "act_discover")
    model.resume()
    assert model.state is Phase.RESOLUTION
    detach(model, machine)


def test_impossible_triggers_are_refused_not_ignored():
    model = PhaseModel("k")
    machine = attach(model, phone=True)
    assert not can(model, "hang_up")
    with pytest.raises(MachineError):
        model.hang_up()
    detach(model, machine)


def test_many_contacts_share_one_machine_and_leave_it():
    models = [PhaseModel(f"c{i}") for i in range(5)]
    before = len(CALL_FLOW.models)
    machines = [attach(m, phone=True) for m in models]
    assert all(machine is CALL_FLOW for machine in machines)
    assert len(CALL_FLOW.models) == before + 5
    models[0].answer()
    assert models[1].state is Phase.WAITING  # equal-looking models are still distinct
    for model in models:
        detach(model, CALL_FLOW)
    assert len(CALL_FLOW.models) == before


def test_tasks_have_their_own_phases():
    task = PhaseModel("t", with_wrap_up=True)
    machine = attach(task, phone=False)
    assert machine is TASK_FLOW
    assert not can(task, "answer")
    task.start()
    assert task.state is Phase.IN_PROGRESS
    task.finish()
    assert task.state is Phase.WRAP_UP
    detach(task, machine)


def test_time_up_ends_any_phase():
    for phase in (*TALKING, Phase.ON_HOLD, Phase.WRAP_UP):
        model = PhaseModel("k", state=phase)
        machine = attach(model, phone=True)
        model.time_up()
        assert model.state is Phase.ENDED
        detach(model, machine)
