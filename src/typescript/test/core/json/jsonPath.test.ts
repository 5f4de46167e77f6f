import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ResponseDeserializationError } from "../../../src/index.js";
import { jsonPathOfFailure } from "../../../src/core/json/jsonPath.js";
import { agentset } from "../../support/clients.js";
import { raw, json, ScriptedServer } from "../../support/scriptedServer.js";

describe("jsonPathOfFailure (C#: JsonException.Path)", () => {
  it.each([
    ["<html>oops</html>", "$"],
    ["", "$"],
    ['{"success":true,"data":{"id":"job_1","status":', "$.data.status"],
    ['{"success":true,"data":{"id":"job_1","status":"QUE', "$.data.status"],
    ['{"data":[{"id":1},{"id":2},{"id":', "$.data[2].id"],
    ['{"data":[1,2,,3]}', "$.data[2]"],
    ['{"a":}', "$.a"],
    ['{"odd key":{"x":tru}}', "$['odd key'].x"],
    ['{"a":1} trailing', "$"],
    ['{"a":1}', "$"],
  ])("%j stops at %s", (text, path) => {
    expect(jsonPathOfFailure(text)).toBe(path);
  });

  it("nesting past System.Text.Json's default depth of 64 stops there", () => {
    expect(jsonPathOfFailure("[".repeat(100) + "]".repeat(100))).toBe("$" + "[0]".repeat(65));
  });
});

describe("ResponseDeserializationError.jsonPath through a call", () => {
  let server: ScriptedServer;
  beforeEach(async () => (server = await ScriptedServer.start()));
  afterEach(async () => server.close());

  const failure = async () => {
    const { client } = agentset(server.url);
    return (await client.ingestJobs.get("job_1").catch((e: unknown) => e)) as ResponseDeserializationError;
  };

  it("a body that is not JSON: $", async () => {
    server.reply(raw(200, "<html>maintenance</html>", { "content-type": "application/json" }));
    const error = await failure();
    expect(error).toBeInstanceOf(ResponseDeserializationError);
    expect(error.jsonPath).toBe("$");
  });

  it("a body cut short: the value being read", async () => {
    server.reply(raw(200, '{"success":true,"data":{"id":"job_1","status":"PRO', { "content-type": "application/json" }));
    expect((await failure()).jsonPath).toBe("$.data.status");
  });

  it("a required field missing: the object checked ($), the message naming what was expected", async () => {
    server.reply(json(200, { success: true }));
    const error = await failure();
    expect([error.jsonPath, error.message]).toEqual(["$", expect.stringContaining("is not an ingest job")]);
  });

  it("an empty body: no path, as C#", async () => {
    server.reply(raw(200, "", { "content-type": "application/json" }));
    const error = await failure();
    expect(error).toBeInstanceOf(ResponseDeserializationError);
    expect(error.jsonPath).toBeUndefined();
  });
});
