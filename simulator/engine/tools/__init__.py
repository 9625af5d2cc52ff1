"""Simulated tools the candidate works with during a contact."""
