"""The review app's widgets, one per module."""
