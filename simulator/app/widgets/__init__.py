"""The candidate app's widgets, one per module; each only shows engine state or forwards a key."""
