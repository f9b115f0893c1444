import { describe, expect, it } from "vitest";
import { z } from "zod";
import { APP, login, pdfPosition, pdfRequest, setupSimulator } from "./testing/harness";
import { expectImError } from "./testing/schemas";

const productsSchema = z.object({
  shortSalesProducts: z.array(z.object({ extProductid: z.string(), grossprice: z.number() })),
});

describe("a new price list at a given time", () => {
  it("answers the old prices before validFrom and the new ones from then on, in the Products API and the checkout", async () => {
    const { api, sim, clock } = setupSimulator();
    const validFrom = new Date(clock.now().getTime() + 60_000);
    sim.schedulePriceList({ validFrom, prices: { 1: 110 } });
    const price = async () =>
      productsSchema
        .parse(await (await api.products("?profile=IM-PARTNER&shortVersion=true", APP.clientId)).json())
        .shortSalesProducts.find((p) => p.extProductid === "1")?.grossprice;
    expect(await price()).toBe(0.95);
    const token = await login(api);
    const checkout = (total: number) =>
      api.call("POST", "/app/shoppingcart/pdf?directCheckout=true", {
        token,
        json: pdfRequest(undefined, total, [pdfPosition(1)]),
      });
    expect((await checkout(95)).status).toBe(200);

    clock.advance(60_000);
    expect(await price()).toBe(1.1);
    const refused = await expectImError(await checkout(95), 400, "invalidTotalAmount");
    expect(refused.description).toContain("PPL-total: 110, Cart: 95");
    expect((await checkout(110)).status).toBe(200);
    expect(sim.account("versand@shop.example").vouchers.map((v) => v.priceCents)).toEqual([95, 110]);
  });

  it("forgets scheduled lists on reset", async () => {
    const { sim, clock, api } = setupSimulator();
    sim.schedulePriceList({ validFrom: clock.now(), prices: { 1: 110 } });
    sim.reset();
    sim.addApp(APP);
    const body = productsSchema.parse(
      await (await api.products("?profile=IM-PARTNER&shortVersion=true", APP.clientId)).json(),
    );
    expect(body.shortSalesProducts.find((p) => p.extProductid === "1")?.grossprice).toBe(0.95);
  });
});
