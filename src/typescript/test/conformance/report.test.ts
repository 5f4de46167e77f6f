/**
 * The conformance report is generated, never kept by hand (issue 26, item 2; tests/conformance/README.md, "Current
 * state"): `node tests/conformance/report.mjs --check` fails when the README's section differs from what the suite's
 * files give — a case added, or an accepted difference listed or removed, without regenerating. The C# suite runs the
 * same check (tests/Astro.Triggers.Sdk.Tests/Conformance/ReportTests.cs).
 */
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { conformanceRoot } from "./suite.js";

describe("conformance > report", () => {
  it("tests/conformance/README.md's generated section is up to date (node tests/conformance/report.mjs --check)", () => {
    const result = spawnSync(process.execPath, [join(conformanceRoot, "report.mjs"), "--check"], {
      cwd: dirname(dirname(conformanceRoot)),
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.error, String(result.error)).toBeUndefined();
    expect(result.status, `${result.stderr}${result.stdout}`).toBe(0);
  });
});
