import { describe, expect, it } from "vitest";
import { centsToEuroString, eurosToCents } from "./money";

describe("eurosToCents", () => {
  it.each<[number | string, number]>([
    [0.95, 95],
    [17, 1700],
    [17.0, 1700],
    ["17.00", 1700],
    [1.1, 110],
    [0.1, 10],
    [0.29, 29],
    [0.57, 57],
    [1.15, 115],
    [2.01, 201],
    [4.35, 435],
    [9.07, 907],
    [1.005e2, 10050],
    ["0,95", 95],
    [".5", 50],
    ["3.", 300],
    [0, 0],
    ["1.950", 195],
    [-0.95, -95],
  ])("%s EUR -> %i cents", (euros, cents) => {
    expect(eurosToCents(euros)).toBe(cents);
  });

  it("is exact where float multiplication is not", () => {
    // 0.57 * 100 === 56.99999999999999 and 1.15 * 100 === 114.99999999999999 in IEEE doubles.
    expect(0.57 * 100).not.toBe(57);
    expect(eurosToCents(0.57)).toBe(57);
    for (let c = 0; c <= 10_000; c++) expect(eurosToCents(c / 100)).toBe(c);
  });

  it.each<[number | string]>([
    [0.955],
    ["1.234"],
    ["abc"],
    [""],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [1e21],
    ["1e3"],
  ])("refuses %s", (value) => {
    expect(() => eurosToCents(value)).toThrow(RangeError);
  });

  it("formats cents back", () => {
    expect(centsToEuroString(95)).toBe("0.95");
    expect(centsToEuroString(1700)).toBe("17.00");
    expect(centsToEuroString(-5)).toBe("-0.05");
  });
});
