import { decodeResumeToken, encodeResumeToken, ResumeTokenError } from "../../../src/core/runs/resumeToken.js";
import type { JsonObject } from "../suite.js";

/** resume-token: {encode: {service, ...fields}} → {token} | {decode: string} → {run}; a rejection → {rejection, field?}. */
export function resumeToken(input: JsonObject): JsonObject {
  try {
    if (Object.hasOwn(input, "encode")) {
      return { token: encodeResumeToken(input["encode"] as { service: string; [field: string]: string | null }) };
    }
    return { run: { ...decodeResumeToken(input["decode"] as string) } as JsonObject };
  } catch (error) {
    if (error instanceof ResumeTokenError) return error.field === undefined ? { rejection: error.rejection } : { rejection: error.rejection, field: error.field };
    throw error;
  }
}
