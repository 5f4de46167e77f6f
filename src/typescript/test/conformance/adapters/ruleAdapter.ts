import type { JsonObject } from "../suite.js";

/** Runs one rule's case input through the client's own implementation and answers in the case's terms. */
export type RuleAdapter = (input: JsonObject) => JsonObject | Promise<JsonObject>;

/** JSON null → undefined, as the client's functions take "none". */
export function optional(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}
