// Every ```ts block of this package's README (and of the repository README, which has none today) is type-checked as
// a user's module under the strictest settings users have, against the package's own published declarations, and
// run against `astro-triggers fakes` — as tests/Astro.Triggers.Sdk.Tests/Readme/ does for C# (issue 27 §3). So a
// snippet that stops compiling or running fails here, not for a user who pasted it; a wrong snippet is fixed in README.
//
// The convention (README stays readable): an HTML comment right before a block, invisible on the rendered page,
//   <!-- snippet: type-check only (why)
//   declarations of the names the prose calls the reader's own (apiKey, saved, …)
//   -->
// prepends its lines after the first to the block, and "type-check only" keeps it from running (a block that calls
// the real services by their own ids). Any other block runs, in a folder holding the fakes' fakes.json.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningFakes, startFakes } from "../integration/fakes.globalSetup.js";
import { fakes as sharedFakes } from "../integration/fakes.js";

const packageRoot = fileURLToPath(new URL("../../", import.meta.url));
const repositoryRoot = join(packageRoot, "..", "..");
const readmes = [join(packageRoot, "README.md"), join(repositoryRoot, "README.md")];

interface Snippet {
  name: string;
  code: string;
  preamble: string;
  run: boolean;
}

/** The ```ts blocks of a markdown file, each with the snippet comment right before it, if any. */
export function extractSnippets(markdown: string, file: string): Snippet[] {
  const snippets: Snippet[] = [];
  const block = /(?:<!--\s*snippet:([^\n]*)\n([\s\S]*?)-->\s*\n)?```ts\n([\s\S]*?)```/g;
  for (const match of markdown.matchAll(block)) {
    const line = markdown.slice(0, match.index + match[0].indexOf("```ts")).split("\n").length;
    snippets.push({
      name: `${file}:${line}`,
      code: match[3]!,
      preamble: match[2] ?? "",
      run: !(match[1] ?? "").includes("type-check only"),
    });
  }
  return snippets;
}

function run(file: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, env: { ...process.env, NODE_OPTIONS: "" }, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }));
  });
}

const snippets = await Promise.all(readmes.map(async (path) => extractSnippets(await readFile(path, "utf8"), path.slice(repositoryRoot.length))))
  .then((all) => all.flat());

describe("README's TypeScript snippets", () => {
  let work = "";
  let checked: { code: number; stdout: string } | undefined;
  let ownFakes: RunningFakes | undefined;

  beforeAll(async () => {
    // A user's project: the package (its declarations and build, from this tree) and its dependency in node_modules.
    work = await mkdtemp(join(tmpdir(), "astro-readme-"));
    const installed = join(work, "node_modules", "@astro-triggers", "sdk");
    await mkdir(installed, { recursive: true });
    await cp(join(packageRoot, "package.json"), join(installed, "package.json"));
    const build = await run(join(packageRoot, "node_modules", ".bin", "tsc"), ["-p", join(packageRoot, "tsconfig.build.json"), "--outDir", join(installed, "dist")], packageRoot);
    if (build.code !== 0) throw new Error(`building the package failed:\n${build.stdout}${build.stderr}`);
    for (const dependency of ["openapi-fetch", "openapi-typescript-helpers"]) {
      await symlink(join(packageRoot, "node_modules", dependency), join(work, "node_modules", dependency), "dir");
    }
    await writeFile(join(work, "package.json"), JSON.stringify({ name: "readme", private: true, type: "module" }));
    const files = snippets.map((_, i) => `snippet${i}.mts`);
    await Promise.all(snippets.map((s, i) => writeFile(join(work, files[i]!), `${s.preamble}${s.code}\nexport {};\n`)));
    await writeFile(join(work, "tsconfig.json"), JSON.stringify({
      compilerOptions: {
        target: "ES2022", module: "nodenext", moduleResolution: "nodenext", strict: true, exactOptionalPropertyTypes: true,
        noUncheckedIndexedAccess: true, skipLibCheck: false, outDir: "out", typeRoots: [join(packageRoot, "node_modules", "@types")], types: ["node"],
      },
      files,
    }));
    checked = await run(join(packageRoot, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.json", "--noEmitOnError", "false"], work);

    // Fakes of their own, so the integration tests' faults (they aim at a whole service) cannot reach a snippet.
    if (sharedFakes && snippets.some((s) => s.run)) {
      ownFakes = await startFakes();
      await writeFile(join(work, "fakes.json"), JSON.stringify(ownFakes.document));
    }
  }, 120_000);

  afterAll(async () => {
    await ownFakes?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("finds the blocks, and the known inputs among them", () => {
    expect(snippets.length).toBeGreaterThanOrEqual(2);
    // Issue 27 §2: `byPage({ continuationToken: saved })` with `let saved: string | undefined` (TS2379 under
    // exactOptionalPropertyTypes before PageOptions admitted undefined): checked in a block that runs, too.
    const byPage = snippets.filter((s) => s.code.includes("continuationToken: saved") && /let saved: string \| undefined/.test(s.preamble + s.code));
    expect(byPage.map((s) => s.run).sort()).toEqual([false, true]);
  });

  it.each(snippets.map((s, i) => [s.name, i] as const))("%s type-checks (strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess, nodenext)", (_, i) => {
    const errors = checked!.stdout.split("\n").filter((l) => l.startsWith(`snippet${i}.mts(`));
    expect(errors).toEqual([]);
    // Nothing outside the snippets either (the package's own declarations, skipLibCheck off).
    expect(checked!.stdout.split("\n").filter((l) => /error TS/.test(l) && !l.startsWith("snippet"))).toEqual([]);
  });

  const runnable = snippets.flatMap((s, i) => (s.run ? [[s.name, i] as const] : []));
  it.skipIf(!sharedFakes).each(runnable)("%s runs against the fakes", async (_, i) => {
    const result = await run(process.execPath, [join("out", `snippet${i}.mjs`)], work);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).not.toBe("");
  }, 60_000);
});
