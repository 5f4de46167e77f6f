import { withResumeToken } from "../core/runs/triggeredRun.js";
import { observeFromList, withListReading } from "../core/runs/runListReader.js";
import type { components, operations as Operations } from "../generated/shipyard.js";
import { operations } from "../generated/shipyard.wire.js";
import type { RequestOptions } from "../core/clientOptions.js";
import { InvalidArgumentError } from "../core/errors/clientErrors.js";
import { wireRunId } from "../core/runs/wireRunId.js";
import { Guard } from "../core/guard.js";
import { expectBody, isRecord } from "../core/http/expectBody.js";
import { operationTable } from "../core/http/wireOperation.js";
import type { AsyncPageable } from "../core/paging/asyncPageable.js";
import { singlePage } from "../core/paging/singlePage.js";
import type { RunStatus } from "../core/runs/runStatus.js";
import type { ServiceCore } from "../core/serviceCore.js";
import { type FleetRunRecord, parseFleetRunCsv } from "./fleetRunCsv.js";
import { type FleetRunIdentity, ShipyardFleetRun } from "./shipyardFleetRun.js";

const ops = operationTable("Shipyard", operations);

/** Environment-variable overrides of one vessel (wire: `VesselOverride`): a string sets, `""` sets empty, `null` keeps the vessel's own. */
export type VesselOverride = components["schemas"]["VesselOverride"];

/**
 * Shipyard fleet runs under `/orgs/{org}/projects/{project}/fleets/{fleet}/fleetruns`: start (with per-vessel
 * environment overrides), track, get and list — status comes from the fleet-runs CSV. Same vocabulary as the .NET
 * `FleetRunsClient`. Shipyard has no call that stops a run.
 */
export class FleetRunsClient {
  readonly #core: ServiceCore<Operations>;
  readonly #mapping: Readonly<Record<string, RunStatus>> | undefined;

  /** @internal Built by `ShipyardClient`. */
  constructor(core: ServiceCore<Operations>, mapping: Readonly<Record<string, RunStatus>> | undefined) {
    this.#core = core;
    this.#mapping = mapping;
  }

  /**
   * Starts a fleet run (`POST …/fleetruns`, 201). Not idempotent. Without overrides the body is `{}`. Vessel names
   * are case-sensitive and may appear once.
   * @param vesselOverrides - per-vessel environment overrides (`""` sets a variable empty, `null` keeps the vessel's value).
   * @param options - per-call retry, timeout and signal; every status read of the handle uses them too.
   * @throws InvalidArgumentError; BadRequestError (Shipyard's bare 400, with `requestId`); the call's errors.
   */
  async start(orgId: string, projectId: string, fleetId: string, vesselOverrides?: readonly VesselOverride[], options?: RequestOptions): Promise<ShipyardFleetRun> {
    checkFleet(orgId, projectId, fleetId);
    const overrides = checkOverrides(vesselOverrides);
    const op = ops.triggerFleetRun;
    const { data, status } = await this.#core.send(op, { path: { orgId, projectId, fleetId }, body: overrides ? { vessel_overrides: overrides } : {} }, options);
    const body = expectBody<components["schemas"]["TriggerFleetRunResponse"]>(op, status, data, isRecord, "a fleet run");
    const runId = wireRunId(body.data?.fleet_run_id, op, status, "data.fleet_run_id");
    return this.#handle({
      requestId: body.request?.id, orgId: body.data?.org_id ?? orgId, projectId: body.data?.project_id ?? projectId,
      fleetId: body.data?.fleet_id ?? fleetId, fleetRunId: runId, logUrl: body.log,
    }, options);
  }

  /**
   * Follows a fleet run known by id, e.g. one a previous CI step started (rehydration); nothing is sent until it is read.
   * @throws InvalidArgumentError for a blank id or a `.`/`..` segment.
   */
  track(orgId: string, projectId: string, fleetId: string, fleetRunId: string, options?: RequestOptions): ShipyardFleetRun {
    checkFleet(orgId, projectId, fleetId);
    Guard.notBlank(fleetRunId, "fleetRunId");
    return this.#handle({ requestId: undefined, orgId, projectId, fleetId, fleetRunId, logUrl: undefined }, options);
  }

  /**
   * The fleet's runs from its CSV (`GET …/fleetruns`, text/csv), every column kept. Shipyard answers in one piece:
   * the list has one page (an async iterable like every list of the SDK).
   * @throws InvalidArgumentError before sending; the call's errors while iterating.
   */
  list(orgId: string, projectId: string, fleetId: string, options?: RequestOptions): AsyncPageable<FleetRunRecord> {
    checkFleet(orgId, projectId, fleetId);
    return singlePage((signal) => this.#readCsv(orgId, projectId, fleetId, { ...options, signal }), options?.signal);
  }

  /**
   * One run's CSV row, or undefined while it is not listed yet (case-insensitive id match).
   * @throws InvalidArgumentError; the call's errors.
   */
  async get(orgId: string, projectId: string, fleetId: string, fleetRunId: string, options?: RequestOptions): Promise<FleetRunRecord | undefined> {
    checkFleet(orgId, projectId, fleetId);
    Guard.notBlank(fleetRunId, "fleetRunId");
    const runs = await this.#readCsv(orgId, projectId, fleetId, options);
    return runs.find((r) => r.fleetLogId?.trim().toLowerCase() === fleetRunId.toLowerCase());
  }

  async #readCsv(orgId: string, projectId: string, fleetId: string, options: RequestOptions | undefined): Promise<FleetRunRecord[]> {
    const { data } = await this.#core.send(ops.listFleetRuns, { path: { orgId, projectId, fleetId } }, options);
    return parseFleetRunCsv(typeof data === "string" ? data : "");
  }

  #handle(ids: FleetRunIdentity, options: RequestOptions | undefined): ShipyardFleetRun {
    const { signal: _ignored, ...perCall } = options ?? {};
    const run = new ShipyardFleetRun(ids, (signal) => this.get(ids.orgId, ids.projectId, ids.fleetId, ids.fleetRunId, { ...perCall, signal }), this.#mapping, this.#core.clock);
    withResumeToken(run, () => ({ service: "shipyard", org: ids.orgId, project: ids.projectId, fleet: ids.fleetId, run: ids.fleetRunId }));
    // A run group reads the fleet's CSV once for every run of the fleet; a run it does not show is not listed yet.
    return withListReading(run, {
      owner: this,
      scope: `${ids.orgId}/${ids.projectId}/${ids.fleetId}`,
      list: (signal) => this.list(ids.orgId, ids.projectId, ids.fleetId, { ...perCall, signal }),
      idOf: (item) => item.fleetLogId?.trim(),
      apply: observeFromList,
      complete: true,
      caseInsensitive: true,
    });
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
