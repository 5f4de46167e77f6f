import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AstroTriggersError, RunCancelledError, RunFailedError, RunWaitTimeoutError } from "../../../src/index.js";
import { jobBody } from "../../support/agentsetJson.js";
import { agentset } from "../../support/clients.js";
import { json, ScriptedServer } from "../../support/scriptedServer.js";

// Issue 27 §1 (as C#'s RunFailedException, RunCancelledException and RunWaitTimeoutException): the run was started
// and ran (or still runs), so each says mayHaveBeenProcessed — starting it again is not "safe"; each carries the run
// handle (`run`), and a failed run its final status, the service's word and its error text on the error itself.
describe("run errors", () => {
  let server: ScriptedServer;
  beforeEach(async () => (server = await ScriptedServer.start()));
  afterEach(async () => server.close());

  it("a run that ends failed: RunFailedError with the run, finalStatus, rawStatus, serviceError and mayHaveBeenProcessed", async () => {
    server.reply(json(200, jobBody("job_1", "FAILED")));
    const { client } = agentset(server.url);
    const tracked = client.ingestJobs.track("job_1");
    const error = (await tracked.waitForCompletion().catch((e: unknown) => e)) as RunFailedError;
    expect(error).toBeInstanceOf(RunFailedError);
    expect(error).not.toBeInstanceOf(RunCancelledError);
    expect(error.run).toBe(tracked);
    expect([error.finalStatus, error.rawStatus, error.serviceError]).toEqual(["failed", "FAILED", "parse failed"]);
    expect([error.service, error.operationId, error.status, error.mayHaveBeenProcessed]).toEqual(["Agentset", "", 0, true]);
    expect(error.message).toBe("Agentset run 'job_1' ended failed (service status 'FAILED'): parse failed");
  });

  it("a run that ends cancelled: RunCancelledError, a RunFailedError, catchable first", async () => {
    server.reply(json(200, jobBody("job_1", "CANCELLED")));
    const { client } = agentset(server.url);
    const error = (await client.ingestJobs.track("job_1").waitForCompletion().catch((e: unknown) => e)) as RunCancelledError;
    expect(error).toBeInstanceOf(RunCancelledError);
    expect(error).toBeInstanceOf(RunFailedError);
    expect(error.name).toBe("RunCancelledError");
    expect([error.finalStatus, error.rawStatus, error.serviceError, error.mayHaveBeenProcessed]).toEqual(["cancelled", "CANCELLED", undefined, true]);
    expect(error.message).toBe("Agentset run 'job_1' was cancelled (service status 'CANCELLED').");
  });

  it("the service's error text is masked as C#'s Redactor.Text masks it", async () => {
    server.reply(json(200, jobBody("job_1", "FAILED", { error: "upstream said Bearer abc.def-123" })));
    const { client } = agentset(server.url);
    const error = (await client.ingestJobs.track("job_1").waitForCompletion().catch((e: unknown) => e)) as RunFailedError;
    expect(error.serviceError).toBe("upstream said Bearer ***");
    expect(error.message).not.toContain("abc.def-123");
  });

  it("a wait that runs out: RunWaitTimeoutError with the run (last status seen), timeout, polls and mayHaveBeenProcessed", async () => {
    server.otherwise(json(200, jobBody("job_1", "PROCESSING")));
    const { client } = agentset(server.url);
    const tracked = client.ingestJobs.track("job_1");
    const error = (await tracked.waitForCompletion({ pollInterval: 1000, backoffFactor: 1, timeout: 2500 }).catch((e: unknown) => e)) as RunWaitTimeoutError;
    expect(error).toBeInstanceOf(RunWaitTimeoutError);
    expect(error).toBeInstanceOf(AstroTriggersError);
    expect(error.run).toBe(tracked);
    expect([error.run.status, error.run.rawStatus, error.timeout, error.mayHaveBeenProcessed]).toEqual(["running", "PROCESSING", 2500, true]);
    expect(error.polls).toBeGreaterThan(0);
    expect(error.message).toContain(`after 2500 ms and ${error.polls} status reads; it was not stopped.`);
    expect(new RunWaitTimeoutError(tracked, 2000, 1).message).toContain("after 2000 ms and 1 status read; it was not stopped.");
  });
});

describe("run errors from a service that sends null for no error text", () => {
  let server: ScriptedServer;
  beforeEach(async () => (server = await ScriptedServer.start()));
  afterEach(async () => server.close());

  it("a cancelled Agentset job whose error is null: RunCancelledError with no serviceError", async () => {
    server.reply(json(200, jobBody("job_1", "CANCELLED", { error: null })));
    const { client } = agentset(server.url);
    const error = (await client.ingestJobs.track("job_1").waitForCompletion().catch((e: unknown) => e)) as RunCancelledError;
    expect(error).toBeInstanceOf(RunCancelledError);
    expect(error.serviceError).toBeUndefined();
  });
});
