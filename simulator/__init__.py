"""callsim — a call-centre simulator for the « Opérateur call center » competency standard."""

__version__ = "0.1.0"
