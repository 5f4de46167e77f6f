"""Content decoding done here, not by httpx: httpx's decoders finish a gzip or br stream quietly when it was cut
before its end (zlib's flush does not check the trailer), so a truncated compressed body would read as a short
success. Decoding the raw bytes ourselves lets the end be checked and the decoded size capped while streaming."""
from __future__ import annotations

import importlib
import zlib
from typing import Any, Protocol

try:  # brotli is optional: without it the SDK does not ask for br.
    # Not `import brotli`: it has no type stubs, and mypy 1.0 and 1.15 (the two dependency sets) name that error
    # differently, so no one ignore comment is right for both under --strict.
    _brotli: Any = importlib.import_module("brotli")
except ImportError:  # pragma: no cover - depends on the environment
    _brotli = None

HAS_BROTLI = _brotli is not None


class Truncated(Exception):
    """The compressed body ended before its end marker."""


class UnsupportedEncoding(Exception):
    """A content coding the SDK cannot decode (br without the brotli package)."""


class Decoder(Protocol):
    def decode(self, data: bytes, limit: int) -> bytes: ...
    def finish(self) -> bytes: ...


class _Identity:
    def decode(self, data: bytes, limit: int) -> bytes:
        return data

    def finish(self) -> bytes:
        return b""


class _Zlib:
    def __init__(self, wbits: int, fallback_raw: bool = False) -> None:
        self._d = zlib.decompressobj(wbits)
        self._fallback_raw = fallback_raw
        self._started = False

    def decode(self, data: bytes, limit: int) -> bytes:
        # max_length bounds what one chunk inflates to, so a compression bomb is refused before it fills memory.
        try:
            out = self._d.decompress(data, limit + 1)
        except zlib.error:
            if self._fallback_raw and not self._started:
                # "deflate" is often raw DEFLATE without the zlib wrapper.
                self._d = zlib.decompressobj(-zlib.MAX_WBITS)
                self._fallback_raw = False
                return self.decode(data, limit)
            raise
        self._started = True
        parts = [out]
        total = len(out)
        while self._d.unconsumed_tail and total <= limit:
            more = self._d.decompress(self._d.unconsumed_tail, limit + 1 - total)
            parts.append(more)
            total += len(more)
        return b"".join(parts)

    def finish(self) -> bytes:
        tail = self._d.flush()
        if not self._d.eof:
            raise Truncated("the compressed response body ended before its end")
        return tail


class _Brotli:
    def __init__(self) -> None:
        assert _brotli is not None
        self._d = _brotli.Decompressor()

    def decode(self, data: bytes, limit: int) -> bytes:
        out: bytes = self._d.process(data)
        return out

    def finish(self) -> bytes:
        if not self._d.is_finished():
            raise Truncated("the compressed response body ended before its end")
        return b""


class _Chain:
    def __init__(self, decoders: list[Decoder]) -> None:
        self._decoders = decoders

    def decode(self, data: bytes, limit: int) -> bytes:
        for d in self._decoders:
            data = d.decode(data, limit)
        return data

    def finish(self) -> bytes:
        data = b""
        for d in self._decoders:
            data = d.decode(data, 1 << 62) + d.finish() if data else d.finish()
        return data


def decoder_for(content_encoding: str | None) -> Decoder:
    """The decoder for a ``Content-Encoding`` (codings applied in order are undone in reverse)."""
    codings = [c.strip().lower() for c in (content_encoding or "").split(",") if c.strip()]
    decoders: list[Decoder] = []
    for coding in reversed(codings):
        if coding in ("gzip", "x-gzip"):
            decoders.append(_Zlib(16 + zlib.MAX_WBITS))
        elif coding == "deflate":
            decoders.append(_Zlib(zlib.MAX_WBITS, fallback_raw=True))
        elif coding == "br":
            if _brotli is None:
                raise UnsupportedEncoding("the response is brotli-compressed and the 'brotli' package is not installed")
            decoders.append(_Brotli())
        elif coding != "identity":
            raise UnsupportedEncoding(f"the response uses the content coding '{coding}', which the SDK cannot decode")
    if not decoders:
        return _Identity()
    return decoders[0] if len(decoders) == 1 else _Chain(decoders)
