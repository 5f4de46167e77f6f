import { ResponseDeserializationError } from "../errors/clientErrors.js";
import type { OperationInfo } from "./operation.js";

/**
 * Checks a 2xx body has the shape the operation returns, so a wrong body fails here with a clear error naming
 * the operation — never later as `undefined` somewhere in the caller's code.
 * @throws ResponseDeserializationError
 */
export function expectBody<T>(operation: OperationInfo, status: number, data: unknown, valid: (data: any) => boolean, what: string): T {
  if (data === undefined || data === null || !valid(data)) {
    throw new ResponseDeserializationError(
      `${operation.service} ${operation.operationId}: the ${status} response is not ${what}` +
        (data === undefined ? " (the body was empty)." : "."),
      // A 2xx: the service acted; only its answer is unreadable (as .NET's ResponseDeserializationException).
      { service: operation.service, operationId: operation.operationId, method: operation.method, status, mayHaveBeenProcessed: true },
      // As C#'s JsonPath: the object whose shape was checked (its root); none for an empty body.
      data === undefined || data === null ? undefined : "$",
    );
  }
  return data as T;
}

/** Whether a value is a plain object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
