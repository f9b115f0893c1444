// The simulator as a real HTTP server (node:http). A dropped connection destroys the socket
// without an answer, which undici's fetch reports as TypeError("fetch failed") / UND_ERR_SOCKET.
import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Outcome } from "./router";

export interface RunningServer {
  origin: string;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return chunks.length === 0 ? undefined : new Uint8Array(Buffer.concat(chunks));
}

function toRequest(req: IncomingMessage, origin: string, body: Uint8Array<ArrayBuffer> | undefined): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  const host = req.headers.host ? `http://${req.headers.host}` : origin;
  const method = req.method ?? "GET";
  const hasBody = body !== undefined && method !== "GET" && method !== "HEAD";
  return new Request(new URL(req.url ?? "/", host), { method, headers, body: hasBody ? body : undefined });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.setHeader("content-length", String(bytes.length));
  res.end(bytes);
}

export async function listen(
  dispatch: (request: Request) => Promise<Outcome>,
  opts: { port?: number; host?: string } = {},
): Promise<RunningServer> {
  const host = opts.host ?? "127.0.0.1";
  let origin = "";
  const server = createServer((req, res) => {
    void (async () => {
      try {
        const outcome = await dispatch(toRequest(req, origin, await readBody(req)));
        if (outcome.kind === "drop") {
          req.socket.destroy();
          return;
        }
        // No answer: the socket stays open until the client gives up (or the server closes).
        if (outcome.kind === "hold") return;
        await send(res, outcome.response);
      } catch (error) {
        res.statusCode = 500;
        res.setHeader("content-type", "text/plain");
        res.end(`simulator failure: ${error instanceof Error ? error.message : String(error)}`);
      }
    })();
  });
  // Idle connections stay open as long as behind the real services' load balancers, not Node's 5 s: a
  // client under load may otherwise send on a socket the server is just closing ("other side closed").
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("simulator server has no TCP address");
  origin = `http://${host.includes(":") ? `[${host}]` : host}:${address.port}`;
  return {
    origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
