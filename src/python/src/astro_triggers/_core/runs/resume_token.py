"""Resume tokens (tests/conformance/rules/resume-token.json; README, "Resume a run anywhere"): ``atr1.`` and the
base64url (no padding) of a canonical JSON object in UTF-8 — ``s`` (the service) first, then the service's fields in a
fixed order, every value a string written without escapes. Ids and per-call scope only, never a credential; the same
bytes in every language, so a token one SDK writes resumes in any other."""
from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from ..errors.client_errors import InvalidArgumentError
from .triggered_run import RunHandle

_PREFIX = "atr1."
_MAX_LENGTH = 2048
_MAX_FIELD_BYTES = 256
FIELDS: dict[str, tuple[tuple[str, bool], ...]] = {
    "agentset": (("ns", True), ("run", True), ("tenant", False)),
    "astropod": (("ns", True), ("ingestion", True), ("run", True)),
    "truefoundry": (("app", True), ("run", True), ("deployment", False)),
    "shipyard": (("org", True), ("project", True), ("fleet", True), ("run", True)),
    "mixpeek": (("ns", True), ("trigger", False), ("run", True)),
}
_VERSION = re.compile(r"atr([0-9]+)\.")
_BASE64URL = re.compile(r"[A-Za-z0-9_-]*")
_FORBIDDEN = re.compile("[\u0000-\u001f\u007f-\u009f\"\\\\\ud800-\udfff]")
_TENANT = re.compile(r"[A-Za-z0-9]{1,64}")


class ResumeTokenError(Exception):
    """A string that is not a resume token: ``rejection`` is the rule's name, ``field`` the field at fault."""

    def __init__(self, rejection: str, field: str | None = None) -> None:
        super().__init__(rejection if field is None else f"{rejection} ({field})")
        self.rejection = rejection
        self.field = field


def _field_ok(service: str, name: str, value: str) -> bool:
    if not value or value in (".", "..") or value.strip(" ") == "" or _FORBIDDEN.search(value):
        return False
    if len(value.encode("utf-8")) > _MAX_FIELD_BYTES:
        return False
    if service == "agentset":
        if name == "ns":
            return value.startswith("ns_") and len(value) > 3
        if name == "run":
            return value.startswith("job_") and len(value) > 4
        if name == "tenant":
            return _TENANT.fullmatch(value) is not None
    return True


def _check(service: str, get: Callable[[str], Any]) -> None:
    spec = FIELDS[service]
    for name, required in spec:
        if required and get(name) is None:
            raise ResumeTokenError("missing-field", name)
    for name, _ in spec:
        value = get(name)
        if value is not None and (not isinstance(value, str) or not _field_ok(service, name, value)):
            raise ResumeTokenError("invalid-field", name)


def _canonical(service: str, get: Callable[[str], Any]) -> str:
    text = '{"s":"' + service + '"'
    for name, _ in FIELDS[service]:
        value = get(name)
        if value is not None:
            text += ',"' + name + '":"' + value + '"'
    return text + "}"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def encode_resume_token(service: str, fields: Mapping[str, str | None]) -> str:
    """Writes a token; raises :class:`ResumeTokenError` when a field breaks its rule."""
    if service not in FIELDS:
        raise ResumeTokenError("unknown-service")
    _check(service, fields.get)
    return _PREFIX + _b64(_canonical(service, fields.get).encode("utf-8"))


def try_encode_resume_token(service: str, **fields: str | None) -> str | None:
    """Writes a token, or None when a field breaks its rule (a handle that cannot be resumed)."""
    try:
        return encode_resume_token(service, fields)
    except ResumeTokenError:
        return None


def decode_resume_token(token: str) -> tuple[str, dict[str, str]]:
    """Reads a token: the service and its fields (``run`` is the run's id). Raises :class:`ResumeTokenError`."""
    if len(token) > _MAX_LENGTH:
        raise ResumeTokenError("too-long")
    version = _VERSION.match(token)
    if version is None:
        raise ResumeTokenError("not-a-token")
    if version.group(1) != "1":
        raise ResumeTokenError("wrong-version")
    payload = token[version.end():]
    if not payload or len(payload) % 4 == 1 or _BASE64URL.fullmatch(payload) is None:
        raise ResumeTokenError("bad-base64url")
    try:
        data = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    except (binascii.Error, ValueError):
        raise ResumeTokenError("bad-base64url") from None
    if _b64(data) != payload:
        raise ResumeTokenError("bad-base64url")
    try:
        text = data.decode("utf-8")
        parsed = json.loads(text)
    except (UnicodeDecodeError, ValueError):
        raise ResumeTokenError("malformed") from None
    if not isinstance(parsed, dict) or any(not isinstance(v, str) for v in parsed.values()):
        raise ResumeTokenError("malformed")
    if "s" not in parsed:
        raise ResumeTokenError("missing-field", "s")
    service = parsed["s"]
    if service not in FIELDS:
        raise ResumeTokenError("unknown-service")
    known = {"s", *(name for name, _ in FIELDS[service])}
    if any(key not in known for key in parsed):
        raise ResumeTokenError("malformed")
    _check(service, parsed.get)
    if _canonical(service, parsed.get) != text:
        raise ResumeTokenError("malformed")
    return service, {name: parsed[name] for name, _ in FIELDS[service] if name in parsed}


def resume_token_for(token: object, service: str, argument: str = "token") -> dict[str, str]:
    """Reads a token given to a client's ``resume_run``: a rejection, or another service's token, is an
    InvalidArgumentError naming ``token``."""
    if not isinstance(token, str):
        raise InvalidArgumentError(argument, f"'{argument}' is required (a resume token, \"atr1.…\").")
    try:
        found, fields = decode_resume_token(token)
    except ResumeTokenError as error:
        raise InvalidArgumentError(
            argument, f"'{argument}' is not a resume token: {error} (see README, \"Resume a run anywhere\").") from None
    if found != service:
        raise InvalidArgumentError(argument, f"'{argument}' is a {found} run's resume token; this client resumes {service} runs.")
    return fields


R = TypeVar("R", bound="RunHandle[Any]")


def with_resume_token(run: R, writer: Callable[[], str | None]) -> R:
    """Gives a handle its resume token writer (internal)."""
    run._resume_token_writer = writer
    return run
