import { brotliCompressSync, deflateSync, gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ResponseDeserializationError, TransportError } from "../../src/index.js";
import { jobBody } from "../support/agentsetJson.js";
import { agentset } from "../support/clients.js";
import { json, type Reply, ScriptedServer } from "../support/scriptedServer.js";

// Issue 27 §2, as the C# CompressedTruncationTests: a compressed body that did not arrive whole is a body failure even
// when the connection closes cleanly and no Content-Length says so — retried on reads, never repeated on creates
// (TransportError, mayHaveBeenProcessed true). The SDK's own transport (node:http) decodes strictly; these answers are
// written byte by byte on the raw socket so nothing in Node's HTTP server frames them.

type Coding = "gzip" | "deflate" | "br";
const CODINGS: Coding[] = ["gzip", "deflate", "br"];
const encode = (coding: Coding, text: string) =>
  coding === "gzip" ? gzipSync(text) : coding === "deflate" ? deflateSync(text) : brotliCompressSync(text);
const TEXT = { payload: { type: "TEXT", text: "hello" } } as const;

/** Status line, headers and `body` written on the socket, then closed: the body ends where the connection does. */
function rawAnswer(status: number, headers: Record<string, string>, body: Buffer): Reply {
  return (_req, _res, socket) => {
    const head = [`HTTP/1.1 ${status} ${status === 201 ? "Created" : "OK"}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), "", ""].join("\r\n");
    socket.write(head);
    socket.end(body);
  };
}

function closeDelimited(coding: Coding, body: Buffer, status = 200): Reply {
  return rawAnswer(status, { "Content-Type": "application/json", "Content-Encoding": coding, Connection: "close" }, body);
}

describe("a compressed body that did not arrive whole (issue 27 §2, CompressedTruncationTests)", () => {
  let server: ScriptedServer;
  beforeEach(async () => (server = await ScriptedServer.start()));
  afterEach(async () => server.close());

  it("the issue's input: 132 of a gzip job body's bytes, then a clean close, on a get → read again, 2 requests", async () => {
    const whole = encode("gzip", JSON.stringify(jobBody("job_1", "PROCESSING")));
    server.reply(closeDelimited("gzip", whole.subarray(0, Math.min(132, whole.length - 8))), closeDelimited("gzip", whole));
    const { client } = agentset(server.url);

    const job = await client.ingestJobs.get("job_1");

    expect(job.status).toBe("PROCESSING");
    expect(server.requests).toHaveLength(2);
  });

  for (const coding of CODINGS) {
    for (const [cut, at] of [["1 byte", () => 1], ["60 %", (n: number) => Math.floor(n * 0.6)], ["all but the last byte", (n: number) => n - 1]] as const) {
      it(`a ${coding} body cut after ${cut} is retried on a get and not repeated on a create`, async () => {
        const read = encode(coding, JSON.stringify(jobBody("job_1", "PROCESSING")));
        const made = encode(coding, JSON.stringify(jobBody("job_2")));
        server.reply(closeDelimited(coding, read.subarray(0, at(read.length))), closeDelimited(coding, read));
        server.reply(closeDelimited(coding, made.subarray(0, at(made.length)), 201));
        const { client } = agentset(server.url);

        expect((await client.ingestJobs.get("job_1")).status).toBe("PROCESSING");
        expect(server.requests).toHaveLength(2);

        const error = (await client.ingestJobs.create(TEXT).catch((e: unknown) => e)) as TransportError;
        expect(error).toBeInstanceOf(TransportError);
        expect(error.mayHaveBeenProcessed).toBe(true);
        expect(error.message).toContain(`the ${coding} response body was cut short`);
        expect(server.requests).toHaveLength(3);
        expect(server.requests[2]!.method).toBe("POST");
      });
    }
  }

  it("a gzip body without its 8-byte trailer (every data byte arrived) is cut short too", async () => {
    const whole = encode("gzip", JSON.stringify(jobBody("job_1")));
    server.reply(closeDelimited("gzip", whole.subarray(0, whole.length - 8), 201));
    const { client } = agentset(server.url);

    const error = (await client.ingestJobs.create(TEXT).catch((e: unknown) => e)) as TransportError;

    expect(error).toBeInstanceOf(TransportError);
    expect(error.mayHaveBeenProcessed).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it.each(CODINGS)("a complete close-delimited %s body reads in one request", async (coding) => {
    server.reply(closeDelimited(coding, encode(coding, JSON.stringify(jobBody("job_1", "PROCESSING")))));
    const { client } = agentset(server.url);

    expect((await client.ingestJobs.get("job_1")).status).toBe("PROCESSING");
    expect(server.requests).toHaveLength(1);
  });

  it.each(["gzip", "br"] as const)("a %s body shorter than its Content-Length: retried on a get, not repeated on a create", async (coding) => {
    const read = encode(coding, JSON.stringify(jobBody("job_1", "PROCESSING")));
    const made = encode(coding, JSON.stringify(jobBody("job_2")));
    const short = (body: Buffer, status = 200) =>
      rawAnswer(status, { "Content-Type": "application/json", "Content-Encoding": coding, "Content-Length": String(body.length) }, body.subarray(0, Math.floor(body.length * 0.6)));
    server.reply(short(read), json(200, jobBody("job_1", "PROCESSING")), short(made, 201));
    const { client } = agentset(server.url);

    expect((await client.ingestJobs.get("job_1")).status).toBe("PROCESSING");
    expect(server.requests).toHaveLength(2);
    const error = (await client.ingestJobs.create(TEXT).catch((e: unknown) => e)) as TransportError;
    expect(error).toBeInstanceOf(TransportError);
    expect(error.mayHaveBeenProcessed).toBe(true);
    expect(server.requests).toHaveLength(3);
  });

  it("an identity body shorter than its Content-Length is a body cut off, not a shorter JSON", async () => {
    const text = Buffer.from(JSON.stringify(jobBody("job_2")));
    server.reply(rawAnswer(201, { "Content-Type": "application/json", "Content-Length": String(text.length + 40) }, text));
    const { client } = agentset(server.url);

    const error = (await client.ingestJobs.create(TEXT).catch((e: unknown) => e)) as TransportError;

    expect(error).toBeInstanceOf(TransportError);
    expect(error.mayHaveBeenProcessed).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it.each(["gzip", "deflate"] as const)("bytes after the %s trailer: not the body that was sent (as C#'s trailer check), retried on a get", async (coding) => {
    const whole = encode(coding, JSON.stringify(jobBody("job_1", "PROCESSING")));
    server.reply(closeDelimited(coding, Buffer.concat([whole, Buffer.from("trailing garbage")])), closeDelimited(coding, whole));
    server.reply(closeDelimited(coding, Buffer.concat([whole, Buffer.from("trailing garbage")]), 201));
    const { client } = agentset(server.url);

    expect((await client.ingestJobs.get("job_1")).status).toBe("PROCESSING");
    expect(server.requests).toHaveLength(2);
    const error = (await client.ingestJobs.create(TEXT).catch((e: unknown) => e)) as TransportError;
    expect(error).toBeInstanceOf(TransportError);
    expect(error.mayHaveBeenProcessed).toBe(true);
    expect(error.message).toContain(`the ${coding} response body could not be decoded`);
  });

  it("bytes after brotli's last block are ignored (as C#'s BrotliBodyStream)", async () => {
    const whole = encode("br", JSON.stringify(jobBody("job_1", "PROCESSING")));
    server.reply(closeDelimited("br", Buffer.concat([whole, Buffer.from("trailing")])));
    const { client } = agentset(server.url);

    expect((await client.ingestJobs.get("job_1")).status).toBe("PROCESSING");
    expect(server.requests).toHaveLength(1);
  });

  it.each(CODINGS)("an empty body labelled %s is an empty body, not one cut short", async (coding) => {
    server.reply(closeDelimited(coding, Buffer.alloc(0)));
    const { client } = agentset(server.url);

    const error = await client.ingestJobs.get("job_1").catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ResponseDeserializationError);
    expect((error as Error).message).toContain("empty");
    expect(server.requests).toHaveLength(1);
  });

  it("a body cut short on every attempt ends as a TransportError after maxAttempts", async () => {
    const whole = encode("br", JSON.stringify(jobBody("job_1")));
    server.otherwise(closeDelimited("br", whole.subarray(0, whole.length - 1)));
    const { client } = agentset(server.url);

    const error = (await client.ingestJobs.get("job_1").catch((e: unknown) => e)) as TransportError;

    expect(error).toBeInstanceOf(TransportError);
    expect(error.message).toContain("the br response body was cut short");
    expect(server.requests).toHaveLength(4);
  });

  it("a chunked body whose last chunk never comes (clean close) is cut off", async () => {
    const text = JSON.stringify(jobBody("job_1", "PROCESSING"));
    const partial = (_req: unknown, _res: unknown, socket: import("node:net").Socket) => {
      socket.write(`HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${text.length.toString(16)}\r\n${text}\r\n`);
      socket.end();
    };
    server.reply(partial as Reply, json(200, jobBody("job_1", "PROCESSING")));
    const { client } = agentset(server.url);

    expect((await client.ingestJobs.get("job_1")).status).toBe("PROCESSING");
    expect(server.requests).toHaveLength(2);
  });
});
