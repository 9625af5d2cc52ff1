"""Simulated candidates: policies that play contacts headlessly through the engine (tests, walks, demos)."""
