import { InvalidArgumentError } from "../core/errors/clientErrors.js";
import type { MixpeekClientOptions, MixpeekRequestOptions } from "./models.js";

const NAMESPACE = /^[A-Za-z0-9_.-]{1,128}$/;

/** @internal Checks an `X-Namespace` value: ^[A-Za-z0-9_.-]{1,128}$ (keeps CR/LF and spaces out of the header). */
export function checkNamespace(value: unknown, name: string): string {
  if (typeof value !== "string" || !NAMESPACE.test(value)) {
    throw new InvalidArgumentError(name, `'${name}' must be 1 to 128 letters, digits, '_', '-' or '.' (^[A-Za-z0-9_.-]{1,128}$).`);
  }
  return value;
}

/** @internal The namespace of one call: the call's own, else the client's; one of them is required. */
export function resolveNamespace(client: MixpeekClientOptions, options: MixpeekRequestOptions | undefined): string {
  if (options?.namespace !== undefined) return checkNamespace(options.namespace, "options.namespace");
  if (client.namespace === undefined) {
    throw new InvalidArgumentError("namespace", "A namespace is required: set MixpeekClientOptions.namespace or options.namespace.");
  }
  return checkNamespace(client.namespace, "namespace");
}
