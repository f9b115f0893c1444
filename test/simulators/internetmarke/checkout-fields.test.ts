// Field validation of POST /app/shoppingcart/pdf: everything the live Jackson/bean validation or the
// page format grid rejects with 400 "Bad Request" (or invalidPageFormat), before any money moves.
import { beforeEach, describe, expect, it } from "vitest";
import type { Api } from "./testing/harness";
import {
  addressZone,
  login,
  MERCHANT,
  pdfPosition,
  pdfRequest,
  RECEIVER,
  SENDER,
  setupSimulator,
} from "./testing/harness";
import { expectImError } from "./testing/schemas";

let api: Api;
let token: string;
let setup: ReturnType<typeof setupSimulator>;

beforeEach(async () => {
  setup = setupSimulator();
  api = setup.api;
  token = await login(api);
});

const pdf = (json: unknown, query = "") => api.call("POST", `/app/shoppingcart/pdf${query}`, { token, json });

function expectNothingMoved(): void {
  expect(setup.sim.account(MERCHANT.username)).toMatchObject({
    balanceCents: 10_000,
    ledger: [],
    vouchers: [],
  });
}

describe("field validation (Bad Request)", () => {
  const cases: Array<[string, () => unknown, RegExp]> = [
    [
      "missing total",
      () => ({ ...pdfRequest(undefined, 95, [pdfPosition(1)]), total: undefined }),
      /total: must not be null/,
    ],
    ["no positions", () => pdfRequest(undefined, 0, []), /positions/],
    [
      "a 4-digit postal code",
      () =>
        pdfRequest(undefined, 95, [
          pdfPosition(1, 1, 1, 1, addressZone({ ...RECEIVER, postalCode: "1234" })),
        ]),
      /receiver\.postalCode/,
    ],
    [
      "an alpha-2 country",
      () => pdfRequest(undefined, 95, [pdfPosition(1, 1, 1, 1, addressZone({ ...RECEIVER, country: "DE" }))]),
      /country/,
    ],
    [
      "an unknown alpha-3 country",
      () =>
        pdfRequest(undefined, 95, [pdfPosition(1, 1, 1, 1, addressZone({ ...RECEIVER, country: "GER" }))]),
      /alpha-3/,
    ],
    [
      "a 51-character name",
      () =>
        pdfRequest(undefined, 95, [
          pdfPosition(1, 1, 1, 1, addressZone({ ...RECEIVER, name: "n".repeat(51) })),
        ]),
      /receiver\.name/,
    ],
    [
      "a 41-character city",
      () =>
        pdfRequest(undefined, 95, [
          pdfPosition(1, 1, 1, 1, addressZone(RECEIVER, { ...SENDER, city: "c".repeat(41) })),
        ]),
      /sender\.city/,
    ],
    [
      "a binding without sender",
      () =>
        pdfRequest(undefined, 95, [
          pdfPosition(1, 1, 1, 1, { voucherLayout: "ADDRESS_ZONE", address: { receiver: RECEIVER } }),
        ]),
      /address\.sender/,
    ],
    [
      "an address without the address zone",
      () =>
        pdfRequest(undefined, 95, [
          pdfPosition(1, 1, 1, 1, { address: { sender: SENDER, receiver: RECEIVER } }),
        ]),
      /ADDRESS_ZONE/,
    ],
    ["labelX 0", () => pdfRequest(undefined, 95, [pdfPosition(1, 0, 1)]), /labelX/],
    [
      "a label outside the grid",
      () => pdfRequest(undefined, 95, [pdfPosition(1, 3, 1)]),
      /outside the 2 x 5 grid/,
    ],
    ["a row outside the grid", () => pdfRequest(undefined, 95, [pdfPosition(1, 1, 6)]), /outside/],
    [
      "two stamps in one cell",
      () => pdfRequest(undefined, 190, [pdfPosition(1, 1, 1), pdfPosition(1, 1, 1)]),
      /used twice/,
    ],
    [
      "a missing position",
      () => pdfRequest(undefined, 95, [pdfPosition(1, 1, 1, 1, { position: undefined })]),
      /position/,
    ],
    [
      "a missing pageFormatId",
      () => ({ ...pdfRequest(undefined, 95, [pdfPosition(1)]), pageFormatId: undefined }),
      /pageFormatId/,
    ],
    [
      "a bad voucherLayout",
      () => pdfRequest(undefined, 95, [pdfPosition(1, 1, 1, 1, { voucherLayout: "BOTH" })]),
      /voucherLayout/,
    ],
    ["a shopOrderId with <", () => pdfRequest("12<3", 95, [pdfPosition(1)]), /shopOrderId/],
  ];
  it.each(cases)("rejects %s", async (_name, body, description) => {
    await expectImError(await pdf(body(), "?directCheckout=true"), 400, "Bad Request", description);
    expectNothingMoved();
  });
});

describe("page formats", () => {
  it("rejects an unknown page format: invalidPageFormat", async () => {
    await expectImError(
      await pdf(pdfRequest(undefined, 95, [pdfPosition(1)], { pageFormatId: 9999 }), "?directCheckout=true"),
      400,
      "invalidPageFormat",
    );
  });

  it("rejects the address zone on a format that cannot print addresses: invalidPageFormat", async () => {
    const json = pdfRequest(undefined, 95, [pdfPosition(1, 1, 1, 1, addressZone())], { pageFormatId: 31 });
    await expectImError(await pdf(json, "?directCheckout=true"), 400, "invalidPageFormat", /ADDRESS_ZONE/);
  });
});
