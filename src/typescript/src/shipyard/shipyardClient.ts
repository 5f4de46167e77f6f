import type { components, paths } from "../generated/shipyard.js";
import { operations } from "../generated/shipyard.wire.js";
import type { ClientOptions, RequestOptions } from "../core/clientOptions.js";
import { InvalidArgumentError, ResponseDeserializationError } from "../core/errors/clientErrors.js";
import { Guard } from "../core/guard.js";
import { expectBody, isRecord } from "../core/http/expectBody.js";
import { operationTable } from "../core/http/operation.js";
import type { RunStatus } from "../core/runs/runStatus.js";
import { ServiceCore } from "../core/serviceCore.js";
import { type FleetRunRecord, parseFleetRunCsv } from "./fleetRunCsv.js";
import { ShipyardFleetRun } from "./shipyardFleetRun.js";

const ops = operationTable("Shipyard", operations);

/** Environment-variable overrides of one vessel (wire: `VesselOverride`): a string sets, `""` sets empty, `null` keeps the vessel's own. */
export type VesselOverride = components["schemas"]["VesselOverride"];

/** Options of a Shipyard client (the key is sent as `X-Shipyard-API-Key`). */
export interface ShipyardClientOptions extends ClientOptions {
  /** Base URL. Default `https://api.app.shipyardapp.com`. */
  baseUrl?: string;
  /** Extra status words → common status, over the defaults (case-insensitive). */
  statusMapping?: Readonly<Record<string, RunStatus>>;
}

/**
 * Shipyard (https://api.app.shipyardapp.com; `X-Shipyard-API-Key`): trigger a fleet run with per-vessel
 * environment overrides, follow it through the fleet-runs CSV.
 * @example
 * const shipyard = new ShipyardClient({ apiKey });
 * const run = await shipyard.triggerFleetRun(orgId, projectId, fleetId, [{ name: "Load", environment_variable_overrides: { TARGET: "prod" } }]);
 * await run.waitForCompletion();
 */
export class ShipyardClient {
  readonly #core: ServiceCore<paths>;
  readonly #mapping: Readonly<Record<string, RunStatus>> | undefined;

  constructor(options: ShipyardClientOptions) {
    this.#core = new ServiceCore<paths>("Shipyard", options, "https://api.app.shipyardapp.com", { kind: "header", name: "X-Shipyard-API-Key" });
    this.#mapping = options.statusMapping;
  }

  /**
   * Triggers a fleet run (`POST /orgs/{org}/projects/{project}/fleets/{fleet}/fleetruns`, 201). Not idempotent.
   * Without overrides the body is `{}`. Vessel names are case-sensitive and may appear once.
   * @throws InvalidArgumentError; BadRequestError (Shipyard's bare 400, with `requestId`); the call's errors.
   */
  async triggerFleetRun(orgId: string, projectId: string, fleetId: string, vesselOverrides?: readonly VesselOverride[], options?: RequestOptions): Promise<ShipyardFleetRun> {
    checkFleet(orgId, projectId, fleetId);
    const overrides = checkOverrides(vesselOverrides);
    const op = ops.triggerFleetRun;
    const { data, response } = await this.#core.call(op, options, (fetch) =>
      this.#core.api.POST("/orgs/{orgId}/projects/{projectId}/fleets/{fleetId}/fleetruns", {
        params: { path: { orgId, projectId, fleetId } },
        body: overrides ? { vessel_overrides: overrides } : {},
        fetch,
      }),
    );
    const body = expectBody<components["schemas"]["TriggerFleetRunResponse"]>(op, response, data, isRecord, "a fleet run");
    const runId = body.data?.fleet_run_id;
    if (!runId) {
      throw new ResponseDeserializationError(`Shipyard triggerFleetRun: the ${response.status} answer carried no data.fleet_run_id.`, {
        service: "Shipyard", operationId: op.operationId, method: op.method, status: response.status,
      });
    }
    return this.#handle({
      requestId: body.request?.id, orgId: body.data?.org_id ?? orgId, projectId: body.data?.project_id ?? projectId,
      fleetId: body.data?.fleet_id ?? fleetId, fleetRunId: runId, logUrl: body.log,
    }, options);
  }

  /** A handle for a fleet run known by id; nothing is sent until it is read. */
  trackFleetRun(orgId: string, projectId: string, fleetId: string, fleetRunId: string, options?: RequestOptions): ShipyardFleetRun {
    checkFleet(orgId, projectId, fleetId);
    Guard.notBlank(fleetRunId, "fleetRunId");
    return this.#handle({ requestId: undefined, orgId, projectId, fleetId, fleetRunId, logUrl: undefined }, options);
  }

  /** The fleet's runs from its CSV (`GET …/fleetruns`, text/csv), every column kept. */
  async listFleetRuns(orgId: string, projectId: string, fleetId: string, options?: RequestOptions): Promise<FleetRunRecord[]> {
    checkFleet(orgId, projectId, fleetId);
    const { data } = await this.#core.call(ops.listFleetRuns, options, (fetch) =>
      this.#core.api.GET("/orgs/{orgId}/projects/{projectId}/fleets/{fleetId}/fleetruns", {
        params: { path: { orgId, projectId, fleetId } },
        parseAs: "text",
        fetch,
      }),
    );
    return parseFleetRunCsv(typeof data === "string" ? data : "");
  }

  /** One run's CSV row, or undefined while it is not listed yet (case-insensitive id match). */
  async getFleetRun(orgId: string, projectId: string, fleetId: string, fleetRunId: string, options?: RequestOptions): Promise<FleetRunRecord | undefined> {
    Guard.notBlank(fleetRunId, "fleetRunId");
    const runs = await this.listFleetRuns(orgId, projectId, fleetId, options);
    return runs.find((r) => r.fleetLogId?.trim().toLowerCase() === fleetRunId.toLowerCase());
  }

  #handle(ids: ConstructorParameters<typeof ShipyardFleetRun>[0], options: RequestOptions | undefined): ShipyardFleetRun {
    const { signal: _ignored, ...perCall } = options ?? {};
    return new ShipyardFleetRun(ids, (signal) => this.getFleetRun(ids.orgId, ids.projectId, ids.fleetId, ids.fleetRunId, { ...perCall, signal }), this.#mapping, this.#core.clock);
  }

  /** `ShipyardClient` — never the key. */
  toString(): string {
    return "ShipyardClient";
  }
}

function checkFleet(orgId: string, projectId: string, fleetId: string): void {
  Guard.pathSegment(orgId, "orgId");
  Guard.pathSegment(projectId, "projectId");
  Guard.pathSegment(fleetId, "fleetId");
}

function checkOverrides(overrides: readonly VesselOverride[] | undefined): VesselOverride[] | undefined {
  if (!overrides || overrides.length === 0) return undefined;
  const names = new Set<string>();
  overrides.forEach((vessel, i) => {
    const where = `vesselOverrides[${i}]`;
    if (!isRecord(vessel)) throw new InvalidArgumentError(where, `'${where}' is required.`);
    Guard.notBlank(vessel.name, `${where}.name`);
    if (names.has(vessel.name)) throw new InvalidArgumentError(`${where}.name`, `'${where}.name': vessel '${vessel.name}' is overridden twice (names are case-sensitive).`);
    names.add(vessel.name);
    if (!isRecord(vessel.environment_variable_overrides)) throw new InvalidArgumentError(`${where}.environment_variable_overrides`, `'${where}.environment_variable_overrides' is required.`);
    for (const [key, value] of Object.entries(vessel.environment_variable_overrides)) {
      Guard.notBlank(key, `${where}.environment_variable_overrides key`);
      if (key.includes("=")) throw new InvalidArgumentError(`${where}.environment_variable_overrides`, `'${where}.environment_variable_overrides': variable name '${key}' must not contain '='.`);
      if (value !== null && typeof value !== "string") throw new InvalidArgumentError(`${where}.environment_variable_overrides`, `'${where}.environment_variable_overrides.${key}' must be a string or null.`);
    }
  });
  return [...overrides];
}
