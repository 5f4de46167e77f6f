import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RunFailedError, RunWaitTimeoutError } from "../../../src/index.js";
import { jobBody } from "../../support/agentsetJson.js";
import { agentset } from "../../support/clients.js";
import { json, ScriptedServer } from "../../support/scriptedServer.js";

// Issue 27 §1 (as C#'s RunFailedException and RunWaitTimeoutException): the run was started and ran (or still runs),
// so both say mayHaveBeenProcessed — starting it again is not "safe".
describe("run errors may have been processed", () => {
  let server: ScriptedServer;
  beforeEach(async () => (server = await ScriptedServer.start()));
  afterEach(async () => server.close());

  it("a run that ends failed: RunFailedError with mayHaveBeenProcessed and the service's text", async () => {
    server.reply(json(200, jobBody("job_1", "FAILED")));
    const { client } = agentset(server.url);
    const error = (await client.ingestJobs.track("job_1").waitForCompletion().catch((e: unknown) => e)) as RunFailedError;
    expect(error).toBeInstanceOf(RunFailedError);
    expect(error.mayHaveBeenProcessed).toBe(true);
    expect(error.snapshot.errorMessage).toBe("parse failed");
  });

  it("a wait that runs out: RunWaitTimeoutError with mayHaveBeenProcessed", async () => {
    server.otherwise(json(200, jobBody("job_1", "PROCESSING")));
    const { client } = agentset(server.url);
    const error = (await client.ingestJobs.track("job_1").waitForCompletion({ pollInterval: 1000, backoffFactor: 1, timeout: 2500 }).catch((e: unknown) => e)) as RunWaitTimeoutError;
    expect(error).toBeInstanceOf(RunWaitTimeoutError);
    expect(error.mayHaveBeenProcessed).toBe(true);
  });
});
