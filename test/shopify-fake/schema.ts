import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { buildSchema, type GraphQLSchema } from "graphql";

/** The Admin API version the fake serves; every other version answers 404. */
export const ADMIN_API_VERSION = "2026-10";

const SCHEMA_FILE = new URL("./admin-2026-10.graphql.gz", import.meta.url);

let cached: GraphQLSchema | undefined;

/**
 * The real Admin GraphQL schema (SDL without descriptions, shipped gzipped next to this file).
 * Built once per process: building the 780 kB SDL takes a few hundred milliseconds.
 */
export function loadAdminSchema(): GraphQLSchema {
  if (!cached) {
    const sdl = gunzipSync(readFileSync(SCHEMA_FILE)).toString("utf8");
    cached = buildSchema(sdl, { assumeValidSDL: true });
  }
  return cached;
}
