import createClient, { type Client } from "openapi-fetch";
import { InvalidArgumentError } from "./errors/clientErrors.js";
import { Guard } from "./guard.js";
import type { ClientOptions, RequestOptions } from "./clientOptions.js";
import { type CallSettings, type Credential, runCall } from "./http/callRunner.js";
import { type Clock, systemClock } from "./http/clock.js";
import { userAgentFor } from "./http/userAgent.js";
import type { OperationInfo } from "./http/operation.js";
import { RateLimitPacer } from "./retry/rateLimitPacer.js";
import { resolveRetryOptions, type RetryOptions } from "./retry/retryOptions.js";
import { KnownSecrets } from "./security/knownSecrets.js";

/** How a service wants its credential sent. */
export type CredentialStyle = { kind: "bearer" } | { kind: "header"; name: string };

const DEFAULT_TIMEOUT = 100_000;
const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/**
 * The shared part of every client (internal): validated options, the secrets it masks, the credential, the
 * openapi-fetch client over the generated `paths`, and `call()` which runs an operation under the retry rules.
 * Holds everything in private fields, so `util.inspect(client)` and `JSON.stringify` never show a key.
 */
export class ServiceCore<Paths extends {}> {
  readonly service: string;
  readonly api: Client<Paths>;
  readonly clock: Clock;
  readonly secrets = new KnownSecrets();
  readonly #retry: RetryOptions;
  readonly #timeout: number;
  readonly #maxResponseBytes: number;
  readonly #acceptEncoding: string;
  readonly #credential: Credential;
  readonly #fetch: typeof globalThis.fetch;
  readonly #userAgent: string;
  // One budget per client instance: every call (and sub-client) of this client shares the service's window.
  readonly #pacer: RateLimitPacer | undefined;

  constructor(service: string, options: ClientOptions, defaultBaseUrl: string | undefined, style: CredentialStyle) {
    this.service = service;
    const baseUrl = checkBaseUrl(options.baseUrl ?? defaultBaseUrl, options.allowInsecureHttp === true, service);
    this.#retry = resolveRetryOptions(options.retry);
    this.#timeout = options.timeout === undefined ? DEFAULT_TIMEOUT : Guard.positive(options.timeout, "timeout");
    this.#maxResponseBytes =
      options.maxResponseBytes === undefined ? DEFAULT_MAX_RESPONSE_BYTES : Guard.positive(options.maxResponseBytes, "maxResponseBytes");
    this.#acceptEncoding = options.compression === false ? "identity" : "gzip, br";
    this.clock = options.clock ?? systemClock;
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.#userAgent = userAgentFor(options.applicationId);
    this.#credential = createCredential(options, style, this.secrets, service);
    this.api = createClient<Paths>({ baseUrl });
    this.#pacer = options.rateLimitPacing === false ? undefined : new RateLimitPacer(this.clock);
  }

  /** Runs one operation; `invoke` calls `this.api` with the `fetch` it is handed. */
  call<R>(operation: OperationInfo, options: RequestOptions | undefined, invoke: (fetch: typeof globalThis.fetch) => Promise<R>): Promise<R> {
    const settings: CallSettings = {
      retry: options?.retry ? resolveRetryOptions(this.#retry, options.retry) : this.#retry,
      timeout: options?.timeout === undefined ? this.#timeout : Guard.positive(options.timeout, "options.timeout"),
      maxResponseBytes: this.#maxResponseBytes,
      acceptEncoding: this.#acceptEncoding,
      clock: this.clock,
      secrets: this.secrets,
      credential: this.#credential,
      fetch: this.#fetch,
      signal: options?.signal,
      userAgent: this.#userAgent,
      onResponse: options?.onResponse,
      pacer: this.#pacer,
    };
    return runCall(operation, settings, invoke);
  }

  /** `Service { baseUrl }` — never the key. */
  toString(): string {
    return `${this.service} client`;
  }
}

function checkBaseUrl(raw: string | undefined, allowInsecureHttp: boolean, service: string): string {
  if (!raw) throw new InvalidArgumentError("baseUrl", `${service}: 'baseUrl' is required.`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InvalidArgumentError("baseUrl", `${service}: 'baseUrl' must be an absolute URL (was '${raw}').`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new InvalidArgumentError("baseUrl", `${service}: 'baseUrl' must be an http or https URL.`);
  }
  if (url.protocol === "http:" && !isLoopback(url.hostname) && !allowInsecureHttp) {
    throw new InvalidArgumentError("baseUrl", `${service}: 'baseUrl' must use https for a non-loopback host (set allowInsecureHttp to allow http).`);
  }
  if (url.username || url.password) throw new InvalidArgumentError("baseUrl", `${service}: 'baseUrl' must not carry credentials.`);
  return url.toString().replace(/\/+$/, "");
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "[::1]" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function createCredential(options: ClientOptions, style: CredentialStyle, secrets: KnownSecrets, service: string): Credential {
  const put = (headers: Headers, token: string) => {
    Guard.noControlCharacters(token, "token");
    secrets.add(token);
    if (style.kind === "bearer") headers.set("authorization", `Bearer ${token}`);
    else headers.set(style.name, token);
  };
  const provider = options.tokenProvider;
  if (provider) {
    return {
      canRefresh: true,
      async apply(headers, forceRefresh, signal) {
        put(headers, await provider(forceRefresh, signal));
      },
    };
  }
  if (typeof options.apiKey !== "string" || options.apiKey.trim() === "") {
    throw new InvalidArgumentError("apiKey", `${service}: 'apiKey' or 'tokenProvider' is required.`);
  }
  const key = Guard.noControlCharacters(options.apiKey, "apiKey");
  secrets.add(key);
  return {
    canRefresh: false,
    async apply(headers) {
      put(headers, key);
    },
  };
}
