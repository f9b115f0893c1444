import { ValidationError } from "./errors";
import { profileResponseSchema, topUpResponseSchema, type Profile, type TopUpResult } from "./schemas";
import type { Session } from "./session";

/** `GET /user/profile`: the merchant's contact data (no balance; `country` is alpha-3). */
export async function profile(session: Session): Promise<Profile> {
  const res = await session.send({
    operation: "profile",
    method: "GET",
    path: "/user/profile",
    retry: "safe",
    movesMoney: false,
  });
  return session.http.parse(res, profileResponseSchema);
}

/**
 * `PUT /app/wallet?amount=<cents>`: tops up the Portokasse from its stored SEPA mandate (real money).
 * Sent exactly once; on `outcomeUnknown` check the balance (a fresh `login()`) before trying again.
 */
export async function topUp(session: Session, amountCents: number): Promise<TopUpResult> {
  if (!Number.isInteger(amountCents) || amountCents < 1) {
    throw new ValidationError("A top-up needs a whole number of cents >= 1", {
      operation: "topUp",
      fields: [{ path: "amountCents", message: "must be a whole number >= 1" }],
    });
  }
  const res = await session.send({
    operation: "topUp",
    method: "PUT",
    path: "/app/wallet",
    query: { amount: amountCents },
    retry: "never",
    movesMoney: true,
  });
  const result = session.http.parse(res, topUpResponseSchema);
  session.noteBalance(result.walletBalanceCents);
  return result;
}
