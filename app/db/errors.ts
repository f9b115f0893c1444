import { z } from "zod";

const knownRequestError = z.object({ code: z.string() }).loose();

/**
 * A raw statement's failure (P2010) carries the driver adapter's error, whose `cause.kind` names what the
 * database refused, alike for libSQL and node-postgres.
 */
const rawQueryError = z
  .object({
    code: z.literal("P2010"),
    meta: z
      .object({ driverAdapterError: z.object({ cause: z.object({ kind: z.string() }).loose() }).loose() })
      .loose(),
  })
  .loose();

/**
 * True for a unique-constraint violation from either generated client: Prisma's own query (P2002) or a raw
 * statement (P2010 with the adapter's UniqueConstraintViolation, as `insertRows` raises it).
 */
export function isUniqueViolation(error: unknown): boolean {
  const parsed = knownRequestError.safeParse(error);
  if (!parsed.success) return false;
  if (parsed.data.code === "P2002") return true;
  const raw = rawQueryError.safeParse(error);
  return raw.success && raw.data.meta.driverAdapterError.cause.kind === "UniqueConstraintViolation";
}
