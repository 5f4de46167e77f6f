import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// Issue 27 §3: tests mirror src/ folder for folder, as the C# tests mirror theirs (STYLE.md, "What we take", 9). A test
// of src/core/retry/retryPolicy.ts lives in test/core/retry/; only the suites that test no one src file have folders
// of their own. A test anywhere else — a catch-all test/unit/, a loose file in a folder src/ does not have — fails here.
const SUITES = ["conformance", "fault", "integration", "package", "readme", "support"];

const testRoot = dirname(fileURLToPath(import.meta.url));
const srcRoot = join(testRoot, "..", "src");

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("test/ mirrors src/", () => {
  it("every *.test.ts outside the suite folders is in a folder that src/ has", () => {
    const misplaced = testFiles(testRoot)
      .map((path) => relative(testRoot, path).split(sep).join("/"))
      .filter((file) => !SUITES.includes(file.split("/")[0]!))
      .filter((file) => !existsSync(join(srcRoot, dirname(file))))
      .sort()
      .map((file) => `test/${file}: src/${dirname(file)}/ does not exist; move it beside the tests of the src file it tests`);
    expect(misplaced).toEqual([]);
  });
});
