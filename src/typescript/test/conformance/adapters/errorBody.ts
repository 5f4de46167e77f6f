import { errorFromResponse } from "../../../src/core/errors/errorMapper.js";
import { KnownSecrets } from "../../../src/core/security/knownSecrets.js";
import type { Json, JsonObject } from "../suite.js";

/**
 * error-body: {service, status, body, headers?, secrets?} → the error's fields through errorFromResponse (the body
 * read as the client reads it, UTF-8 bytes of the text; secrets masked as the client masks them).
 */
export async function errorBody(input: JsonObject): Promise<JsonObject> {
  const secrets = new KnownSecrets();
  for (const secret of (input["secrets"] as string[] | undefined) ?? []) secrets.add(secret);
  const response = new Response(new TextEncoder().encode((input["body"] as string | null) ?? ""), {
    status: input["status"] as number,
    headers: (input["headers"] as Record<string, string> | undefined) ?? {},
  });
  const operation = { service: input["service"] as string, operationId: "conformance", method: "GET", idempotent: true };
  const error = await errorFromResponse(response, operation, "https://service.example/v1/thing", secrets, Date.now(), new AbortController().signal);
  return {
    errorCode: error.errorCode ?? null,
    serviceMessage: error.serviceMessage ?? null,
    requestId: error.requestId ?? null,
    documentationUrl: error.documentationUrl ?? null,
    reason: error.reason ?? null,
    suggestedAction: error.suggestedAction ?? null,
    validationIssues: error.validationIssues.map((issue): Json => ({ path: [...issue.location], message: issue.message })),
  };
}
