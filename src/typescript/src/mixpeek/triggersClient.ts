import type { operations as Operations } from "../generated/mixpeek.js";
import { dateTimeFields, operations } from "../generated/mixpeek.wire.js";
import { InvalidArgumentError } from "../core/errors/clientErrors.js";
import { Guard } from "../core/guard.js";
import { expectBody, isRecord } from "../core/http/expectBody.js";
import { operationTable } from "../core/http/wireOperation.js";
import { normalizeUtcTimestamps } from "../core/json/utcTimestamps.js";
import type { AsyncPageable } from "../core/paging/asyncPageable.js";
import { offsetPageable } from "../core/paging/offsetPaging.js";
import type { ServiceCore } from "../core/serviceCore.js";
import type {
  CreateTriggerRequest, MixpeekClientOptions, MixpeekRequestOptions, Trigger, TriggerListOptions, UpdateTriggerRequest,
} from "./models.js";
import { resolveNamespace } from "./namespaceRule.js";
import { checkCronExpression, checkTimeZone } from "./cronRule.js";
import { mixpeekPageSizes } from "./pageSizes.js";

const ops = operationTable("Mixpeek", operations);
const isTrigger = (d: any) => isRecord(d) && typeof d.trigger_id === "string";

/**
 * Mixpeek triggers under `/v1/triggers`: create, list (offset pages in the JSON body), get, update, pause, resume,
 * delete. Create is not idempotent; list, update, pause and resume are marked `x-astro-idempotent` and retry like
 * reads. Running a trigger now and its history are `executions` (`ExecutionsClient`).
 */
export class TriggersClient {
  readonly #core: ServiceCore<Operations>;
  readonly #options: MixpeekClientOptions;

  /** @internal Built by `MixpeekClient`. */
  constructor(core: ServiceCore<Operations>, options: MixpeekClientOptions) {
    this.#core = core;
    this.#options = options;
  }

  /** Creates a trigger (`POST /v1/triggers`, 200/201). @throws InvalidArgumentError (schedule rules), UnprocessableEntityError with validationIssues, … */
  async create(trigger: CreateTriggerRequest, options?: MixpeekRequestOptions): Promise<Trigger> {
    if (!isRecord(trigger)) throw new InvalidArgumentError("trigger", "'trigger' is required.");
    Guard.notBlank(trigger.action_type, "trigger.action_type");
    Guard.notBlank(trigger.trigger_type, "trigger.trigger_type");
    if (!isRecord(trigger.action_config)) throw new InvalidArgumentError("trigger.action_config", "'trigger.action_config' is required (an object).");
    this.#checkSchedule(trigger.trigger_type, trigger.schedule_config, "trigger.schedule_config");
    if (trigger.description !== undefined) Guard.noControlCharacters(trigger.description, "trigger.description");
    const op = ops.createTrigger;
    const ns = this.#namespace(options);
    const { data, status } = await this.#core.send(op, { header: { "X-Namespace": ns }, body: trigger }, options);
    return normalizeUtcTimestamps(expectBody<Trigger>(op, status, data, isTrigger, "a trigger"), dateTimeFields);
  }

  /** The namespace's triggers by offset pages; filters, sort, offset and limit travel in the JSON body. */
  list(filter: TriggerListOptions = {}, options?: MixpeekRequestOptions): AsyncPageable<Trigger> {
    const ns = this.#namespace(options);
    for (const [key, value] of [["actionType", filter.actionType], ["triggerType", filter.triggerType], ["resourceId", filter.resourceId], ["sortBy", filter.sortBy]] as const) {
      if (value !== undefined) Guard.notBlank(value, `filter.${key}`);
    }
    const op = ops.listTriggers;
    return offsetPageable<Trigger>(
      async (offset, limit, signal) => {
        const { data, status } = await this.#core.send(op, { header: { "X-Namespace": ns }, body: {
              action_type: filter.actionType, trigger_type: filter.triggerType, status: filter.status, resource_id: filter.resourceId,
              sort_by: filter.sortBy, direction: filter.direction, offset, limit,
            } }, { ...options, signal });
        const list = expectBody<{ results: Trigger[]; total?: number; offset?: number; limit?: number }>(op, status, data, (d) => isRecord(d) && Array.isArray(d.results), "a page of triggers");
        return { items: normalizeUtcTimestamps(list.results, dateTimeFields), total: list.total, offset: list.offset, limit: list.limit };
      },
      {
        startOffset: filter.startOffset ?? 0,
        pageSize: filter.pageSize,
        ...mixpeekPageSizes,
        argument: "filter",
        signal: options?.signal,
        operation: op,
        key: (trigger) => trigger.trigger_id,
      },
    );
  }

  /** Gets one trigger. */
  async get(triggerId: string, options?: MixpeekRequestOptions): Promise<Trigger> {
    return this.#triggerCall(ops.getTrigger, triggerId, options);
  }

  /** Pauses a trigger (idempotent, retried). */
  async pause(triggerId: string, options?: MixpeekRequestOptions): Promise<Trigger> {
    return this.#triggerCall(ops.pauseTrigger, triggerId, options);
  }

  /** Resumes a paused trigger (idempotent, retried). */
  async resume(triggerId: string, options?: MixpeekRequestOptions): Promise<Trigger> {
    return this.#triggerCall(ops.resumeTrigger, triggerId, options);
  }

  /**
   * Updates what `update` sets (`PATCH`); an update that sets nothing is refused before sending, and a new
   * `schedule_config` is checked as on `create` (cron expression and time zone, interval).
   * @throws InvalidArgumentError naming the field; the call's errors.
   */
  async update(triggerId: string, update: UpdateTriggerRequest, options?: MixpeekRequestOptions): Promise<Trigger> {
    Guard.pathSegment(triggerId, "triggerId");
    if (!isRecord(update) || Object.values(update).every((v) => v === undefined)) {
      throw new InvalidArgumentError("update", "'update' sets nothing: set schedule_config, description or status.");
    }
    if (update.description !== undefined) Guard.noControlCharacters(update.description, "update.description");
    // As C#'s update.Schedule?.Validate: a new schedule is checked like one given to create (its kind from its fields).
    const schedule: unknown = update.schedule_config;
    if (isRecord(schedule)) this.#checkSchedule("cron_expression" in schedule ? "cron" : "interval_seconds" in schedule ? "interval" : "", schedule, "update.schedule_config");
    const op = ops.updateTrigger;
    const ns = this.#namespace(options);
    const { data, status } = await this.#core.send(op, { path: { trigger_id: triggerId }, header: { "X-Namespace": ns }, body: update }, options);
    return normalizeUtcTimestamps(expectBody<Trigger>(op, status, data, isTrigger, "a trigger"), dateTimeFields);
  }

  /** Deletes a trigger (204). */
  async delete(triggerId: string, options?: MixpeekRequestOptions): Promise<void> {
    Guard.pathSegment(triggerId, "triggerId");
    const ns = this.#namespace(options);
    await this.#core.send(ops.deleteTrigger, { path: { trigger_id: triggerId }, header: { "X-Namespace": ns } }, { ...options, discardBody: true });
  }

  // Get, pause and resume take the same arguments (a trigger id, the namespace) and answer a trigger.
  async #triggerCall(op: typeof ops.getTrigger | typeof ops.pauseTrigger | typeof ops.resumeTrigger, triggerId: string, options?: MixpeekRequestOptions): Promise<Trigger> {
    Guard.pathSegment(triggerId, "triggerId");
    const ns = this.#namespace(options);
    const { data, status } = await this.#core.send(op, { path: { trigger_id: triggerId }, header: { "X-Namespace": ns } }, options);
    return normalizeUtcTimestamps(expectBody<Trigger>(op, status, data, isTrigger, "a trigger"), dateTimeFields);
  }

  #checkSchedule(type: string, config: unknown, name: string): void {
    if (!isRecord(config)) throw new InvalidArgumentError(name, `'${name}' is required (an object).`);
    const minimum = this.#options.minimumIntervalSeconds ?? 60;
    if (type === "interval") {
      const seconds = config["interval_seconds"];
      if (typeof seconds !== "number" || !Number.isInteger(seconds) || seconds < minimum) {
        throw new InvalidArgumentError(`${name}.interval_seconds`, `'${name}.interval_seconds' must be whole seconds, at least ${minimum}.`);
      }
    }
    if (type === "cron") {
      checkCronExpression(config["cron_expression"], `${name}.cron_expression`);
      checkTimeZone(config["timezone"], `${name}.timezone`);
    }
  }

  #namespace(options: MixpeekRequestOptions | undefined): string {
    return resolveNamespace(this.#options, options);
  }

}
