/**
 * The Products API (prices and product codes), a separate DHL API: `GET {productsBaseUrl}/products` with the
 * app's client id as `dhl-api-key`; no Portokasse token. Prices are decimal euros there and cents here.
 */
import { z } from "zod";
import type { Http } from "./http";
import { eurosToCents } from "./money";
import type { ResolvedConfig } from "./config";
import { buildUrl } from "./session";

export type Destination = "national" | "international" | "unknown";

export interface Product {
  /** The PPL product code used in carts. */
  productCode: number;
  name: string;
  /** Compared as a whole word: "international" never counts as "national". */
  destination: Destination;
  priceCents: number;
  maxWeightGrams: number | null;
}

function destinationOf(transport: string | null): Destination {
  const word = (transport ?? "").trim().toLowerCase();
  return word === "national" ? "national" : word === "international" ? "international" : "unknown";
}

const productSchema = z
  .object({
    extProductid: z.union([z.string().regex(/^\s*\d+\s*$/), z.number().int().positive()]),
    extProductname: z.string(),
    transport: z.string().nullable().optional(),
    grossprice: z.union([z.number(), z.string()]),
    maxWeight: z
      .union([
        z.number(),
        z
          .string()
          .regex(/^\d+(\.\d+)?$/)
          .transform(Number),
      ])
      .nullable()
      .optional(),
  })
  .transform((p, ctx): Product => {
    let priceCents: number;
    try {
      priceCents = eurosToCents(p.grossprice);
    } catch (error) {
      ctx.addIssue({
        code: "custom",
        path: ["grossprice"],
        message: error instanceof Error ? error.message : "bad price",
      });
      return z.NEVER;
    }
    return {
      productCode: Number(String(p.extProductid).trim()),
      name: p.extProductname,
      destination: destinationOf(p.transport ?? null),
      priceCents,
      maxWeightGrams: p.maxWeight ?? null,
    };
  });

export const productsResponseSchema = z
  .object({
    type: z.string().nullable().optional(),
    date: z.union([z.string(), z.number()]).nullable().optional(),
    shortSalesProducts: z.array(productSchema).nullable().optional(),
    salesProducts: z.array(productSchema).nullable().optional(),
  })
  .transform((b) => ({
    date: b.date === null || b.date === undefined ? null : String(b.date),
    products: b.shortSalesProducts ?? b.salesProducts ?? [],
  }));

export type ProductList = z.output<typeof productsResponseSchema>;

export async function fetchProducts(config: ResolvedConfig, http: Http): Promise<ProductList> {
  const res = await http.send({
    operation: "products",
    method: "GET",
    url: buildUrl(config.productsBaseUrl, "/products", { profile: "IM-PARTNER", shortVersion: true }),
    headers: { "dhl-api-key": config.clientId },
    retry: "safe",
    movesMoney: false,
  });
  return http.parse(res, productsResponseSchema);
}
