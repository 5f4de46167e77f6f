import { KnownSecrets } from "../../../src/core/security/knownSecrets.js";
import { redactUrl } from "../../../src/core/security/redactor.js";
import type { JsonObject } from "../suite.js";

/**
 * secret-masking: {secrets, form: text|url, value} → {masked}. A text goes through KnownSecrets.mask (bearer tokens
 * and the configured secrets' forms); a URL through redactUrl, then the secrets, as the error mapper does.
 */
export function secretMasking(input: JsonObject): JsonObject {
  const secrets = new KnownSecrets();
  for (const secret of (input["secrets"] as string[] | undefined) ?? []) secrets.add(secret);
  const value = input["value"] as string;
  return { masked: input["form"] === "url" ? secrets.mask(redactUrl(value)) : secrets.mask(value) };
}
