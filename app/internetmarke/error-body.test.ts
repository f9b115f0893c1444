import { describe, expect, it } from "vitest";
import { fieldsFromText, parseErrorBody, parseTotals } from "./error-mapping";

describe("error body helpers", () => {
  it("treats non-JSON and unexpected JSON as text", () => {
    expect(parseErrorBody("Too Many Requests")).toEqual({
      title: null,
      text: "Too Many Requests",
      instance: null,
      fields: [],
    });
    expect(parseErrorBody("")).toEqual({ title: null, text: null, instance: null, fields: [] });
    expect(parseErrorBody("[1,2]").text).toBe("[1,2]");
  });

  it("parses totals leniently", () => {
    expect(parseTotals("PPL-total: 190, Cart: 95")).toEqual({ serverTotalCents: 190, sentTotalCents: 95 });
    expect(parseTotals("ppl-total:1700,cart:1600")).toEqual({ serverTotalCents: 1700, sentTotalCents: 1600 });
    expect(parseTotals("total wrong")).toEqual({ serverTotalCents: null, sentTotalCents: null });
    expect(parseTotals(null)).toEqual({ serverTotalCents: null, sentTotalCents: null });
  });

  it("finds no fields in prose", () => {
    expect(fieldsFromText("Queued order duplicated for the shopOrderId '123123'")).toEqual([]);
    expect(fieldsFromText("amount: must be a positive integer (euro cents), got 'x'")).toEqual([
      { path: "amount", message: "must be a positive integer (euro cents), got 'x'" },
    ]);
  });
});
