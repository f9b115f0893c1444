import { describe, expect, it } from "vitest";
import { IM_BASE_PATH } from "./index";
import { login, newCart, pdfPosition, pdfRequest, setupSimulator } from "./testing/harness";
import { checkoutSchema, parsed } from "./testing/schemas";

async function buy(setup: ReturnType<typeof setupSimulator>) {
  const token = await login(setup.api);
  const shopOrderId = await newCart(setup.api, token);
  const json = pdfRequest(shopOrderId, 95, [pdfPosition(1)]);
  const body = await parsed(
    checkoutSchema,
    await setup.api.call("POST", "/app/shoppingcart/pdf", { token, json }),
  );
  return { token, shopOrderId, body };
}

describe("download links", () => {
  it("are unauthenticated GETs on the request's origin", async () => {
    const setup = setupSimulator();
    const { body } = await buy(setup);
    expect(body.link.startsWith(`http://internetmarke.test${IM_BASE_PATH}/downloads/`)).toBe(true);
    const download = await setup.api.get(body.link);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toMatch(/attachment; filename=".+\.pdf"/);
  });

  it("expire after linkTtlMs (410), while the cart hands out a fresh one", async () => {
    const setup = setupSimulator({ linkTtlMs: 60_000 });
    const { body, token, shopOrderId } = await buy(setup);
    setup.clock.advance(59_999);
    expect((await setup.api.get(body.link)).status).toBe(200);
    setup.clock.advance(1);
    expect((await setup.api.get(body.link)).status).toBe(410);

    const again = await parsed(
      checkoutSchema,
      await setup.api.call("GET", `/app/shoppingcart/${shopOrderId}`, { token }),
    );
    expect((await setup.api.get(again.link)).status).toBe(200);
  });

  it("answer 404 for links that never existed", async () => {
    const setup = setupSimulator();
    expect((await setup.api.get(`http://internetmarke.test${IM_BASE_PATH}/downloads/nope`)).status).toBe(404);
  });
});
