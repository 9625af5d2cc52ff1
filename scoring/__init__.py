"""Scoring: from a transcript's evidence to the grille d'évaluation (OK / NOK per competency)."""
