// The package as a user installs it (issue 27 §2, "require() fails at resolution"): built and packed with npm pack,
// the tarball installed offline into a fresh CommonJS project, then loaded by import (ESM), by require() (CommonJS),
// and type-checked from a .mts and a .cts consumer, each making a real call to a loopback server of this test.
//
// The build goes to a staging copy, not to dist/ or src/generated/ here: `npm pack` in this folder would run prepack
// (npm run build → generate), which deletes src/generated/ while other test files import from it. `npm test` has
// generated it; the staging copy has the same package.json, so `files` and `exports` are the ones that ship.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const packageRoot = fileURLToPath(new URL("../../", import.meta.url));
const bin = (name: string) => join(packageRoot, "node_modules", ".bin", name);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a process without blocking this one (the loopback server below answers the consumers meanwhile). */
function run(file: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, env: { ...process.env, ...env, NODE_OPTIONS: "" }, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

async function ok(file: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<string> {
  const result = await run(file, args, cwd, env);
  if (result.code !== 0) throw new Error(`${file} ${args.join(" ")} exited ${result.code}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** The runtime dependencies of a package in node_modules, transitively, as folders to pack (no registry needed). */
async function runtimeDependencies(name: string, seen = new Set<string>()): Promise<string[]> {
  const folder = name === "" ? packageRoot : join(packageRoot, "node_modules", name);
  const manifest = JSON.parse(await readFile(join(folder, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
  for (const dependency of Object.keys(manifest.dependencies ?? {})) {
    if (seen.has(dependency)) continue;
    seen.add(dependency);
    await runtimeDependencies(dependency, seen);
  }
  return [...seen];
}

// One consumer body per module system; each reads a job, turns a 404 into NotFoundError and prints what it saw.
const esmConsumer = `import { AgentsetClient, NotFoundError } from "@astro-triggers/sdk";
const client = new AgentsetClient({ apiKey: "key", namespaceId: "ns_1", baseUrl: process.env.BASE_URL });
const job = await client.ingestJobs.get("job_1");
const missing = await client.ingestJobs.get("job_missing").catch((e) => e);
console.log(JSON.stringify({ id: job.id, status: job.status, notFound: missing instanceof NotFoundError, code: missing.errorCode }));
`;

const cjsConsumer = `const { AgentsetClient, NotFoundError } = require("@astro-triggers/sdk");
(async () => {
  const client = new AgentsetClient({ apiKey: "key", namespaceId: "ns_1", baseUrl: process.env.BASE_URL });
  const job = await client.ingestJobs.get("job_1");
  const missing = await client.ingestJobs.get("job_missing").catch((e) => e);
  // The same module instance as import() gives: one class, so instanceof holds across both ways of loading.
  const imported = await import("@astro-triggers/sdk");
  console.log(JSON.stringify({ id: job.id, status: job.status, notFound: missing instanceof NotFoundError, code: missing.errorCode,
    sameClasses: imported.NotFoundError === NotFoundError && imported.AgentsetClient === AgentsetClient }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

// TypeScript consumers: a .mts (ESM) and a .cts (its imports compile to require()), type-checked with the strictest
// settings users have and skipLibCheck off, so the published declarations must be complete for both.
const tsBody = (main: string) => `import { AgentsetClient, NotFoundError, type CreateIngestJobRequest, type IngestJob } from "@astro-triggers/sdk";

// If the package's types degraded to \`any\`, this directive would be unused, which is an error.
// @ts-expect-error a payload type the Agentset document does not have
const wrong: CreateIngestJobRequest = { payload: { type: "NOPE", text: "x" } };
void wrong;

${main}
`;
const tsCall = `const client = new AgentsetClient({ apiKey: "key", namespaceId: "ns_1", baseUrl: process.env["BASE_URL"] ?? "" });
  const job: IngestJob = await client.ingestJobs.get("job_1");
  const missing: unknown = await client.ingestJobs.get("job_missing").catch((e: unknown) => e);
  console.log(JSON.stringify({ id: job.id, status: job.status, notFound: missing instanceof NotFoundError,
    code: missing instanceof NotFoundError ? missing.errorCode : undefined }));`;
const mtsConsumer = tsBody(tsCall.replace(/\n {2}/g, "\n"));
const ctsConsumer = tsBody(`void (async () => {\n  ${tsCall}\n})().catch((e: unknown) => { console.error(e); process.exit(1); });`);

const tsconfig = (module: string, files: string[], skipLibCheck = false) =>
  JSON.stringify({
    compilerOptions: {
      target: "ES2022", module, moduleResolution: module, strict: true, exactOptionalPropertyTypes: true, noUncheckedIndexedAccess: true,
      skipLibCheck, outDir: "out", typeRoots: [join(packageRoot, "node_modules", "@types")], types: ["node"],
    },
    files,
  });

const expected = { id: "job_1", status: "COMPLETED", notFound: true, code: "not_found" };

describe("the packed package, installed from its tarball", () => {
  let work = "";
  let app = "";
  let tarball = "";
  let server: Server;
  let baseUrl = "";
  const requests: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(packageRoot, "src", "generated", "agentset.ts"))) {
      throw new Error("src/generated/ is missing: run the tests with `npm test` (it generates the types first)");
    }
    work = await mkdtemp(join(tmpdir(), "astro-package-"));
    const stage = join(work, "stage");
    await mkdir(stage);
    await Promise.all([
      cp(join(packageRoot, "package.json"), join(stage, "package.json")),
      cp(join(packageRoot, "README.md"), join(stage, "README.md")),
      cp(join(packageRoot, "..", "..", "LICENSE"), join(stage, "LICENSE")),
      cp(join(packageRoot, "src"), join(stage, "src"), { recursive: true }),
    ]);
    await ok(bin("tsc"), ["-p", join(packageRoot, "tsconfig.build.json"), "--outDir", join(stage, "dist")], packageRoot);
    tarball = join(work, (await ok("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", work], stage)).trim().split("\n").pop()!);
    // Its dependencies packed from node_modules, so the install below needs neither the registry nor npm's cache.
    const dependencies = await runtimeDependencies("");
    const packed = await Promise.all(dependencies.map(async (name) =>
      join(work, (await ok("npm", ["pack", "--ignore-scripts", "--silent", "--pack-destination", work], join(packageRoot, "node_modules", name))).trim().split("\n").pop()!)));

    // A fresh project as `npm init -y` makes it: CommonJS (no "type"), so .js would be CommonJS too.
    app = join(work, "app");
    await mkdir(app);
    await writeFile(join(app, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true }));
    await ok("npm", ["install", "--offline", "--no-audit", "--no-fund", "--loglevel=error", tarball, ...packed], app);

    server = createServer((request, response) => {
      requests.push(`${request.method} ${request.url}`);
      response.setHeader("content-type", "application/json");
      if (request.url?.includes("job_missing")) {
        response.statusCode = 404;
        response.end(JSON.stringify({ success: false, error: { code: "not_found", message: "no such job" } }));
        return;
      }
      response.end(JSON.stringify({ success: true, data: { id: "job_1", namespaceId: "ns_1", status: "COMPLETED",
        payload: { type: "TEXT", text: "hi" }, createdAt: "2026-11-30T10:00:00.000Z" } }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 180_000);

  afterAll(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    if (work) await rm(work, { recursive: true, force: true });
  });

  const consume = async (file: string, source: string, nodeArgs: string[] = []) => {
    await writeFile(join(app, file), source);
    const before = requests.length;
    const result = await run(process.execPath, [...nodeArgs, file], app, { BASE_URL: baseUrl });
    return { ...result, requests: requests.slice(before) };
  };

  it("ships the ESM build, the require() entry, the declarations and the license", async () => {
    const listing = await ok("tar", ["-tzf", tarball], work);
    for (const file of ["package/dist/index.js", "package/dist/index.d.ts", "package/dist/require.cjs", "package/LICENSE", "package/README.md"]) {
      expect(listing.split("\n")).toContain(file);
    }
  });

  it("loads with import from an ES module and calls the service", async () => {
    const result = await consume("consumer.mjs", esmConsumer);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual(expected);
    expect(result.requests).toEqual([expect.stringMatching(/^GET \/.*\/job_1$/), expect.stringMatching(/^GET \/.*\/job_missing$/)]);
  });

  it("loads with require() from CommonJS (Node 20.19+: the same module instance as import) and calls the service", async () => {
    const result = await consume("consumer.cjs", cjsConsumer);
    // No ExperimentalWarning or other noise on stderr: require(esm) is a plain require on this Node.
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({ ...expected, sameClasses: true });
    expect(result.requests).toHaveLength(2);
  });

  it("on a Node without require(esm) (20.0–20.18, 22.0–22.11), require() says which Node loads it and to use import()", async () => {
    // --no-experimental-require-module turns require(esm) off, as those versions have it.
    const result = await consume("consumer-old-node.cjs", cjsConsumer, ["--no-experimental-require-module"]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("@astro-triggers/sdk is an ES module: require() loads it on Node.js 20.19+ and 22.12+");
    expect(result.stderr).toContain('await import("@astro-triggers/sdk")');
    expect(result.requests).toHaveLength(0);
  });

  it("type-checks a .mts and a .cts consumer (module nodenext, strict, exactOptionalPropertyTypes) and both run", async () => {
    await writeFile(join(app, "consumer.mts"), mtsConsumer);
    await writeFile(join(app, "consumer.cts"), ctsConsumer);
    await writeFile(join(app, "tsconfig.json"), tsconfig("nodenext", ["consumer.mts", "consumer.cts"]));
    await ok(bin("tsc"), ["-p", "tsconfig.json"], app);
    // The .cts compiled to require(), not to import().
    expect(await readFile(join(app, "out", "consumer.cjs"), "utf8")).toContain('require("@astro-triggers/sdk")');
    for (const file of ["out/consumer.mjs", "out/consumer.cjs"]) {
      const result = await run(process.execPath, [file], app, { BASE_URL: baseUrl });
      expect(result.stderr, file).toBe("");
      expect(JSON.parse(result.stdout), file).toEqual(expected);
    }
  }, 60_000);

  it("under module node16 the .mts consumer type-checks and the .cts gets TS1479 (require of ESM needs nodenext), as README says", async () => {
    const dir = join(app, "node16");
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, "consumer.mts"), mtsConsumer);
    await writeFile(join(dir, "consumer.cts"), ctsConsumer);
    // The declarations were checked above; only the consumers' imports are in question here.
    await writeFile(join(dir, "tsconfig.json"), tsconfig("node16", ["consumer.mts", "consumer.cts"], true));
    const result = await run(bin("tsc"), ["-p", "tsconfig.json", "--noEmit"], dir);
    const errors = result.stdout.split("\n").filter((line) => /error TS\d+/.test(line));
    expect(errors).toEqual([expect.stringMatching(/^consumer\.cts\(1,.*error TS1479:/)]);
  }, 60_000);
});
