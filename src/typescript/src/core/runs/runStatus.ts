/**
 * The status model common to all services. Each service's own words map onto it (README table):
 * `queued` accepted, not started; `running`; `succeeded`; `failed`; `cancelled` (stopping or stopped on
 * request); `unknown` (a word the SDK does not know yet — never an error).
 */
export type RunStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled" | "unknown";

/** Whether a status is final (`succeeded`, `failed`, `cancelled`). */
export function isTerminal(status: RunStatus): boolean {
  return status === "succeeded" || status === "failed" || status === "cancelled";
}

/** What was known of a run at one moment. */
export interface RunSnapshot {
  /** The common status. */
  readonly status: RunStatus;
  /** The service's own status word; undefined when the run is not visible yet (Shipyard). */
  readonly rawStatus: string | undefined;
  /** The service's error text of a failed run, when it gives one. */
  readonly errorMessage: string | undefined;
  /** When it was observed, Unix ms on the client's clock. */
  readonly observedAt: number;
}
