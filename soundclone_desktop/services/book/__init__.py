"""Rendering a book: the render queue and its plan, progress, resume and adoption parts."""
