/**
 * The TypeScript side of a scenario's `operation`: one entry per language-neutral operation name, calling the public
 * client and answering with the scenario's value fields (as the C# runner's ScenarioAdapters). No logic of the
 * behaviour under test lives here.
 */
import { AgentsetClient, AstropodClient, MixpeekClient, ShipyardClient, TrueFoundryClient, type ClientOptions } from "../../../src/index.js";
import type { JsonObject } from "../suite.js";

export type ScenarioOperation = (args: JsonObject, client: JsonObject, baseUrl: string) => Promise<JsonObject>;

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
    retry,
    ...(c.timeoutMs !== undefined ? { timeout: c.timeoutMs as number } : {}),
    ...(c.maxResponseBytes !== undefined ? { maxResponseBytes: c.maxResponseBytes as number } : {}),
  };
}

const text = (args: JsonObject, name: string): string => {
  const value = args[name];
  if (typeof value !== "string") throw new Error(`argument ${name} is missing`);
  return value;
};
const agentset = (c: JsonObject, url: string) => new AgentsetClient({ ...options(c, url), namespaceId: c.namespaceId as string });

export const operations: Readonly<Record<string, ScenarioOperation>> = {
  "agentset.ingestJobs.get": async (a, c, url) => ({ id: (await agentset(c, url).ingestJobs.get(text(a, "jobId"))).id }),
  "agentset.ingestJobs.create": async (a, c, url) => ({
    id: (await agentset(c, url).ingestJobs.create({ payload: { type: "TEXT", text: text(a.payload as JsonObject, "text") } })).id,
  }),
  "agentset.ingestJobs.list": async (a, c, url) => {
    const ids: string[] = [];
    for await (const job of agentset(c, url).ingestJobs.list(a.pageSize === undefined ? {} : { pageSize: a.pageSize as number })) ids.push(job.id);
    return { ids };
  },
  "truefoundry.jobRuns.start": async (a, c, url) => ({
    id: (await new TrueFoundryClient(options(c, url)).jobRuns.start({ applicationId: text(a, "applicationId") })).id,
  }),
  "truefoundry.jobRuns.get": async (a, c, url) => ({
    name: (await new TrueFoundryClient(options(c, url)).jobRuns.get(text(a, "applicationId"), text(a, "jobRunName"))).name,
  }),
  "truefoundry.jobRuns.list": async (a, c, url) => {
    const ids: string[] = [];
    const list = new TrueFoundryClient(options(c, url)).jobRuns.list(text(a, "applicationId"), a.pageSize === undefined ? {} : { pageSize: a.pageSize as number });
    for await (const run of list) ids.push(run.name);
    return { ids };
  },
  "astropod.ingestions.start": async (a, c, url) => {
    const started = await new AstropodClient(options(c, url)).ingestions.start(text(a, "deploymentNamespace"), text(a, "ingestion"), text(a, "account"));
    return { jobName: started.jobName ?? null, namespace: started.namespace ?? null, ingestion: started.ingestion };
  },
  "shipyard.fleetRuns.start": async (a, c, url) => ({
    id: (await new ShipyardClient(options(c, url)).fleetRuns.start(text(a, "orgId"), text(a, "projectId"), text(a, "fleetId"))).id,
  }),
  "mixpeek.executions.start": async (a, c, url) => ({
    id: (await new MixpeekClient({ ...options(c, url), namespace: c.namespace as string }).executions.start(text(a, "triggerId"))).id,
  }),
};
