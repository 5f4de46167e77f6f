"""One call runner per flavour (sync over ``httpx.Client``, async over ``httpx.AsyncClient``), sharing every decision:
the retry rule, backoff, Retry-After, error mapping, pacing and classification live in pure code both call. Exactly one
retry layer: the httpx clients are built with no retries of their own and redirects off."""
from __future__ import annotations

import asyncio
import logging
import threading
import time
import zlib
from collections.abc import AsyncIterator, Iterator

import httpx

from ..auth.token_refresh_error import TokenRefreshError
from ..errors.astro_triggers_error import AstroTriggersError
from ..errors.client_errors import ResponseDeserializationError, ResponseTooLargeError
from ..errors.error_mapper import MAX_ERROR_BODY_BYTES, error_from_answer
from ..errors.status_errors import PacedRateLimitError
from ..retry.rate_limit_pacer import pacing_decision
from ..retry.retry_decision import backoff_ms, retry_decision
from .attempt_failures import AttemptTimedOut, BodyReadFailure, CallTimedOut, Details, classify
from .call_settings import Answer, CallSettings, HttpRequest, decode_text
from .deadline_watchdog import socket_of, watchdog
from .delay_limit import current_delay_limit
from .decoding import Decoder, Truncated, UnsupportedEncoding, decoder_for
from .operation import OperationInfo
from .response_info import ResponseCallbackFailed, notify_response

log = logging.getLogger("astro_triggers")


class _Call:
    """The state of one call shared by its attempts: budget on the client's monotonic clock, attempts made."""

    def __init__(self, operation: OperationInfo, request: HttpRequest, settings: CallSettings) -> None:
        self.operation = operation
        self.request = request
        self.s = settings
        self.started_ms = settings.clock.monotonic() * 1000
        self.budget_ms = min(settings.timeout_ms, settings.retry.max_elapsed_ms)
        self.attempts = 0
        self.details = Details(operation, request.url, settings.secrets)
        # A run wait's deadline (delay_limit.py): sleeps inside this call end by it; attempts are not cut by it.
        self.delay_left = current_delay_limit()

    def elapsed_ms(self) -> float:
        return self.s.clock.monotonic() * 1000 - self.started_ms

    def sleep_room_ms(self) -> float:
        """How long a retry delay or a pacing wait may last from now: what is left of the call's budget, at most until
        the delay limit of the run wait this call reads for."""
        left = self.budget_ms - self.elapsed_ms()
        return left if self.delay_left is None else min(left, self.delay_left())

    def call_left_ms(self) -> float:
        return self.s.timeout_ms - self.elapsed_ms()

    def attempt_limit(self) -> tuple[float, bool]:
        """The attempt's time limit in ms, and whether it is the call's budget (not the attempt's own) that binds."""
        left = self.call_left_ms()
        if left <= 0:
            raise CallTimedOut()
        own = self.s.retry.attempt_timeout_ms
        return (left, True) if left < own else (own, False)

    def headers(self) -> dict[str, str]:
        headers = {k.lower(): v for k, v in self.request.headers.items()}
        headers["user-agent"] = self.s.user_agent
        headers.setdefault("accept-encoding", self.s.accept_encoding)
        return headers

    def service_error(self, response: httpx.Response, headers: dict[str, str], raw: str | None) -> AstroTriggersError:
        op = self.operation
        return error_from_answer(service=op.service, operation_id=op.operation_id, method=op.method,
                                 idempotent=op.idempotent, status=response.status_code, header=headers.get,
                                 raw=raw, url=self.request.url, secrets=self.s.secrets,
                                 now_ms=self.s.clock.now() * 1000)

    def token_error(self, after_unauthorized: bool, thrown: BaseException) -> TokenRefreshError:
        d = self.details
        error = TokenRefreshError(after_unauthorized, service=d.service, operation_id=d.operation_id, method=d.method,
                                  url=d.url, thrown=thrown)
        error.__cause__ = thrown
        return error

    def too_large(self, declared: int | None, status: int) -> ResponseTooLargeError:
        d = self.details
        return ResponseTooLargeError(self.s.max_response_bytes, declared, service=d.service,
                                     operation_id=d.operation_id, status=status, method=d.method, url=d.url)

    def unreadable(self, problem: str, status: int) -> ResponseDeserializationError:
        d = self.details
        return ResponseDeserializationError(f"{d.service} {d.operation_id}: {problem}.", service=d.service,
                                            operation_id=d.operation_id, status=status, method=d.method, url=d.url)

    def decide(self, raw: Exception) -> tuple[AstroTriggersError, float | None]:
        """The error of a failed attempt and the wait before the next (None: raise it now)."""
        retry = self.s.retry
        error, attempt_timed_out, call_over = classify(raw, self.details, self.s.secrets, retry.attempt_timeout_ms,
                                                       self.s.timeout_ms)
        if call_over:
            return error, None
        remaining = self.sleep_room_ms()
        decision = retry_decision(error, attempt_timed_out, self.operation.idempotent, retry, self.attempts, remaining)
        if decision is None:
            return error, None
        wait = decision.hint_ms if decision.hint_ms is not None else backoff_ms(self.attempts - 1, retry)
        return error, (None if wait > remaining else wait)

    def log_attempt(self, status: int | str, started: float) -> None:
        if log.isEnabledFor(logging.DEBUG):
            log.debug("HTTP %s %s -> %s in %.1f ms (attempt %d)", self.operation.method, self.details.url, status,
                      (time.perf_counter() - started) * 1000, self.attempts)

    def log_outcome(self, error: AstroTriggersError, wait_ms: float | None) -> None:
        op = self.operation
        if wait_ms is not None:
            log.info("%s %s: try %d failed (%s); retrying in %.3f s", op.service, op.operation_id, self.attempts,
                     type(error).__name__, wait_ms / 1000)
        else:
            log.warning("%s %s failed after %d attempt(s): %s", op.service, op.operation_id, self.attempts, error)

    def paced_out(self, wait_ms: float) -> PacedRateLimitError:
        op = self.operation
        return PacedRateLimitError(op.service, op.operation_id, op.method, wait_ms / 1000)


def header_map(response: httpx.Response) -> dict[str, str]:
    """The response's headers read once, by lower-case name, a repeated one joined with ", " as
    ``httpx.Headers.get`` joins it: every ``Headers.get`` scans and decodes the whole list again, and a call asked it
    five or more times."""
    out: dict[str, str] = {}
    for name, value in response.headers.multi_items():
        if name in out:
            out[name] += ", " + value
        else:
            out[name] = value
    return out


def _declared_length(headers: dict[str, str]) -> int | None:
    raw = headers.get("content-length")
    return int(raw) if raw is not None and raw.strip().isdigit() else None


def _decoder(call: _Call, response: httpx.Response, headers: dict[str, str]) -> Decoder:
    if response.is_stream_consumed:
        # A response httpx already read (a transport that answered with in-memory content): its bytes are decoded.
        return decoder_for(None)
    try:
        return decoder_for(headers.get("content-encoding"))
    except UnsupportedEncoding as error:
        raise call.unreadable(str(error), response.status_code) from None


def _in_memory_body(call: _Call, response: httpx.Response, limit: int) -> bytes:
    # A response httpx already read (a transport that answered with in-memory content): its bytes are the body, under
    # the same cap, without a decoder and a chunk loop.
    body = response.content
    if len(body) > limit:
        raise call.too_large(None, response.status_code)
    return body


def _take(decoder: Decoder, chunk: bytes, total: int, limit: int) -> bytes:
    try:
        return decoder.decode(chunk, max(0, limit - total))
    except zlib.error as error:
        raise BodyReadFailure(f"the compressed response body is corrupt ({error})") from error
    except Exception as error:  # brotli.error has no common base
        raise BodyReadFailure(f"the compressed response body is corrupt ({error})") from error


def _finish(decoder: Decoder) -> bytes:
    try:
        return decoder.finish()
    except Truncated:
        raise BodyReadFailure("the connection ended before the complete compressed response body") from None
    except zlib.error as error:
        raise BodyReadFailure(f"the compressed response body is corrupt ({error})") from error


def _error_text(chunks: list[bytes], truncated: bool, headers: dict[str, str]) -> str | None:
    if not chunks:
        return None
    text = decode_text(b"".join(chunks)[:MAX_ERROR_BODY_BYTES], headers.get("content-type"))
    return text + "…(truncated)" if truncated else text


_timeouts: dict[float, httpx.Timeout] = {}


def _timeout(limit_ms: float) -> httpx.Timeout:
    return httpx.Timeout(max(limit_ms, 1.0) / 1000)


def _attempt_timeout(limit_ms: float, call_binds: bool) -> httpx.Timeout:
    # An attempt's own limit is one of a few configured values: its Timeout is made once (httpx.Timeout() was a
    # visible share of a call's own cost). A limit cut by the call's budget differs every time and is not kept.
    if call_binds:
        return _timeout(limit_ms)
    timeout = _timeouts.get(limit_ms)
    if timeout is None:
        if len(_timeouts) >= 64:
            _timeouts.clear()
        timeout = _timeouts[limit_ms] = _timeout(limit_ms)
    return timeout


def _settle(future: asyncio.Future[None]) -> None:
    if not future.done():
        future.set_result(None)


class SyncCallRunner:
    """Runs one operation on an ``httpx.Client`` under the retry rules (README "Retries")."""

    def __init__(self, client: httpx.Client) -> None:
        self._client = client

    def run(self, operation: OperationInfo, request: HttpRequest, settings: CallSettings) -> Answer:
        """Every attempt, wait and decision of one call. Raises :class:`AstroTriggersError` subclasses."""
        call = _Call(operation, request, settings)
        while True:
            call.attempts += 1
            try:
                return self._attempt(call)
            except ResponseCallbackFailed as failed:
                # A user's on_response that raises ends the call with its own exception, never retried.
                raise failed.error from None
            except Exception as raw:  # a KeyboardInterrupt is never caught
                error, wait = call.decide(raw)
                call.log_outcome(error, wait)
                if wait is None:
                    if error is raw:
                        raise
                    raise error from raw
                settings.clock.sleep(wait / 1000)

    def _pace(self, call: _Call) -> int | None:
        pacer = call.s.pacer
        if pacer is None:
            return None
        ticket = pacer.idle_ticket()
        if ticket is not None:
            return ticket
        while True:
            decision = pacing_decision(pacer, call.sleep_room_ms())
            if decision.kind == "go":
                return decision.ticket
            if decision.kind == "paced":
                raise call.paced_out(decision.wait_ms)
            changed = threading.Event()
            unsubscribe = pacer.subscribe(changed.set)
            try:
                changed.wait(decision.wait_ms / 1000)
            finally:
                unsubscribe()

    def _attempt(self, call: _Call) -> Answer:
        s = call.s
        headers = call.headers()
        generation = s.credential.generation()
        try:
            s.credential.apply(headers)
        except AstroTriggersError:
            raise
        except Exception as thrown:
            raise call.token_error(False, thrown) from thrown
        ticket = self._pace(call)
        limit_ms, call_binds = call.attempt_limit()
        deadline = time.monotonic() + limit_ms / 1000
        started = time.perf_counter()
        response, got = self._send(call, headers, _attempt_timeout(limit_ms, call_binds), call_binds, ticket)
        try:
            if response.status_code == 401 and s.credential.can_refresh:
                response.close()
                try:
                    s.credential.refresh(headers, generation)
                except AstroTriggersError:
                    raise
                except Exception as thrown:
                    raise call.token_error(True, thrown) from thrown
                left = (deadline - time.monotonic()) * 1000
                response, got = self._send(call, headers, _timeout(left), call_binds,
                                           s.pacer.ticket() if s.pacer else None)
            call.log_attempt(response.status_code, started)
            if not 200 <= response.status_code <= 299:
                raise call.service_error(response, got, self._error_text(response, got, deadline))
            if s.on_response is not None:
                notify_response(s.on_response, call.operation.service, call.operation.operation_id, response,
                                s.secrets)
            return Answer(response.status_code, response.headers,
                          self._body(call, response, got, deadline, call_binds), got.get("content-type"), True)
        finally:
            response.close()

    def _send(self, call: _Call, headers: dict[str, str], timeout: httpx.Timeout, call_binds: bool,
              ticket: int | None) -> tuple[httpx.Response, dict[str, str]]:
        pacer = call.s.pacer
        request = self._client.build_request(call.request.method, call.request.url, headers=headers,
                                             content=call.request.content, timeout=timeout)
        try:
            response = self._client.send(request, stream=True, follow_redirects=False)
        except httpx.TimeoutException as error:
            if pacer is not None and ticket is not None:
                pacer.abandon(ticket)
            if isinstance(error, (httpx.ConnectTimeout, httpx.PoolTimeout)) and not call_binds:
                raise
            raise (CallTimedOut() if call_binds else AttemptTimedOut()) from error
        except BaseException:
            if pacer is not None and ticket is not None:
                pacer.abandon(ticket)
            raise
        got = header_map(response)
        if pacer is not None and ticket is not None:
            pacer.observe(got.get, response.status_code, ticket)
        return response, got

    def _chunks(self, response: httpx.Response, deadline: float, call_binds: bool) -> Iterator[bytes]:
        if response.is_stream_consumed:
            yield response.content
            return
        # httpcore applies the read timeout it was given to each socket read afresh, so a body that stalls near the
        # deadline would overshoot it by up to one read timeout: the watchdog shuts the socket down at the deadline.
        sock = socket_of(response.extensions)
        armed = watchdog.arm(deadline, sock) if sock is not None else None
        try:
            for chunk in response.iter_raw():
                yield chunk
                if time.monotonic() > deadline:
                    raise CallTimedOut() if call_binds else AttemptTimedOut()
        except httpx.TimeoutException as error:
            raise (CallTimedOut() if call_binds else AttemptTimedOut()) from error
        except httpx.HTTPError as error:
            if time.monotonic() >= deadline:  # the watchdog ended the read
                raise (CallTimedOut() if call_binds else AttemptTimedOut()) from error
            raise BodyReadFailure("the connection failed while the response body was being read") from error
        finally:
            if armed is not None:
                watchdog.disarm(armed)

    def _body(self, call: _Call, response: httpx.Response, got: dict[str, str], deadline: float,
              call_binds: bool) -> bytes:
        limit = call.s.max_response_bytes
        declared = _declared_length(got)
        if declared is not None and declared > limit:
            raise call.too_large(declared, response.status_code)
        if response.is_stream_consumed:
            return _in_memory_body(call, response, limit)
        decoder = _decoder(call, response, got)
        parts: list[bytes] = []
        total = 0
        for chunk in self._chunks(response, deadline, call_binds):
            out = _take(decoder, chunk, total, limit)
            total += len(out)
            if total > limit:
                raise call.too_large(None, response.status_code)
            parts.append(out)
        tail = _finish(decoder)
        if total + len(tail) > limit:
            raise call.too_large(None, response.status_code)
        parts.append(tail)
        return b"".join(parts)

    def _error_text(self, response: httpx.Response, got: dict[str, str], deadline: float) -> str | None:
        # At most 16 KB; a body cut off or undecodable keeps what arrived: the status decides the error either way.
        parts: list[bytes] = []
        total = 0
        truncated = False
        sock = socket_of(response.extensions)
        armed = watchdog.arm(deadline, sock) if sock is not None else None
        try:
            decoder = decoder_for(got.get("content-encoding"))
            for chunk in response.iter_raw():
                out = decoder.decode(chunk, MAX_ERROR_BODY_BYTES)
                parts.append(out)
                total += len(out)
                if total > MAX_ERROR_BODY_BYTES:
                    truncated = True
                    break
                if time.monotonic() > deadline:
                    break
        except Exception:
            pass
        finally:
            if armed is not None:
                watchdog.disarm(armed)
        return _error_text(parts, truncated, got)


class AsyncCallRunner:
    """Runs one operation on an ``httpx.AsyncClient`` under the retry rules; the attempt's limit is enforced with
    ``asyncio.wait_for`` around the whole attempt (body read included)."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self._client = client

    async def run(self, operation: OperationInfo, request: HttpRequest, settings: CallSettings) -> Answer:
        """Every attempt, wait and decision of one call. Raises :class:`AstroTriggersError` subclasses; a cancelled
        task stops the call (``asyncio.CancelledError`` is never caught)."""
        call = _Call(operation, request, settings)
        while True:
            call.attempts += 1
            try:
                return await self._attempt(call)
            except ResponseCallbackFailed as failed:
                # A user's on_response that raises ends the call with its own exception, never retried.
                raise failed.error from None
            except Exception as raw:
                error, wait = call.decide(raw)
                call.log_outcome(error, wait)
                if wait is None:
                    if error is raw:
                        raise
                    raise error from raw
                await settings.clock.sleep_async(wait / 1000)

    async def _pace(self, call: _Call) -> int | None:
        pacer = call.s.pacer
        if pacer is None:
            return None
        ticket = pacer.idle_ticket()
        if ticket is not None:
            return ticket
        loop = asyncio.get_running_loop()
        while True:
            decision = pacing_decision(pacer, call.sleep_room_ms())
            if decision.kind == "go":
                return decision.ticket
            if decision.kind == "paced":
                raise call.paced_out(decision.wait_ms)
            changed = loop.create_future()

            def wake(f: asyncio.Future[None] = changed) -> None:
                loop.call_soon_threadsafe(_settle, f)
            unsubscribe = pacer.subscribe(wake)
            try:
                await asyncio.wait_for(asyncio.shield(changed), decision.wait_ms / 1000)
            except asyncio.TimeoutError:
                pass
            finally:
                unsubscribe()

    async def _attempt(self, call: _Call) -> Answer:
        s = call.s
        headers = call.headers()
        generation = s.credential.generation()
        try:
            await s.credential.apply_async(headers)
        except AstroTriggersError:
            raise
        except Exception as thrown:
            raise call.token_error(False, thrown) from thrown
        ticket = await self._pace(call)
        limit_ms, call_binds = call.attempt_limit()
        state: dict[str, bool] = {"connected": False}
        try:
            return await asyncio.wait_for(
                self._exchange(call, headers, generation, ticket, limit_ms, call_binds, state), limit_ms / 1000)
        except asyncio.TimeoutError as error:
            raise (CallTimedOut() if call_binds else AttemptTimedOut()) from error
        except httpx.TimeoutException as error:
            if isinstance(error, (httpx.ConnectTimeout, httpx.PoolTimeout)) and not call_binds:
                raise
            raise (CallTimedOut() if call_binds else AttemptTimedOut()) from error

    async def _exchange(self, call: _Call, headers: dict[str, str], generation: int, ticket: int | None,
                        limit_ms: float, call_binds: bool, state: dict[str, bool]) -> Answer:
        s = call.s
        started = time.perf_counter()
        # The attempt's limit is enforced by wait_for around it; httpx's own timeout is a second's slack behind.
        timeout = _attempt_timeout(limit_ms + 1000, call_binds)
        response, got = await self._send(call, headers, timeout, ticket)
        try:
            if response.status_code == 401 and s.credential.can_refresh:
                await response.aclose()
                try:
                    await s.credential.refresh_async(headers, generation)
                except AstroTriggersError:
                    raise
                except Exception as thrown:
                    raise call.token_error(True, thrown) from thrown
                response, got = await self._send(call, headers, timeout, s.pacer.ticket() if s.pacer else None)
            call.log_attempt(response.status_code, started)
            if not 200 <= response.status_code <= 299:
                raise call.service_error(response, got, await self._error_text(response, got))
            if s.on_response is not None:
                notify_response(s.on_response, call.operation.service, call.operation.operation_id, response,
                                s.secrets)
            return Answer(response.status_code, response.headers, await self._body(call, response, got),
                          got.get("content-type"), True)
        finally:
            await response.aclose()

    async def _send(self, call: _Call, headers: dict[str, str], timeout: httpx.Timeout,
                    ticket: int | None) -> tuple[httpx.Response, dict[str, str]]:
        pacer = call.s.pacer
        request = self._client.build_request(call.request.method, call.request.url, headers=headers,
                                             content=call.request.content, timeout=timeout)
        try:
            response = await self._client.send(request, stream=True, follow_redirects=False)
        except BaseException:
            if pacer is not None and ticket is not None:
                pacer.abandon(ticket)
            raise
        got = header_map(response)
        if pacer is not None and ticket is not None:
            pacer.observe(got.get, response.status_code, ticket)
        return response, got

    async def _chunks(self, response: httpx.Response) -> AsyncIterator[bytes]:
        if response.is_stream_consumed:
            yield response.content
            return
        try:
            async for chunk in response.aiter_raw():
                yield chunk
        except httpx.TimeoutException:
            raise
        except httpx.HTTPError as error:
            raise BodyReadFailure("the connection failed while the response body was being read") from error

    async def _body(self, call: _Call, response: httpx.Response, got: dict[str, str]) -> bytes:
        limit = call.s.max_response_bytes
        declared = _declared_length(got)
        if declared is not None and declared > limit:
            raise call.too_large(declared, response.status_code)
        if response.is_stream_consumed:
            return _in_memory_body(call, response, limit)
        decoder = _decoder(call, response, got)
        parts: list[bytes] = []
        total = 0
        async for chunk in self._chunks(response):
            out = _take(decoder, chunk, total, limit)
            total += len(out)
            if total > limit:
                raise call.too_large(None, response.status_code)
            parts.append(out)
        tail = _finish(decoder)
        if total + len(tail) > limit:
            raise call.too_large(None, response.status_code)
        parts.append(tail)
        return b"".join(parts)

    async def _error_text(self, response: httpx.Response, got: dict[str, str]) -> str | None:
        parts: list[bytes] = []
        total = 0
        truncated = False
        try:
            decoder = decoder_for(got.get("content-encoding"))
            async for chunk in response.aiter_raw():
                out = decoder.decode(chunk, MAX_ERROR_BODY_BYTES)
                parts.append(out)
                total += len(out)
                if total > MAX_ERROR_BODY_BYTES:
                    truncated = True
                    break
        except (httpx.HTTPError, zlib.error, Truncated):
            pass
        return _error_text(parts, truncated, got)
