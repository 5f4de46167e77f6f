/** The text that replaces a secret. */
export const MASK = "***";

// An allow-list, as C#'s Redactor.Uri (and Azure's HttpMessageSanitizer) keep one: the query parameters the
// services' documents define (openapi/*.yaml) are shown; any other value is masked, so a secret in a parameter
// nobody anticipated (a pre-signed URL's X-Amz-Signature, a proxy's token) never reaches a log or an error.
// Compared case-insensitively, after percent-decoding the key, as C# does.
const SHOWN_QUERY_KEYS = new Set(
  [
    "account", "cursor", "cursorDirection", "deploymentId", "jobRunName", "limit", "offset", "order", "orderBy",
    "perPage", "searchPrefix", "sortBy", "status", "statuses", "triggeredBy", "versionNumbers",
  ].map((key) => key.toLowerCase()),
);
const BEARER = /bearer\s+[A-Za-z0-9\-._~+/]+=*/gi;

/** Replaces `Bearer <token>` anywhere in a text. */
export function redactText(text: string): string {
  return text.replace(BEARER, `Bearer ${MASK}`);
}

function unescapeKey(key: string): string {
  try {
    return decodeURIComponent(key);
  } catch {
    return key; // as .NET's Uri.UnescapeDataString, an invalid escape is left as it is
  }
}

/** A URL with user info and the value of every query parameter the services' documents do not define replaced by `***`. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return redactText(url);
  }
  const userInfo = parsed.username || parsed.password ? `${MASK}@` : "";
  let query = "";
  if (parsed.search.length > 1) {
    query =
      "?" +
      parsed.search
        .slice(1)
        .split("&")
        .map((pair) => {
          const eq = pair.indexOf("=");
          const key = eq < 0 ? pair : pair.slice(0, eq);
          return eq >= 0 && !SHOWN_QUERY_KEYS.has(unescapeKey(key).toLowerCase()) ? `${key}=${MASK}` : pair;
        })
        .join("&");
  }
  return `${parsed.protocol}//${userInfo}${parsed.host}${parsed.pathname}${query}`;
}
