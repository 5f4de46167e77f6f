/**
 * The run-group operations of `scenarios/group-waits.json` (as the C# runner's ScenarioAdapters.Groups.cs):
 * `<service>.runGroup.waitForAll {tokens, pollIntervalMs, timeoutMs}` and `<service>.runGroup.cancelAll {tokens}`. The runs are
 * resumed from their tokens by the service's client and followed by one RunGroup; the answer is what the group reports.
 */
import { RunGroup, type TriggeredRun } from "../../../src/index.js";
import type { Json, JsonObject } from "../suite.js";
import type { ScenarioOperation } from "./scenarioOperations.js";

type Resumer = (c: JsonObject, url: string) => { resumeRun(token: string): TriggeredRun<any> };

function group(a: JsonObject, client: ReturnType<Resumer>, pollInterval: number): RunGroup {
  const tokens = a.tokens as string[];
  return new RunGroup(tokens.map((t) => client.resumeRun(t)), { pollInterval, timeout: (a.timeoutMs as number | undefined) ?? 10_000 });
}

/** The two operations for each service that resumes runs. */
export function groupOperations(services: Record<string, Resumer>): Record<string, ScenarioOperation> {
  const out: Record<string, ScenarioOperation> = {};
  for (const [service, client] of Object.entries(services)) {
    out[`${service}.runGroup.waitForAll`] = async (a, c, url) => {
      const runs = group(a, client(c, url), (a.pollIntervalMs as number | undefined) ?? 5);
      const ended: Json[] = [];
      const statuses: Json[] = [];
      for await (const result of runs.whenEach()) {
        ended.push(result.run.id);
        statuses.push(result.status);
      }
      const p = runs.progress;
      return {
        ended,
        statuses,
        statusReads: p.statusReads,
        progress: { succeeded: p.succeeded, failed: p.failed, cancelled: p.cancelled, abandoned: p.abandoned, pending: p.pending },
      };
    };
    out[`${service}.runGroup.cancelAll`] = async (a, c, url) => ({ asked: await group(a, client(c, url), 5).cancelAll() });
  }
  return out;
}
