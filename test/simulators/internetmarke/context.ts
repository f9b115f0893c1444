// What every request handler gets: the state, the resolved options, the request and its URL.
import type { SimState } from "./state";

export interface SimConfig {
  now: () => Date;
  retoureDelayMs: number;
  linkTtlMs: number;
  tokenTtlSeconds: number;
  maxPositionsPerCart: number | undefined;
  /** "spec": every refused login answers the spec's one generic 401 text (default); "per-cause": one text per cause. */
  loginRefusals: "spec" | "per-cause";
}

export interface SimContext {
  state: SimState;
  config: SimConfig;
  request: Request;
  url: URL;
  /** Origin of the request URL; download links are minted on it. */
  origin: string;
  /** Fault `processRetouresInParts`: true when the Retoure being filed settles in two parts. */
  retoureInParts?: () => boolean;
}

export const IM_BASE_PATH = "/post/de/shipping/im/v1";
export const PRODUCTS_BASE_PATH = "/post/de/information/products/v1";
