import type { TriggeredRun } from "./triggeredRun.js";

/**
 * Where a {@link RunGroup} stands (as .NET's `RunGroupProgress`): runs still followed by their last common status,
 * runs that ended by how, the oldest run still followed, and the status reads so far. A run the group stopped
 * following without a final status (a status read failed, the timeout passed) counts as `abandoned`.
 */
export interface RunGroupProgress {
  /** Runs still followed whose last status was queued (or not yet visible). */
  readonly queued: number;
  /** Runs still followed whose last status was running. */
  readonly running: number;
  /** Runs still followed whose last status the SDK did not know. */
  readonly unknown: number;
  /** Runs that ended succeeded. */
  readonly succeeded: number;
  /** Runs that ended failed. */
  readonly failed: number;
  /** Runs that ended cancelled. */
  readonly cancelled: number;
  /** Runs the group stopped following without a final status; their result's `error` says why. */
  readonly abandoned: number;
  /** Every run of the group. */
  readonly total: number;
  /** Runs no longer followed: succeeded, failed, cancelled or abandoned. */
  readonly ended: number;
  /** Runs still followed: queued, running or unknown. */
  readonly pending: number;
  /** The run followed longest that has not ended; undefined when every run ended. */
  readonly oldestRunning: TriggeredRun<any> | undefined;
  /** How long the group has followed `oldestRunning`, in ms; 0 when there is none. */
  readonly oldestRunningFor: number;
  /** Status reads the group has sent so far (list pages and reads of single runs). */
  readonly statusReads: number;
  /** When this was computed, Unix ms on the group's clock. */
  readonly observedAt: number;
}
