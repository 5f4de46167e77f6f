from __future__ import annotations

from dataclasses import dataclass, fields
from typing import ClassVar

from ..errors.client_errors import InvalidArgumentError


@dataclass(frozen=True)
class RetryOptions:
    """How failed calls are repeated. Every field left ``None`` keeps the layer below (the client's, then the
    documented default); times are seconds.

    Attributes:
        max_attempts: Attempts including the first; 1 disables retries. Default 4 (1–20).
        base_delay: First backoff delay, doubled each retry, with 50–100 % jitter. Default 0.5 s.
        max_delay: Cap on any single wait, a server's ``Retry-After`` included (a longer hint is raised at once as a
            typed 429/503 with ``retry_after``). Default 30 s.
        max_elapsed: Budget for all attempts and waits of one call. Default 120 s.
        attempt_timeout: Limit on one attempt, body read included. Default 30 s. The async clients bound the whole
            attempt with ``asyncio.wait_for``. The sync clients end the body read at the deadline exactly (a watchdog
            shuts the socket down); until the headers arrive, httpx's per-operation timeouts apply — connecting,
            sending and waiting for the headers are each limited to what remained when the attempt began — so a
            slow connect followed by a slow answer can overshoot the limit by up to one such timeout.
        retryable_status_codes: Statuses retried. Default 408, 429, 502, 503, 504.
        retry_internal_server_error: Also retry 500. Default False.
        retry_unsafe_requests: Retry creates/triggers/executes like reads (ambiguous failures included). Default
            False: they are retried only when the service certainly did not act (connection never established, 429,
            503 with Retry-After).
        use_jitter: Randomise backoff delays (50–100 % of the computed delay). Default True.
    """

    max_attempts: int | None = None
    base_delay: float | None = None
    max_delay: float | None = None
    max_elapsed: float | None = None
    attempt_timeout: float | None = None
    retryable_status_codes: tuple[int, ...] | None = None
    retry_internal_server_error: bool | None = None
    retry_unsafe_requests: bool | None = None
    use_jitter: bool | None = None

    NONE: ClassVar["RetryOptions"]
    """No retries at all (``max_attempts=1``)."""


RetryOptions.NONE = RetryOptions(max_attempts=1)


@dataclass(frozen=True)
class ResolvedRetry:
    """Retry settings with every field decided (internal); times in milliseconds."""

    max_attempts: int = 4
    base_delay_ms: float = 500
    max_delay_ms: float = 30_000
    max_elapsed_ms: float = 120_000
    attempt_timeout_ms: float = 30_000
    retryable_status_codes: tuple[int, ...] = (408, 429, 502, 503, 504)
    retry_internal_server_error: bool = False
    retry_unsafe_requests: bool = False
    use_jitter: bool = True


DEFAULT_RETRY = ResolvedRetry()
_SECONDS = {"base_delay": "base_delay_ms", "max_delay": "max_delay_ms", "max_elapsed": "max_elapsed_ms",
            "attempt_timeout": "attempt_timeout_ms"}


def resolve_retry(base: ResolvedRetry, layer: RetryOptions | None, prefix: str = "retry") -> ResolvedRetry:
    """``layer``'s set fields over ``base``, checked. Raises :class:`InvalidArgumentError` naming the field."""
    if layer is None:
        return base
    if not isinstance(layer, RetryOptions):
        raise InvalidArgumentError(prefix, f"'{prefix}' must be a RetryOptions.")
    values = {f.name: getattr(base, f.name) for f in fields(ResolvedRetry)}
    for f in fields(RetryOptions):
        value = getattr(layer, f.name)
        if value is None:
            continue
        name = f"{prefix}.{f.name}"
        if f.name == "max_attempts":
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 20:
                raise InvalidArgumentError(name, f"'{name}' must be an integer between 1 and 20 (was {value!r}).")
            values["max_attempts"] = value
        elif f.name in _SECONDS:
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < float("inf"):
                raise InvalidArgumentError(name, f"'{name}' must be a positive number of seconds (was {value!r}).")
            values[_SECONDS[f.name]] = float(value) * 1000
        elif f.name == "retryable_status_codes":
            values[f.name] = tuple(int(code) for code in value)
        else:
            values[f.name] = bool(value)
    return ResolvedRetry(**values)
