"""The shared core of every client (internal): errors, retries, transport, paging, runs, security."""
