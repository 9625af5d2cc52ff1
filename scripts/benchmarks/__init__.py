"""Micro-benchmarks of callsim components, run by hand or from CI (no timing assertions)."""
