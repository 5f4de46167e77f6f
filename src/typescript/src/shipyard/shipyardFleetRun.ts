import type { Clock } from "../core/http/clock.js";
import type { RunSnapshot, RunStatus } from "../core/runs/runStatus.js";
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
  readonly requestId: string | undefined;
  readonly orgId: string;
  readonly projectId: string;
  readonly fleetId: string;
  readonly fleetRunId: string;
  /** Link to the run's log, when the trigger gave one (the CSV has no error column). */
  readonly logUrl: string | undefined;
}

/**
 * A Shipyard fleet run (`triggerFleetRun` or `trackFleetRun`), its status read from the fleet-runs CSV. A run
 * not yet in the CSV is `queued` with no raw status. `cancel()` throws UnsupportedOperationError: the API has no stop.
 */
export class ShipyardFleetRun extends TriggeredRun {
  /** The run's ids. */
  readonly ids: FleetRunIdentity;
  #record: FleetRunRecord | undefined;
  readonly #get: (signal: AbortSignal | undefined) => Promise<FleetRunRecord | undefined>;
  readonly #mapping: Readonly<Record<string, RunStatus>> | undefined;

  /** @internal Built by `ShipyardClient`. */
  constructor(ids: FleetRunIdentity, get: (signal: AbortSignal | undefined) => Promise<FleetRunRecord | undefined>, mapping: Readonly<Record<string, RunStatus>> | undefined, clock: Clock) {
    super("Shipyard", ids.fleetRunId, { status: "queued", rawStatus: undefined, errorMessage: undefined, observedAt: clock.now() }, clock);
    this.ids = ids;
    this.#get = get;
    this.#mapping = mapping;
  }

  /** The CSV row as last read; undefined while the run is not listed yet. */
  get record(): FleetRunRecord | undefined {
    return this.#record;
  }

  protected override async fetchStatus(signal: AbortSignal | undefined): Promise<RunSnapshot> {
    const record = await this.#get(signal);
    this.#record = record;
    return { status: mapFleetRunStatus(record?.status, this.#mapping), rawStatus: record?.status, errorMessage: undefined, observedAt: this.now() };
  }
}
