import http from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** What the server saw of one request. */
export interface SeenRequest {
  method: string;
  url: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One scripted answer. */
export type Reply = (req: http.IncomingMessage, res: http.ServerResponse, socket: Socket) => void;

/** Answers with a status, JSON (or text when `body` is a string) and headers. */
export function json(status: number, body?: unknown, headers: Record<string, string> = {}): Reply {
  return (_req, res) => {
    const text = body === undefined ? "" : typeof body === "string" ? body : JSON.stringify(body);
    res.writeHead(status, { "content-type": typeof body === "string" ? "text/plain" : "application/json", ...headers });
    res.end(text);
  };
}

/** Answers with a body of any content type. */
export function raw(status: number, body: string, headers: Record<string, string> = {}): Reply {
  return (_req, res) => {
    res.writeHead(status, headers);
    res.end(body);
  };
}

/** Destroys the connection before any status line (a reset after the request was sent). */
export const reset: Reply = (_req, _res, socket) => socket.destroy();

/** Sends the headers and part of the body, then destroys the connection (reset mid-body / truncated). */
export function resetMidBody(partial = '{"success":true,"data":[{"id":"job_'): Reply {
  return (_req, res, socket) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": "5000" });
    res.write(partial, () => setTimeout(() => socket.destroy(), 10));
  };
}

/** Sends headers and part of the body, then nothing more (a stalled body). */
export function stallBody(status = 200): Reply {
  return (_req, res) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.write('{"success":true,');
  };
}

/** Never answers. */
export const stallHeaders: Reply = () => {};

/** Streams `bytes` bytes of a JSON string chunked (no Content-Length), or declares them when `declare` is set. */
export function huge(bytes: number, declare = false): Reply {
  return (_req, res) => {
    res.writeHead(200, declare ? { "content-type": "application/json", "content-length": String(bytes) } : { "content-type": "application/json" });
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!res.write(chunk)) {
          res.once("drain", pump);
          return;
        }
      }
      res.end();
    };
    res.on("error", () => {});
    pump();
  };
}

/**
 * A loopback HTTP server on a random port that answers each request with the next scripted reply (then the
 * fallback) and records every request it saw.
 */
export class ScriptedServer {
  readonly requests: SeenRequest[] = [];
  readonly #server: http.Server;
  readonly #replies: Reply[] = [];
  #fallback: Reply = json(500, { error: "no scripted reply" });

  private constructor(server: http.Server) {
    this.#server = server;
  }

  static async start(): Promise<ScriptedServer> {
    let self!: ScriptedServer;
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const url = new URL(req.url ?? "/", "http://127.0.0.1");
        self.requests.push({
          method: req.method ?? "",
          url: req.url ?? "",
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          body: Buffer.concat(chunks).toString("utf8"),
        });
        const reply = self.#replies.shift() ?? self.#fallback;
        reply(req, res, req.socket);
      });
    });
    self = new ScriptedServer(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return self;
  }

  /** `http://127.0.0.1:<port>`. */
  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** Queues replies for the next requests, in order. */
  reply(...replies: Reply[]): this {
    this.#replies.push(...replies);
    return this;
  }

  /** The reply for every request once the queue is empty. */
  otherwise(reply: Reply): this {
    this.#fallback = reply;
    return this;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

/** A loopback port nothing listens on (connection refused). */
export async function closedPortUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
