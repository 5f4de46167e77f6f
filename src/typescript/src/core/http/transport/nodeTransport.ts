import http from "node:http";
import https from "node:https";
import type { Socket } from "node:net";
import type { Readable } from "node:stream";
import { CONNECT_TIMEOUT_CODE } from "../transportFailure.js";
import { codingOf, decodeBody } from "./decodeBody.js";

/** Options of {@link createNodeTransport}. */
export interface NodeTransportOptions {
  /** How long TCP (and TLS) may take to connect before the attempt fails as never connected. Default 10 000 ms, as Node's fetch. */
  connectTimeout?: number;
  /** Agents (keep-alive by default); tests may pass their own. */
  httpAgent?: http.Agent;
  httpsAgent?: https.Agent;
}

const sharedHttpAgent = new http.Agent({ keepAlive: true });
const sharedHttpsAgent = new https.Agent({ keepAlive: true });
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * The SDK's default transport (issue 27 §2): a `fetch`-compatible function on `node:http`/`node:https` with keep-alive
 * agents, returning a standard `Response`. It exists because Node's fetch (undici) decodes gzip and br leniently — a
 * body cut before its end marker reads as a shorter, whole body — and exposes no raw bytes to check. Here the body is
 * decoded by the SDK itself, strictly (decodeBody.ts): a body that did not arrive whole fails while it is read, so a
 * read is retried and a create is reported as "may have been processed". Errors keep Node's codes (ECONNREFUSED,
 * ECONNRESET, …) and a connect timeout is {@link CONNECT_TIMEOUT_CODE}, so the call runner can tell "never connected"
 * from "may have reached the service". The signal aborts the request and the body read; its listener is removed when
 * the exchange ends. Supports what the SDK sends: a string or byte body, headers as an object, `Headers` or pairs.
 */
export function createNodeTransport(options: NodeTransportOptions = {}): typeof globalThis.fetch {
  const connectTimeout = options.connectTimeout ?? 10_000;
  const httpAgent = options.httpAgent ?? sharedHttpAgent;
  const httpsAgent = options.httpsAgent ?? sharedHttpsAgent;
  return ((input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === "string" ? new URL(input) : input instanceof URL ? input : new URL(input.url);
    const signal = init?.signal ?? undefined;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const secure = url.protocol === "https:";
    if (!secure && url.protocol !== "http:") return Promise.reject(new TypeError(`unsupported protocol ${url.protocol}`));
    const body = requestBody(init?.body);
    const headers = requestHeaders(init?.headers);
    if (body !== undefined && headers["content-length"] === undefined) headers["content-length"] = String(body.byteLength);

    return new Promise<Response>((resolve, reject) => {
      let settled = false;
      let response: http.IncomingMessage | undefined;
      let bodyStream: Readable | undefined;
      const request = (secure ? https : http).request(url, {
        method: init?.method ?? "GET",
        headers,
        agent: secure ? httpsAgent : httpAgent,
      });
      const onAbort = () => {
        const reason = signal!.reason;
        if (bodyStream) bodyStream.destroy(reason instanceof Error ? reason : new Error(String(reason)));
        request.destroy();
        if (!settled) {
          settled = true;
          reject(reason);
        }
      };
      const done = () => signal?.removeEventListener("abort", onAbort);
      signal?.addEventListener("abort", onAbort, { once: true });

      request.once("socket", (socket: Socket) => {
        if (!socket.connecting) return;
        // Node's http has no connect timeout of its own: without one a full accept queue would hold the attempt until its timeout, as "may have reached".
        const timer = setTimeout(() => {
          const error = Object.assign(new Error(`no connection to ${url.host} within ${connectTimeout} ms`), { code: CONNECT_TIMEOUT_CODE });
          request.destroy(error);
        }, connectTimeout);
        const clear = () => clearTimeout(timer);
        socket.once(secure ? "secureConnect" : "connect", clear);
        socket.once("close", clear);
      });
      request.once("error", (error) => {
        done();
        if (!settled) {
          settled = true;
          reject(error);
        } else if (bodyStream && !response?.complete) {
          bodyStream.destroy(error);
        }
      });
      request.once("response", (res) => {
        response = res;
        const status = res.statusCode ?? 0;
        const responseHeaders = new Headers();
        const raw = res.rawHeaders;
        const coding = NULL_BODY_STATUSES.has(status) ? undefined : codingOf(res.headers["content-encoding"]);
        for (let i = 0; i < raw.length; i += 2) {
          const name = raw[i]!;
          // A body decoded here is handed on as Node's fetch would: without its coding and its encoded length.
          if (coding !== undefined && /^content-(encoding|length)$/i.test(name)) continue;
          responseHeaders.append(name, raw[i + 1]!);
        }
        let stream: ReadableStream<Uint8Array> | null = null;
        if (NULL_BODY_STATUSES.has(status) || init?.method === "HEAD") {
          res.resume();
          res.once("end", done);
        } else {
          bodyStream = coding === undefined ? res : decodeBody(res, coding);
          stream = toWebStream(bodyStream, done);
        }
        settled = true;
        try {
          resolve(new Response(stream, { status, statusText: res.statusMessage ?? "", headers: responseHeaders }));
        } catch (error) {
          // A status the Response type refuses (outside 200–599).
          done();
          res.destroy();
          reject(error);
        }
      });
      if (body !== undefined) request.end(body);
      else request.end();
    });
  }) as typeof globalThis.fetch;
}

/** A web stream over a Node stream, with backpressure; `finished` runs once the body ended, failed or was cancelled. */
function toWebStream(source: Readable, finished: () => void): ReadableStream<Uint8Array> {
  let over = false;
  let ended = false;
  const finish = () => {
    if (!over) {
      over = true;
      finished();
    }
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      source.on("data", (chunk: Buffer) => {
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) source.pause();
      });
      source.once("end", () => {
        ended = true;
        finish();
        try {
          controller.close();
        } catch {
          // Already cancelled.
        }
      });
      const fail = (error: unknown) => {
        finish();
        try {
          controller.error(error);
        } catch {
          // Already cancelled.
        }
      };
      source.once("error", fail);
      // A close before the end (a body shorter than its Content-Length, a chunked body without its last chunk, a reset)
      // is a failure, never an end; an error, when one came, was reported first.
      source.once("close", () => {
        if (!ended && !over) fail(closedEarly());
      });
    },
    pull() {
      source.resume();
    },
    cancel() {
      finish();
      source.destroy();
    },
  });
}

/** The connection closed before the response body was complete (as Node's ECONNRESET "aborted"). */
export function closedEarly(): Error {
  return Object.assign(new Error("the connection closed before the response body was complete"), { code: "ECONNRESET" });
}

function requestHeaders(init: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!init) return out;
  if (init instanceof Headers) {
    init.forEach((value, name) => (out[name] = value));
    return out;
  }
  if (Array.isArray(init)) {
    for (const [name, value] of init) out[name!.toLowerCase()] = value!;
    return out;
  }
  for (const name in init) out[name.toLowerCase()] = String((init as Record<string, string>)[name]);
  return out;
}

function requestBody(body: BodyInit | null | undefined): Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") return Buffer.from(body, "utf8");
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof URLSearchParams) return Buffer.from(body.toString(), "utf8");
  throw new TypeError("the SDK's transport sends string and byte bodies only");
}

/** The transport a client uses unless `fetch` is given. */
export const nodeTransport: typeof globalThis.fetch = createNodeTransport();
