"""Books: the pure rules of a book project (no I/O, no Qt).

Each module owns one concern; import from the module itself (``core.book.chapters``, …).
"""
