import type { Clock } from "../core/http/clock.js";
import type { RunStatus } from "../core/runs/runStatus.js";
import { TriggeredRun } from "../core/runs/triggeredRun.js";
import type { FleetRunRecord } from "./fleetRunCsv.js";

/** Shipyard's words → the common model (README table), case-insensitive. */
export const defaultFleetRunStatusMapping: Readonly<Record<string, RunStatus>> = Object.freeze({
  scheduled: "queued", queued: "queued", pending: "queued",
  running: "running", retrying: "running",
  success: "succeeded", succeeded: "succeeded", completed: "succeeded",
  errored: "failed", error: "failed", failed: "failed", incomplete: "failed", "memory error": "failed",
  cancelled: "cancelled", canceled: "cancelled",
});

/**
 * A Shipyard status word → common status: not yet in the CSV (blank) → queued; `overrides` (case-insensitive) win
 * over the defaults; anything else → unknown.
 */
export function mapFleetRunStatus(status: string | undefined, overrides?: Readonly<Record<string, RunStatus>>): RunStatus {
  if (status === undefined || status.trim() === "") return "queued";
  const key = status.trim().toLowerCase();
  for (const [word, mapped] of Object.entries(overrides ?? {})) if (word.trim().toLowerCase() === key) return mapped;
  return Object.hasOwn(defaultFleetRunStatusMapping, key) ? defaultFleetRunStatusMapping[key]! : "unknown";
}

/** The ids of a fleet run. */
export interface FleetRunIdentity {
  /** The request id of the start's answer; undefined for a tracked run. */
  readonly requestId: string | undefined;
  /** The organisation id. */
  readonly orgId: string;
  /** The project id. */
  readonly projectId: string;
  /** The fleet id. */
  readonly fleetId: string;
  /** The fleet run id (the CSV's `Fleet Log ID`). */
  readonly fleetRunId: string;
  /** Link to the run's log, when the start gave one (the CSV has no error column). */
  readonly logUrl: string | undefined;
}

/**
 * A Shipyard fleet run (`fleetRuns.start` or `fleetRuns.track`), its status read from the fleet-runs CSV; `value` is
 * the run's CSV row as last read, undefined until it is listed (a run not yet in the CSV is `queued` with no raw
 * status). `cancel()` throws UnsupportedOperationError: Shipyard's API has no call that stops a run.
 */
export class ShipyardFleetRun extends TriggeredRun<FleetRunRecord | undefined> {
  /** The run's ids. */
  readonly ids: FleetRunIdentity;

  /** @internal Built by `FleetRunsClient`. */
  constructor(ids: FleetRunIdentity, read: (signal: AbortSignal | undefined) => Promise<FleetRunRecord | undefined>, mapping: Readonly<Record<string, RunStatus>> | undefined, clock: Clock) {
    super("Shipyard", ids.fleetRunId, undefined, {
      read,
      snapshot: (record) => ({ status: mapFleetRunStatus(record?.status, mapping), rawStatus: record?.status, errorMessage: undefined }),
      cannotCancel: `Shipyard's API has no call to stop a fleet run; run ${ids.fleetRunId} goes on (stop it in the Shipyard app).`,
    }, clock);
    this.ids = ids;
  }
}
