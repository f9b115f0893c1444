import { beforeEach, describe, expect, it } from "vitest";
import { createShopifyFake, type FakeShopState, type ShopifyFake } from "./index";
import { API_KEY, API_SECRET, at, clientFor, list, type GraphQLReply } from "./test-helpers";

let fake: ShopifyFake;
let shop: FakeShopState;
let run: (query: string, variables?: Record<string, unknown>) => Promise<GraphQLReply>;
let orderGid: string;

beforeEach(() => {
  fake = createShopifyFake({ apiKey: API_KEY, apiSecret: API_SECRET });
  const { shopDomain, accessToken } = fake.seedDemoShop();
  shop = fake.shop(shopDomain);
  run = clientFor(fake, shopDomain, accessToken);
  orderGid = `gid://shopify/Order/${shop.requireOrder("#1004").id}`;
});

const TAGS_ADD = `mutation Tag($id: ID!, $tags: [String!]!) {
  tagsAdd(id: $id, tags: $tags) { node { id ... on Order { tags } } userErrors { field message } }
}`;
const TAGS_REMOVE = `mutation Untag($id: ID!, $tags: [String!]!) {
  tagsRemove(id: $id, tags: $tags) { node { id ... on Order { tags } } userErrors { field message } }
}`;

describe("tagsAdd / tagsRemove", () => {
  it("adds tags (comma lists allowed), keeps them unique and sorted, and removes them again", async () => {
    const added = await run(TAGS_ADD, { id: orderGid, tags: ["frankiert", "Deutsche Post, Brief"] });
    expect(at(added.body, "data", "tagsAdd")).toEqual({
      node: { id: orderGid, tags: ["Brief", "Deutsche Post", "frankiert"] },
      userErrors: [],
    });
    await run(TAGS_ADD, { id: orderGid, tags: ["FRANKIERT"] });
    expect(shop.tags("#1004")).toEqual(["Brief", "Deutsche Post", "frankiert"]);
    const removed = await run(TAGS_REMOVE, { id: orderGid, tags: ["Deutsche Post, brief"] });
    expect(at(removed.body, "data", "tagsRemove", "node", "tags")).toEqual(["frankiert"]);
  });

  it("answers a missing resource with a userError and a malformed id with an error", async () => {
    const missing = await run(TAGS_ADD, { id: "gid://shopify/Order/1", tags: ["x"] });
    expect(at(missing.body, "data", "tagsAdd")).toEqual({
      node: null,
      userErrors: [{ field: ["id"], message: "Order does not exist" }],
    });
    const product = await run(TAGS_ADD, { id: "gid://shopify/Product/1", tags: ["x"] });
    expect(at(product.body, "data", "tagsAdd", "userErrors")).toEqual([
      { field: ["id"], message: "Product does not exist" },
    ]);
    const malformed = await run(TAGS_ADD, { id: "1004", tags: ["x"] });
    expect(at(malformed.body, "errors", 0, "message")).toBe("Invalid global id '1004'");
  });
});

const SET = `mutation Set($metafields: [MetafieldsSetInput!]!) {
  metafieldsSet(metafields: $metafields) {
    metafields { id namespace key type value jsonValue ownerType owner { ... on Order { name } } }
    userErrors { field message code elementIndex }
  }
}`;

const input = (overrides: Record<string, unknown> = {}) => ({
  ownerId: orderGid,
  namespace: "$app:franking",
  key: "voucher",
  type: "json",
  value: JSON.stringify({ voucherId: "A0B1C2", portoCents: 180 }),
  ...overrides,
});

describe("metafieldsSet", () => {
  it("writes into the app-reserved namespace and reads back through $app", async () => {
    const reply = await run(SET, { metafields: [input()] });
    expect(at(reply.body, "data", "metafieldsSet")).toEqual({
      metafields: [
        {
          id: expect.stringMatching(/^gid:\/\/shopify\/Metafield\/\d+$/),
          namespace: `app--${fake.appId}--franking`,
          key: "voucher",
          type: "json",
          value: '{"voucherId":"A0B1C2","portoCents":180}',
          jsonValue: { voucherId: "A0B1C2", portoCents: 180 },
          ownerType: "ORDER",
          owner: { name: "#1004" },
        },
      ],
      userErrors: [],
    });
    const read = await run(`{ order(id: "${orderGid}") {
      viaApp: metafield(namespace: "$app:franking", key: "voucher") { value }
      viaFullName: metafield(namespace: "app--${fake.appId}--franking", key: "voucher") { key }
      metafields(first: 5, namespace: "$app:franking") { nodes { key } }
    } }`);
    expect(at(read.body, "data", "order")).toEqual({
      viaApp: { value: '{"voucherId":"A0B1C2","portoCents":180}' },
      viaFullName: { key: "voucher" },
      metafields: { nodes: [{ key: "voucher" }] },
    });
  });

  it("stores app-installation metafields (settings) without a namespace", async () => {
    const installation = await run("{ currentAppInstallation { id } }");
    const ownerId = String(at(installation.body, "data", "currentAppInstallation", "id"));
    const reply = await run(SET, {
      metafields: [
        { ownerId, key: "portokasse_user", type: "single_line_text_field", value: "demo@frankier.example" },
      ],
    });
    expect(at(reply.body, "data", "metafieldsSet", "metafields", 0)).toMatchObject({
      namespace: `app--${fake.appId}`,
      ownerType: "API_PERMISSION",
    });
    const read = await run('{ currentAppInstallation { metafield(key: "portokasse_user") { value } } }');
    expect(at(read.body, "data", "currentAppInstallation", "metafield", "value")).toBe(
      "demo@frankier.example",
    );
  });

  it("validates type names and values against the type, writing nothing on error", async () => {
    const reply = await run(SET, {
      metafields: [
        input({ key: "ok", type: "single_line_text_field", value: "fine" }),
        input({ key: "bad_type", type: "text" }),
        input({ key: "bad_json", value: "{nope" }),
        input({ key: "count", type: "number_integer", value: "1.5" }),
        input({ key: "lines", type: "list.single_line_text_field", value: JSON.stringify(["a", "b\nc"]) }),
        input({ key: "untyped", type: undefined }),
      ],
    });
    const errors = list(reply.body, "data", "metafieldsSet", "userErrors");
    expect(errors).toEqual([
      {
        field: ["metafields", "1", "type"],
        message: expect.stringMatching(/^Type must be one of the following: .*single_line_text_field/),
        code: "INCLUSION",
        elementIndex: null,
      },
      {
        field: ["metafields", "2", "value"],
        message: "Value is invalid JSON.",
        code: "INVALID_VALUE",
        elementIndex: null,
      },
      {
        field: ["metafields", "3", "value"],
        message: "Value must be an integer.",
        code: "INVALID_VALUE",
        elementIndex: null,
      },
      {
        field: ["metafields", "4", "value"],
        message: "Value must be a single line text string.",
        code: "INVALID_VALUE",
        elementIndex: 1,
      },
      {
        field: ["metafields", "5", "type"],
        message: "Type can't be blank",
        code: "BLANK",
        elementIndex: null,
      },
    ]);
    expect(at(reply.body, "data", "metafieldsSet", "metafields")).toBeNull();
    expect(shop.metafields).toHaveLength(0);
  });

  it("refuses more than 25 inputs, missing owners and other apps' namespaces", async () => {
    const many = Array.from({ length: 26 }, (_, i) => input({ key: `k${i}` }));
    const tooMany = await run(SET, { metafields: many });
    expect(at(tooMany.body, "data", "metafieldsSet", "userErrors")).toEqual([
      {
        field: ["metafields"],
        message: "Exceeded the maximum metafields input limit of 25.",
        code: "LESS_THAN_OR_EQUAL_TO",
        elementIndex: null,
      },
    ]);
    const noOwner = await run(SET, { metafields: [input({ ownerId: "gid://shopify/Order/1" })] });
    expect(at(noOwner.body, "data", "metafieldsSet", "userErrors", 0)).toMatchObject({
      field: ["metafields", "0", "ownerId"],
      code: "INVALID",
    });
    const foreign = await run(SET, { metafields: [input({ namespace: "app--123--franking" })] });
    expect(at(foreign.body, "data", "metafieldsSet", "userErrors", 0)).toMatchObject({
      field: ["metafields", "0"],
      code: "APP_NOT_AUTHORIZED",
    });
  });

  it("updates in place and honours compareDigest", async () => {
    await run(SET, {
      metafields: [input({ key: "status", type: "single_line_text_field", value: "bezahlt" })],
    });
    const digest = await run(
      `{ order(id: "${orderGid}") { metafield(namespace: "$app:franking", key: "status") { compareDigest } } }`,
    );
    const current = String(at(digest.body, "data", "order", "metafield", "compareDigest"));
    const stale = await run(SET, {
      metafields: [
        input({ key: "status", type: "single_line_text_field", value: "x", compareDigest: "stale" }),
      ],
    });
    expect(at(stale.body, "data", "metafieldsSet", "userErrors", 0, "code")).toBe("STALE_OBJECT");
    const fresh = await run(SET, {
      metafields: [
        input({ key: "status", type: "single_line_text_field", value: "frankiert", compareDigest: current }),
      ],
    });
    expect(at(fresh.body, "data", "metafieldsSet", "userErrors")).toEqual([]);
    expect(shop.metafields).toHaveLength(1);
    expect(shop.metafields[0]?.value).toBe("frankiert");
  });
});
