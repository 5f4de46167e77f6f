import { describe, expect, it } from "vitest";
import { AgentsetModelFactory, RunFailedError, RunResult } from "../../../src/index.js";

describe("RunResult (RunResultTests)", () => {
  it("a succeeded result gives its run; a failed one throws the error a single wait would have", () => {
    const done = AgentsetModelFactory.ingestJobRun({ id: "job_1", status: "COMPLETED" } as never);
    const ok = new RunResult(done, undefined, 5);
    expect(ok.succeeded).toBe(true);
    expect(ok.status).toBe("succeeded");
    expect(ok.getRunOrThrow()).toBe(done);
    expect(ok.noticedAt).toBe(5);
    const failed = AgentsetModelFactory.ingestJobRun({ id: "job_2", status: "FAILED", error: "bad" } as never);
    const error = new RunFailedError(failed);
    const result = new RunResult(failed, error, 6);
    expect(result.succeeded).toBe(false);
    expect(() => result.getRunOrThrow()).toThrow(error);
    expect(result.toString()).toContain("RunFailedError");
  });
});
