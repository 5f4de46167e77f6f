/**
 * The package's `require()` entry (the `require` condition of its `exports`). The package is ESM; Node.js loads an
 * ES module through `require()` from 20.19 and 22.12 on (the graph has no top-level await), and this file hands
 * CommonJS callers that same module instance, so classes and `instanceof` are shared with `import` callers. On a
 * Node.js without that, `require()` of ESM throws ERR_REQUIRE_ESM naming only the file: the error below says which
 * Node.js versions load it and what to write instead.
 */
let sdk: unknown;
try {
  sdk = require("./index.js");
} catch (error) {
  if ((error as { code?: unknown }).code !== "ERR_REQUIRE_ESM") throw error;
  throw new Error(
    `@astro-triggers/sdk is an ES module: require() loads it on Node.js 20.19+ and 22.12+, and this is Node.js ${process.version}` +
      ` (or require(esm) is turned off: --no-experimental-require-module). Load it with import() instead, ` +
      `const { AgentsetClient } = await import("@astro-triggers/sdk"), or upgrade Node.js.`,
    { cause: error },
  );
}
module.exports = sdk;
