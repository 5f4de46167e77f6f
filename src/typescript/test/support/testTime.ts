/**
 * The time of a test clock: a wall reading, a monotonic one, and the timers set on it. Both readings move only through
 * `advance`, which fires the timers due on the way in order (by moment, then by when they were set). Shared by
 * {@link VirtualClock} (sleeps advance it) and {@link ManualClock} (the test advances it).
 */
export class TestTime {
  #now: number;
  #elapsed = 0;
  #seq = 0;
  #timers: { at: number; seq: number; fire: () => void }[] = [];

  constructor(start: number) {
    this.#now = start;
  }

  get now(): number {
    return this.#now;
  }

  get elapsed(): number {
    return this.#elapsed;
  }

  /** Timers set and neither fired nor cancelled. */
  get pending(): number {
    return this.#timers.length;
  }

  /** A timer `ms` from now; @returns its cancel. */
  set(ms: number, fire: () => void): () => void {
    const timer = { at: this.#elapsed + ms, seq: this.#seq++, fire };
    this.#timers.push(timer);
    return () => {
      this.#timers = this.#timers.filter((t) => t !== timer);
    };
  }

  /** Moves both readings on by `ms`, firing the timers due on the way in order. */
  advance(ms: number): void {
    const target = this.#elapsed + ms;
    for (;;) {
      const due = this.#next((t) => t.at <= target);
      if (!due) break;
      this.#timers = this.#timers.filter((t) => t !== due);
      this.#now += due.at - this.#elapsed;
      this.#elapsed = due.at;
      due.fire();
    }
    this.#now += target - this.#elapsed;
    this.#elapsed = target;
  }

  /** How long until the next timer, or undefined when none is set. */
  nextIn(): number | undefined {
    const next = this.#next(() => true);
    return next === undefined ? undefined : next.at - this.#elapsed;
  }

  /** Steps the wall reading only (a user or NTP changing the time). */
  stepWall(ms: number): void {
    this.#now += ms;
  }

  #next(filter: (t: { at: number }) => boolean) {
    return this.#timers.filter(filter).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
  }
}
