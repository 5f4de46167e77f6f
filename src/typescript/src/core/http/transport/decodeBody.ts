import { Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";

/**
 * A compressed body that did not arrive whole (it ended before its end marker: gzip's trailer, zlib's Adler-32,
 * brotli's last block), or that does not decode. Raised by the SDK's own transport while the body streams; the call
 * runner reads it as a body failure: retried on reads, a TransportError that may have been processed otherwise.
 */
export class CompressedBodyError extends Error {
  /** The content coding: gzip, deflate or br. */
  readonly coding: string;
  constructor(coding: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "CompressedBodyError";
    this.coding = coding;
  }
}

/** The coding the transport decodes for a response's last `Content-Encoding`, or undefined to pass the body as is. */
export function codingOf(contentEncoding: string | undefined): "gzip" | "deflate" | "br" | undefined {
  if (!contentEncoding) return undefined;
  const codings = contentEncoding.split(",");
  switch (codings[codings.length - 1]!.trim().toLowerCase()) {
    case "gzip":
    case "x-gzip":
      return "gzip";
    case "deflate":
      return "deflate";
    case "br":
      return "br";
    default:
      return undefined;
  }
}

/**
 * Decodes `encoded` strictly, as the C# client's DecodedContent does (TrailerCheckedStream, BrotliBodyStream): Node's
 * decoders fail on input that ends before the end marker (where Node's fetch, decoding with a sync flush, ends quietly),
 * and a gzip or zlib body must end at its trailer (bytes after it mean it is not the body that was sent; brotli's are
 * ignored, as in C#). An empty input is an empty body. Backpressure holds: the decoder is piped, so a body that inflates
 * past the response cap is never decoded further than the reader asks.
 */
export function decodeBody(encoded: Readable, coding: "gzip" | "deflate" | "br"): Readable {
  const decoder = coding === "gzip" ? createGunzip() : coding === "deflate" ? createInflate() : createBrotliDecompress();
  let received = 0;
  let ended = false;
  encoded.on("data", (chunk: Buffer) => {
    received += chunk.length;
  });
  encoded.once("end", () => {
    ended = true;
  });
  // The connection's failure (reset, a body shorter than its Content-Length) is passed through as it is.
  encoded.once("error", (error) => out.destroy(error));
  encoded.once("close", () => {
    if (!ended) out.destroy(Object.assign(new Error("the connection closed before the response body was complete"), { code: "ECONNRESET" }));
  });
  encoded.pipe(decoder);
  const out = new Readable({
    read() {
      decoder.resume();
    },
    destroy(error, callback) {
      encoded.destroy();
      decoder.destroy();
      callback(error);
    },
  });
  decoder.on("data", (chunk: Buffer) => {
    if (!out.push(chunk)) decoder.pause();
  });
  decoder.once("error", (error: Error & { code?: string }) => {
    // An empty input is an empty body (the decoders call it an unexpected end).
    if (ended && received === 0 && error.code === "Z_BUF_ERROR") out.push(null);
    else out.destroy(error.code?.startsWith("Z_") ? decodeFailure(coding, error) : error);
  });
  decoder.once("end", () => {
    // zlib's bytesWritten counts the input the decoder consumed: less than arrived means bytes after the end marker.
    if (coding !== "br" && (decoder as unknown as { bytesWritten: number }).bytesWritten < received) {
      out.destroy(new CompressedBodyError(coding, `the ${coding} response body could not be decoded (bytes follow its end marker)`));
    } else {
      out.push(null);
    }
  });
  return out;
}

function decodeFailure(coding: string, error: Error & { code?: string }): CompressedBodyError {
  return error.code === "Z_BUF_ERROR"
    ? new CompressedBodyError(coding, `the ${coding} response body was cut short (it ended before its end marker)`, { cause: error })
    : new CompressedBodyError(coding, `the ${coding} response body could not be decoded`, { cause: error });
}
