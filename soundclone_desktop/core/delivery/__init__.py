"""Delivering an audiobook: retailers' profiles and their rules, in plain words (pure)."""
