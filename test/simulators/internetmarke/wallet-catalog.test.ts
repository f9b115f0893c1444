import { describe, expect, it } from "vitest";
import { z } from "zod";
import { APP, login, loginForm, MERCHANT, setupSimulator } from "./testing/harness";
import { expectImError, parsed } from "./testing/schemas";

const topUpSchema = z.strictObject({ shopOrderId: z.string().regex(/^\d+$/), walletBalance: z.int() });

describe("PUT /app/wallet", () => {
  it("tops up, answers the new balance and writes the ledger", async () => {
    const { api, sim, clock } = setupSimulator();
    const token = await login(api);
    const body = await parsed(topUpSchema, await api.call("PUT", "/app/wallet?amount=3000", { token }));
    expect(body.walletBalance).toBe(13_000);
    expect(sim.account(MERCHANT.username)).toMatchObject({
      balanceCents: 13_000,
      ledger: [{ kind: "topup", cents: 3000, ref: body.shopOrderId, at: clock.now() }],
    });
  });

  it("rejects a missing, zero, negative or fractional amount", async () => {
    const { api } = setupSimulator();
    const token = await login(api);
    for (const query of ["", "?amount=0", "?amount=-5", "?amount=1.5", "?amount=abc"]) {
      await expectImError(
        await api.call("PUT", `/app/wallet${query}`, { token }),
        400,
        "Bad Request",
        /amount/,
      );
    }
  });

  it("answers quotaExceeded beyond the rolling 24-hour top-up quota", async () => {
    const { api, sim, clock } = setupSimulator();
    sim.addAccount({
      username: "q@x",
      password: "pw",
      balanceCents: 0,
      approvedApps: [APP.clientId],
      topUpQuotaCents: 5000,
    });
    const loginQ = async () => {
      const response = await api.call("POST", "/user", {
        form: loginForm({ username: "q@x", password: "pw" }),
      });
      return (await parsed(z.object({ access_token: z.string() }), response)).access_token;
    };
    const token = await loginQ();
    expect((await api.call("PUT", "/app/wallet?amount=4000", { token })).status).toBe(200);
    await expectImError(
      await api.call("PUT", "/app/wallet?amount=1001", { token }),
      400,
      "quotaExceeded",
      /serialnumber/,
    );
    clock.advance(24 * 60 * 60 * 1000);
    expect((await api.call("PUT", "/app/wallet?amount=1001", { token: await loginQ() })).status).toBe(200);
    expect(sim.account("q@x").balanceCents).toBe(5001);
  });

  it("answers forbiddenPaymentMethod without a SEPA mandate", async () => {
    const { api, sim } = setupSimulator();
    sim.addAccount({
      username: "s@x",
      password: "pw",
      balanceCents: 0,
      approvedApps: [APP.clientId],
      sepaMandate: false,
    });
    const response = await api.call("POST", "/user", {
      form: loginForm({ username: "s@x", password: "pw" }),
    });
    const { access_token: token } = await parsed(z.object({ access_token: z.string() }), response);
    await expectImError(
      await api.call("PUT", "/app/wallet?amount=1000", { token }),
      400,
      "forbiddenPaymentMethod",
    );
    expect(sim.account("s@x").ledger).toEqual([]);
  });
});

const pageFormatsSchema = z.array(
  z.strictObject({
    id: z.int(),
    isAddressPossible: z.boolean(),
    isImagePossible: z.boolean(),
    name: z.string(),
    description: z.null(),
    pageType: z.enum(["REGULARPAGE", "ENVELOPE", "LABELPRINTER", "LABELPAGE"]),
    pageLayout: z.object({ labelCount: z.object({ labelX: z.int(), labelY: z.int() }) }),
  }),
);

describe("GET /app/catalog", () => {
  it("answers the requested types with the live keys; contractProducts absent for new accounts", async () => {
    const { api } = setupSimulator();
    const token = await login(api);
    const response = await api.call("GET", "/app/catalog?types=PAGE_FORMATS&types=PUBLIC", { token });
    const body = await parsed(z.record(z.string(), z.unknown()), response);
    expect(Object.keys(body).sort()).toEqual(["pageFormats", "publicGallery"]);
    const formats = pageFormatsSchema.parse(body.pageFormats);
    expect(formats).toHaveLength(108);
    expect(formats.find((f) => f.id === 5)).toMatchObject({
      name: "Brief C6 114 x 162",
      pageType: "ENVELOPE",
    });
    expect(body.publicGallery).toMatchObject({
      items: expect.arrayContaining([expect.objectContaining({ images: expect.any(Array) })]),
    });
  });

  it("answers only what was asked for", async () => {
    const { api } = setupSimulator();
    const token = await login(api);
    const body = await parsed(
      z.record(z.string(), z.unknown()),
      await api.call("GET", "/app/catalog?types=PAGE_FORMATS", { token }),
    );
    expect(Object.keys(body)).toEqual(["pageFormats"]);
  });

  it("refuses PRIVATE, which the spec's enum for types does not list", async () => {
    const { api } = setupSimulator();
    const token = await login(api);
    await expectImError(
      await api.call("GET", "/app/catalog?types=PAGE_FORMATS&types=PRIVATE", { token }),
      400,
      "Bad Request",
      /PRIVATE/,
    );
  });

  it("adds contractProducts for accounts that have them", async () => {
    const { api, sim } = setupSimulator();
    sim.addAccount({
      ...MERCHANT,
      balanceCents: 0,
      approvedApps: [APP.clientId],
      contractProducts: [1, 1002],
    });
    const token = await login(api);
    const body: unknown = await (await api.call("GET", "/app/catalog?types=PAGE_FORMATS", { token })).json();
    expect(body).toMatchObject({
      contractProducts: {
        products: [
          { productCode: 1, price: 95 },
          { productCode: 1002, price: 330 },
        ],
      },
    });
  });

  it("rejects a missing or unknown type", async () => {
    const { api } = setupSimulator();
    const token = await login(api);
    await expectImError(await api.call("GET", "/app/catalog", { token }), 400, "Bad Request", /types/);
    await expectImError(
      await api.call("GET", "/app/catalog?types=PUBLIC&types=ALL", { token }),
      400,
      "Bad Request",
      /ALL/,
    );
  });

  it("serves the gallery motifs as PNGs without auth", async () => {
    const { api } = setupSimulator();
    const token = await login(api);
    const body: unknown = await (await api.call("GET", "/app/catalog?types=PUBLIC", { token })).json();
    const link = z
      .object({
        publicGallery: z.object({
          items: z.array(z.object({ images: z.array(z.object({ links: z.object({ link: z.url() }) })) })),
        }),
      })
      .parse(body).publicGallery.items[0]?.images[0]?.links.link;
    const image = await api.get(link ?? "");
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");
  });
});
