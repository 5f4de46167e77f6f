// What the integration tests share: the document `astro-triggers fakes` wrote (injected by fakes.globalSetup.ts),
// clients pointed at the fakes, the admin route (faults, failing runs), and a fetch that records every request.
import { inject } from "vitest";
import {
  AgentsetClient, AstropodClient, type ClientOptions, type Clock, MixpeekClient, ShipyardClient, systemClock, TrueFoundryClient, type RunWaitOptions,
} from "../../src/index.js";

/** One fake as `astro-triggers fakes` describes it: its base URL, key and the environment a client of the real service sets. */
export interface FakeDescription {
  baseUrl: string;
  apiKey: string;
  env: Record<string, string>;
}

/** The JSON `astro-triggers fakes --out` writes. */
export interface FakesDocument {
  /** The admin route, `http://127.0.0.1:<port>` (no trailing slash since CLI 1.0). */
  admin: string;
  services: Record<"agentset" | "astropod" | "truefoundry" | "shipyard" | "mixpeek", FakeDescription>;
}

declare module "vitest" {
  export interface ProvidedContext {
    /** Null only when ASTRO_SKIP_INTEGRATION=1 (the tests are then skipped). */
    fakes: FakesDocument | null;
  }
}

/** The fakes, or null when the integration tests are skipped on purpose. */
export const fakes: FakesDocument | null = inject("fakes");

/** Polls fast: the fakes run with `--fast` (each phase 100–400 ms). */
export const quickWait: RunWaitOptions = { pollInterval: 100, maxPollInterval: 200, timeout: 15_000 };

/** One request a client sent and the status it got. */
export interface SeenRequest {
  method: string;
  path: string;
  status: number;
}

/** A `fetch` that records every request (method, path, status; 0 when no response came) before handing the answer back. */
export function recordingFetch(): { fetch: typeof globalThis.fetch; seen: SeenRequest[] } {
  const seen: SeenRequest[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const entry = { method: request.method, path: new URL(request.url).pathname, status: 0 };
    seen.push(entry);
    const response = await globalThis.fetch(request);
    entry.status = response.status;
    return response;
  };
  return { fetch, seen };
}

/** The real clock, with every retry and poll wait recorded. */
export function recordingClock(): Clock & { sleeps: number[] } {
  const sleeps: number[] = [];
  return { sleeps, now: () => systemClock.now(), monotonic: () => systemClock.monotonic(), sleep: (ms, signal) => (sleeps.push(ms), systemClock.sleep(ms, signal)) };
}

function described(name: keyof FakesDocument["services"]): FakeDescription {
  if (!fakes) throw new Error("integration: no fakes (ASTRO_SKIP_INTEGRATION=1)");
  return fakes.services[name];
}

/** The value of one of a fake's environment variables (ids such as AGENTSET_NAMESPACE_ID). */
export function env(name: keyof FakesDocument["services"], variable: string): string {
  const value = described(name).env[variable];
  if (value === undefined) throw new Error(`integration: the ${name} fake describes no ${variable}`);
  return value;
}

const common = (name: keyof FakesDocument["services"], extra: Partial<ClientOptions>) => ({
  baseUrl: described(name).baseUrl, apiKey: described(name).apiKey, ...extra,
});

/** An Agentset client on the fake, in its namespace. */
export const agentsetClient = (extra: Partial<ClientOptions> = {}) =>
  new AgentsetClient({ ...common("agentset", extra), namespaceId: env("agentset", "AGENTSET_NAMESPACE_ID") });
/** An Astropod client on the fake. */
export const astropodClient = (extra: Partial<ClientOptions> = {}) => new AstropodClient(common("astropod", extra));
/** A TrueFoundry client on the fake. */
export const trueFoundryClient = (extra: Partial<ClientOptions> = {}) => new TrueFoundryClient({ ...common("truefoundry", extra), baseUrl: described("truefoundry").baseUrl });
/** A Shipyard client on the fake. */
export const shipyardClient = (extra: Partial<ClientOptions> = {}) => new ShipyardClient(common("shipyard", extra));
/** A Mixpeek client on the fake, in its namespace. */
export const mixpeekClient = (extra: Partial<ClientOptions> = {}) =>
  new MixpeekClient({ ...common("mixpeek", extra), namespace: env("mixpeek", "MIXPEEK_NAMESPACE") });

/** Calls the admin route; fails the test on anything but 200. */
export async function admin(method: "POST" | "DELETE", path: string, body?: unknown): Promise<Record<string, unknown>> {
  if (!fakes) throw new Error("integration: no fakes");
  const response = await fetch(new URL(path, fakes.admin), {
    method, headers: body === undefined ? undefined : { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = (await response.json()) as Record<string, unknown>;
  if (response.status !== 200) throw new Error(`admin ${method} ${path}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}
