"""Lists fetched page by page: one shape for cursor, offset and one-piece lists."""
