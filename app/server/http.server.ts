import type { Server } from "node:http";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { refuseOversizeBodies } from "./body-limit";

export interface AppServerOptions {
  /** development: Vite compiles on request (local mode); production: serves ./build. */
  mode: "development" | "production";
  port: number;
  /** Defaults: 127.0.0.1 in development (local mode), 0.0.0.0 in production. */
  host?: string;
  /** Extra routes mounted before the Remix app (local mode only). */
  before?: (app: express.Express) => void;
  /** development: Vite's hot reload (default on); tests turn it off so parallel servers share no port. */
  hmr?: boolean;
}

export interface RunningServer {
  origin: string;
  /** production: the server build it serves (the one copy of the app's modules in this process). */
  build?: ServerBuild;
  close(): Promise<void>;
}

/** What every app server starts with, before Remix: oversized bodies are refused before anything else runs. */
export function baseApp(): express.Express {
  const app = express();
  app.disable("x-powered-by");
  app.use(refuseOversizeBodies);
  return app;
}

/** The app's HTTP server: Express with Remix, static assets and nothing else. */
export async function startAppServer(options: AppServerOptions): Promise<RunningServer> {
  const app = baseApp();
  options.before?.(app);
  let closeVite: () => Promise<void> = async () => undefined;
  let build: ServerBuild | undefined;

  if (options.mode === "development") {
    const vite = await import("vite");
    // cors: false: Vite's own CORS middleware would answer the admin extensions' preflights before Remix
    // (without Access-Control-Allow-Origin); the routes answer them, as in production.
    const devServer = await vite.createServer({
      server: { middlewareMode: true, cors: false, ...(options.hmr === false ? { hmr: false } : {}) },
      logLevel: "warn",
    });
    closeVite = () => devServer.close();
    // Compile the server build once before the first request instead of during it.
    await devServer.ssrLoadModule("virtual:remix/server-build");
    app.use(devServer.middlewares);
    app.all(
      "*",
      createRequestHandler({
        build: async () => {
          const build: unknown = await devServer.ssrLoadModule("virtual:remix/server-build");
          return build as ServerBuild;
        },
      }),
    );
  } else {
    const root = path.resolve("build");
    const imported: unknown = await import(path.join(root, "server", "index.js"));
    build = imported as ServerBuild;
    app.use(
      "/assets",
      express.static(path.join(root, "client", "assets"), { immutable: true, maxAge: "1y" }),
    );
    app.use(express.static(path.join(root, "client"), { maxAge: "1h" }));
    app.all("*", createRequestHandler({ build }));
  }

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(
      options.port,
      options.host ?? (options.mode === "development" ? "127.0.0.1" : "0.0.0.0"),
      () => resolve(s),
    );
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    origin: `http://localhost:${port}`,
    build,
    close: async () => {
      await closeVite();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
