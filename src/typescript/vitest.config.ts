import { defineConfig } from "vitest/config";

// Lean on a shared 2-core machine: one worker pool of at most 2 forks; fault tests use loopback servers on
// random ports and small budgets, so the whole suite runs in seconds.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 10_000,
    benchmark: { include: ["bench/**/*.bench.ts"] },
  },
});
