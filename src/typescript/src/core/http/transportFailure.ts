// How a failed send is told apart: whether the connection was ever established (then the service cannot have acted),
// and the words a TransportError says it with. Codes of Node's sockets, of undici (a user's injected fetch) and of the
// SDK's own transport (nodeTransport.ts).

/** The SDK transport's connect timeout ran out before TCP (and TLS) completed: no byte of the request was written. */
export const CONNECT_TIMEOUT_CODE = "ASTRO_ERR_CONNECT_TIMEOUT";

// UND_ERR_CONNECT_TIMEOUT: undici's (Node's fetch) connect timeout (10 s by default) ran out before the connection was
// established (TCP and TLS), so no byte of the request was written (issue 27, as the C# ConnectTimeout of issue 25).
const NEVER_CONNECTED = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EADDRNOTAVAIL",
  "UND_ERR_CONNECT_TIMEOUT",
  CONNECT_TIMEOUT_CODE,
]);
const CONNECT_TIMEOUTS = new Set(["UND_ERR_CONNECT_TIMEOUT", CONNECT_TIMEOUT_CODE]);

function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const node = e as { code?: unknown; errors?: unknown[]; cause?: unknown };
    if (typeof node.code === "string") codes.push(node.code);
    if (Array.isArray(node.errors)) for (const inner of node.errors) codes.push(...errorCodes(inner));
    e = node.cause;
  }
  return codes;
}

/** The connection was never established (refused, host not found/unreachable, connect timeout): the service cannot have acted. */
export function neverConnected(error: unknown): boolean {
  return errorCodes(error).some((c) => NEVER_CONNECTED.has(c));
}

/** What a TransportError says about a failed send (`never`: {@link neverConnected}). */
export function describeTransportFailure(error: unknown, never: boolean): string {
  const codes = errorCodes(error);
  if (never) {
    if (codes.includes("ENOTFOUND") || codes.includes("EAI_AGAIN")) return "the host name could not be resolved";
    return codes.some((c) => CONNECT_TIMEOUTS.has(c)) ? "no connection was established within the connect timeout" : "the connection was refused";
  }
  if (codes.includes("ECONNRESET") || codes.includes("UND_ERR_SOCKET")) return "the connection was reset before a complete response";
  return `the request failed: ${error instanceof Error ? error.message : String(error)}${codes.length ? ` (${codes.join(", ")})` : ""}`;
}
