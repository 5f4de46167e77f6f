import { ResponseDeserializationError } from "../errors/clientErrors.js";
import type { OperationInfo } from "../http/operation.js";

/**
 * The id a success answer names for the run it started (.NET: `Core/Runs/WireRunId`). It comes from the wire, not
 * from the caller, so a value the SDK cannot use (missing, not text, empty, whitespace, a control character, `.` or
 * `..`, the wrong prefix) is the answer's fault: a {@link ResponseDeserializationError} naming the field, with
 * `mayHaveBeenProcessed` (the service acted), never the `InvalidArgumentError` of a caller's argument.
 * @throws ResponseDeserializationError
 */
export function wireRunId(value: unknown, operation: OperationInfo, status: number, field: string, prefix?: string): string {
  const problem = problemOf(value, prefix);
  if (problem === undefined) return value as string;
  throw new ResponseDeserializationError(
    `${operation.service} ${operation.operationId} answered HTTP ${status} with a body that is not the documented model: ` +
      `the answer's '${field}' ${problem}, so the run cannot be followed`,
    { service: operation.service, operationId: operation.operationId, method: operation.method, status, mayHaveBeenProcessed: true },
  );
}

/** An optional name from the answer: undefined when it is missing or unusable (blank, control characters, not text);
 * a number reads as its text, as in .NET. */
export function wireOptionalName(value: unknown): string | undefined {
  if (typeof value === "number") return String(value);
  return typeof value === "string" && value.trim() !== "" && !/\p{Cc}/u.test(value) ? value : undefined;
}

function problemOf(value: unknown, prefix: string | undefined): string | undefined {
  if (value === undefined || value === null) return "is missing or null";
  if (typeof value !== "string") return `is ${typeof value}, not text`;
  if (value.trim() === "") return "is empty or whitespace";
  if (/\p{Cc}/u.test(value)) return "holds a control character";
  if (value === "." || value === "..") return `is '${value}' (a path segment that would change the route)`;
  if (prefix !== undefined && (!value.startsWith(prefix) || value.length === prefix.length)) {
    return `is '${value.length <= 64 ? value : `${value.slice(0, 64)}…`}', not an id starting with '${prefix}'`;
  }
  return undefined;
}
