/** The INTERNETMARKE terms page: what it shows, and the acceptance (ticked box, who, when, which version). */
import type { PageDeps } from "~/settings/pages.server";
import { shopFor } from "~/shops.server";
import { acceptTerms, loadTerms } from "./terms.server";

export interface TermsJson {
  version: string;
  url: string;
  accepted: { acceptedAt: string; acceptedBy: string; version: string } | null;
}

export async function loadTermsPage(deps: PageDeps, shopDomain: string): Promise<TermsJson> {
  const shop = await shopFor(deps.db, shopDomain);
  return termsJson(await loadTerms(deps.db, shop.id));
}

/**
 * Who accepted, as far as the request tells: the online session's user e-mail, else the admin user id of
 * the session token, else the shop itself.
 */
export function acceptor(input: { shop: string; email?: string | null; userId?: string | null }): string {
  if (input.email) return input.email;
  if (input.userId)
    return `Shopify user ${input.userId.replace(/^gid:\/\/shopify\/User\//, "")} (${input.shop})`;
  return input.shop;
}

export async function acceptTermsAction(
  deps: PageDeps,
  shopDomain: string,
  form: FormData,
  who: string,
): Promise<{ ok: boolean; problem: "must-tick" | null; terms: TermsJson }> {
  const shop = await shopFor(deps.db, shopDomain);
  if (form.get("accept") !== "yes") {
    return { ok: false, problem: "must-tick", terms: termsJson(await loadTerms(deps.db, shop.id)) };
  }
  const state = await acceptTerms(deps.db, { shopId: shop.id, acceptedBy: who, now: deps.now });
  return { ok: true, problem: null, terms: termsJson(state) };
}

function termsJson(state: Awaited<ReturnType<typeof loadTerms>>): TermsJson {
  return {
    version: state.version,
    url: state.url,
    accepted: state.accepted
      ? { ...state.accepted, acceptedAt: state.accepted.acceptedAt.toISOString() }
      : null,
  };
}
