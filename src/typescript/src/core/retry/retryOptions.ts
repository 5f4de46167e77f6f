import { InvalidArgumentError } from "../errors/clientErrors.js";

/** How failed calls are repeated. Every field has a default; times are milliseconds. */
export interface RetryOptions {
  /** Attempts including the first; 1 disables retries. Default 4 (1–20). */
  maxAttempts: number;
  /** First backoff delay, doubled each retry, with 50–100 % jitter. Default 500 ms. */
  baseDelay: number;
  /** Cap on any single wait, a server's `Retry-After` included (a longer hint is thrown at once). Default 30 000 ms. */
  maxDelay: number;
  /** Budget for all attempts and waits of one call. Default 120 000 ms. */
  maxElapsed: number;
  /** Limit on one attempt, body read included (a stalled body ends here). Default 30 000 ms. */
  attemptTimeout: number;
  /** Statuses retried. Default 408, 429, 502, 503, 504. */
  retryableStatusCodes: readonly number[];
  /** Also retry 500. Default false. */
  retryInternalServerError: boolean;
  /**
   * Retry create/trigger/execute like reads (ambiguous failures included). Default false: they are retried only
   * when the service certainly did not act (connection refused, 429, 503 with Retry-After).
   */
  retryUnsafeRequests: boolean;
  /** Randomise backoff delays (50–100 % of the computed delay). Default true. */
  useJitter: boolean;
}

/** The documented defaults (README "Retries"). */
export const defaultRetryOptions: Readonly<RetryOptions> = Object.freeze({
  maxAttempts: 4,
  baseDelay: 500,
  maxDelay: 30_000,
  maxElapsed: 120_000,
  attemptTimeout: 30_000,
  retryableStatusCodes: Object.freeze([408, 429, 502, 503, 504]),
  retryInternalServerError: false,
  retryUnsafeRequests: false,
  useJitter: true,
});

/**
 * Named retry settings, as C#'s `RetryOptions.None` (merged with the {@link RetryOptions} type, so one import gives
 * both): pass `RetryOptions.none` as a client's or a call's `retry`.
 */
export const RetryOptions = Object.freeze({
  /**
   * No retries at all: one attempt (`{ maxAttempts: 1 }`). Only `maxAttempts` is set, so over a client's settings the
   * rest of them (`attemptTimeout`, `maxElapsed`) still apply, e.g. `ingestJobs.get(id, { retry: RetryOptions.none })`.
   */
  none: Object.freeze({ maxAttempts: 1 }) as Readonly<Partial<RetryOptions>>,
});

/** Merges partial settings over the defaults and checks them. @throws InvalidArgumentError naming the field. */
export function resolveRetryOptions(...layers: (Partial<RetryOptions> | undefined)[]): RetryOptions {
  const merged: RetryOptions = { ...defaultRetryOptions };
  for (const layer of layers) {
    if (!layer) continue;
    for (const [key, value] of Object.entries(layer)) if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
  }
  if (!Number.isInteger(merged.maxAttempts) || merged.maxAttempts < 1 || merged.maxAttempts > 20) {
    throw new InvalidArgumentError("retry.maxAttempts", `'retry.maxAttempts' must be an integer between 1 and 20 (was ${merged.maxAttempts}).`);
  }
  for (const key of ["baseDelay", "maxDelay", "maxElapsed", "attemptTimeout"] as const) {
    if (!(merged[key] > 0)) throw new InvalidArgumentError(`retry.${key}`, `'retry.${key}' must be a positive number of milliseconds.`);
  }
  return merged;
}
