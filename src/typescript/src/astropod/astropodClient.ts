import type { operations as Operations } from "../generated/astropod.js";
import { ServiceCore } from "../core/serviceCore.js";
import { DeploymentsClient } from "./deploymentsClient.js";
import { IngestionsClient } from "./ingestionsClient.js";
import type { AstropodClientOptions } from "./models.js";

/**
 * Astropod (https://api.astropod.ai; `Authorization: Bearer <token>`): start a manual ingestion and discover
 * what can be started. A 401 asks the `tokenProvider` once for a fresh token and repeats once.
 * @example
 * const astropod = new AstropodClient({ tokenProvider: (refresh) => tokens.get(refresh) });
 * for await (const source of astropod.deployments.listIngestionSources("dep_123")) console.log(source.name);
 * await astropod.ingestions.start("team-docs", "docs_sync", "acme");
 * @throws InvalidArgumentError for a missing key or a bad base URL.
 */
export class AstropodClient {
  /** Deployments: list, get, listIngestionSources. */
  readonly deployments: DeploymentsClient;
  /** Manual ingestions: start. */
  readonly ingestions: IngestionsClient;

  /** Creates the client; the options are checked here (key or token provider, base URL, scope). @throws InvalidArgumentError */
  constructor(options: AstropodClientOptions) {
    const core = new ServiceCore<Operations>("Astropod", options, "https://api.astropod.ai", { kind: "bearer" });
    this.deployments = new DeploymentsClient(core);
    this.ingestions = new IngestionsClient(core);
  }

  /** `AstropodClient` — never the token. */
  toString(): string {
    return "AstropodClient";
  }
}
