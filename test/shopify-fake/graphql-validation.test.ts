import { beforeEach, describe, expect, it } from "vitest";
import { createShopifyFake } from "./index";
import { API_KEY, API_SECRET, at, clientFor, type GraphQLReply } from "./test-helpers";

let run: (query: string, variables?: Record<string, unknown>) => Promise<GraphQLReply>;

beforeEach(() => {
  const fake = createShopifyFake({ apiKey: API_KEY, apiSecret: API_SECRET });
  const { shopDomain, accessToken } = fake.seedDemoShop();
  run = clientFor(fake, shopDomain, accessToken);
});

describe("documents Shopify would reject", () => {
  it("reports an unknown field like graphql-ruby, with HTTP 200 and no data", async () => {
    const reply = await run("query ShopInfo { shop { id billingAdress { city } } }");
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      errors: [
        {
          message: "Field 'billingAdress' doesn't exist on type 'Shop'",
          locations: [{ line: 1, column: 28 }],
          path: ["query ShopInfo", "shop", "billingAdress"],
          extensions: { code: "undefinedField", typeName: "Shop", fieldName: "billingAdress" },
        },
      ],
    });
  });

  it("answers a document sent again exactly as the first time (documents are validated once and kept)", async () => {
    const first = await run("query ShopInfo { shop { id billingAdress { city } } }");
    const again = await run("query ShopInfo { shop { id billingAdress { city } } }");
    expect(again).toEqual(first);
    // (The bucket's state moves on between the two; the answer itself is the same.)
    const valid = await run("query ShopName { shop { name } }");
    const validAgain = await run("query ShopName { shop { name } }");
    expect(validAgain.body.data).toEqual(valid.body.data);
    expect(valid.body.errors).toBeUndefined();
    expect(validAgain.body.errors).toBeUndefined();
  });

  it("reports a missing required variable as INVALID_VARIABLE at the variable definition", async () => {
    const reply = await run("query OrderById($id: ID!) { order(id: $id) { id } }");
    expect(reply.body.errors).toEqual([
      {
        message: "Variable $id of type ID! was provided invalid value",
        locations: [{ line: 1, column: 17 }],
        extensions: {
          code: "INVALID_VARIABLE",
          value: null,
          problems: [{ path: [], explanation: "Expected value to not be null" }],
        },
      },
    ]);
  });

  it("reports a variable of the wrong type, naming the path inside the input", async () => {
    const reply = await run(
      "mutation Ship($f: FulfillmentInput!) { fulfillmentCreate(fulfillment: $f) { userErrors { message } } }",
      {
        f: {
          lineItemsByFulfillmentOrder: [
            {
              fulfillmentOrderId: "gid://shopify/FulfillmentOrder/1",
              fulfillmentOrderLineItems: [{ id: "x", quantity: "two" }],
            },
          ],
        },
      },
    );
    expect(at(reply.body, "errors", 0, "message")).toBe(
      'Variable $f of type FulfillmentInput! was provided invalid value for lineItemsByFulfillmentOrder.0.fulfillmentOrderLineItems.0.quantity (Could not coerce value "two" to Int)',
    );
    expect(at(reply.body, "errors", 0, "extensions", "code")).toBe("INVALID_VARIABLE");
    expect(reply.body.data).toBeUndefined();
  });

  it("reports a literal argument of the wrong type", async () => {
    const reply = await run('{ orders(first: "ten") { nodes { id } } }');
    expect(at(reply.body, "errors", 0)).toMatchObject({
      message: "Argument 'first' on Field 'orders' has an invalid value (\"ten\"). Expected type 'Int'.",
      path: ["query", "orders", "first"],
      extensions: { code: "argumentLiteralsIncompatible", typeName: "Field", argumentName: "first" },
    });
  });

  it("reports unknown arguments, missing arguments and missing selections", async () => {
    const unknownArgument = await run("{ orders(first: 1, status: OPEN) { nodes { id } } }");
    expect(at(unknownArgument.body, "errors", 0, "message")).toBe(
      "Field 'orders' doesn't accept argument 'status'",
    );
    const missingArgument = await run("{ order { id } }");
    expect(at(missingArgument.body, "errors", 0)).toMatchObject({
      message: "Field 'order' is missing required arguments: id",
      extensions: { code: "missingRequiredArguments", className: "Field", name: "order", arguments: "id" },
    });
    const missingSelection = await run("query Q { shop }");
    expect(at(missingSelection.body, "errors", 0)).toMatchObject({
      message:
        "Field must have selections (field 'shop' returns Shop but has no selections. Did you mean 'shop { ... }'?)",
      extensions: { code: "selectionMismatch", nodeName: "field 'shop'", typeName: "Shop" },
    });
  });

  it("reports a syntax error the way Shopify words it", async () => {
    const reply = await run("query Broken {\n  shop {\n    id\n");
    expect(reply.body.errors).toEqual([
      {
        message: "syntax error, unexpected end of file at [3, 5]",
        locations: [{ line: 3, column: 5 }],
        extensions: { code: "PARSE_ERROR" },
      },
    ]);
  });

  it("reports declared-but-unused and used-but-undeclared variables", async () => {
    const unused = await run("query Q($x: Int) { shop { id } }");
    expect(at(unused.body, "errors", 0, "message")).toBe("Variable $x is declared by Q but not used");
    const undeclared = await run("query Q { orders(first: $n) { nodes { id } } }");
    expect(at(undeclared.body, "errors", 0, "message")).toBe("Variable $n is used by Q but not declared");
  });
});

describe("execution errors", () => {
  it("names a schema field the fake does not implement instead of returning a silent null", async () => {
    const reply = await run("{ orders(first: 1) { nodes { id riskLevel } } }");
    expect(at(reply.body, "errors", 0)).toMatchObject({
      message:
        "Field 'riskLevel' on type 'Order' exists in the Admin API schema but is not implemented by the Shopify fake.",
      path: ["orders", "nodes", 0, "riskLevel"],
      extensions: { code: "NOT_IMPLEMENTED_IN_FAKE" },
    });
  });

  it("refuses a connection without a page size, and pages above 250", async () => {
    const noSize = await run("{ orders { nodes { id } } }");
    expect(at(noSize.body, "errors", 0, "message")).toBe("you must provide one of first or last");
    expect(noSize.body.data).toBeNull();
    const tooBig = await run("{ orders(first: 251) { nodes { id } } }");
    expect(at(tooBig.body, "errors", 0, "extensions", "code")).toBe("BAD_REQUEST");
    expect(at(tooBig.body, "errors", 0, "message")).toContain("250");
  });

  it("rejects an id that is not a global id", async () => {
    const reply = await run('{ order(id: "1001") { id } }');
    expect(at(reply.body, "errors", 0, "message")).toBe("Invalid global id '1001'");
    expect(at(reply.body, "data", "order")).toBeNull();
  });

  it("denies fields outside the granted scopes", async () => {
    const fake = createShopifyFake({ apiKey: API_KEY, apiSecret: API_SECRET, scopes: "read_products" });
    const { shopDomain, accessToken } = fake.seedDemoShop();
    const reply = await clientFor(fake, shopDomain, accessToken)("{ orders(first: 1) { nodes { id } } }");
    expect(at(reply.body, "errors", 0)).toMatchObject({
      message: "Access denied for orders field. Required access: `read_orders` access scope.",
      extensions: { code: "ACCESS_DENIED" },
    });
  });

  it("answers introspection from the real schema", async () => {
    const reply = await run('{ __type(name: "FulfillmentInput") { inputFields { name } } }');
    expect(at(reply.body, "data", "__type", "inputFields")).toEqual(
      expect.arrayContaining([
        { name: "lineItemsByFulfillmentOrder" },
        { name: "trackingInfo" },
        { name: "notifyCustomer" },
      ]),
    );
  });
});
