"""Formatting helpers shared by the scenario language and the engine: dates, working days, numbers."""
