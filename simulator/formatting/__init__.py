"""Dates, times, numbers and text as people read and write them: a leaf package, with Babel's locale data.

The scenario language (template filters), the engine (text checks, tools), the simulated candidates
and the apps all format through here, so a date reads the same in a briefing, a check and a screen.
It imports nothing else of callsim.
"""
