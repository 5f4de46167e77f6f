import { Guard } from "../core/guard.js";
import type { IngestionTrigger } from "./models.js";

/**
 * Builds Astropod results for your own unit tests (as C#'s `AstropodModelFactory`), e.g. what a mocked
 * `IngestionsClient` returns. Astropod has no run handle: it offers no status for a triggered ingestion.
 */
export const AstropodModelFactory = Object.freeze({
  /**
   * What Astropod answers to a manual ingestion trigger.
   * @param ingestion - the ingestion source that was triggered.
   * @param fields - `status` (the service's word, default `"triggered"`), `jobName` and `namespace` (the Kubernetes
   * job and its namespace; default none).
   * @throws InvalidArgumentError when `ingestion` is blank.
   */
  ingestionTrigger(ingestion: string, fields: { status?: string; jobName?: string; namespace?: string } = {}): IngestionTrigger {
    return Object.freeze({
      status: "status" in fields ? fields.status : "triggered",
      jobName: fields.jobName,
      namespace: fields.namespace,
      ingestion: Guard.notBlank(ingestion, "ingestion"),
      hasStatusSource: false as const,
    });
  },
});
