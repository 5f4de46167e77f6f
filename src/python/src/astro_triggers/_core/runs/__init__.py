"""Run handles: the common status model, the poll schedule, waiting for a run's end."""
