import { ResponseTooLargeError } from "../errors/clientErrors.js";
import type { ErrorDetails } from "../errors/astroTriggersError.js";

/** Most of an error body kept as `rawBody`. */
export const MAX_ERROR_BODY_BYTES = 16 * 1024;

/** Thrown when the connection fails while a body is read (the headers had arrived). */
export class BodyReadFailure extends Error {}

/**
 * Reads a success body into memory, refusing it from its Content-Length or as soon as the stream passes
 * `maxBytes` (the rest is never read). A body in a declared non-UTF-8 charset is re-encoded as UTF-8.
 * @throws ResponseTooLargeError, BodyReadFailure; an abort of the fetch's signal surfaces as the stream's error.
 */
export async function readBoundedBody(response: Response, maxBytes: number, details: ErrorDetails): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length") ?? NaN);
  if (!Number.isNaN(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new ResponseTooLargeError(maxBytes, declared, details);
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        throw new ResponseTooLargeError(maxBytes, undefined, details);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ResponseTooLargeError || isAbort(error)) throw error;
    throw new BodyReadFailure("the connection failed while the response body was being read", { cause: error });
  }
  return transcode(concat(chunks, total), response.headers.get("content-type"));
}

/** Reads at most 16 KB of an error body as text; undefined when the body cannot be read (the status still counts). */
export async function readErrorText(response: Response, signal: AbortSignal): Promise<string | undefined> {
  if (!response.body) return undefined;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  let truncated = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      total += value.byteLength;
      if (total > MAX_ERROR_BODY_BYTES) {
        truncated = true;
        await reader.cancel().catch(() => {});
        break;
      }
    }
  } catch (error) {
    if (signal.aborted) throw error;
    // Cut off mid-way: keep what arrived; the typed error is thrown either way.
    if (total === 0) return undefined;
  }
  const bytes = transcode(concat(chunks, total).subarray(0, MAX_ERROR_BODY_BYTES), response.headers.get("content-type"));
  const text = new TextDecoder("utf-8", { fatal: false, ignoreBOM: false }).decode(bytes);
  return truncated ? `${text}…(truncated)` : text;
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function transcode(bytes: Uint8Array, contentType: string | null): Uint8Array {
  const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? "")?.[1]?.toLowerCase();
  if (!charset || charset === "utf-8" || charset === "utf8" || charset === "us-ascii") return bytes;
  try {
    return new TextEncoder().encode(new TextDecoder(charset).decode(bytes));
  } catch {
    return bytes;
  }
}

/** The platform's abort of a read (`DOMException` `AbortError`, or `TimeoutError` from `AbortSignal.timeout()`); the SDK's own
 * errors are told apart by class, none of them is named so. */
function isAbort(error: unknown): boolean {
  return error instanceof DOMException && (error.name === "AbortError" || error.name === "TimeoutError");
}
