"""Scenario variants: dimensions of alternatives, each a patch applied to the scenario document before it is built."""
