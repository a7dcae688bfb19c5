"""The production parameters form: the panel, its range-checked spin boxes and range texts."""
