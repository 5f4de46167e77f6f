import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BadRequestError, InvalidArgumentError, ShipyardClient, UnsupportedOperationError, mapFleetRunStatus } from "../../src/index.js";
import { parseFleetRunCsv } from "../../src/shipyard/fleetRunCsv.js";
import { KEY } from "../support/clients.js";
import { json, raw, ScriptedServer } from "../support/scriptedServer.js";
import { VirtualClock } from "../support/virtualClock.js";

const csv = (rows: string[][]) => ["Fleet Name,Fleet Log ID,Status,Start Time,Duration", ...rows.map((r) => r.join(","))].join("\r\n");
const created = { request: { id: "req_1" }, data: { fleet_id: "f1", project_id: "p1", org_id: "o1", fleet_run_id: "run-1" }, log: "https://app.shipyardapp.com/log/run-1" };

describe("Shipyard (ShipyardClientTests)", () => {
  let server: ScriptedServer;
  beforeEach(async () => (server = await ScriptedServer.start()));
  afterEach(async () => server.close());
  const client = (extra = {}) => {
    const clock = new VirtualClock();
    return { shipyard: new ShipyardClient({ baseUrl: server.url, apiKey: KEY, clock, ...extra }), clock };
  };

  it("fleetRuns.start posts snake_case overrides with the API key header and returns the ids", async () => {
    server.reply(json(201, created));
    const { shipyard } = client();
    const run = await shipyard.fleetRuns.start("o1", "p1", "f1", [{ name: "Load Warehouse", environment_variable_overrides: { TARGET: "prod", DRY_RUN: "", KEEP: null } }]);
    expect(run.id).toBe("run-1");
    expect(run.ids).toMatchObject({ requestId: "req_1", logUrl: created.log });
    const seen = server.requests[0]!;
    expect(`${seen.method} ${seen.path}`).toBe("POST /orgs/o1/projects/p1/fleets/f1/fleetruns");
    expect(seen.headers["x-shipyard-api-key"]).toBe(KEY);
    expect(seen.headers.authorization).toBeUndefined();
    expect(JSON.parse(seen.body)).toEqual({ vessel_overrides: [{ name: "Load Warehouse", environment_variable_overrides: { TARGET: "prod", DRY_RUN: "", KEEP: null } }] });
  });

  it("without overrides the body is an empty object", async () => {
    server.reply(json(201, created));
    await client().shipyard.fleetRuns.start("o1", "p1", "f1");
    expect(server.requests[0]!.body).toBe("{}");
  });

  it("the bare 400 becomes BadRequestError carrying the request id; a trigger is sent once", async () => {
    server.otherwise(json(400, { request: { id: "req_400" }, data: null }));
    const error = (await client().shipyard.fleetRuns.start("o1", "p1", "f1").catch((e: unknown) => e)) as BadRequestError;
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.requestId).toBe("req_400");
    expect(server.requests).toHaveLength(1);
  });

  it("overrides naming a vessel twice or a bad variable are refused before sending", async () => {
    const { shipyard } = client();
    await expect(shipyard.fleetRuns.start("o1", "p1", "f1", [{ name: "A", environment_variable_overrides: {} }, { name: "A", environment_variable_overrides: {} }])).rejects.toThrow(/twice/);
    await expect(shipyard.fleetRuns.start("o1", "p1", "f1", [{ name: "A", environment_variable_overrides: { "X=Y": "1" } }])).rejects.toThrow(/must not contain '='/);
    await expect(shipyard.fleetRuns.start("o1", "..", "f1")).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(server.requests).toHaveLength(0);
  });

  it("a run is followed through the CSV from not yet visible to success; it cannot be cancelled", async () => {
    server.reply(
      json(201, created),
      raw(200, csv([["Nightly", "run-0", "Success", "t", "1"]]), { "content-type": "text/csv" }),
      raw(200, csv([["Nightly", "run-1", "Running", "t", "1"]]), { "content-type": "text/csv" }),
      raw(200, csv([["Nightly", "RUN-1", "Success", "t", "2"]]), { "content-type": "text/csv" }),
    );
    const { shipyard } = client();
    const run = await shipyard.fleetRuns.start("o1", "p1", "f1");
    const seen: string[] = [];
    await run.waitForCompletion({ onProgress: (s) => seen.push(`${s.status}/${s.rawStatus ?? "-"}`) });
    expect(seen).toEqual(["queued/-", "running/Running", "succeeded/Success"]);
    expect(run.value?.columns["Duration"]).toBe("2");
    expect(run.canCancel).toBe(false);
    await expect(run.cancel()).rejects.toThrow(UnsupportedOperationError);
    await expect(run.cancel()).rejects.toThrow(/no call to stop a fleet run/);
  });

  it("the CSV parser reads quoted fields, embedded commas, quotes and line breaks", () => {
    const text = '\uFEFFFleet Name,Fleet Log ID,Status\r\n"Load, ""big""",r1,"Errored"\n"multi\nline",r2,Running\n';
    expect(parseFleetRunCsv(text).map((r) => [r.columns["Fleet Name"], r.fleetLogId, r.status])).toEqual([
      ['Load, "big"', "r1", "Errored"],
      ["multi\nline", "r2", "Running"],
    ]);
  });

  it("statuses map onto the common model; a configured mapping takes precedence", () => {
    expect(["Scheduled", "Queued", "Pending", "Running", "Retrying", "Success", "Succeeded", "Completed", "Errored", "Error", "Failed", "Incomplete", "Memory Error", "Cancelled", "Sleeping", undefined, " "].map((s) => mapFleetRunStatus(s))).toEqual(
      ["queued", "queued", "queued", "running", "running", "succeeded", "succeeded", "succeeded", "failed", "failed", "failed", "failed", "failed", "cancelled", "unknown", "queued", "queued"]);
    expect(mapFleetRunStatus("sleeping", { Sleeping: "queued" })).toBe("queued");
    expect(mapFleetRunStatus("Incomplete", { incomplete: "succeeded" })).toBe("succeeded");
  });
});
