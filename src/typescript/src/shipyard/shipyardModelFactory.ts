import { systemClock } from "../core/http/clock.js";
import type { RunStatus } from "../core/runs/runStatus.js";
import { DetachedRun } from "../core/runs/detachedRun.js";
import { Guard } from "../core/guard.js";
import type { FleetRunRecord } from "./fleetRunCsv.js";
import { type FleetRunIdentity, ShipyardFleetRun } from "./shipyardFleetRun.js";

/**
 * Builds Shipyard results for your own unit tests (as C#'s `ShipyardModelFactory`), e.g. what a mocked
 * `FleetRunsClient` returns: a runs-CSV row and the run handle, which only the SDK can build. `FleetRunIdentity` is
 * a plain object you write directly.
 */
export const ShipyardModelFactory = Object.freeze({
  /**
   * One row of a fleet's runs CSV.
   * @param fields - `fleetLogId` (the "Fleet Log ID" column, the run id) and `status` (the "Status" column, e.g.
   * `"Success"`), each left out by default; `columns`: further columns by header name (copied; the two above win
   * over entries of the same name).
   */
  fleetRunRecord(fields: { fleetLogId?: string; status?: string; columns?: Readonly<Record<string, string>> } = {}): FleetRunRecord {
    const columns: Record<string, string> = { ...fields.columns };
    if (fields.fleetLogId !== undefined) columns["Fleet Log ID"] = fields.fleetLogId;
    if (fields.status !== undefined) columns["Status"] = fields.status;
    return Object.freeze({ fleetLogId: columns["Fleet Log ID"], status: columns["Status"], columns: Object.freeze(columns) });
  },

  /**
   * A run handle in a given state, without a client: its status comes from `record`'s "Status" column through
   * `mapFleetRunStatus` (no record: a run not yet in the CSV, queued). For a succeeded, failed or cancelled run
   * `waitForCompletion()` returns at once (failed and cancelled throw `RunFailedError`, as from a client, unless
   * `throwOnFailure` is false); for any other state it throws `UnsupportedOperationError`, because there is no client
   * to read the status with. `canCancel` is false, as on a real Shipyard run.
   * @param ids - the run's ids; `fleetRunId` is the handle's id.
   * @param record - the run's CSV row; undefined while it is not listed.
   * @param statusMapping - status words over the defaults, as `ShipyardClientOptions.statusMapping`; default none.
   * @throws InvalidArgumentError when the run id is blank.
   */
  shipyardFleetRun(ids: FleetRunIdentity, record: FleetRunRecord | undefined, statusMapping?: Readonly<Record<string, RunStatus>>): ShipyardFleetRun {
    const id = Guard.notBlank(ids?.fleetRunId, "ids.fleetRunId");
    const run: ShipyardFleetRun = new ShipyardFleetRun(
      ids, DetachedRun.read("Shipyard", "ShipyardModelFactory", id, record, () => run), statusMapping, systemClock, record);
    return run;
  },
});
