/**
 * Runs every case of tests/conformance/rules/*.json against the TypeScript client (issue 26). A case passes when the
 * adapter's answer equals its `expected`; a case listed in accepted-differences/typescript.json must still differ (so
 * a fixed drift fails until its entry is removed); an unknown rule fails.
 */
import { describe, expect, it } from "vitest";
import { argumentRules } from "./adapters/argumentRules.js";
import { errorBody } from "./adapters/errorBody.js";
import { offsetPaging } from "./adapters/offsetPaging.js";
import { pollSchedule } from "./adapters/pollSchedule.js";
import { rateLimitPacing } from "./adapters/rateLimitPacing.js";
import { retryAfter } from "./adapters/retryAfter.js";
import { resumeToken } from "./adapters/resumeToken.js";
import { retryDecision } from "./adapters/retryDecision.js";
import type { RuleAdapter } from "./adapters/ruleAdapter.js";
import { runStatus } from "./adapters/runStatus.js";
import { serviceErrorMayHaveBeenProcessed } from "./adapters/serviceErrorMayHaveBeenProcessed.js";
import { secretMasking } from "./adapters/secretMasking.js";
import { shipyardCsv } from "./adapters/shipyardCsv.js";
import { loadAccepted, loadRuleFiles, matches, type JsonObject } from "./suite.js";

const adapters: Readonly<Record<string, RuleAdapter>> = {
  "retry-after": retryAfter,
  "run-status": runStatus,
  "error-body": errorBody,
  "secret-masking": secretMasking,
  "shipyard-csv": shipyardCsv,
  "service-error-may-have-been-processed": serviceErrorMayHaveBeenProcessed,
  "retry-decision": retryDecision,
  "argument-rules": argumentRules,
  "offset-paging": offsetPaging,
  "poll-schedule": pollSchedule,
  "rate-limit-pacing": rateLimitPacing,
  "resume-token": resumeToken,
};

const files = loadRuleFiles();
const accepted = loadAccepted("typescript");

describe("conformance", () => {
  for (const file of files) {
    describe(file.file, () => {
      for (const vector of file.cases) {
        const id = `${file.file}/${vector.name}`;
        it(id, async () => {
          const adapter = Object.hasOwn(adapters, file.rule) ? adapters[file.rule] : undefined;
          expect(adapter, `rule "${file.rule}" (tests/conformance/rules/${file.file}.json) has no TypeScript adapter`).toBeDefined();
          let actual: JsonObject;
          try {
            actual = await adapter!(vector.input);
          } catch (error) {
            actual = { exception: String(error) };
          }
          const reason = accepted.get(id);
          if (reason !== undefined) {
            expect(matches(vector.expected, actual), `${id} is listed in tests/conformance/accepted-differences/typescript.json (${reason}) but now passes: remove it from the list`).toBe(false);
          } else {
            expect(actual, `${id}: the TypeScript client differs from the suite`).toEqual(vector.expected);
            expect(matches(vector.expected, actual)).toBe(true);
          }
        });
      }
    });
  }

  it("the rule files are well formed", () => {
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(file.rule, "a rule file is named after its rule").toBe(file.file);
      expect(file.description.trim(), `${file.file}.json says what its rule is`).not.toBe("");
      const names = file.cases.map((c) => c.name);
      expect(new Set(names).size, `case names are unique within ${file.file}.json`).toBe(names.length);
    }
  });

  it("every accepted difference names a case and a reason", () => {
    const ids = new Set(files.flatMap((file) => file.cases.map((c) => `${file.file}/${c.name}`)));
    for (const [id, reason] of accepted) {
      if (id.startsWith("scenario/")) continue; // scenarios.test.ts checks those
      expect(ids.has(id), `accepted-differences/typescript.json lists ${id}, which is not a case`).toBe(true);
      expect(reason.trim(), `${id} says why TypeScript differs`).not.toBe("");
    }
  });
});
