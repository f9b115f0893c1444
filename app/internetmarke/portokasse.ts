import type { PortokasseCredentials, TokenStore } from "./auth";
import * as cart from "./cart";
import { catalog, type Catalog, type CatalogType } from "./catalog";
import type { ResolvedConfig } from "./config";
import type { Http } from "./http";
import {
  requestRetoure,
  retoureState,
  type RetoureReceipt,
  type RetoureRequest,
  type RetoureState,
  type RetoureStateQuery,
} from "./retoure";
import type { CartResult, PreviewResult, Profile, TopUpResult } from "./schemas";
import { createSession, type Balance } from "./session";
import { profile, topUp } from "./wallet";

export interface LoginResult {
  walletBalanceCents: number | null;
  expiresAt: Date;
  infoMessage: string | null;
  showTermsAndConditions: boolean;
}

/** Everything done on behalf of one merchant's Portokasse. */
export interface Portokasse {
  /**
   * Logs in now (even with a cached token) and reports the balance. This is the only call that re-tries
   * credentials that were refused before: use it for a deliberate "connect"/"test connection" action.
   */
  login(): Promise<LoginResult>;
  /** The newest balance the server reported (login, checkout, top-up), or null. No network call. */
  lastKnownBalance(): Balance | null;
  profile(): Promise<Profile>;
  topUp(amountCents: number): Promise<TopUpResult>;
  catalog(types?: readonly CatalogType[]): Promise<Catalog>;
  initCart(): Promise<string>;
  checkoutPdf(request: cart.CheckoutPdfRequest): Promise<CartResult>;
  checkoutPng(request: cart.CheckoutPngRequest): Promise<CartResult>;
  previewPdf(request: cart.PreviewPdfRequest): Promise<PreviewResult>;
  previewPng(request: cart.PreviewPngRequest): Promise<PreviewResult>;
  retrieveCart(shopOrderId: string): Promise<cart.RetrievedCart>;
  requestRetoure(request: RetoureRequest): Promise<RetoureReceipt>;
  retoureState(query: string | RetoureStateQuery): Promise<RetoureState[]>;
}

export function createPortokasse(
  config: ResolvedConfig,
  http: Http,
  tokens: TokenStore,
  credentials: PortokasseCredentials,
): Portokasse {
  // A private copy: later changes to the caller's object do not leak in, and nothing here exposes it.
  const creds: PortokasseCredentials = { username: credentials.username, password: credentials.password };
  const session = createSession(config, http, tokens, creds);
  return {
    async login() {
      const token = await tokens.get(creds, { explicit: true });
      session.noteGrant(token);
      return {
        walletBalanceCents: token.grant.walletBalanceCents,
        expiresAt: token.expiresAt,
        infoMessage: token.grant.infoMessage,
        showTermsAndConditions: token.grant.showTermsAndConditions,
      };
    },
    lastKnownBalance: () => session.lastKnownBalance(),
    profile: () => profile(session),
    topUp: (amountCents) => topUp(session, amountCents),
    catalog: (types) => catalog(session, types),
    initCart: () => cart.initCart(session),
    checkoutPdf: (request) => cart.checkoutPdf(session, request),
    checkoutPng: (request) => cart.checkoutPng(session, request),
    previewPdf: (request) => cart.previewPdf(session, request),
    previewPng: (request) => cart.previewPng(session, request),
    retrieveCart: (shopOrderId) => cart.retrieveCart(session, shopOrderId),
    requestRetoure: (request) => requestRetoure(session, request),
    retoureState: (query) => retoureState(session, query),
  };
}
