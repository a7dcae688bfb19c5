"""The first-run tour: a sample script and five short stops, skippable at any time."""
