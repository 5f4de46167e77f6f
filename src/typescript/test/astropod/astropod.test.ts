import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AstropodClient, InternalServerError, InvalidArgumentError, PaymentRequiredError } from "../../src/index.js";
import { KEY } from "../support/clients.js";
import { json, raw, ScriptedServer } from "../support/scriptedServer.js";
import { AstropodLikeProvider } from "../support/tokens.js";
import { VirtualClock } from "../support/virtualClock.js";

describe("Astropod (AstropodClientTests)", () => {
  let server: ScriptedServer;
  beforeEach(async () => (server = await ScriptedServer.start()));
  afterEach(async () => server.close());
  const client = () => new AstropodClient({ baseUrl: server.url, apiKey: KEY, clock: new VirtualClock() });

  it("ingestions.start posts {} with the account and bearer token and reads the snake_case answer; no status source", async () => {
    server.reply(json(200, { status: "triggered", job_name: "ingestion-docs_sync-manual-0001", namespace: "team-docs" }));
    const result = await client().ingestions.start("team-docs", "docs_sync", "acme");
    expect(result).toEqual({ status: "triggered", jobName: "ingestion-docs_sync-manual-0001", namespace: "team-docs", ingestion: "docs_sync", hasStatusSource: false });
    const seen = server.requests[0]!;
    expect(seen.url).toBe("/api/v1/deployments/team-docs/ingestion/docs_sync/trigger?account=acme");
    expect(seen.body).toBe("{}");
    expect(seen.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it("billing suspension is PaymentRequiredError with the suggested action", async () => {
    server.reply(json(402, { error: "Billing suspended", code: "BILLING_SUSPENDED", reason: "card declined", action: "add_card" }));
    const error = (await client().ingestions.start("ns", "src", "acme").catch((e: unknown) => e)) as PaymentRequiredError;
    expect(error).toBeInstanceOf(PaymentRequiredError);
    expect(error.suggestedAction).toBe("add_card");
    expect(error.reason).toBe("card declined");
    expect(error.errorCode).toBe("BILLING_SUSPENDED");
  });

  it("a trigger answered 500 is sent exactly once and marked mayHaveBeenProcessed", async () => {
    server.otherwise(raw(500, "upstream exploded", { "content-type": "text/plain" }));
    const error = (await client().ingestions.start("ns", "src", "acme").catch((e: unknown) => e)) as InternalServerError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.mayHaveBeenProcessed).toBe(true);
    expect(error.rawBody).toBe("upstream exploded");
    expect(server.requests).toHaveLength(1);
  });

  it("a 401 refreshes the token once and repeats once", async () => {
    const tokens = new AstropodLikeProvider();
    server.reply(json(401, { error: "token expired" }), json(200, { status: "triggered" }));
    const astropod = new AstropodClient({ baseUrl: server.url, tokenProvider: tokens.provide });
    await astropod.ingestions.start("ns", "src", "acme");
    expect(tokens.calls).toEqual([false, true]);
    expect(server.requests).toHaveLength(2);
  });

  it("lists deployments and ingestion sources, stripping the prefix", async () => {
    server.reply(
      json(200, { deployments: [{ id: "dep_1", name: "docs", namespace: "team-docs", created_at: "2026-11-30T10:00:00" }], count: 1 }),
      json(200, { deployment: { id: "dep_1", workloads: [{ name: "w1", component: "ingestion-docs_sync" }, { name: "w2", component: "api" }, { name: "w3", component: "ingestion-nightly", schedule: "0 2 * * *" }] } }),
    );
    const astropod = client();
    const [deployment] = await astropod.deployments.list("acme").toArray();
    expect(new Date(deployment!.created_at!).toISOString()).toBe("2026-11-30T10:00:00.000Z");
    expect(server.requests[0]!.url).toBe("/api/v1/deployments?account=acme");
    const sources = await astropod.deployments.listIngestionSources("dep_1").toArray();
    expect(sources).toEqual([
      { name: "docs_sync", component: "ingestion-docs_sync", workloadName: "w1", schedule: undefined },
      { name: "nightly", component: "ingestion-nightly", workloadName: "w3", schedule: "0 2 * * *" },
    ]);
    // Answered in one piece: one page without tokens; there is nothing to resume from.
    server.reply(json(200, { deployments: [], count: 0 }));
    const pages = [];
    for await (const page of astropod.deployments.list("acme").byPage()) pages.push(page);
    expect(pages).toEqual([{ items: [], continuationToken: undefined, previousToken: undefined, hasMore: false }]);
    await expect(astropod.deployments.list("acme").byPage({ continuationToken: "1" }).next()).rejects.toBeInstanceOf(InvalidArgumentError);
    expect(server.requests).toHaveLength(3);
  });

  it("path segments are escaped and bad arguments refused before any request", async () => {
    server.reply(json(200, { status: "triggered" }));
    await client().ingestions.start("a b", "x/y", "acme");
    expect(server.requests[0]!.path).toBe("/api/v1/deployments/a%20b/ingestion/x%2Fy/trigger");
    await expect(client().ingestions.start("..", "x", "acme")).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(client().ingestions.start("ns", "x", " ")).rejects.toThrow(/'account'/);
    expect(server.requests).toHaveLength(1);
  });
});
