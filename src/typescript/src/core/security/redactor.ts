/** The text that replaces a secret. */
export const MASK = "***";

const SECRET_QUERY_KEYS = new Set(["token", "access_token", "api_key", "apikey", "key", "secret", "password", "signature", "sig", "code"]);
const BEARER = /bearer\s+[A-Za-z0-9\-._~+/]+=*/gi;

/** Replaces `Bearer <token>` anywhere in a text. */
export function redactText(text: string): string {
  return text.replace(BEARER, `Bearer ${MASK}`);
}

/** A URL with user info and secret query parameters (token, api_key, key, …) replaced by `***`. */
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
          return eq >= 0 && SECRET_QUERY_KEYS.has(key.toLowerCase()) ? `${key}=${MASK}` : pair;
        })
        .join("&");
  }
  return `${parsed.protocol}//${userInfo}${parsed.host}${parsed.pathname}${query}`;
}
