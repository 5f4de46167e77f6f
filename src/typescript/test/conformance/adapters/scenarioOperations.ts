/**
 * The TypeScript side of a scenario's `operation`: one entry per language-neutral operation name, calling the public
 * client and answering with the scenario's value fields (as the C# runner's ScenarioAdapters). No logic of the
 * behaviour under test lives here.
 */
import { AgentsetClient, AstropodClient, MixpeekClient, ShipyardClient, TrueFoundryClient, type ClientOptions, type TokenProvider } from "../../../src/index.js";
import type { Json, JsonObject } from "../suite.js";
import { groupOperations } from "./groupOperations.js";

export type ScenarioOperation = (args: JsonObject, client: JsonObject, baseUrl: string, wait?: JsonObject) => Promise<JsonObject>;

/** The scenario's client options (README, "Scenarios"). */
function options(c: JsonObject, baseUrl: string): ClientOptions & { baseUrl: string } {
  const retry: NonNullable<ClientOptions["retry"]> = {};
  if (c.maxAttempts !== undefined) retry.maxAttempts = c.maxAttempts as number;
  if (c.baseDelayMs !== undefined) retry.baseDelay = c.baseDelayMs as number;
  if (c.maxDelayMs !== undefined) retry.maxDelay = c.maxDelayMs as number;
  if (c.useJitter !== undefined) retry.useJitter = c.useJitter as boolean;
  if (c.attemptTimeoutMs !== undefined) retry.attemptTimeout = c.attemptTimeoutMs as number;
  return {
    baseUrl,
    apiKey: c.apiKey as string,
    ...(Array.isArray(c.tokens) ? { tokenProvider: tokenProvider(c.tokens as string[]) } : {}),
    retry,
    ...(c.timeoutMs !== undefined ? { timeout: c.timeoutMs as number } : {}),
    ...(c.maxResponseBytes !== undefined ? { maxResponseBytes: c.maxResponseBytes as number } : {}),
  };
}

/** The tokens in order: the current one before each request, the next one on a forced refresh (after a 401). */
function tokenProvider(tokens: readonly string[]): TokenProvider {
  let index = 0;
  return (forceRefresh) => {
    if (forceRefresh) index = Math.min(index + 1, tokens.length - 1);
    return tokens[index]!;
  };
}

const text = (args: JsonObject, name: string): string => {
  const value = args[name];
  if (typeof value !== "string") throw new Error(`argument ${name} is missing`);
  return value;
};
const pageSize = (args: JsonObject) => (args.pageSize === undefined ? {} : { pageSize: args.pageSize as number });
/** Agentset's per-call options: `tenantId` (sent as `x-tenant-id`). */
const agentsetCall = (args: JsonObject) => (args.tenantId === undefined ? undefined : { tenantId: args.tenantId as string });
const agentset = (c: JsonObject, url: string) => new AgentsetClient({ ...options(c, url), namespaceId: c.namespaceId as string });
const truefoundry = (c: JsonObject, url: string) => new TrueFoundryClient(options(c, url));
const astropod = (c: JsonObject, url: string) => new AstropodClient(options(c, url));
const shipyard = (c: JsonObject, url: string) => new ShipyardClient(options(c, url));
const mixpeek = (c: JsonObject, url: string) => new MixpeekClient({ ...options(c, url), namespace: c.namespace as string });

async function collect<T>(items: AsyncIterable<T>, pick: (item: T) => unknown): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const item of items) out.push(pick(item));
  return out;
}

/** The run's id, and after the scenario's wait step (`pollIntervalMs`, `timeoutMs`) its final common status. */
async function waited(run: { id: string; waitForCompletion(o: { pollInterval?: number; timeout?: number }): Promise<{ status: string }> }, wait: JsonObject | undefined): Promise<JsonObject> {
  if (wait === undefined) return { id: run.id };
  const done = await run.waitForCompletion({ pollInterval: (wait.pollIntervalMs as number | undefined) ?? 5, timeout: (wait.timeoutMs as number | undefined) ?? 10_000 });
  return { id: run.id, status: done.status };
}

export const operations: Readonly<Record<string, ScenarioOperation>> = {
  "agentset.ingestJobs.get": async (a, c, url) => ({ id: (await agentset(c, url).ingestJobs.get(text(a, "jobId"), agentsetCall(a))).id }),
  "agentset.ingestJobs.create": async (a, c, url) => ({
    id: (await agentset(c, url).ingestJobs.create({ payload: { type: "TEXT", text: text(a.payload as JsonObject, "text") } }, agentsetCall(a))).id,
  }),
  "agentset.ingestJobs.start": async (a, c, url, w) =>
    waited(await agentset(c, url).ingestJobs.start({ payload: { type: "TEXT", text: text(a.payload as JsonObject, "text") } }, agentsetCall(a)), w),
  "agentset.ingestJobs.list": async (a, c, url) => ({ ids: await collect(agentset(c, url).ingestJobs.list(pageSize(a), agentsetCall(a)), (job) => job.id) as Json[] }),
  "agentset.ingestJobs.delete": async (a, c, url) => ({ id: (await agentset(c, url).ingestJobs.delete(text(a, "jobId"), agentsetCall(a)))?.id ?? null }),
  "agentset.ingestJobs.reIngest": async (a, c, url) => ({ id: await agentset(c, url).ingestJobs.reIngest(text(a, "jobId"), agentsetCall(a)) }),
  "truefoundry.jobRuns.start": async (a, c, url, w) => waited(await truefoundry(c, url).jobRuns.start({ applicationId: text(a, "applicationId") }), w),
  "truefoundry.jobRuns.get": async (a, c, url) => ({ name: (await truefoundry(c, url).jobRuns.get(text(a, "applicationId"), text(a, "jobRunName"))).name }),
  "truefoundry.jobRuns.list": async (a, c, url) => ({ ids: await collect(truefoundry(c, url).jobRuns.list(text(a, "applicationId"), pageSize(a)), (run) => run.name) as Json[] }),
  "truefoundry.jobRuns.cancel": async (a, c, url) => ({ message: (await truefoundry(c, url).jobRuns.cancel(text(a, "deploymentId"), text(a, "jobRunName"))).message ?? null }),
  "truefoundry.jobRuns.delete": async (a, c, url) => {
    await truefoundry(c, url).jobRuns.delete(text(a, "applicationId"), text(a, "jobRunName"));
    return { done: true };
  },
  "astropod.ingestions.start": async (a, c, url) => {
    const started = await astropod(c, url).ingestions.start(text(a, "deploymentNamespace"), text(a, "ingestion"), text(a, "account"));
    return { jobName: started.jobName ?? null, namespace: started.namespace ?? null, ingestion: started.ingestion };
  },
  "astropod.deployments.list": async (a, c, url) => ({ ids: await collect(astropod(c, url).deployments.list(text(a, "account")), (d) => d.id) as Json[] }),
  "astropod.deployments.get": async (a, c, url) => ({ id: (await astropod(c, url).deployments.get(text(a, "deploymentId"))).id }),
  "astropod.deployments.listIngestionSources": async (a, c, url) => ({
    names: await collect(astropod(c, url).deployments.listIngestionSources(text(a, "deploymentId")), (s) => s.name) as Json[],
  }),
  "shipyard.fleetRuns.start": async (a, c, url, w) => waited(await shipyard(c, url).fleetRuns.start(text(a, "orgId"), text(a, "projectId"), text(a, "fleetId")), w),
  "shipyard.fleetRuns.list": async (a, c, url) => {
    const records = await collect(shipyard(c, url).fleetRuns.list(text(a, "orgId"), text(a, "projectId"), text(a, "fleetId")), (r) => r);
    return { ids: records.map((r) => (r as { fleetLogId?: string }).fleetLogId ?? null), statuses: records.map((r) => (r as { status?: string }).status ?? null) };
  },
  "shipyard.fleetRuns.get": async (a, c, url) => {
    const record = await shipyard(c, url).fleetRuns.get(text(a, "orgId"), text(a, "projectId"), text(a, "fleetId"), text(a, "fleetRunId"));
    return { id: record?.fleetLogId ?? null, status: record?.status ?? null };
  },
  "mixpeek.executions.start": async (a, c, url, w) => waited(await mixpeek(c, url).executions.start(text(a, "triggerId")), w),
  "mixpeek.executions.get": async (a, c, url) => ({ id: (await mixpeek(c, url).executions.get(text(a, "taskId"))).task_id }),
  "mixpeek.executions.cancel": async (a, c, url) => {
    await mixpeek(c, url).executions.cancel(text(a, "taskId"));
    return { done: true };
  },
  "mixpeek.executions.list": async (a, c, url) => ({ ids: await collect(mixpeek(c, url).executions.list(text(a, "triggerId"), pageSize(a)), (e) => e.task_id) as Json[] }),
  "mixpeek.triggers.create": async (a, c, url) => ({
    id: (
      await mixpeek(c, url).triggers.create({
        action_type: "cluster",
        action_config: { cluster_id: text(a, "clusterId") },
        trigger_type: "cron",
        schedule_config: { cron_expression: text(a, "cronExpression"), timezone: (a.timeZone as string | undefined) ?? "UTC" },
      } as never)
    ).trigger_id,
  }),
  "mixpeek.triggers.list": async (a, c, url) => ({ ids: await collect(mixpeek(c, url).triggers.list(pageSize(a)), (t) => t.trigger_id) as Json[] }),
  "mixpeek.triggers.get": async (a, c, url) => ({ id: (await mixpeek(c, url).triggers.get(text(a, "triggerId"))).trigger_id }),
  "mixpeek.triggers.update": async (a, c, url) => ({ id: (await mixpeek(c, url).triggers.update(text(a, "triggerId"), { description: text(a, "description") })).trigger_id }),
  "mixpeek.triggers.pause": async (a, c, url) => ({ id: (await mixpeek(c, url).triggers.pause(text(a, "triggerId"))).trigger_id }),
  "mixpeek.triggers.resume": async (a, c, url) => ({ id: (await mixpeek(c, url).triggers.resume(text(a, "triggerId"))).trigger_id }),
  "mixpeek.triggers.delete": async (a, c, url) => {
    await mixpeek(c, url).triggers.delete(text(a, "triggerId"));
    return { done: true };
  },
  ...groupOperations({ agentset, truefoundry, shipyard, mixpeek }),
};
