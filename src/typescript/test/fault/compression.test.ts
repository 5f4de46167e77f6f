import { constants, createBrotliCompress, createGzip, brotliCompressSync, gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NotFoundError, ResponseTooLargeError, TransportError } from "../../src/index.js";
import { page } from "../support/agentsetJson.js";
import { agentset, truefoundry, tfyRun } from "../support/clients.js";
import { json, type Reply, ScriptedServer } from "../support/scriptedServer.js";

// The C# CompressedBodyTests and CompressionBombTests (issue 18 #4): the client asks for gzip and br (`compression`,
// default true) and the SDK's own transport decodes them (core/http/transport/); `maxResponseBytes` counts the decoded bytes, so a small body that inflates past it is refused
// while streaming, never buffered.

type Coding = "gzip" | "br";
const CODINGS: Coding[] = ["gzip", "br"];

function encode(coding: Coding, text: string): Buffer {
  return coding === "gzip" ? gzipSync(text) : brotliCompressSync(text);
}

/** `inflated` bytes of JSON whitespace, compressed block by block (the test never holds the inflated bytes). */
async function bomb(coding: Coding, inflated: number): Promise<Buffer> {
  const encoder = coding === "gzip" ? createGzip() : createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
  const chunks: Buffer[] = [];
  encoder.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => encoder.on("end", resolve));
  const block = Buffer.alloc(64 * 1024, 0x20);
  for (let sent = 0; sent < inflated; sent += block.length) {
    if (!encoder.write(block)) await new Promise((resolve) => encoder.once("drain", resolve));
  }
  encoder.end();
  await done;
  return Buffer.concat(chunks);
}

function compressed(status: number, coding: Coding, body: Buffer, onDone?: (sentAll: boolean) => void): Reply {
  return (_req, res) => {
    res.writeHead(status, { "content-type": "application/json", "content-encoding": coding, "content-length": String(body.length) });
    res.on("error", () => {});
    res.end(body, () => onDone?.(true));
  };
}

describe("compressed answers (CompressedBodyTests, CompressionBombTests)", () => {
  let server: ScriptedServer;
  beforeEach(async () => (server = await ScriptedServer.start()));
  afterEach(async () => server.close());

  it("asks for gzip and br by default and reads a compressed page like the identity page", async () => {
    const body = page(["job_1", "job_2"], null);
    for (const coding of CODINGS) {
      server.reply(compressed(200, coding, encode(coding, JSON.stringify(body))));
      const { client } = agentset(server.url);
      expect((await client.ingestJobs.list().toArray()).map((j) => j.id)).toEqual(["job_1", "job_2"]);
    }
    expect(server.requests[0]!.headers["accept-encoding"]).toBe("gzip, br");
  });

  it("compression: false asks for identity", async () => {
    server.reply(json(200, page(["job_1"], null)));
    const { client } = agentset(server.url, { compression: false });
    await client.ingestJobs.list().toArray();
    expect(server.requests[0]!.headers["accept-encoding"]).toBe("identity");
  });

  it("a compressed error body is decoded into the typed error", async () => {
    for (const coding of CODINGS) {
      server.reply(compressed(404, coding, encode(coding, JSON.stringify({ success: false, error: { code: "not_found", message: "Ingest job not found" } }))));
      const { client } = agentset(server.url);
      const error = await client.ingestJobs.get("job_1").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect((error as NotFoundError).errorCode).toBe("not_found");
    }
  });

  it.each(CODINGS)("a %s body that inflates past maxResponseBytes is refused after one request, not buffered", async (coding) => {
    const inflated = 256 * 1024 * 1024;
    const body = await bomb(coding, inflated);
    expect(body.length).toBeLessThan(inflated / 100);
    server.reply(compressed(200, coding, body));
    const { client } = agentset(server.url, { maxResponseBytes: 1024 * 1024 });
    const heapBefore = process.memoryUsage().arrayBuffers + process.memoryUsage().heapUsed;

    const error = await client.ingestJobs.list().toArray().catch((e: unknown) => e);

    const grown = process.memoryUsage().arrayBuffers + process.memoryUsage().heapUsed - heapBefore;
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as ResponseTooLargeError).limit).toBe(1024 * 1024);
    expect(server.requests).toHaveLength(1);
    expect(grown).toBeLessThan(inflated / 4);
  });

  it("a corrupt compressed body on a read is retried like a body cut off; on a trigger it is not repeated", async () => {
    const good = JSON.stringify(page(["job_1"], null));
    const corrupt = encode("gzip", good);
    corrupt.fill(0x5a, Math.floor(corrupt.length / 3), Math.floor(corrupt.length / 3) + 16);
    server.reply(compressed(200, "gzip", corrupt), json(200, page(["job_1"], null)));
    const { client } = agentset(server.url);
    expect((await client.ingestJobs.list().toArray()).map((j) => j.id)).toEqual(["job_1"]);
    expect(server.requests).toHaveLength(2);

    const trigger = encode("gzip", JSON.stringify({ jobRunName: "etl-0001", data: tfyRun("etl-0001") }));
    trigger.fill(0x5a, Math.floor(trigger.length / 3), Math.floor(trigger.length / 3) + 16);
    server.reply(compressed(200, "gzip", trigger));
    const tfy = truefoundry(server.url).client;
    const error = await tfy.jobRuns.start({ applicationId: "app-1", input: { command: "python etl.py" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(server.requests).toHaveLength(3);
  });
});
