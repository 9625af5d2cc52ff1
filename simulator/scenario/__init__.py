"""The scenario language: YAML loading with positions, models, diagnostics and the checker."""
