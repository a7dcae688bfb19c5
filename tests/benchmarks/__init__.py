"""Benchmarks for the promises "opens instantly" and "never freezes" (issue #7).

Not collected by the normal test run (pyproject's ``norecursedirs``). Run everything with
``python -m tests.benchmarks`` (``--quick`` for a short pass); see README.md here.
"""
