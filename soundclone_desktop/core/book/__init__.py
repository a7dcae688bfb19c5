"""Books: manuscripts, chapters, segments and their cost (pure, no Qt, no I/O)."""
