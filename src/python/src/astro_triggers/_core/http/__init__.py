"""The transport: one call runner per flavour (sync, async) over httpx, sharing the pure decisions."""
