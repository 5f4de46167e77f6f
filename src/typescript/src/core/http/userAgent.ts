import { packageVersion } from "../../generated/version.js";
import { InvalidArgumentError } from "../errors/clientErrors.js";

/** `astro-triggers-sdk-js/<version> (Node <version>; <platform>)`, sent on every request (after `applicationId`, when set). */
export const userAgent = `astro-triggers-sdk-js/${packageVersion} (Node ${process.versions.node}; ${process.platform})`;

/**
 * @internal The User-Agent a client sends: `[<applicationId> ]astro-triggers-sdk-js/…`, as C#'s UserAgent.For. The id
 * follows C#'s rule (ServiceClientOptions.ApplicationId): 1–24 characters, no white space or control characters.
 * @throws InvalidArgumentError naming `applicationId`.
 */
export function userAgentFor(applicationId: string | undefined): string {
  if (applicationId === undefined) return userAgent;
  if (typeof applicationId !== "string" || applicationId.length === 0 || applicationId.length > 24 || /[\s\p{Cc}]/u.test(applicationId)) {
    throw new InvalidArgumentError("applicationId", "'applicationId' must be 1–24 characters without spaces or control characters.");
  }
  return `${applicationId} ${userAgent}`;
}
