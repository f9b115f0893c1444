/**
 * The shop's Portokasse and Admin API, looked up only when a run needs them: a batch whose purchases
 * are done can still write to Shopify when the Portokasse was unlinked meanwhile, and the reverse.
 */
import type { Portokasse } from "~/internetmarke";
import type { AdminGraphql } from "~/shopify/graphql.server";
import { StopBuying } from "./context";

function once<T>(resolve: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    pending ??= resolve();
    return pending;
  };
}

/** A Portokasse that is fetched on first use; none linked means StopBuying("portokasse_not_linked"). */
export function lazyPortokasse(resolve: () => Promise<Portokasse | null>): Portokasse {
  let known: Portokasse | null = null;
  const get = once(async () => {
    const kasse = await resolve();
    if (!kasse) throw new StopBuying("portokasse_not_linked");
    known = kasse;
    return kasse;
  });
  return {
    login: async () => (await get()).login(),
    lastKnownBalance: () => known?.lastKnownBalance() ?? null,
    profile: async () => (await get()).profile(),
    topUp: async (amount) => (await get()).topUp(amount),
    catalog: async (types) => (await get()).catalog(types),
    initCart: async () => (await get()).initCart(),
    checkoutPdf: async (request) => (await get()).checkoutPdf(request),
    checkoutPng: async (request) => (await get()).checkoutPng(request),
    previewPdf: async (request) => (await get()).previewPdf(request),
    previewPng: async (request) => (await get()).previewPng(request),
    retrieveCart: async (shopOrderId) => (await get()).retrieveCart(shopOrderId),
    requestRetoure: async (request) => (await get()).requestRetoure(request),
    retoureState: async (query) => (await get()).retoureState(query),
  };
}

export function lazyAdmin(resolve: () => Promise<AdminGraphql>): AdminGraphql {
  const get = once(resolve);
  return { graphql: async (query, options) => (await get()).graphql(query, options) };
}
