/**
 * Runs every scenario of tests/conformance/scenarios/*.json against the TypeScript client over the suite's shared
 * scripted server (the .NET project, spawned once): the outcome (value fields, or the error's kind and chosen
 * fields), the requests the server saw and its mismatches against each `expect`. Accepted differences as for the rule
 * vectors, with ids `scenario/<file>/<name>`. ASTRO_SKIP_INTEGRATION=1 (no .NET SDK) skips them, reported as skipped.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AstroTriggersError,
  InvalidArgumentError,
  PagingError,
  ResponseDeserializationError,
  ResponseTooLargeError,
  RateLimitExceededError,
  RunFailedError,
  ServiceRequestError,
  ServiceTimeoutError,
  TransportError,
} from "../../src/index.js";
import { operations } from "./adapters/scenarioOperations.js";
import { ScenarioServerProcess, type ServerReport } from "./scenarioServer.js";
import { conformanceRoot, jsonEqual, loadAccepted, type Json, type JsonObject } from "./suite.js";

interface Scenario extends JsonObject {
  name: string;
  description: string;
  operation: string;
  arguments: JsonObject;
  client: JsonObject;
  exchanges: JsonObject[];
  outcome: JsonObject;
}

const folder = join(conformanceRoot, "scenarios");
const files = readdirSync(folder)
  .filter((name) => name.endsWith(".json"))
  .sort()
  .map((name) => ({ file: basename(name, ".json"), ...(JSON.parse(readFileSync(join(folder, name), "utf8")) as { client?: JsonObject; scenarios: Scenario[] }) }));
const accepted = loadAccepted("typescript");
const skip = process.env.ASTRO_SKIP_INTEGRATION === "1";

/** The error in the suite's vocabulary (README, "Scenarios"). */
function describeError(error: unknown, secret: string | undefined): JsonObject {
  const kind =
    error instanceof ServiceTimeoutError ? "Timeout"
    : error instanceof TransportError ? "Transport"
    : error instanceof ResponseTooLargeError ? "TooLarge"
    : error instanceof ResponseDeserializationError ? "Deserialization"
    : error instanceof PagingError ? "Paging"
    : error instanceof InvalidArgumentError ? "InvalidArgument"
    // A paced refusal is a RateLimitExceededError (as C#'s runner matches PacedRateLimitException by its base).
    : error instanceof RateLimitExceededError ? "RateLimitExceeded"
    : error instanceof AstroTriggersError ? error.constructor.name.replace(/Error$/, "").replace(/^InternalServer$/, "InternalServerError")
    : `unexpected ${String(error)}`;
  const result: JsonObject = { kind };
  if (error instanceof AstroTriggersError) {
    result.status = error.status;
    result.errorCode = error.errorCode ?? null;
    result.mayHaveBeenProcessed = error.mayHaveBeenProcessed;
    result.serviceMessage = (error instanceof RunFailedError ? error.serviceError : error.serviceMessage) ?? null;
    result.requestId = error instanceof RunFailedError ? null : (error.requestId ?? null);
  }
  result.retryAfterMs = error instanceof ServiceRequestError && error.retryAfter !== undefined ? error.retryAfter : null;
  const texts = [error instanceof Error ? error.message : String(error), error instanceof AstroTriggersError ? (error.rawBody ?? "") : "", String(error)];
  result.secretAbsent = !secret || !texts.some((text) => text.includes(secret));
  return result;
}

function compare(scenario: Scenario, actual: JsonObject, report: ServerReport): string[] {
  const differences: string[] = [];
  for (const part of ["value", "error"] as const) {
    const wanted = scenario.outcome[part] as JsonObject | undefined;
    if (wanted === undefined) continue;
    const got = actual[part] as JsonObject | undefined;
    if (got === undefined) {
      differences.push(`expected a ${part}, got ${JSON.stringify(actual)}`);
      continue;
    }
    for (const [name, value] of Object.entries(wanted)) {
      if (!Object.hasOwn(got, name) || !jsonEqual(value, got[name])) {
        differences.push(`${part}.${name} is ${Object.hasOwn(got, name) ? JSON.stringify(got[name]) : "missing"}, expected ${JSON.stringify(value)}`);
      }
    }
  }
  const requests = (scenario.outcome.requests as number | undefined) ?? scenario.exchanges.filter((e) => e.fault !== "refuse-connection").length;
  if (report.requests !== requests) differences.push(`the server saw ${report.requests} request(s), expected ${requests}`);
  return [...differences, ...report.mismatches];
}

let server: ScenarioServerProcess | undefined;

describe.skipIf(skip)("conformance scenarios", () => {
  beforeAll(async () => {
    server = await ScenarioServerProcess.start();
  }, 180_000);
  afterAll(async () => server?.stop());

  for (const file of files) {
    describe(file.file, () => {
      for (const scenario of file.scenarios) {
        const id = `scenario/${file.file}/${scenario.name}`;
        it(id, async () => {
          const operation = Object.hasOwn(operations, scenario.operation) ? operations[scenario.operation] : undefined;
          expect(operation, `operation "${scenario.operation}" (${id}) has no TypeScript adapter`).toBeDefined();
          const client: JsonObject = { ...(file.client ?? {}), ...(scenario.client ?? {}) };
          const listener = await server!.begin(`${file.file}/${scenario.name}`);
          let actual: JsonObject;
          try {
            actual = { value: await operation!(scenario.arguments ?? {}, client, listener.baseUrl, scenario.wait as JsonObject | undefined) };
          } catch (error) {
            actual = { error: describeError(error, client.apiKey as string | undefined) };
          }
          const report = await server!.report(listener.id);
          const differences = compare(scenario, actual, report);
          const reason = accepted.get(id);
          if (reason !== undefined) {
            expect(differences.length > 0, `${id} is listed in tests/conformance/accepted-differences/typescript.json (${reason}) but now passes: remove it from the list`).toBe(true);
          } else {
            expect(differences, `${id}: outcome ${JSON.stringify(actual)}`).toEqual([]);
          }
        }, 30_000);
      }
    });
  }

  it("every accepted scenario difference names a scenario and a reason", () => {
    const ids = new Set(files.flatMap((file) => file.scenarios.map((s) => `scenario/${file.file}/${s.name}`)));
    for (const [id, reason] of accepted) {
      if (!id.startsWith("scenario/")) continue;
      expect(ids.has(id), `accepted-differences/typescript.json lists ${id}, which is not a scenario`).toBe(true);
      expect(reason.trim(), `${id} says why TypeScript differs`).not.toBe("");
    }
  });

  it("the scenario files are well formed", () => {
    const ids = files.flatMap((file) => file.scenarios.map((s) => `${file.file}/${s.name}`));
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size, "scenario names are unique within their file").toBe(ids.length);
    for (const file of files) {
      for (const scenario of file.scenarios) {
        expect(scenario.description.trim(), `${file.file}/${scenario.name} says what it pins`).not.toBe("");
        expect(Object.hasOwn(operations, scenario.operation), `${file.file}/${scenario.name}: operation ${scenario.operation} has a TypeScript adapter`).toBe(true);
      }
    }
  });
});

// Keeps the Json import used for readers of this file's types.
export type { Json };
