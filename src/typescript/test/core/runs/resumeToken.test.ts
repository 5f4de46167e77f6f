import { describe, expect, it } from "vitest";
import { AgentsetClient, InvalidArgumentError, MixpeekClient, ShipyardClient, TrueFoundryClient } from "../../../src/index.js";
import { decodeResumeToken, encodeResumeToken } from "../../../src/core/runs/resumeToken.js";

const key = "sk_live_secret_never_in_a_token";

describe("resume tokens on the clients", () => {
  it("a tracked run's token names the service, ids and scope, never the key, and resumes to the same run", () => {
    const agentset = new AgentsetClient({ apiKey: key, namespaceId: "ns_1", tenantId: "acme" });
    const run = agentset.ingestJobs.track("job_1");
    expect(decodeResumeToken(run.resumeToken!)).toEqual({ service: "agentset", ns: "ns_1", run: "job_1", tenant: "acme" });
    expect(run.resumeToken).not.toContain(key);
    expect(Buffer.from(run.resumeToken!.slice(5), "base64url").toString()).not.toContain(key);
    const other = new AgentsetClient({ apiKey: "other", namespaceId: "ns_2" }).resumeRun(run.resumeToken!);
    expect([other.id, other.resumeToken]).toEqual([run.id, run.resumeToken]);
  });

  it("every service client resumes its own tokens and round-trips them", () => {
    const tf = encodeResumeToken({ service: "truefoundry", app: "app_1", run: "r-1", deployment: "dep_1" });
    expect(new TrueFoundryClient({ apiKey: key, baseUrl: "https://tf.example.com" }).resumeRun(tf).resumeToken).toBe(tf);
    const sy = encodeResumeToken({ service: "shipyard", org: "o", project: "p", fleet: "f", run: "flr_1" });
    expect(new ShipyardClient({ apiKey: key }).resumeRun(sy).resumeToken).toBe(sy);
    const mx = encodeResumeToken({ service: "mixpeek", ns: "ns_a", trigger: "trg_1", run: "task_1" });
    expect(new MixpeekClient({ apiKey: key }).resumeRun(mx).resumeToken).toBe(mx);
  });

  it("a token of another service, or not a token, is an InvalidArgumentError naming `token`", () => {
    const sy = encodeResumeToken({ service: "shipyard", org: "o", project: "p", fleet: "f", run: "flr_1" });
    const client = new AgentsetClient({ apiKey: key, namespaceId: "ns_1" });
    for (const bad of [sy, "atr2.e30", "job_1", "atr1.!!"]) {
      let error: unknown;
      try { client.resumeRun(bad); } catch (e) { error = e; }
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).argument).toBe("token");
    }
  });

  it("a TrueFoundry run tracked under its application id has a token", () => {
    const client = new TrueFoundryClient({ apiKey: key, baseUrl: "https://tf.example.com" });
    expect(client.jobRuns.track("app_1", "r-1").resumeToken).toBeDefined();
  });
});
