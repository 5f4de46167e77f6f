import { MASK, redactText } from "./redactor.js";

// Shorter values would mask ordinary words; a real credential is never this short.
const MINIMUM_LENGTH = 6;
// Rotated tokens stay masked for a while: an error about the previous token may still arrive.
const TOKENS_KEPT = 4;

/**
 * The credentials a client has used. `mask` removes them from any text the SDK surfaces (messages, raw
 * bodies, codes, request ids, URLs): verbatim, URL-encoded and JSON-escaped, plus any `Bearer <token>`.
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
      forms.add(encodeURIComponent(v));
      forms.add(JSON.stringify(v).slice(1, -1));
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
