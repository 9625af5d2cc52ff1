"""The headless engine: call state machine, tools, evidence and épreuve sessions."""
