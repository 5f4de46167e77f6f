import { configDefaults, defineConfig } from "vitest/config";

// Lean on a shared 2-core machine: one worker pool of at most 2 forks. Two projects, both run by `npm test`:
// - unit: the tests mirroring src/ (test/core/<area>/, one folder per service; test/structure.test.ts keeps it so) and
//   the conformance, fault and package suites, on loopback servers started in the test (random ports, small budgets);
// - integration: the TypeScript clients against `astro-triggers fakes` (the .NET CLI serving the five stateful fakes),
//   started once by test/integration/fakes.globalSetup.ts and stopped at the end.
// `npm run bench` runs the benchmarks in the unit project only (`--project unit`): they need no fakes.
export default defineConfig({
  test: {
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 10_000,
    benchmark: { include: ["bench/**/*.bench.ts"] },
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["test/**/*.test.ts"], exclude: [...configDefaults.exclude, "test/integration/**", "test/readme/**"] },
      },
      {
        extends: true,
        test: {
          name: "integration",
          // README's snippets run against a fakes process of their own (the CLI this project's setup builds).
          include: ["test/integration/**/*.test.ts", "test/readme/**/*.test.ts"],
          globalSetup: ["test/integration/fakes.globalSetup.ts"],
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
    ],
  },
});
