"""The task list and what feeds it: the runner's updates as a signal, jobs in plain words."""
