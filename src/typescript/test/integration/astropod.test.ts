import { describe, expect, it } from "vitest";
import { BadRequestError, ForbiddenError, NotFoundError } from "../../src/index.js";
import { astropodClient, env, fakes } from "./fakes.js";

describe.skipIf(!fakes)("Astropod against astro-triggers fakes (AstropodFakeTests)", () => {
  it("deployments.list → get → listIngestionSources → ingestions.start: the manual source starts, with no status to follow", async () => {
    const astropod = astropodClient();
    const account = env("astropod", "ASTROPOD_ACCOUNT");
    const deployments = await astropod.deployments.list(account).toArray();
    expect(deployments.map((d) => d.id)).toEqual([env("astropod", "ASTROPOD_DEPLOYMENT_ID")]);
    const deployment = deployments[0]!;
    expect(new Date(deployment.created_at!).toISOString()).toBe("2026-01-01T00:00:00.000Z");

    const details = await astropod.deployments.get(deployment.id);
    expect(details.workloads?.map((w) => w.component)).toEqual(["agent", "ingestion-docs_sync", "ingestion-nightly_crawl"]);

    const pages = [];
    for await (const page of astropod.deployments.listIngestionSources(deployment.id).byPage()) pages.push(page);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.hasMore).toBe(false);
    expect(pages[0]!.items.map((s) => [s.name, s.component, s.schedule])).toEqual([
      ["docs_sync", "ingestion-docs_sync", undefined],
      ["nightly_crawl", "ingestion-nightly_crawl", "0 2 * * *"],
    ]);

    const manual = pages[0]!.items.find((s) => s.schedule === undefined)!;
    const first = await astropod.ingestions.start(deployment.namespace!, manual.name, account);
    const second = await astropod.ingestions.start(deployment.namespace!, manual.name, account);
    expect(first).toMatchObject({ status: "triggered", namespace: deployment.namespace, ingestion: "docs_sync", hasStatusSource: false });
    expect(first.jobName).toMatch(/^ingestion-docs-sync-manual-\d{4}$/);
    expect(second.jobName).not.toBe(first.jobName);
  });

  it("the fake's refusals arrive typed: a scheduled source (400), another account (403), an unknown deployment or source (404)", async () => {
    const astropod = astropodClient();
    const account = env("astropod", "ASTROPOD_ACCOUNT");
    const [deployment] = await astropod.deployments.list(account).toArray();
    const scheduled = (await astropod.ingestions.start(deployment!.namespace!, "nightly_crawl", account).catch((e: unknown) => e)) as BadRequestError;
    expect(scheduled).toBeInstanceOf(BadRequestError);
    expect([scheduled.status, scheduled.errorCode, scheduled.mayHaveBeenProcessed]).toEqual([400, "BAD_REQUEST", false]);
    await expect(astropod.deployments.list("someone-else").toArray()).rejects.toBeInstanceOf(ForbiddenError);
    await expect(astropod.ingestions.start(deployment!.namespace!, "docs_sync", "someone-else")).rejects.toBeInstanceOf(ForbiddenError);
    await expect(astropod.deployments.get("dep-missing")).rejects.toBeInstanceOf(NotFoundError);
    await expect(astropod.deployments.listIngestionSources("dep-missing").toArray()).rejects.toBeInstanceOf(NotFoundError);
    await expect(astropod.ingestions.start(deployment!.namespace!, "no_such_source", account)).rejects.toMatchObject({ status: 404, errorCode: "NOT_FOUND" });
  });
});
