/**
 * The INTERNETMARKE terms guard: one server function every purchase path goes through. `confirmOrders`
 * (the batch start used by the preview page, `POST /api/batches` from the admin extensions and any later
 * automation) calls `termsAccepted` before it fixes products and prices; the worker checks again before a
 * batch buys, so a batch created any other way cannot buy either.
 */
import type { Db } from "~/db.server";
import { INTERNETMARKE_TERMS } from "./internetmarke-terms";

export interface TermsState {
  version: string;
  url: string;
  accepted: { acceptedAt: Date; acceptedBy: string; version: string } | null;
}

/** Whether the shop accepted the current version of the terms. */
export async function termsAccepted(db: Db, shopId: string): Promise<boolean> {
  const row = await db.termsAcceptance.findUnique({
    where: { shopId_version: { shopId, version: INTERNETMARKE_TERMS.version } },
    select: { id: true },
  });
  return row !== null;
}

export async function loadTerms(db: Db, shopId: string): Promise<TermsState> {
  const row = await db.termsAcceptance.findUnique({
    where: { shopId_version: { shopId, version: INTERNETMARKE_TERMS.version } },
    select: { acceptedAt: true, acceptedBy: true, version: true },
  });
  return { ...INTERNETMARKE_TERMS, accepted: row };
}

/**
 * Records the acceptance of the current version: time, version and who accepted (the admin user's e-mail
 * or name from the session, else the shop). Accepting twice keeps the first record.
 */
export async function acceptTerms(
  db: Db,
  input: { shopId: string; acceptedBy: string; now: Date },
): Promise<TermsState> {
  await db.termsAcceptance.upsert({
    where: { shopId_version: { shopId: input.shopId, version: INTERNETMARKE_TERMS.version } },
    create: {
      shopId: input.shopId,
      version: INTERNETMARKE_TERMS.version,
      acceptedBy: input.acceptedBy.slice(0, 200),
      acceptedAt: input.now,
    },
    update: {},
  });
  return loadTerms(db, input.shopId);
}
