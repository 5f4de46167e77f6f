import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MixpeekClient } from "../../../src/index.js";
import { KEY, tfyRun, truefoundry } from "../../support/clients.js";
import { json, ScriptedServer } from "../../support/scriptedServer.js";

// Issue 25, kind 6 (.NET: Core/Paging/ContradictingOffsetTests): a page whose reported offset contradicts the offset
// asked for is read as the page asked for; the next page follows the offset sent. TypeScript never read the reported
// offset, so these pin the shared rule (openapi/README.md, "Offset pages").
describe("an offset page whose reported offset contradicts the request", () => {
  let server: ScriptedServer;
  beforeEach(async () => (server = await ScriptedServer.start()));
  afterEach(async () => server.close());

  for (const [label, reported] of [["0 on every page", (_: number) => 0], ["higher", (o: number) => o + 5]] as const) {
    it(`TrueFoundry runs with page size 1 and the offset reported ${label} read all 3 runs`, async () => {
      server.reply(
        ...[0, 1, 2].map((i) => json(200, { data: [tfyRun(`r${i}`)], pagination: { total: 3, offset: reported(i), limit: 1 } })),
      );
      const { client } = truefoundry(server.url);
      const names: string[] = [];
      for await (const run of client.jobRuns.list("app-1", { pageSize: 1 })) names.push(run.name);
      expect(names).toEqual(["r0", "r1", "r2"]);
      expect(server.requests.map((r) => r.query.get("offset"))).toEqual(["0", "1", "2"]);
    });

    it(`Mixpeek history with the offset reported ${label} reads every execution`, async () => {
      server.reply(
        ...[0, 1].map((i) =>
          json(200, {
            trigger_id: "trg_1",
            executions: [{ task_id: `task_${i}`, triggered_at: "2026-11-20T02:00:00Z", status: "COMPLETED" }],
            total: 2, offset: reported(i), limit: 1,
          }),
        ),
      );
      const client = new MixpeekClient({ baseUrl: server.url, apiKey: KEY, namespace: "ns_1" });
      const ids: string[] = [];
      for await (const execution of client.executions.list("trg_1", { pageSize: 1 })) ids.push(execution.task_id);
      expect(ids).toEqual(["task_0", "task_1"]);
    });
  }
});
