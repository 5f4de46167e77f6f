/**
 * The suite's scripted loopback server (tests/Astro.Triggers.Conformance.Server), run as `dotnet <dll>` and spoken to
 * in JSON lines over stdin/stdout (tests/conformance/README.md, "Scenarios"): the same bytes the C# runner gets.
 * Builds it once (Release) when its output is missing, like the integration project's fakes.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { conformanceRoot, type JsonObject } from "./suite.js";

const repositoryRoot = join(conformanceRoot, "..", "..");
const project = join(repositoryRoot, "tests", "Astro.Triggers.Conformance.Server");
const dll = join(project, "bin", "Release", "net10.0", "Astro.Triggers.Conformance.Server.dll");
const dotnetEnv = { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: "1", DOTNET_NOLOGO: "1", DOTNET_SKIP_FIRST_TIME_EXPERIENCE: "1" };

export interface ServerReport {
  requests: number;
  mismatches: string[];
  seen: JsonObject[];
}

export class ScenarioServerProcess {
  readonly #child: ChildProcess;
  readonly #waiting: ((line: JsonObject) => void)[] = [];
  #output = "";

  private constructor(child: ChildProcess) {
    this.#child = child;
    createInterface({ input: child.stdout! }).on("line", (line) => this.#waiting.shift()?.(JSON.parse(line) as JsonObject));
    child.stderr!.on("data", (chunk: Buffer) => (this.#output = (this.#output + chunk.toString("utf8")).slice(-4000)));
  }

  /** Starts the server (building it first when needed) and waits for its ready line. */
  static async start(): Promise<ScenarioServerProcess> {
    if (!existsSync(dll)) {
      const build = spawnSync("dotnet", ["build", project, "-c", "Release", "--nologo", "-v", "quiet"], {
        cwd: repositoryRoot, env: dotnetEnv, stdio: ["ignore", process.stderr, process.stderr], timeout: 10 * 60_000,
      });
      if (build.status !== 0 || !existsSync(dll)) throw new Error(`scenarios: 'dotnet build ${project} -c Release' failed (exit ${build.status ?? build.signal})`);
    }
    const child = spawn("dotnet", [dll, join(conformanceRoot, "scenarios")], { env: dotnetEnv, stdio: ["pipe", "pipe", "pipe"] });
    const server = new ScenarioServerProcess(child);
    process.once("exit", () => child.kill("SIGKILL"));
    const ready = await server.#next(30_000);
    if (ready.ready !== true) throw new Error(`scenarios: the server did not start: ${JSON.stringify(ready)} ${server.#output}`);
    return server;
  }

  /** A fresh listener playing scenario `<file>/<name>`; its base URL. */
  async begin(id: string): Promise<{ id: number; baseUrl: string }> {
    const answer = await this.#send({ start: id });
    if (typeof answer.baseUrl !== "string") throw new Error(`scenarios: could not start ${id}: ${JSON.stringify(answer)}`);
    return { id: answer.id as number, baseUrl: answer.baseUrl };
  }

  /** What the listener saw; it stops. */
  async report(id: number): Promise<ServerReport> {
    return (await this.#send({ report: id })) as unknown as ServerReport;
  }

  async stop(): Promise<void> {
    this.#child.stdin!.end();
    if (this.#child.exitCode === null) {
      const timer = setTimeout(() => this.#child.kill("SIGKILL"), 5_000);
      await new Promise((resolve) => this.#child.once("exit", resolve));
      clearTimeout(timer);
    }
  }

  #send(command: JsonObject): Promise<JsonObject> {
    const answer = this.#next(10_000);
    this.#child.stdin!.write(JSON.stringify(command) + "\n");
    return answer;
  }

  #next(timeoutMs: number): Promise<JsonObject> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`scenarios: no answer from the server within ${timeoutMs} ms ${this.#output}`)), timeoutMs);
      this.#waiting.push((line) => {
        clearTimeout(timer);
        resolve(line);
      });
    });
  }
}
