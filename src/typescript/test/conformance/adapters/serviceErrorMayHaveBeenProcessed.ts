import { mayHaveBeenProcessed } from "../../../src/core/errors/errorMapper.js";
import type { JsonObject } from "../suite.js";

/** service-error-may-have-been-processed: {idempotent, status, retryAfterMs} → {mayHaveBeenProcessed} through mayHaveBeenProcessed. */
export function serviceErrorMayHaveBeenProcessed(input: JsonObject): JsonObject {
  const operation = { service: "Conformance", operationId: "conformance", method: "POST", idempotent: input["idempotent"] as boolean };
  const retryAfter = typeof input["retryAfterMs"] === "number" ? input["retryAfterMs"] : undefined;
  return { mayHaveBeenProcessed: mayHaveBeenProcessed(operation, input["status"] as number, retryAfter) };
}
