"""Trainers' headless tools: play a scenario, run test plans, walk every path."""
