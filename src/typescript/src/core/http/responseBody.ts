import { ResponseTooLargeError } from "../errors/clientErrors.js";
import type { ErrorDetails } from "../errors/astroTriggersError.js";
import { CompressedBodyError } from "./transport/decodeBody.js";

/** Most of an error body kept as `rawBody`. */
export const MAX_ERROR_BODY_BYTES = 16 * 1024;

/** Thrown when the connection fails while a body is read (the headers had arrived). */
export class BodyReadFailure extends Error {}

/**
 * Reads a success body as text, refusing it from its Content-Length or as soon as the stream passes `maxBytes` (the
 * rest is never read). With a Content-Length within the cap and no content coding the body cannot outgrow it, so it
 * is read in one go (`text()`); a body without one, or one the fetch decodes (its Content-Length counts the encoded
 * bytes), is counted while it streams. A body in a declared non-UTF-8 charset is decoded from that charset.
 * @throws ResponseTooLargeError, BodyReadFailure (its message names a compressed body cut short); an abort of the
 * fetch's signal surfaces as the stream's error.
 */
export function readSuccessText(response: Response, maxBytes: number, details: () => ErrorDetails): Promise<string> {
  return readSuccessBody(response, maxBytes, details).then(undefined, bodyFailed);
}

/**
 * {@link readSuccessText} without its failure mapping, for the call runner, which maps a failed read itself (a
 * {@link CompressedBodyError}'s message kept, any other failure "the connection failed…") and so saves a promise
 * layer on every call. @throws ResponseTooLargeError, or the read's own error as it is.
 */
export function readSuccessBody(response: Response, maxBytes: number, details: () => ErrorDetails): Promise<string> {
  const headers = response.headers;
  const length = headers.get("content-length");
  const declared = length === null ? NaN : Number(length);
  if (declared > maxBytes) {
    const cancelled = response.body ? response.body.cancel().catch(() => {}) : Promise.resolve();
    return cancelled.then(() => Promise.reject(new ResponseTooLargeError(maxBytes, declared, details())));
  }
  if (!response.body) return Promise.resolve("");
  const charset = charsetOf(headers.get("content-type"));
  // No async layer of its own: the read's promise is handed back as it is (this runs on every call).
  try {
    if (declared >= 0 && isIdentity(headers.get("content-encoding"))) {
      return charset === undefined ? response.text() : response.arrayBuffer().then((b) => decode(new Uint8Array(b), charset));
    }
    return readCapped(response.body, maxBytes, details).then((bytes) => decode(bytes, charset));
  } catch (error) {
    return Promise.reject(error);
  }
}

function bodyFailed(error: unknown): never {
  if (error instanceof ResponseTooLargeError || isAbort(error)) throw error;
  throw new BodyReadFailure(error instanceof CompressedBodyError ? error.message : "the connection failed while the response body was being read", { cause: error });
}

async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number, details: () => ErrorDetails): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new ResponseTooLargeError(maxBytes, undefined, details());
    }
    chunks.push(value);
  }
  return concat(chunks, total);
}

function isIdentity(coding: string | null): boolean {
  return coding === null || coding === "" || coding.trim().toLowerCase() === "identity";
}

/** The declared charset when it is not UTF-8 (or ASCII, a subset), else undefined. */
function charsetOf(contentType: string | null): string | undefined {
  if (contentType === null || !contentType.includes("charset")) return undefined;
  const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1]?.toLowerCase();
  return !charset || charset === "utf-8" || charset === "utf8" || charset === "us-ascii" ? undefined : charset;
}

const utf8 = new TextDecoder("utf-8", { fatal: false, ignoreBOM: false });

function decode(bytes: Uint8Array, charset: string | undefined): string {
  if (charset !== undefined) {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      // An unknown charset: read as UTF-8, as before.
    }
  }
  return utf8.decode(bytes);
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
  const text = decode(concat(chunks, total).subarray(0, MAX_ERROR_BODY_BYTES), charsetOf(response.headers.get("content-type")));
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

/** The platform's abort of a read (`DOMException` `AbortError`, or `TimeoutError` from `AbortSignal.timeout()`); the SDK's own
 * errors are told apart by class, none of them is named so. */
function isAbort(error: unknown): boolean {
  return error instanceof DOMException && (error.name === "AbortError" || error.name === "TimeoutError");
}
