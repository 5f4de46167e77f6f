import { AgentsetClient, type AgentsetClientOptions } from "../../src/index.js";
import { VirtualClock } from "./virtualClock.js";

export const KEY = "sk_live_SECRET_abcdef123456";

/** An Agentset client on the scripted server with a virtual clock (backoff and Retry-After take no time). */
export function agentset(url: string, extra: Partial<AgentsetClientOptions> = {}) {
  const clock = new VirtualClock();
  const client = new AgentsetClient({ baseUrl: url, apiKey: KEY, namespaceId: "ns_1", clock, ...extra });
  return { client, clock };
}

import { TrueFoundryClient, type TrueFoundryClientOptions } from "../../src/index.js";

/** A TrueFoundry client on the scripted server with a virtual clock. */
export function truefoundry(url: string, extra: Partial<TrueFoundryClientOptions> = {}) {
  const clock = new VirtualClock();
  const client = new TrueFoundryClient({ baseUrl: url, apiKey: KEY, clock, ...extra });
  return { client, clock };
}

/** A TrueFoundry JobRun body. */
export function tfyRun(name: string, status = "CREATED", extra: Record<string, unknown> = {}) {
  return { id: `id-${name}`, name, applicationName: "etl", status, createdAt: 1767225600000.0, ...extra };
}
