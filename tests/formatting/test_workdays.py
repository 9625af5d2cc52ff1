"""Belgian working days: the one function the scenario filters and the agenda count with."""

from __future__ import annotations

import datetime as dt

import pytest

from simulator.formatting.workdays import (
    add_workdays,
    first_workday_of_next_month,
    is_workday,
    next_weekday,
)
from simulator.scenario.templating import render


def test_public_holidays_are_not_working_days():
    assert not is_workday(dt.date(2026, 7, 21))  # fête nationale, a Tuesday
    assert not is_workday(dt.date(2026, 4, 6))  # lundi de Pâques
    assert is_workday(dt.date(2026, 7, 22))


def test_adding_working_days_steps_over_weekends_and_holidays():
    assert add_workdays(dt.date(2026, 12, 24), 1) == dt.date(
        2026, 12, 28
    )  # Christmas Friday, then the weekend
    assert add_workdays(dt.date(2026, 7, 20), 1) == dt.date(2026, 7, 22)
    assert add_workdays(dt.date(2026, 7, 22), -1) == dt.date(2026, 7, 20)
    assert add_workdays(dt.date(2026, 7, 22), 0) == dt.date(2026, 7, 22)


def test_first_working_day_of_next_month_skips_new_year():
    assert first_workday_of_next_month(dt.date(2026, 12, 7)) == dt.date(
        2027, 1, 4
    )  # 1 Jan is a Friday
    assert first_workday_of_next_month(dt.date(2026, 1, 31)) == dt.date(
        2026, 2, 2
    )  # 1 Feb is a Sunday


def test_next_weekday_is_strictly_after_and_skips_a_holiday():
    assert next_weekday(dt.date(2026, 12, 7), "mon") == dt.date(2026, 12, 14)
    assert next_weekday(dt.date(2026, 4, 1), "mon") == dt.date(
        2026, 4, 7
    )  # Easter Monday → Tuesday


def test_scenario_filters_use_the_same_calendar():
    assert render("{{ '2026-07-20' | add_workdays(1) }}", {}) == "2026-07-22"
    assert (
        render("{{ '2026-12-07' | first_workday_of_next_month | longdate }}", {})
        == "lundi 4 janvier 2027"
    )
    assert render("{{ '2026-12-07' | next_weekday('thu') }}", {}) == "2026-12-10"


def test_a_wrong_weekday_name_is_a_clear_message():
    from simulator.scenario.templating import FilterValueError, describe_error_in

    with pytest.raises(FilterValueError) as caught:
        render("{{ '2026-12-07' | next_weekday('jeudi') }}", {})
    said = describe_error_in(caught.value, "fr")
    assert said.startswith("le filtre « next_weekday » attend un jour parmi mon, tue"), said
    assert said.endswith("pas « jeudi »"), said
