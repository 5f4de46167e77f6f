import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InvalidArgumentError, RetryOptions, UnexpectedStatusError } from "../../../src/index.js";
import { resolveRetryOptions } from "../../../src/core/retry/retryOptions.js";
import { jobBody } from "../../support/agentsetJson.js";
import { agentset } from "../../support/clients.js";
import { json, ScriptedServer } from "../../support/scriptedServer.js";

describe("resolveRetryOptions (RetryOptions' defaults and limits)", () => {
  it("the defaults are the documented ones and bad values are refused", () => {
    expect(resolveRetryOptions()).toMatchObject({ maxAttempts: 4, baseDelay: 500, maxDelay: 30_000, maxElapsed: 120_000, attemptTimeout: 30_000, retryableStatusCodes: [408, 429, 502, 503, 504] });
    expect(() => resolveRetryOptions({ maxAttempts: 0 })).toThrow(InvalidArgumentError);
    expect(() => resolveRetryOptions({ attemptTimeout: -1 })).toThrow(/retry.attemptTimeout/);
  });
});

describe("RetryOptions.none (C#: RetryOptions.None)", () => {
  let server: ScriptedServer;
  beforeEach(async () => (server = await ScriptedServer.start()));
  afterEach(async () => server.close());

  it("is one attempt and cannot be changed", () => {
    expect(RetryOptions.none).toEqual({ maxAttempts: 1 });
    expect(Object.isFrozen(RetryOptions.none)).toBe(true);
    expect(Object.isFrozen(RetryOptions)).toBe(true);
  });

  it("per call: a 503 is thrown after one request, where the client's default would retry", async () => {
    server.reply(json(503, {}), json(503, {}), json(200, jobBody("job_1")));
    const { client } = agentset(server.url);
    await expect(client.ingestJobs.get("job_1", { retry: RetryOptions.none })).rejects.toBeInstanceOf(UnexpectedStatusError);
    expect(server.requests).toHaveLength(1);
  });

  it("as a client's retry: one request per call", async () => {
    server.otherwise(json(503, {}));
    const { client } = agentset(server.url, { retry: RetryOptions.none });
    await expect(client.ingestJobs.get("job_1")).rejects.toBeInstanceOf(UnexpectedStatusError);
    expect(server.requests).toHaveLength(1);
  });
});
