import type { RequestOptions } from "../core/clientOptions.js";
import { resumeTokenFor } from "../core/runs/resumeToken.js";
import type { ShipyardFleetRun } from "./shipyardFleetRun.js";
import type { operations as Operations } from "../generated/shipyard.js";
import type { ClientOptions } from "../core/clientOptions.js";
import type { RunStatus } from "../core/runs/runStatus.js";
import { ServiceCore } from "../core/serviceCore.js";
import { FleetRunsClient } from "./fleetRunsClient.js";

/** Options of a Shipyard client (the key is sent as `X-Shipyard-API-Key`). */
export interface ShipyardClientOptions extends ClientOptions {
  /** Base URL. Default `https://api.app.shipyardapp.com`. */
  baseUrl?: string;
  /** Extra status words → common status, over the defaults (case-insensitive). */
  statusMapping?: Readonly<Record<string, RunStatus>>;
}

/**
 * Shipyard (https://api.app.shipyardapp.com; `X-Shipyard-API-Key`): start a fleet run with per-vessel
 * environment overrides, follow it through the fleet-runs CSV.
 * @example
 * const shipyard = new ShipyardClient({ apiKey });
 * const run = await shipyard.fleetRuns.start(orgId, projectId, fleetId, [{ name: "Load", environment_variable_overrides: { TARGET: "prod" } }]);
 * await run.waitForCompletion();
 * @throws InvalidArgumentError for a missing key or a bad base URL.
 */
export class ShipyardClient {
  /** Fleet runs: start, track, get, list. */
  readonly fleetRuns: FleetRunsClient;

  /** Creates the client; the options are checked here (key or token provider, base URL, scope). @throws InvalidArgumentError */
  constructor(options: ShipyardClientOptions) {
    const core = new ServiceCore<Operations>("Shipyard", options, "https://api.app.shipyardapp.com", { kind: "header", name: "X-Shipyard-API-Key" });
    this.fleetRuns = new FleetRunsClient(core, options.statusMapping);
  }

  /**
   * Resumes a run from its resume token (`run.resumeToken`, written by this or any other language's SDK or the CLI):
   * the handle `fleetRuns.track(orgId, projectId, fleetId, fleetRunId)` would give, nothing sent until its status is read.
   * @param token - the `atr1.…` token of a Shipyard run.
   * @param options - per-call retry, timeout and signal for every status read.
   * @throws InvalidArgumentError naming `token`: not a resume token, or one of another service.
   */
  resumeRun(token: string, options?: RequestOptions): ShipyardFleetRun {
    const fields = resumeTokenFor(token, "shipyard");
    return this.fleetRuns.track(fields["org"]!, fields["project"]!, fields["fleet"]!, fields["run"]!, options);
  }

  /** `ShipyardClient` — never the key. */
  toString(): string {
    return "ShipyardClient";
  }
}
