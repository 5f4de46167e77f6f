/**
 * The language-neutral suite in `tests/conformance/` (its README): rule files, their cases and TypeScript's accepted
 * differences, read from the repository (the folder holding Astro.Triggers.Sdk.sln above this package).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface RuleCase {
  readonly name: string;
  readonly input: JsonObject;
  readonly expected: JsonObject;
}

export interface RuleFile {
  readonly file: string;
  readonly rule: string;
  readonly description: string;
  readonly cases: readonly RuleCase[];
}

function findRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "Astro.Triggers.Sdk.sln"))) return join(dir, "tests", "conformance");
    if (dirname(dir) === dir) throw new Error("No Astro.Triggers.Sdk.sln above the TypeScript package: cannot find tests/conformance.");
  }
}

export const conformanceRoot = findRoot();

export function loadRuleFiles(): RuleFile[] {
  const folder = join(conformanceRoot, "rules");
  return readdirSync(folder)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => ({ file: basename(name, ".json"), ...(JSON.parse(readFileSync(join(folder, name), "utf8")) as Omit<RuleFile, "file">) }));
}

/** "rule/case" → reason, from accepted-differences/<language>.json. */
export function loadAccepted(language: string): Map<string, string> {
  const path = join(conformanceRoot, "accepted-differences", `${language}.json`);
  const entries = JSON.parse(readFileSync(path, "utf8")) as { case: string; reason: string }[];
  const result = new Map<string, string>();
  for (const entry of entries) {
    if (result.has(entry.case)) throw new Error(`${path} lists ${entry.case} twice.`);
    result.set(entry.case, entry.reason);
  }
  return result;
}

/** The suite's comparison: the expected object names exactly the actual's keys; values equal as JSON (key order ignored). */
export function matches(expected: JsonObject, actual: JsonObject): boolean {
  return jsonEqual(expected, actual);
}

export function jsonEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]));
}
