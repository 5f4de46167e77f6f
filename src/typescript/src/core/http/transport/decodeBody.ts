/**
 * A compressed body that did not arrive whole (it ended before its end marker: gzip's CRC-32 and size trailer, zlib's
 * Adler-32, brotli's last block), or that does not decode. Raised by the SDK's own transport while the body streams;
 * the call runner reads it as a body failure: retried on reads, a TransportError that may have been processed otherwise.
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
