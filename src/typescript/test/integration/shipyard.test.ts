import { describe, expect, it } from "vitest";
import { RunFailedError, UnsupportedOperationError } from "../../src/index.js";
import { admin, env, fakes, quickWait, shipyardClient } from "./fakes.js";

const fleet = () => [env("shipyard", "SHIPYARD_ORG_ID"), env("shipyard", "SHIPYARD_PROJECT_ID"), env("shipyard", "SHIPYARD_FLEET_ID")] as const;

describe.skipIf(!fakes)("Shipyard against astro-triggers fakes (ShipyardFakeTests)", () => {
  it("start (with overrides) → wait → get → list → track: the run is followed through the fleet-runs CSV", async () => {
    const shipyard = shipyardClient();
    const [org, project, fleetId] = fleet();
    const run = await shipyard.fleetRuns.start(org, project, fleetId, [
      { name: "Load", environment_variable_overrides: { TARGET: "prod", DRY_RUN: "", KEEP: null } },
    ]);
    expect(run.ids).toMatchObject({ orgId: org, projectId: project, fleetId, fleetRunId: run.id });
    expect([run.status, run.value]).toEqual(["queued", undefined]);
    const done = await run.waitForCompletion(quickWait);
    expect(done.status).toBe("succeeded");
    expect(done.value.fleetLogId).toBe(run.id);

    const row = await shipyard.fleetRuns.get(org, project, fleetId, run.id);
    expect([row?.fleetLogId, row?.status]).toEqual([run.id, done.rawStatus]);

    const pages = [];
    for await (const page of shipyard.fleetRuns.list(org, project, fleetId).byPage()) pages.push(page);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.items.map((r) => r.fleetLogId)).toContain(run.id);

    const tracked = shipyard.fleetRuns.track(org, project, fleetId, run.id);
    expect(await tracked.updateStatus()).toBe("succeeded");
    expect(tracked.canCancel).toBe(false);
    await expect(tracked.cancel()).rejects.toBeInstanceOf(UnsupportedOperationError);
    expect(await shipyard.fleetRuns.get(org, project, fleetId, "no-such-run")).toBeUndefined();
  });

  it("a run the fake fails (admin /fail-next) ends the wait with RunFailedError", async () => {
    await admin("POST", "/fail-next", { service: "shipyard", count: 1 });
    const run = await shipyardClient().fleetRuns.start(...fleet());
    const error = (await run.waitForCompletion(quickWait).catch((e: unknown) => e)) as RunFailedError;
    expect(error).toBeInstanceOf(RunFailedError);
    expect(run.status).toBe("failed");
    expect(run.rawStatus).toBeTruthy();
  });
});
