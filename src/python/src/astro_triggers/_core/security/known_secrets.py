from __future__ import annotations

import json
import threading
from urllib.parse import quote

from .redactor import MASK, redact_text

# Shorter values would mask ordinary words; a real credential is never this short.
_MINIMUM_LENGTH = 6
# Rotated tokens stay masked for a while: an error about the previous token may still arrive.
_TOKENS_KEPT = 4
_SHORT_ESCAPES = {"\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\"}
_HTML_SENSITIVE = "\"&'+<>`"


def _utf16_units(value: str) -> list[int]:
    units: list[int] = []
    for ch in value:
        code = ord(ch)
        if code > 0xFFFF:
            code -= 0x10000
            units += [0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)]
        else:
            units.append(code)
    return units


def _well_formed(value: str) -> str:
    # A lone surrogate cannot be percent-encoded as UTF-8; .NET and JavaScript write U+FFFD in its place.
    return "".join("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in value)


def escape_data_string(value: str) -> str:
    """Percent-encoded by RFC 3986 rules, as .NET's ``Uri.EscapeDataString`` writes it: all but ``A-Z a-z 0-9 - . _ ~``."""
    return quote(_well_formed(value), safe="-._~")


def _encode_uri_component(value: str) -> str:
    return quote(_well_formed(value), safe="-._~!*'()")


def _escape_json(value: str, upper: bool, html: bool) -> str:
    out = []
    for code in _utf16_units(value):
        c = chr(code)
        short = _SHORT_ESCAPES.get(c)
        if short is not None:
            out.append(short)
        elif code < 0x20 or code >= 0x7F or (html and c in _HTML_SENSITIVE):
            digits = f"{code:04x}"
            out.append("\\u" + (digits.upper() if upper else digits))
        elif c == '"':
            out.append('\\"')
        else:
            out.append(c)
    return "".join(out)


def _json_stringify(value: str) -> str:
    # JSON.stringify's form (quote, backslash and controls escaped, non-ASCII kept), which most services write.
    out = []
    for ch in value:
        code = ord(ch)
        if ch in _SHORT_ESCAPES:
            out.append(_SHORT_ESCAPES[ch])
        elif ch == '"':
            out.append('\\"')
        elif code < 0x20 or 0xD800 <= code <= 0xDFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def json_escaped_forms(value: str) -> list[str]:
    """The JSON-escaped forms a service may echo a secret in: JSON.stringify's, non-ASCII as ``\\uXXXX`` in lower-case
    hex (Python's json, Jackson) and upper-case hex, and .NET's JavaScriptEncoder.Default form; each also with ``/``
    written ``\\/`` (JSON allows it; PHP's json_encode and some Java encoders write it)."""
    forms = [_json_stringify(value), _escape_json(value, False, False), _escape_json(value, True, False),
             _escape_json(value, True, True), json.dumps(value)[1:-1]]
    return forms + [f.replace("/", "\\/") for f in forms if "/" in f]


class KnownSecrets:
    """The credentials a client has used. :meth:`mask` removes them from any text the SDK surfaces (messages, raw
    bodies, codes, request ids, URLs, log records): verbatim, percent-encoded and JSON-escaped, plus any
    ``Bearer <token>``. Thread-safe."""

    __slots__ = ("_values", "_forms", "_lock")

    def __init__(self) -> None:
        """An empty set."""
        self._values: list[str] = []
        self._forms: tuple[str, ...] = ()
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        """Never the secrets: only how many are known."""
        return f"KnownSecrets({len(self._values)} known)"

    def add(self, secret: str | None) -> None:
        """Remembers a credential (ignored when shorter than 6 characters); the last 4 are kept."""
        if not secret or len(secret) < _MINIMUM_LENGTH:
            return
        with self._lock:
            if secret in self._values:
                return
            self._values.append(secret)
            if len(self._values) > _TOKENS_KEPT:
                self._values.pop(0)
            forms: set[str] = set()
            for value in self._values:
                forms.add(value)
                forms.add(escape_data_string(value))
                forms.add(_encode_uri_component(value))
                forms.update(json_escaped_forms(value))
            self._forms = tuple(sorted(forms, key=len, reverse=True))

    def mask(self, text: str) -> str:
        """The text with every known secret and bearer token replaced by ``***``."""
        result = redact_text(text)
        for form in self._forms:
            if form in result:
                result = result.replace(form, MASK)
        return result

    def mask_optional(self, text: str | None) -> str | None:
        """:meth:`mask`, passing None through."""
        return None if text is None else self.mask(text)
