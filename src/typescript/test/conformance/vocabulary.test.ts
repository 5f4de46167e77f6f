/**
 * The TypeScript half of the vocabulary check (issue 26, item 3; tests/conformance/README.md, "Vocabulary"): every
 * export of src/index.ts, and every public member of an exported class or interface whose kind is checked (clients,
 * sub-clients, options, errors, run handles, paging, status mappings), has an entry in
 * tests/conformance/vocabulary/vocabulary.json, and every TypeScript name the map gives still exists. The C# half is
 * tests/Astro.Triggers.Sdk.Tests/Conformance/Vocabulary/VocabularyTests.cs.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { conformanceRoot } from "./suite.js";
import { typescriptSurface } from "./vocabularySurface.mjs";

interface Entry {
  readonly kind?: string;
  readonly csharp: string | null;
  readonly typescript: string | null;
  readonly reason?: string;
  readonly drift?: boolean;
}

interface VocabularyFile {
  readonly memberKinds: readonly string[];
  readonly concepts: readonly Entry[];
  readonly accepted: readonly Entry[];
}

const mapPath = "tests/conformance/vocabulary/vocabulary.json";
const map = JSON.parse(readFileSync(join(conformanceRoot, "vocabulary", "vocabulary.json"), "utf8")) as VocabularyFile;
const entries = [...map.concepts, ...map.accepted];
const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const surface = typescriptSurface(packageDir);
const howToAdd =
  'add it to "concepts" with its C#, Python and CLI names, or to "accepted" with "drift" and a reason ' +
  '(node tests/conformance/vocabulary/generate.mjs drafts the entry; see tests/conformance/README.md, "Vocabulary")';

describe("conformance > vocabulary", () => {
  it("every TypeScript export, and every member of a checked kind, has an entry", () => {
    const byName = new Map<string, Entry>();
    for (const e of entries) if (e.typescript !== null && !byName.has(e.typescript)) byName.set(e.typescript, e);
    const problems: string[] = [];
    for (const exported of surface) {
      const entry = byName.get(exported.name);
      if (!entry) {
        problems.push(`TypeScript export '${exported.name}' (${exported.kind}, src/index.ts) has no entry in ${mapPath}: ${howToAdd}; give it a "kind".`);
        continue;
      }
      // The kind lives on the type's entry; a type two C# types map to (TriggeredRun, TriggeredRun<T>) takes either's.
      const kind = entries.find((e) => e.typescript === exported.name && e.kind !== undefined)?.kind;
      if (kind === undefined) {
        if (exported.members.length > 0) problems.push(`${mapPath}: the entry for TypeScript '${exported.name}' has no "kind" (one of ${map.memberKinds.join(", ")} to have its members checked, or model, enum, delegate, ...).`);
        continue;
      }
      if (!map.memberKinds.includes(kind)) continue;
      for (const member of exported.members) {
        const name = `${exported.name}.${member}`;
        if (!byName.has(name)) problems.push(`TypeScript public member '${name}' (of a ${kind} type) has no entry in ${mapPath}: ${howToAdd}.`);
      }
    }
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("every TypeScript name in the map exists", () => {
    const names = new Set(surface.flatMap((e) => [e.name, ...e.members.map((m) => `${e.name}.${m}`)]));
    const problems = (["concepts", "accepted"] as const).flatMap((list) =>
      map[list].flatMap((e, i) =>
        e.typescript !== null && !names.has(e.typescript)
          ? [
              `${mapPath} (${list}[${i}]) names TypeScript '${e.typescript}', which src/index.ts no longer exports: rename the entry's "typescript" to the new name, ` +
                `set it to null if only TypeScript lost it (the entry then belongs in "accepted" with a reason), or remove the entry if the concept is gone everywhere.`,
            ]
          : [],
      ),
    );
    expect(problems, problems.join("\n")).toEqual([]);
  });

  it("every accepted difference says why", () => {
    const problems = map.accepted
      .filter((e) => typeof e.drift !== "boolean" || !e.reason || e.reason.startsWith("TODO"))
      .map((e) => `${mapPath}: the accepted difference for ${e.csharp ?? e.typescript} needs "drift" (true or false) and a reason (not TODO).`);
    expect(problems, problems.join("\n")).toEqual([]);
  });
});
