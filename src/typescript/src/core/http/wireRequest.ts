import type { WireOperation } from "./wireOperation.js";

/** A request ready for the call runner: the URL, the operation's own headers and the JSON body text. */
export interface PreparedRequest {
  readonly url: string;
  /** The operation's headers (lower-case names) and `content-type` when there is a body; the runner adds auth, User-Agent and Accept-Encoding. */
  readonly headers: Record<string, string>;
  readonly body: string | undefined;
}

/** The parts of a request as call sites give them (typed per operation by `WireRequest`). */
export interface RequestParts {
  readonly path?: Readonly<Record<string, unknown>>;
  readonly query?: Readonly<Record<string, unknown>>;
  readonly header?: Readonly<Record<string, unknown>>;
  readonly body?: unknown;
}

/**
 * Builds an operation's request from its generated wire entry: path parameters percent-encoded into the template,
 * query parameters in the document's style (undefined and null left out, arrays `comma` or `repeat`), the header
 * parameters, and the body as JSON. The one place method and path meet the arguments, so no call site picks either.
 */
export function prepareRequest(baseUrl: string, operation: WireOperation, parts: RequestParts): PreparedRequest {
  const parts_ = operation.pathParts;
  let url = baseUrl + parts_[0]!;
  for (let i = 1; i < parts_.length; i += 2) {
    const name = parts_[i]!;
    const value = parts.path?.[name];
    // The facades check every path argument before sending; a missing one here is a facade bug, not a user's.
    if (value === undefined || value === null) throw new Error(`${operation.operationId}: path parameter '${name}' is missing`);
    url += encodeURIComponent(String(value)) + parts_[i + 1]!;
  }
  if (parts.query) url += queryString(parts.query, operation);
  const headers: Record<string, string> = {};
  if (parts.header) {
    for (const name in parts.header) {
      const value = parts.header[name];
      if (value !== undefined && value !== null) headers[name.toLowerCase()] = String(value);
    }
  }
  let body: string | undefined;
  if (parts.body !== undefined) {
    body = JSON.stringify(parts.body);
    headers["content-type"] = "application/json";
  }
  return { url, headers, body };
}

function queryString(query: Readonly<Record<string, unknown>>, operation: WireOperation): string {
  let out = "";
  for (const name in query) {
    const value = query[name];
    if (value === undefined || value === null) continue;
    const key = encodeURIComponent(name);
    if (Array.isArray(value)) {
      if (value.length === 0) continue;
      if (operation.query?.[name] === "comma") {
        out += `${out ? "&" : "?"}${key}=${value.map((v) => encodeURIComponent(String(v))).join(",")}`;
      } else {
        for (const v of value) out += `${out ? "&" : "?"}${key}=${encodeURIComponent(String(v))}`;
      }
    } else {
      out += `${out ? "&" : "?"}${key}=${encodeURIComponent(String(value))}`;
    }
  }
  return out;
}
