import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InvalidArgumentError, userAgent } from "../../../src/index.js";
import { jobBody } from "../../support/agentsetJson.js";
import { agentset } from "../../support/clients.js";
import { json, ScriptedServer } from "../../support/scriptedServer.js";

describe("userAgent: the SDK's identity", () => {
  it("the User-Agent names the SDK, Node and the platform", () => {
    expect(userAgent).toMatch(/^astro-triggers-sdk-js\/\d+\.\d+\.\d+ \(Node \d+\.\d+\.\d+; [a-z0-9]+\)$/);
    expect(userAgent).toContain(`Node ${process.versions.node}; ${process.platform}`);
  });
});

describe("User-Agent and applicationId (C#: ServiceClientOptions.ApplicationId, UserAgent.For)", () => {
  let server: ScriptedServer;
  beforeEach(async () => (server = await ScriptedServer.start()));
  afterEach(async () => server.close());

  it("applicationId goes in front of the SDK's User-Agent on every attempt", async () => {
    server.reply(json(503, {}), json(200, jobBody("job_1")));
    const { client } = agentset(server.url, { applicationId: "my-pipeline" });
    await client.ingestJobs.get("job_1");
    expect(server.requests.map((r) => r.headers["user-agent"])).toEqual([`my-pipeline ${userAgent}`, `my-pipeline ${userAgent}`]);
  });

  it("without applicationId the SDK's own User-Agent is sent", async () => {
    server.reply(json(200, jobBody("job_1")));
    const { client } = agentset(server.url);
    await client.ingestJobs.get("job_1");
    expect(server.requests[0]!.headers["user-agent"]).toBe(userAgent);
  });

  it.each(["", "a".repeat(25), "my pipeline", "tab\there", "line\nbreak", "nbsp\u00a0x"])(
    "applicationId %j is refused by the constructor, as C#'s rule (1–24 characters, no spaces or control characters)",
    (applicationId) => {
      expect(() => agentset(server.url, { applicationId })).toThrow(InvalidArgumentError);
      try {
        agentset(server.url, { applicationId });
      } catch (error) {
        expect((error as InvalidArgumentError).argument).toBe("applicationId");
      }
      expect(server.requests).toHaveLength(0);
    },
  );

  it("24 characters are accepted", async () => {
    server.reply(json(200, jobBody("job_1")));
    const { client } = agentset(server.url, { applicationId: "x".repeat(24) });
    await client.ingestJobs.get("job_1");
    expect(server.requests[0]!.headers["user-agent"]).toBe(`${"x".repeat(24)} ${userAgent}`);
  });
});
