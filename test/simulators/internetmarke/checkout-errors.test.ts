import { beforeEach, describe, expect, it } from "vitest";
import type { Api } from "./testing/harness";
import {
  addressZone,
  login,
  MERCHANT,
  newCart,
  OTHER,
  pdfPosition,
  pdfRequest,
  pngPosition,
  pngRequest,
  RECEIVER,
  setupSimulator,
} from "./testing/harness";
import { expectImError } from "./testing/schemas";

let api: Api;
let token: string;
let setup: ReturnType<typeof setupSimulator>;

beforeEach(async () => {
  setup = setupSimulator({ maxPositionsPerCart: 5 });
  api = setup.api;
  token = await login(api);
});

const pdf = (json: unknown, query = "") => api.call("POST", `/app/shoppingcart/pdf${query}`, { token, json });
const png = (json: unknown, query = "") => api.call("POST", `/app/shoppingcart/png${query}`, { token, json });

/** Every rejected checkout must leave the money, the vouchers and the cart untouched. */
function expectNothingMoved(): void {
  const account = setup.sim.account(MERCHANT.username);
  expect(account.balanceCents).toBe(10_000);
  expect(account.ledger).toEqual([]);
  expect(account.vouchers).toEqual([]);
}

describe("request shape", () => {
  it("rejects validate=true with directCheckout=true: invalidCombination", async () => {
    await expectImError(
      await pdf(pdfRequest(undefined, 95, [pdfPosition(1)]), "?validate=true&directCheckout=true"),
      400,
      "invalidCombination",
    );
    expectNothingMoved();
  });

  it("rejects malformed flags, malformed JSON and an empty body: Bad Request", async () => {
    await expectImError(
      await pdf(pdfRequest(undefined, 95, [pdfPosition(1)]), "?directCheckout=yes"),
      400,
      "Bad Request",
      /directCheckout/,
    );
    const broken = await api.call("POST", "/app/shoppingcart/pdf", {
      token,
      headers: { "content-type": "application/json" },
    });
    await expectImError(broken, 400, "Bad Request", /body is missing/);
    await expectImError(await pdf("not an object"), 400, "Bad Request");
  });

  it("rejects a wrong or missing positionType: InvalidTypeId", async () => {
    const shopOrderId = await newCart(api, token);
    const wrong = pdfPosition(1, 1, 1, 1, { positionType: "AppShoppingCartPosition" });
    await expectImError(
      await pdf(pdfRequest(shopOrderId, 95, [wrong])),
      400,
      "InvalidTypeId",
      /AppShoppingCartPDFPosition/,
    );
    const missing = pdfPosition(1, 1, 1, 1, { positionType: undefined });
    await expectImError(
      await pdf(pdfRequest(shopOrderId, 95, [missing])),
      400,
      "InvalidTypeId",
      /positionType/,
    );
    await expectImError(
      await png(pngRequest(shopOrderId, 95, [pdfPosition(1)])),
      400,
      "InvalidTypeId",
      /AppShoppingCartPosition/,
    );
    expectNothingMoved();
  });

  it("rejects an unknown or missing request type: InvalidTypeId", async () => {
    await expectImError(
      await pdf({ ...pdfRequest(undefined, 95, [pdfPosition(1)]), type: "AppShoppingCartPNGRequest" }),
      400,
      "InvalidTypeId",
    );
    await expectImError(
      await png({ ...pngRequest(undefined, 95, [pngPosition(1)]), type: undefined }),
      400,
      "InvalidTypeId",
      /'type'/,
    );
  });

  it("rejects a checkout body on the preview and a preview body on the checkout: Bad Request", async () => {
    await expectImError(
      await pdf(pdfRequest(undefined, 95, [pdfPosition(1)]), "?validate=true"),
      400,
      "Bad Request",
      /Preview/,
    );
    const preview = {
      type: "AppShoppingCartPreviewPDFRequest",
      productCode: 1,
      voucherLayout: "FRANKING_ZONE",
    };
    await expectImError(
      await pdf(preview, "?directCheckout=true"),
      400,
      "Bad Request",
      /AppShoppingCartPDFRequest/,
    );
  });
});

describe("business checks", () => {
  it("rejects more positions than maxPositionsPerCart: invalidOrderPositionCount", async () => {
    const positions = [1, 2, 3, 4, 5, 6].map(() => pngPosition(1));
    await expectImError(
      await png(pngRequest(undefined, 6 * 95, positions), "?directCheckout=true"),
      400,
      "invalidOrderPositionCount",
    );
  });

  it("requires a shopOrderId without directCheckout and rejects unknown or foreign ones: invalidShopOrderID", async () => {
    await expectImError(await pdf(pdfRequest(undefined, 95, [pdfPosition(1)])), 400, "invalidShopOrderID");
    await expectImError(
      await pdf(pdfRequest("123456", 95, [pdfPosition(1)])),
      400,
      "invalidShopOrderID",
      /unknown/,
    );
    const foreign = await newCart(api, await login(api, OTHER));
    await expectImError(await pdf(pdfRequest(foreign, 95, [pdfPosition(1)])), 400, "invalidShopOrderID");
    expectNothingMoved();
  });

  it("rejects a reused shopOrderId: invalidShopOrderID, no second charge", async () => {
    const shopOrderId = await newCart(api, token);
    expect((await pdf(pdfRequest(shopOrderId, 95, [pdfPosition(1)]))).status).toBe(200);
    await expectImError(
      await pdf(pdfRequest(shopOrderId, 95, [pdfPosition(1)])),
      400,
      "invalidShopOrderID",
      /duplicated/,
    );
    await expectImError(
      await png(pngRequest(shopOrderId, 95, [pngPosition(1)]), "?directCheckout=true"),
      400,
      "invalidShopOrderID",
    );
    expect(setup.sim.account(MERCHANT.username).balanceCents).toBe(10_000 - 95);
  });

  it("rejects a product code missing from the price list: invalidProductcode", async () => {
    await expectImError(
      await pdf(pdfRequest(undefined, 95, [pdfPosition(9999)]), "?directCheckout=true"),
      400,
      "invalidProductcode",
      /9999/,
    );
  });

  it("rejects an unknown motif: invalidMotive", async () => {
    await expectImError(
      await png(pngRequest(undefined, 95, [pngPosition(1, { imageID: 4711 })]), "?directCheckout=true"),
      400,
      "invalidMotive",
    );
  });

  it("recomputes the total from its own price list: invalidTotalAmount", async () => {
    const response = await pdf(pdfRequest(undefined, 1, [pdfPosition(1)]), "?directCheckout=true");
    const body = await expectImError(response, 400, "invalidTotalAmount");
    expect(body.description).toMatch(/^The total amount of the order is invalid!/);
    expect(body.description).toMatch(/PPL-total: 95, Cart: 1$/);
    expectNothingMoved();
  });

  it("refuses to overdraw the wallet: walletBalanceNotEnough with the serial number", async () => {
    const positions = [
      pngPosition(11096),
      pngPosition(11096),
      pngPosition(11096),
      pngPosition(11096),
      pngPosition(11096),
    ];
    const response = await png(pngRequest(undefined, 5 * 2070, positions), "?directCheckout=true");
    const body = await expectImError(response, 400, "walletBalanceNotEnough");
    expect(body.description).toBe("AF188FFFFF");
    expectNothingMoved();
  });
});

describe("order of checks", () => {
  it("validation before shopOrderId, shopOrderId before products, products before total, total before balance", async () => {
    const used = await newCart(api, token);
    await pdf(pdfRequest(used, 95, [pdfPosition(1)]));
    const badPostal = pdfPosition(9999, 1, 1, 1, addressZone({ ...RECEIVER, postalCode: "1" }));
    await expectImError(await pdf(pdfRequest(used, 1, [badPostal])), 400, "Bad Request");
    await expectImError(await pdf(pdfRequest(used, 1, [pdfPosition(9999)])), 400, "invalidShopOrderID");
    const fresh = await newCart(api, token);
    await expectImError(await pdf(pdfRequest(fresh, 1, [pdfPosition(9999)])), 400, "invalidProductcode");
    const expensive = [1, 2].map((x) => pdfPosition(11096, x));
    await expectImError(await pdf(pdfRequest(fresh, 1, expensive)), 400, "invalidTotalAmount");
    const tooMuch = [1, 2, 3, 4, 5].map((y) => pdfPosition(11096, 1, y));
    await expectImError(await pdf(pdfRequest(fresh, 5 * 2070, tooMuch)), 400, "walletBalanceNotEnough");
  });

  it("type ids before field validation, the flag combination before everything in the body", async () => {
    const wrongTypeAndNoTotal = {
      ...pdfRequest(undefined, 95, [pdfPosition(1, 1, 1, 1, { positionType: "X" })]),
      total: undefined,
    };
    await expectImError(await pdf(wrongTypeAndNoTotal, "?directCheckout=true"), 400, "InvalidTypeId");
    await expectImError(
      await pdf(wrongTypeAndNoTotal, "?validate=true&directCheckout=true"),
      400,
      "invalidCombination",
    );
  });
});
