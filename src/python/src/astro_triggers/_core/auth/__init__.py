"""Credentials: a static key or a token provider refreshed once after a 401."""
