/**
 * The app behind a real HTTP server on 127.0.0.1:0, for route tests that go through everything a
 * production request goes through: Express with the app's own middleware (baseApp: body limits),
 * Remix's request handler and its routing over the app's real route files (found with Remix's own
 * flat-routes convention), headers and status codes as sent on the wire. Only the client assets are
 * left out: these tests request resource routes and data, not pages.
 */
import type { Server } from "node:http";
import path from "node:path";
import { UNSAFE_flatRoutes as flatRoutes } from "@remix-run/dev";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";

export interface ServedApp {
  origin: string;
  close(): Promise<void>;
}

async function appBuild(): Promise<ServerBuild> {
  const appDirectory = path.resolve("app");
  const manifest = flatRoutes(appDirectory, ["**/.*", "**/*.test.*"]);
  const routes: ServerBuild["routes"] = {
    root: { id: "root", path: "", module: await import("~/root") },
  };
  for (const route of Object.values(manifest)) {
    routes[route.id] = {
      id: route.id,
      parentId: route.parentId ?? "root",
      path: route.path,
      index: route.index,
      caseSensitive: route.caseSensitive,
      module: (await import(
        /* @vite-ignore */ path.join(appDirectory, route.file)
      )) as ServerBuild["routes"][string]["module"],
    };
  }
  return {
    mode: "production",
    entry: { module: await import("~/entry.server") },
    routes,
    assets: { entry: { module: "/entry.js", imports: [] }, routes: {}, url: "/manifest.js", version: "test" },
    publicPath: "/",
    assetsBuildDirectory: "build/client",
    future: {
      v3_fetcherPersist: true,
      v3_relativeSplatPath: true,
      v3_throwAbortReason: true,
      v3_lazyRouteDiscovery: true,
      v3_singleFetch: false,
      v3_routeConfig: false,
    } as ServerBuild["future"],
    isSpaMode: false,
    basename: undefined,
    static: undefined,
  } as unknown as ServerBuild;
}

/** Starts the app; call after the environment is stubbed (route modules read the configuration). */
export async function serveApp(): Promise<ServedApp> {
  const { baseApp } = await import("~/server/http.server");
  const app = baseApp();
  app.all("*", createRequestHandler({ build: await appBuild() }));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
