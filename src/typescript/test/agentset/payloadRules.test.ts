import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InvalidArgumentError } from "../../src/index.js";
import { jobBody } from "../support/agentsetJson.js";
import { agentset } from "../support/clients.js";
import { json, ScriptedServer } from "../support/scriptedServer.js";

// Issue 25 #2 (as .NET's IngestJobPayloadValidationTests): a create body Agentset would answer 422 is refused before
// sending, naming the path and the rule; the server sees no request.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;

describe("Agentset create checks the payload before sending (PayloadRule)", () => {
  let server: ScriptedServer;
  beforeEach(async () => (server = await ScriptedServer.start()));
  afterEach(async () => server.close());

  it.each<[string, Body, string]>([
    ["no payload", {}, "job.payload"],
    ["a payload without a type", { payload: { text: "x" } }, "job.payload.type"],
    ["an unknown type", { payload: { type: "PDF" } }, "job.payload.type"],
    ["empty text", { payload: { type: "TEXT", text: "" } }, "job.payload.text"],
    ["whitespace text", { payload: { type: "TEXT", text: " \n " } }, "job.payload.text"],
    ["no file URL", { payload: { type: "FILE" } }, "job.payload.fileUrl"],
    ["a relative file URL", { payload: { type: "FILE", fileUrl: "/a.pdf" } }, "job.payload.fileUrl"],
    ["an ftp file URL", { payload: { type: "FILE", fileUrl: "ftp://example.com/a.pdf" } }, "job.payload.fileUrl"],
    ["an empty managed key", { payload: { type: "MANAGED_FILE", key: " " } }, "job.payload.key"],
    ["a crawl depth of 0", { payload: { type: "CRAWL", url: "https://example.com", maxDepth: 0 } }, "job.payload.maxDepth"],
    ["a crawl header with CR/LF", { payload: { type: "CRAWL", url: "https://example.com", headers: { "X-A": "a\r\nX-B: 1" } } }, "job.payload.headers[\"X-A\"]"],
    ["no YouTube URL", { payload: { type: "YOUTUBE", urls: [] } }, "job.payload.urls"],
    ["an empty batch", { payload: { type: "BATCH", items: [] } }, "job.payload.items"],
    ["a batch item with empty text", { payload: { type: "BATCH", items: [{ type: "TEXT", text: "a" }, { type: "TEXT", text: "" }] } }, "job.payload.items[1].text"],
    ["a batch item chunk size of 31", { payload: { type: "BATCH", items: [{ type: "TEXT", text: "a", config: { chunkSize: 31 } }] } }, "job.payload.items[0].config.chunkSize"],
    ["a job chunk size of 31", { payload: { type: "TEXT", text: "a" }, config: { chunkSize: 31 } }, "job.config.chunkSize"],
  ])("refuses %s", async (_because, body, argument) => {
    const { client } = agentset(server.url);
    for (const call of [() => client.ingestJobs.create(body), () => client.ingestJobs.start(body)]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as InvalidArgumentError).argument).toBe(argument);
      expect((error as InvalidArgumentError).message).toContain(`'${argument}'`);
    }
    expect(server.requests).toHaveLength(0);
  });

  it.each<[string, Body]>([
    ["text with line breaks", { type: "TEXT", text: "a\r\n\tb" }],
    ["an http file URL", { type: "FILE", fileUrl: "http://example.com/a.pdf" }],
    ["a crawl at the minimums", { type: "CRAWL", url: "https://example.com", maxDepth: 1, limit: 1 }],
    ["one YouTube URL", { type: "YOUTUBE", urls: ["https://youtube.com/watch?v=1"] }],
    ["a batch of each kind", { type: "BATCH", items: [{ type: "TEXT", text: "a", config: { chunkSize: 32 } }, { type: "FILE", fileUrl: "https://example.com/a" }, { type: "MANAGED_FILE", key: "k" }] }],
  ])("sends %s", async (_because, payload) => {
    server.reply(json(201, jobBody("job_1")));
    const { client } = agentset(server.url);
    await client.ingestJobs.create({ payload });
    expect(server.requests).toHaveLength(1);
  });
});
