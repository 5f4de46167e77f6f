"""Retry rules: Retry-After, the decision after a failed attempt, backoff, rate-limit pacing."""
