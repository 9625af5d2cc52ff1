"""The test centre: browser seats served with textual-serve, and the invigilator's view of every seat."""
