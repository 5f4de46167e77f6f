import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AstropodClient, MixpeekClient, ResponseDeserializationError, ShipyardClient } from "../../../src/index.js";
import { agentset, KEY, truefoundry } from "../../support/clients.js";
import { json, ScriptedServer } from "../../support/scriptedServer.js";

// Issue 25, kind 2 (.NET: Core/Runs/WireRunIdTests): a success answer whose run id is missing, null, empty, whitespace,
// a number or otherwise unusable fails as an unreadable answer that may have been processed, naming the field, from
// every start — never as an InvalidArgumentError (the caller's argument was fine).
const ID = Symbol("id");
const MISSING = Symbol("missing");
type Id = unknown;

function body(template: Record<string, unknown>, id: Id): unknown {
  const walk = (node: unknown): unknown => {
    if (node === null || typeof node !== "object") return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (v === ID) {
        if (id !== MISSING) out[k] = id;
      } else out[k] = walk(v);
    }
    return out;
  };
  return walk(template);
}

const starts: Record<string, { status: number; template: Record<string, unknown>; field: string; start: (url: string) => Promise<string> }> = {
  "Agentset createIngestJob": {
    status: 201,
    template: { success: true, data: { id: ID, namespaceId: "ns_1", status: "QUEUED", payload: { type: "TEXT", text: "x" }, createdAt: "2026-11-29T10:00:00Z" } },
    field: "data.id",
    start: async (url) => (await agentset(url).client.ingestJobs.start({ payload: { type: "TEXT", text: "x" } })).id,
  },
  "Agentset reIngestJob": {
    status: 200,
    template: { success: true, data: { id: ID } },
    field: "data.id",
    start: (url) => agentset(url).client.ingestJobs.reIngest("job_1"),
  },
  "TrueFoundry triggerJob": {
    status: 200,
    template: { message: "ok", jobRunName: ID, data: { name: ID, status: "CREATED" } },
    field: "jobRunName",
    start: async (url) => (await truefoundry(url).client.jobRuns.start({ applicationId: "app-1" })).id,
  },
  "Shipyard triggerFleetRun": {
    status: 201,
    template: { request: { id: "r1" }, data: { fleet_run_id: ID, fleet_id: "f", project_id: "p", org_id: "o" } },
    field: "data.fleet_run_id",
    start: async (url) => (await new ShipyardClient({ baseUrl: url, apiKey: KEY }).fleetRuns.start("o", "p", "f")).id,
  },
  "Mixpeek executeTrigger": {
    status: 200,
    template: { task_id: ID, task_type: "engine_cluster_build", status: "PENDING" },
    field: "task_id",
    start: async (url) => (await new MixpeekClient({ baseUrl: url, apiKey: KEY, namespace: "ns_1" }).executions.start("trg_1")).id,
  },
};

const bad: [string, Id][] = [
  ["missing", MISSING], ["null", null], ["empty", ""], ["whitespace", "   "], ["a tab", "\t"], ["a number", 7],
  ["'.'", "."], ["'..'", ".."], ["a control character", "run\u0001x"],
];

describe("a run id from the wire is the answer's, not the caller's", () => {
  let server: ScriptedServer;
  beforeEach(async () => (server = await ScriptedServer.start()));
  afterEach(async () => server.close());

  for (const [name, { status, template, field, start }] of Object.entries(starts)) {
    for (const [label, id] of bad) {
      it(`${name} answered with the id ${label} fails as an unreadable answer that may have been processed`, async () => {
        server.reply(json(status, body(template, id)));
        const error = await start(server.url).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ResponseDeserializationError);
        const e = error as ResponseDeserializationError;
        expect(e.mayHaveBeenProcessed).toBe(true);
        expect(`${e.service} ${e.operationId}`).toBe(name);
        expect(e.message).toContain(field);
      });
    }

    it(`${name} hands back a good id`, async () => {
      const good = name.startsWith("Agentset") ? "job_42" : "run-42";
      server.reply(json(status, body(template, good)));
      expect(await start(server.url)).toBe(good);
    });
  }

  it("an Agentset start answered with an id that is not a job id names the field and the prefix", async () => {
    server.reply(json(201, body(starts["Agentset createIngestJob"]!.template, "abc")));
    const error = (await starts["Agentset createIngestJob"]!.start(server.url).catch((e: unknown) => e)) as ResponseDeserializationError;
    expect(error).toBeInstanceOf(ResponseDeserializationError);
    expect(error.message).toContain("'data.id'");
    expect(error.message).toContain("'job_'");
  });

  for (const [label, jobName, expected] of [
    ["missing", MISSING, undefined], ["null", null, undefined], ["empty", "", undefined], ["blank", "  ", undefined],
    ["a number", 7, "7"], ["a name", "docs-sync-1", "docs-sync-1"],
  ] as [string, Id, string | undefined][]) {
    it(`an Astropod start (no run handle) reads a job name that is ${label} as ${String(expected)}`, async () => {
      server.reply(json(200, body({ job_name: ID, status: "triggered", namespace: "team-docs" }, jobName)));
      const trigger = await new AstropodClient({ baseUrl: server.url, apiKey: KEY }).ingestions.start("team-docs", "docs_sync", "acme");
      expect(trigger.jobName).toBe(expected);
      expect(trigger.status).toBe("triggered");
    });
  }
});
