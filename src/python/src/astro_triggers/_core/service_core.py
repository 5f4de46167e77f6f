from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote, urlsplit

import httpx

from . import guard
from .auth.credential import AsyncTokenProvider, Credential, TokenProvider
from .errors.client_errors import InvalidArgumentError
from .http.call_runner import AsyncCallRunner, SyncCallRunner
from .http.call_settings import Answer, CallSettings, HttpRequest
from .http.clock import Clock, system_clock
from .http.decoding import HAS_BROTLI
from .http.user_agent import user_agent_for
from .options import RequestOptions
from .plan import Plan, T
from .retry.rate_limit_pacer import RateLimitPacer
from .retry.retry_options import DEFAULT_RETRY, RetryOptions, resolve_retry
from .security.known_secrets import KnownSecrets

DEFAULT_TIMEOUT = 100.0
DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024
_COMPONENT_SAFE = "-_.!~*'()"


class ClientCore:
    """The shared part of every client (internal): checked options, the secrets it masks, the credential, the pacer,
    request building and the settings of one call. Keeps the key out of ``repr``."""

    def __init__(self, service: str, default_base_url: str | None, credential_header: str | None, *,
                 api_key: str | None, token_provider: TokenProvider | None,
                 async_token_provider: AsyncTokenProvider | None, base_url: str | None, retry: RetryOptions | None,
                 timeout: float | None, max_response_bytes: int | None, compression: bool, allow_insecure_http: bool,
                 rate_limit_pacing: bool, clock: Clock | None,
                 application_id: str | None = None) -> None:
        self.service = service
        self.base_url = _check_base_url(base_url if base_url is not None else default_base_url, allow_insecure_http,
                                        service)
        self.user_agent = user_agent_for(application_id)
        self.retry = resolve_retry(DEFAULT_RETRY, retry)
        self.timeout_ms = (DEFAULT_TIMEOUT if timeout is None else guard.positive_seconds(timeout, "timeout")) * 1000
        self.max_response_bytes = (DEFAULT_MAX_RESPONSE_BYTES if max_response_bytes is None
                                   else guard.positive_int(max_response_bytes, "max_response_bytes"))
        self.accept_encoding = ("gzip, br" if HAS_BROTLI else "gzip") if compression else "identity"
        self.clock: Clock = clock if clock is not None else system_clock
        self.secrets = KnownSecrets()
        if token_provider is not None or async_token_provider is not None:
            self.credential = Credential(self.secrets, credential_header, provider=token_provider,
                                         async_provider=async_token_provider)
        else:
            if not isinstance(api_key, str) or guard.is_blank(api_key):
                raise InvalidArgumentError("api_key", f"{service}: 'api_key' or 'token_provider' is required.")
            self.credential = Credential(self.secrets, credential_header,
                                         key=guard.no_control_characters(api_key, "api_key"))
        self._default_settings: CallSettings | None = None
        clock_ = self.clock
        self.pacer = RateLimitPacer(lambda: clock_.monotonic() * 1000, lambda: clock_.now() * 1000) \
            if rate_limit_pacing else None

    def __repr__(self) -> str:
        """``ClientCore(Service, base_url)`` — never the key."""
        return f"ClientCore({self.service}, {self.base_url})"

    def settings(self, options: RequestOptions | None) -> CallSettings:
        """The settings of one call: the call's options over the client's (the client's own, made once, when the call
        has none)."""
        if options is None:
            if self._default_settings is None:
                self._default_settings = CallSettings(self.retry, self.timeout_ms, self.max_response_bytes,
                                                      self.accept_encoding, self.clock, self.secrets, self.credential,
                                                      self.pacer, user_agent=self.user_agent)
            return self._default_settings
        retry = self.retry
        timeout_ms = self.timeout_ms
        on_response = None
        if options is not None:
            if not isinstance(options, RequestOptions):
                raise InvalidArgumentError("request_options", "'request_options' must be a RequestOptions.")
            retry = resolve_retry(retry, options.retry, "request_options.retry")
            if options.timeout is not None:
                timeout_ms = guard.positive_seconds(options.timeout, "request_options.timeout") * 1000
            on_response = options.on_response
            if on_response is not None and not callable(on_response):
                raise InvalidArgumentError("request_options.on_response",
                                           "'request_options.on_response' must be callable.")
        return CallSettings(retry, timeout_ms, self.max_response_bytes, self.accept_encoding, self.clock, self.secrets,
                            self.credential, self.pacer, on_response=on_response,
                            user_agent=self.user_agent)

    def request(self, operation: Any, path: Mapping[str, str] | None = None, query: Mapping[str, Any] | None = None,
                headers: Mapping[str, str | None] | None = None, body: Any = None) -> HttpRequest:
        """A request for a generated ``Operation``: path parameters escaped as RFC 3986 segments, query parameters by
        the document's style (``explode=False`` arrays comma-separated, else repeated keys), a JSON body."""
        url_path = operation.path
        if path:
            for name, value in path.items():
                url_path = url_path.replace("{" + name + "}", _segment(value))
        pairs: list[str] = []
        styles: dict[str, Any] | None = None
        for name, value in (query or {}).items():
            if value is None:
                continue
            key = _component(name)
            if isinstance(value, (list, tuple)):
                if not value:
                    continue
                if styles is None:
                    styles = {q.name: q for q in operation.query}
                param = styles.get(name)
                if param is not None and not param.explode:
                    pairs.append(f"{key}=" + ",".join(_component(_text(v)) for v in value))
                else:
                    pairs.extend(f"{key}={_component(_text(v))}" for v in value)
            else:
                pairs.append(f"{key}={_component(_text(value))}")
        url = self.base_url + url_path + ("?" + "&".join(pairs) if pairs else "")
        sent = {k: v for k, v in (headers or {}).items() if v is not None}
        content = None
        if body is not None:
            content = json.dumps(body, ensure_ascii=False, separators=(",", ":"), default=_json_default).encode("utf-8")
            sent["content-type"] = "application/json"
        return HttpRequest(operation.method, url, sent, content)


# What quote() leaves as it is (RFC 3986 unreserved): most ids and names are only that, and a regular expression
# match costs a fraction of quote().
_UNRESERVED = re.compile(r"[A-Za-z0-9_.~-]*\Z")


def _segment(value: str) -> str:
    return value if _UNRESERVED.match(value) else quote(value, safe="")


def _component(value: str) -> str:
    return value if _UNRESERVED.match(value) else quote(value, safe=_COMPONENT_SAFE)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _json_default(value: Any) -> Any:
    to_json = getattr(value, "to_json", None)
    if callable(to_json):
        return to_json()
    raise TypeError(f"{type(value).__name__} is not JSON")


def _check_base_url(raw: str | None, allow_insecure_http: bool, service: str) -> str:
    if not raw:
        raise InvalidArgumentError("base_url", f"{service}: 'base_url' is required.")
    try:
        parts = urlsplit(raw)
        host = parts.hostname
    except ValueError:
        host = None
        parts = None
    if parts is None or not parts.scheme or not host:
        raise InvalidArgumentError("base_url", f"{service}: 'base_url' must be an absolute URL (was '{raw}').")
    if parts.scheme not in ("http", "https"):
        raise InvalidArgumentError("base_url", f"{service}: 'base_url' must be an http or https URL.")
    if parts.username or parts.password:
        raise InvalidArgumentError("base_url", f"{service}: 'base_url' must not carry credentials.")
    loopback = host in ("localhost", "::1") or host.startswith("127.")
    if parts.scheme == "http" and not loopback and not allow_insecure_http:
        raise InvalidArgumentError("base_url", f"{service}: 'base_url' must use https for a non-loopback host "
                                               "(set allow_insecure_http=True to allow http).")
    return raw.rstrip("/")


class SyncTransport:
    """A sync client's transport: the httpx.Client (its own, closed with the client, or the caller's) and its runner."""

    def __init__(self, core: ClientCore, http_client: httpx.Client | None) -> None:
        self.core = core
        self._owned = http_client is None
        # No retries or redirects below us: exactly one retry layer, and a 3xx is an error (never followed).
        self.client = http_client if http_client is not None else httpx.Client(follow_redirects=False, trust_env=False)
        self.runner = SyncCallRunner(self.client)

    def call(self, plan: Plan[T], options: RequestOptions | None) -> T:
        """Runs a plan under the client's retry rules."""
        return plan.parse(self.runner.run(plan.operation, plan.request, self.core.settings(options)))

    def answer(self, plan: Plan[T], options: RequestOptions | None) -> Answer:
        """Runs a plan and returns the raw answer."""
        return self.runner.run(plan.operation, plan.request, self.core.settings(options))

    def close(self) -> None:
        """Closes the httpx client when it is the SDK's own."""
        if self._owned:
            self.client.close()


class AsyncTransport:
    """An async client's transport over ``httpx.AsyncClient``."""

    def __init__(self, core: ClientCore, http_client: httpx.AsyncClient | None) -> None:
        self.core = core
        self._owned = http_client is None
        self.client = http_client if http_client is not None else httpx.AsyncClient(follow_redirects=False,
                                                                                     trust_env=False)
        self.runner = AsyncCallRunner(self.client)

    async def call(self, plan: Plan[T], options: RequestOptions | None) -> T:
        """Runs a plan under the client's retry rules."""
        return plan.parse(await self.runner.run(plan.operation, plan.request, self.core.settings(options)))

    async def close(self) -> None:
        """Closes the httpx client when it is the SDK's own."""
        if self._owned:
            await self.client.aclose()


def items(value: Sequence[Any] | None) -> list[Any]:
    """A list argument, or an empty list."""
    return list(value) if value else []
