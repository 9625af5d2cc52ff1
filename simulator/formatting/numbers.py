"""Amounts of money as scenarios state them and checks read them: euros and cents, « 49.90 » or « 49,90 »."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation


def amount_value(amount: str) -> Decimal:
    """``"49,90"`` or ``"49.90"`` as ``Decimal("49.90")``; ValueError unless a non-negative amount in euros and cents."""
    try:
        value = Decimal(amount.strip().replace(",", "."))
    except InvalidOperation as exc:
        raise ValueError(f"not an amount: {amount!r}") from exc
    if not value.is_finite() or value < 0 or value != value.quantize(Decimal("0.01")):
        raise ValueError(f"not an amount in euros and cents: {amount!r}")
    return value.quantize(Decimal("0.01"))
