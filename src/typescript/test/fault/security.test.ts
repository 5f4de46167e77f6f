import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AgentsetClient, InvalidArgumentError, TrueFoundryClient, userAgent } from "../../src/index.js";
import { jobBody } from "../support/agentsetJson.js";
import { agentset, KEY, tfyRun, truefoundry } from "../support/clients.js";
import { json, ScriptedServer } from "../support/scriptedServer.js";

describe("security (SecurityTests)", () => {
  let server: ScriptedServer;
  beforeEach(async () => (server = await ScriptedServer.start()));
  afterEach(async () => server.close());

  it("path parameters are escaped into one segment", async () => {
    server.otherwise(json(200, { data: tfyRun("a/b?c#d") }));
    const { client } = truefoundry(server.url);
    await client.jobRuns.get("app 1/x", "a/b?c#d");
    expect(server.requests[0]!.url).toBe("/api/svc/v1/jobs/app%201%2Fx/runs/a%2Fb%3Fc%23d");
  });

  it("dot segments that URL normalisation would resolve away are refused before sending", async () => {
    const { client } = truefoundry(server.url);
    for (const bad of [".", ".."]) {
      await expect(client.jobRuns.get(bad, "r1")).rejects.toThrow(InvalidArgumentError);
      await expect(client.jobRuns.get("app", bad)).rejects.toThrow(/must not be '.' or '..'/);
    }
    expect(server.requests).toHaveLength(0);
  });

  it("ids without their prefix, CR/LF and bad tenants are refused before sending", async () => {
    const { client } = agentset(server.url);
    await expect(client.ingestJobs.get("123")).rejects.toThrow(/must be an id starting with 'job_'/);
    await expect(client.ingestJobs.get("job_1\r\nX: y")).rejects.toThrow(/control characters/);
    await expect(client.ingestJobs.get("job_1", { namespaceId: "nope" })).rejects.toThrow(/'ns_'/);
    for (const tenant of ["", "a-b", "a".repeat(65), "x\r\ny", "é"]) {
      const error = await client.ingestJobs.get("job_1", { tenantId: tenant }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).message).toContain("^[A-Za-z0-9]{1,64}$");
      expect((error as InvalidArgumentError).argument).toBe("options.tenantId");
    }
    expect(() => new AgentsetClient({ apiKey: "sk_abcdef", tenantId: "bad tenant" })).toThrow(InvalidArgumentError);
    expect(() => client.ingestJobs.list({ pageSize: 101 })).toThrow(/between 1 and 100/);
    expect(server.requests).toHaveLength(0);
  });

  it("a key with CR or LF is refused by every client", () => {
    expect(() => new AgentsetClient({ apiKey: "sk_abc\r\ndef" })).toThrow(/control characters/);
    expect(() => new TrueFoundryClient({ baseUrl: server.url, apiKey: "sk_abc\ndef" })).toThrow(/control characters/);
    expect(() => new AgentsetClient({ baseUrl: server.url } as never)).toThrow(/'apiKey' or 'tokenProvider' is required/);
  });

  it("plain http to a non-loopback host is refused unless allowed; TrueFoundry needs its control plane", () => {
    expect(() => new AgentsetClient({ apiKey: KEY, baseUrl: "http://api.example.com" })).toThrow(/https/);
    expect(() => new AgentsetClient({ apiKey: KEY, baseUrl: "http://api.example.com", allowInsecureHttp: true })).not.toThrow();
    expect(() => new TrueFoundryClient({ apiKey: KEY } as never)).toThrow(/'baseUrl' is required/);
  });

  it("the tenant travels per call without cross-talk, and every request has the key and User-Agent", async () => {
    server.otherwise(json(200, jobBody("job_1")));
    const { client } = agentset(server.url, { tenantId: "acme" });
    await Promise.all([
      client.ingestJobs.get("job_1"),
      client.ingestJobs.get("job_1", { tenantId: "globex" }),
      client.ingestJobs.get("job_1", { tenantId: "initech" }),
    ]);
    expect(server.requests.map((r) => r.headers["x-tenant-id"]).sort()).toEqual(["acme", "globex", "initech"]);
    for (const r of server.requests) {
      expect(r.headers.authorization).toBe(`Bearer ${KEY}`);
      expect(r.headers["user-agent"]).toBe(userAgent);
    }
  });

  it("the key never appears in inspect, JSON or toString of a client", () => {
    const { client } = agentset(server.url);
    const { client: tfy } = truefoundry(server.url);
    for (const text of [inspect(client, { depth: 10, showHidden: true }), JSON.stringify(client), String(client), inspect(tfy, { depth: 10 }), JSON.stringify(tfy)]) {
      expect(text).not.toContain(KEY);
    }
  });

  it("a token provider's token is refreshed once on 401, repeated once, and masked", async () => {
    const { AstropodLikeProvider } = await import("../support/tokens.js");
    const tokens = new AstropodLikeProvider();
    server.reply(json(401, { error: `token ${tokens.first} expired` }), json(200, jobBody("job_1")));
    const client = new AgentsetClient({ baseUrl: server.url, namespaceId: "ns_1", tokenProvider: tokens.provide });
    await client.ingestJobs.get("job_1");
    expect(tokens.calls).toEqual([false, true]);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${tokens.first}`, `Bearer ${tokens.second}`]);

    server.reply(json(401, { error: `token ${tokens.second} rejected` }), json(401, { error: `token ${tokens.second} rejected` }));
    const error = (await client.ingestJobs.get("job_1").catch((e: unknown) => e)) as Error;
    expect(error.message).not.toContain(tokens.second);
    expect(server.requests).toHaveLength(4);
  });
});
