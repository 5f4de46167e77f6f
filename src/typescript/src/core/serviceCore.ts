import { InvalidArgumentError } from "./errors/clientErrors.js";
import { Guard } from "./guard.js";
import type { ClientOptions, RequestOptions } from "./clientOptions.js";
import { type CallSettings, type Credential, runCall } from "./http/callRunner.js";
import { type Clock, systemClock } from "./http/clock.js";
import { userAgentFor } from "./http/userAgent.js";
import type { WireAnswer, WireOperation, WireRequest, WireSuccess } from "./http/wireOperation.js";
import { prepareRequest, type RequestParts } from "./http/wireRequest.js";
import { nodeTransport } from "./http/transport/nodeTransport.js";
import { RateLimitPacer } from "./retry/rateLimitPacer.js";
import { resolveRetryOptions, type RetryOptions } from "./retry/retryOptions.js";
import { KnownSecrets } from "./security/knownSecrets.js";

/** How a service wants its credential sent. */
export type CredentialStyle = { kind: "bearer" } | { kind: "header"; name: string };

const DEFAULT_TIMEOUT = 100_000;
const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/** Per-call settings of `send`, beyond the user's {@link RequestOptions}. */
export interface SendOptions extends RequestOptions {
  /** Read the success body (capped, so a truncation is still caught) but hand back no data: the call site has no use for it. */
  discardBody?: boolean;
}

/**
 * The shared part of every client (internal): validated options, the secrets it masks, the credential, and `send()`,
 * which builds an operation's request from its generated wire entry and runs it under the retry rules. `Operations`
 * is the service's generated `operations` types, so a call site names only the operation and its arguments are typed
 * from the OpenAPI document. Holds everything in private fields, so `util.inspect(client)` and `JSON.stringify`
 * never show a key.
 */
export class ServiceCore<Operations> {
  readonly service: string;
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
  readonly #baseUrl: string;
  #defaults: CallSettings | undefined;

  constructor(service: string, options: ClientOptions, defaultBaseUrl: string | undefined, style: CredentialStyle) {
    this.service = service;
    const baseUrl = checkBaseUrl(options.baseUrl ?? defaultBaseUrl, options.allowInsecureHttp === true, service);
    this.#retry = resolveRetryOptions(options.retry);
    this.#timeout = options.timeout === undefined ? DEFAULT_TIMEOUT : Guard.positive(options.timeout, "timeout");
    this.#maxResponseBytes =
      options.maxResponseBytes === undefined ? DEFAULT_MAX_RESPONSE_BYTES : Guard.positive(options.maxResponseBytes, "maxResponseBytes");
    this.#acceptEncoding = options.compression === false ? "identity" : "gzip, br";
    this.clock = options.clock ?? systemClock;
    this.#fetch = options.fetch ?? nodeTransport;
    this.#credential = createCredential(options, style, this.secrets, service);
    this.#baseUrl = baseUrl;
    this.#userAgent = userAgentFor(options.applicationId);
    this.#pacer = options.rateLimitPacing === false ? undefined : new RateLimitPacer(this.clock);
  }

  /**
   * Sends one operation: its method and path come from the generated table, `request` is typed from the document
   * (path, query, header parameters and body), the answer's data from its success responses.
   * @throws AstroTriggersError subclasses (InvalidArgumentError for a bad per-call timeout); the caller's abort reason.
   */
  send<K extends keyof Operations & string>(
    operation: WireOperation<K>,
    request: WireRequest<Operations[K]>,
    options?: SendOptions,
  ): Promise<WireAnswer<WireSuccess<Operations[K]>>> {
    const prepared = prepareRequest(this.#baseUrl, operation, request as RequestParts);
    // A call without options runs under the client's own settings, built once (runCall never changes them).
    const settings = options === undefined ? (this.#defaults ??= this.#settings(undefined)) : this.#settings(options);
    return runCall(operation, settings, prepared, options?.discardBody === true) as Promise<WireAnswer<WireSuccess<Operations[K]>>>;
  }

  #settings(options: SendOptions | undefined): CallSettings {
    return {
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
  const name = style.kind === "bearer" ? "authorization" : style.name.toLowerCase();
  const value = (token: string) => (style.kind === "bearer" ? `Bearer ${token}` : token);
  const put = (headers: Record<string, string>, token: string) => {
    Guard.noControlCharacters(token, "token");
    secrets.add(token);
    headers[name] = value(token);
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
  // Built once: a static key is the same header on every attempt, set without an await.
  const header = value(key);
  return {
    canRefresh: false,
    apply(headers) {
      headers[name] = header;
    },
  };
}
