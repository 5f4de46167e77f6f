import { checkCreateBody } from "../../../src/agentset/payloadRule.js";
import { checkTenantId } from "../../../src/agentset/tenantRule.js";
import { InvalidArgumentError } from "../../../src/core/errors/clientErrors.js";
import { Guard } from "../../../src/core/guard.js";
import { checkCronExpression, checkTimeZone } from "../../../src/mixpeek/cronRule.js";
import { checkNamespace } from "../../../src/mixpeek/namespaceRule.js";
import type { JsonObject } from "../suite.js";

// suite name → [the suite's name for the argument, the name TypeScript gives it, the check].
const rules: Record<string, [string, string, (value: unknown, name: string) => unknown]> = {
  "agentset-tenant-id": ["tenantId", "tenantId", (v, n) => checkTenantId(v as string | undefined, n)],
  "agentset-job-id": ["jobId", "jobId", (v, n) => Guard.prefixedId(v, "job_", n)],
  "mixpeek-namespace": ["namespace", "namespace", (v, n) => checkNamespace(v, n)],
  "page-size": ["pageSize", "pageSize", (v, n) => Guard.inRange(v as number, 1, 100, n)],
  "cron-expression": ["cronExpression", "cronExpression", (v, n) => checkCronExpression(v, n)],
  "time-zone": ["timeZone", "timeZone", (v, n) => checkTimeZone(v, n)],
  "agentset-text-payload": ["payload.text", "job.payload.text", (v) => checkCreateBody({ payload: { type: "TEXT", text: v } }, "job")],
  "url-payload": ["payload.fileUrl", "job.payload.fileUrl", (v) => checkCreateBody({ payload: { type: "FILE", fileUrl: v } }, "job")],
  "truefoundry-run-name": ["jobRunName", "jobRunName", (v, n) => Guard.pathSegment(v, n)],
  "header-value": ["headerValue", "headerValue", (v, n) => Guard.noControlCharacters(v as string, n)],
};

/**
 * argument-rules: {argument, value} → {accepted} or {accepted: false, argument}: the value goes through the TypeScript
 * rule that checks that argument before any request, under the name TypeScript gives it; a refusal answers the suite's
 * name for the argument when the InvalidArgumentError names the TypeScript one (argument and message).
 */
export function argumentRules(input: JsonObject): JsonObject {
  const kind = input["argument"] as string;
  const rule = Object.hasOwn(rules, kind) ? rules[kind] : undefined;
  if (rule === undefined) throw new Error(`unknown argument kind "${kind}"`);
  const [argument, native, check] = rule;
  try {
    check(input["value"] === null ? undefined : input["value"], native);
    return { accepted: true };
  } catch (error) {
    if (!(error instanceof InvalidArgumentError)) throw error;
    const named = error.argument === native && error.message.includes(`'${native}'`);
    return { accepted: false, argument: named ? argument : `(TypeScript named '${error.argument}': ${error.message})` };
  }
}
