import path from "node:path";

export type DatabaseProvider = "sqlite" | "postgresql";

export interface DatabaseTarget {
  provider: DatabaseProvider;
  /** For SQLite a file: URL with an absolute path; for PostgreSQL the connection string as given. */
  url: string;
  /** PostgreSQL only: the schema named by ?schema= (Prisma's convention), default "public". */
  schema: string;
}

/** Reads DATABASE_URL the way Prisma does: file: is SQLite (relative to the working directory), postgres(ql): is PostgreSQL. */
export function databaseTarget(url: string, cwd = process.cwd()): DatabaseTarget {
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length).split("?")[0] ?? "";
    if (file === "") throw new Error("DATABASE_URL names no SQLite file");
    const absolute = file === ":memory:" ? file : path.resolve(cwd, file);
    return { provider: "sqlite", url: `file:${absolute}`, schema: "main" };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    const schema = new URL(url).searchParams.get("schema") ?? "public";
    return { provider: "postgresql", url, schema };
  }
  throw new Error("DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)");
}

export function sqliteFile(target: DatabaseTarget): string {
  return target.url.slice("file:".length);
}
