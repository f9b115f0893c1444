import { describe, expect, it } from "vitest";
import { z } from "zod";
import { APP, setupSimulator } from "./testing/harness";
import { expectGatewayError, parsed } from "./testing/schemas";

const productsSchema = z.strictObject({
  type: z.literal("PwsProducts"),
  date: z.iso.date(),
  shortSalesProducts: z.array(
    z.strictObject({
      extProductid: z.string().regex(/^\d+$/),
      extProductname: z.string(),
      transport: z.enum(["national", "international"]),
      grossprice: z.number(),
      maxWeight: z.int().optional(),
    }),
  ),
});

const QUERY = "?profile=IM-PARTNER&shortVersion=true";

describe("Products API GET /products", () => {
  it("lists the price list in decimal euros with string ids", async () => {
    const { api } = setupSimulator();
    const body = await parsed(productsSchema, await api.products(QUERY, APP.clientId));
    expect(body.date).toBe("2025-10-06");
    expect(body.shortSalesProducts).toHaveLength(49);
    expect(body.shortSalesProducts[0]).toEqual({
      extProductid: "1",
      extProductname: "Standardbrief",
      transport: "national",
      grossprice: 0.95,
      maxWeight: 20,
    });
    expect(body.shortSalesProducts.find((p) => p.extProductid === "11096")).toMatchObject({
      transport: "international",
      grossprice: 20.7,
    });
  });

  it("needs a registered client id in dhl-api-key, not a Portokasse token", async () => {
    const { api } = setupSimulator();
    await expectGatewayError(await api.products(QUERY), 401, "Unauthorized");
    await expectGatewayError(await api.products(QUERY, "unknown-key"), 401, "Unauthorized");
  });

  it("knows only the IM-PARTNER profile and the short version", async () => {
    const { api } = setupSimulator();
    await expectGatewayError(
      await api.products("?profile=OTHER&shortVersion=true", APP.clientId),
      400,
      "Bad Request",
    );
    await expectGatewayError(await api.products("?profile=IM-PARTNER", APP.clientId), 400, "Bad Request");
  });
});
