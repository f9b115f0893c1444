import type { IdSequence } from "../ids";
import type { FakeShopState } from "../shop-state";
import type { ProtectedDataApproval } from "./protected-data";

export interface AppIdentity {
  apiKey: string;
  apiSecret: string;
  /** Numeric app id: what `$app` namespaces resolve to (`app--<appId>--...`). */
  appId: number;
  title: string;
  handle: string;
}

/** A search term Shopify could not use: reported in `extensions.search`, the term itself is ignored. */
export interface SearchReport {
  path: Array<string | number>;
  query: string;
  warnings: Array<{ field: string; message: string }>;
}

export interface FakeContext {
  shop: FakeShopState;
  app: AppIdentity;
  now: Date;
  scopes: ReadonlySet<string>;
  /** What the app is approved for of protected customer data (see protected-data.ts). */
  protectedData: ProtectedDataApproval;
  ids: IdSequence;
  searchReports: SearchReport[];
  /** Queues a webhook for after the response; the body is built only if someone subscribed. */
  emit(topic: string, body: () => unknown): void;
}
