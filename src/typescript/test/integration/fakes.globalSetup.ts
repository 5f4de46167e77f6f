// Vitest global setup of the `integration` project: starts `astro-triggers fakes` (the five stateful fakes of
// Astro.Triggers.Sdk.Testing, served by the .NET CLI) as a child process on loopback, waits for the JSON it writes,
// hands the base URLs, keys and ids to the tests (`inject("fakes")`), and stops it at the end — also when a test or
// this setup fails. Builds the CLI once when it is not built yet (`.ci/test` runs the .NET suite first, which builds it).
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import type { FakesDocument } from "./fakes.js";

const repositoryRoot = fileURLToPath(new URL("../../../../", import.meta.url));
const cliProject = join(repositoryRoot, "src", "Astro.Triggers.Cli");
const cliDll = join(cliProject, "bin", "Release", "net10.0", "astro-triggers.dll");
const dotnetEnv = { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: "1", DOTNET_NOLOGO: "1", DOTNET_SKIP_FIRST_TIME_EXPERIENCE: "1" };
const startTimeoutMs = 60_000;
const stopTimeoutMs = 5_000;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.ASTRO_SKIP_INTEGRATION === "1") {
    // An explicit opt-out (no .NET SDK on the machine): the tests report as skipped, never as passed.
    process.stderr.write("integration: ASTRO_SKIP_INTEGRATION=1, the tests against astro-triggers fakes are skipped\n");
    project.provide("fakes", null);
    return async () => {};
  }
  ensureCliBuilt();
  const fakes = await startFakes();
  project.provide("fakes", fakes.document);
  return fakes.stop;
}

/** Builds src/Astro.Triggers.Cli (Release) once when its output is missing. */
function ensureCliBuilt(): void {
  if (existsSync(cliDll)) return;
  const probe = spawnSync("dotnet", ["--version"], { env: dotnetEnv, encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      "integration: the tests run against `astro-triggers fakes`, which needs the .NET 10 SDK (`dotnet` was not found). " +
        "Install it, or set ASTRO_SKIP_INTEGRATION=1 to skip these tests (reported as skipped).",
    );
  }
  process.stderr.write(`integration: ${cliDll} is missing; building it once (dotnet build src/Astro.Triggers.Cli -c Release)\n`);
  const build = spawnSync("dotnet", ["build", cliProject, "-c", "Release", "--nologo", "-v", "quiet"], {
    cwd: repositoryRoot, env: dotnetEnv, stdio: ["ignore", process.stderr, process.stderr], timeout: 10 * 60_000,
  });
  if (build.status !== 0 || !existsSync(cliDll)) {
    throw new Error(`integration: 'dotnet build src/Astro.Triggers.Cli -c Release' failed (exit ${build.status ?? build.signal}); see its output above.`);
  }
}

export interface RunningFakes {
  document: FakesDocument;
  stop: () => Promise<void>;
}

/** Starts `astro-triggers fakes --fast --out <file>` and resolves once the file exists (it is written when every fake listens). */
export async function startFakes(): Promise<RunningFakes> {
  const dir = await mkdtemp(join(tmpdir(), "astro-fakes-"));
  const outFile = join(dir, "fakes.json");
  const child = spawn("dotnet", [cliDll, "fakes", "--fast", "--out", outFile], { cwd: dir, env: dotnetEnv, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => (output = (output + chunk.toString("utf8")).slice(-8_000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const exited = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? "?")));
  let spawnError: Error | undefined;
  child.once("error", (error) => (spawnError = error));
  // Whatever ends this process (a crash, Ctrl+C of vitest), the fakes do not outlive it.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);

  const stop = async () => {
    process.removeListener("exit", killOnExit);
    await terminate(child, exited);
    await rm(dir, { recursive: true, force: true });
  };

  try {
    const deadline = Date.now() + startTimeoutMs;
    let finished: number | string | undefined;
    void exited.then((code) => (finished = code));
    while (!existsSync(outFile)) {
      if (spawnError) throw new Error(`integration: could not start 'dotnet ${cliDll} fakes': ${spawnError.message}`);
      if (finished !== undefined) throw new Error(`integration: 'astro-triggers fakes' exited (${finished}) before it was ready:\n${output}`);
      if (Date.now() > deadline) throw new Error(`integration: 'astro-triggers fakes' wrote no ${outFile} within ${startTimeoutMs} ms:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const document = JSON.parse(await readFile(outFile, "utf8")) as FakesDocument;
    for (const url of [document.admin, ...Object.values(document.services).map((s) => s.baseUrl)]) {
      if (!/^http:\/\/127\.0\.0\.1:\d+\/?$/.test(url)) throw new Error(`integration: a fake is not on loopback: ${url}`);
    }
    return { document, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** SIGTERM (the CLI stops its fakes and exits 0), then SIGKILL if it has not exited after a few seconds. */
async function terminate(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = new Promise((resolve) => setTimeout(resolve, stopTimeoutMs, "timeout"));
  if ((await Promise.race([exited, timer])) === "timeout") {
    child.kill("SIGKILL");
    await exited;
  }
}
