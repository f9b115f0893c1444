import { z } from "zod";

const knownRequestError = z.object({ code: z.string() }).loose();

/** True for Prisma's unique-constraint violation (P2002), from either generated client. */
export function isUniqueViolation(error: unknown): boolean {
  const parsed = knownRequestError.safeParse(error);
  return parsed.success && parsed.data.code === "P2002";
}
