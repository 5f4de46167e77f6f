import { parseFleetRunCsv } from "../../../src/shipyard/fleetRunCsv.js";
import type { JsonObject } from "../suite.js";

/** shipyard-csv: {csv} → {records: [{fleetLogId, status, columns}]} through parseFleetRunCsv. */
export function shipyardCsv(input: JsonObject): JsonObject {
  return {
    records: parseFleetRunCsv(input["csv"] as string).map((record) => ({
      fleetLogId: record.fleetLogId ?? null,
      status: record.status ?? null,
      columns: { ...record.columns },
    })),
  };
}
