import { MASK, redactText } from "./redactor.js";

// Shorter values would mask ordinary words; a real credential is never this short.
const MINIMUM_LENGTH = 6;
// Rotated tokens stay masked for a while: an error about the previous token may still arrive.
const TOKENS_KEPT = 4;

// A lone surrogate cannot be percent-encoded (encodeURIComponent throws); .NET writes U+FFFD in its place.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const hex4 = (code: number) => code.toString(16).padStart(4, "0");

/**
 * Percent-encoded by RFC 3986 rules, as .NET's `Uri.EscapeDataString` writes it: everything but the unreserved
 * `A-Z a-z 0-9 - . _ ~` is escaped, `! ' ( ) *` included (encodeURIComponent leaves those five as they are).
 */
export function escapeDataString(value: string): string {
  return encodeURIComponent(value.replace(LONE_SURROGATE, "\uFFFD")).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * The JSON-escaped forms a service may echo a secret in: JSON.stringify's (quote and backslash escaped, non-ASCII
 * kept), with every non-ASCII UTF-16 unit as `\uXXXX` in lower-case hex (Python's json, Jackson) and in upper-case
 * hex, and .NET's JavaScriptEncoder.Default form (the C# client's form, which also writes the quote, ampersand,
 * apostrophe, plus, angle brackets and backtick as `\u00XX`).
 */
export function jsonEscapedForms(value: string): string[] {
  return [
    JSON.stringify(value).slice(1, -1),
    escapeJson(value, false, false),
    escapeJson(value, true, false),
    escapeJson(value, true, true),
  ];
}

const SHORT_ESCAPES: Record<string, string> = { "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\" };
const HTML_SENSITIVE = "\"&'+<>`";

/** JSON string content with controls and every unit outside printable ASCII as `\uXXXX`; `html`: also .NET's set. */
function escapeJson(value: string, upper: boolean, html: boolean): string {
  let out = "";
  for (const c of value.split("")) {
    const code = c.charCodeAt(0);
    const short = SHORT_ESCAPES[c];
    if (short !== undefined) out += short;
    else if (code < 0x20 || code >= 0x7f || (html && HTML_SENSITIVE.includes(c))) {
      const digits = hex4(code);
      out += `\\u${upper ? digits.toUpperCase() : digits}`;
    } else if (c === '"') out += '\\"';
    else out += c;
  }
  return out;
}

/**
 * The credentials a client has used. `mask` removes them from any text the SDK surfaces (messages, raw
 * bodies, codes, request ids, URLs): verbatim, percent-encoded (RFC 3986) and JSON-escaped (non-ASCII as `\u00e4` or
 * `\u00E4` too), plus any `Bearer <token>`.
 */
export class KnownSecrets {
  #values: string[] = [];
  #forms: string[] = [];

  /** Remembers a credential (ignored when shorter than 6 characters). */
  add(secret: string | undefined): void {
    if (!secret || secret.length < MINIMUM_LENGTH || this.#values.includes(secret)) return;
    this.#values.push(secret);
    if (this.#values.length > TOKENS_KEPT) this.#values.shift();
    const forms = new Set<string>();
    for (const v of this.#values) {
      forms.add(v);
      forms.add(escapeDataString(v));
      // encodeURIComponent's form too (! ' ( ) * left as they are), as a JavaScript service may echo it: masking more is safe.
      forms.add(encodeURIComponent(v.replace(LONE_SURROGATE, "\uFFFD")));
      for (const form of jsonEscapedForms(v)) forms.add(form);
    }
    this.#forms = [...forms].sort((a, b) => b.length - a.length);
  }

  /** The text with every known secret and bearer token replaced by `***`. */
  mask(text: string): string;
  mask(text: string | undefined): string | undefined;
  mask(text: string | undefined): string | undefined {
    if (text === undefined) return undefined;
    let result = redactText(text);
    for (const form of this.#forms) {
      if (result.includes(form)) result = result.split(form).join(MASK);
    }
    return result;
  }
}
