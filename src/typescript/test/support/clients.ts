import { AgentsetClient, type AgentsetClientOptions } from "../../src/index.js";
import { VirtualClock } from "./virtualClock.js";

export const KEY = "sk_live_SECRET_abcdef123456";

/** An Agentset client on the scripted server with a virtual clock (backoff and Retry-After take no time). */
export function agentset(url: string, extra: Partial<AgentsetClientOptions> = {}) {
  const clock = new VirtualClock();
  const client = new AgentsetClient({ baseUrl: url, apiKey: KEY, namespaceId: "ns_1", clock, ...extra });
  return { client, clock };
}
