/**
 * Generates both Prisma clients (SQLite and PostgreSQL) with the client engine, which needs
 * no engine download. Skips a client whose schema has not changed since it was generated.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const schemas = [
  {
    schema: "prisma/schema.prisma",
    outputs: ["app/generated/prisma/sqlite", "node_modules/.prisma/client"],
    url: "file:./data/app.sqlite",
  },
  {
    schema: "prisma/postgresql/schema.prisma",
    outputs: ["app/generated/prisma/postgresql"],
    url: "postgresql://localhost/app",
  },
];

// `prisma generate` insists on a schema engine path even though the client engine does not use it.
const env = {
  ...process.env,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
};
const prismaCli = path.resolve("node_modules/prisma/build/index.js");

for (const { schema, outputs, url } of schemas) {
  const hash = createHash("sha256")
    .update(readFileSync(schema))
    .update(readFileSync(prismaCli))
    .digest("hex");
  const stamps = outputs.map((output) => path.join(output, ".schema-hash"));
  if (stamps.every((stamp) => existsSync(stamp) && readFileSync(stamp, "utf8") === hash)) continue;
  const result = spawnSync(process.execPath, [prismaCli, "generate", "--schema", schema], {
    env: { ...env, DATABASE_URL: url },
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (result.status !== 0) {
    console.error(`prisma generate failed for ${schema}`);
    process.exit(result.status ?? 1);
  }
  for (const stamp of stamps) writeFileSync(stamp, hash);
  console.info(`Generated the Prisma client for ${schema}`);
}
