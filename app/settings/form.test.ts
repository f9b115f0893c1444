import { describe, expect, it } from "vitest";
import { eurosToCentsText, formToObject, withCents } from "./form";

describe("formToObject", () => {
  it("nests dotted names and turns numeric segments into dense arrays in index order", () => {
    const form = new FormData();
    form.append("sender.name", "Frankier Demo");
    form.append("packagingPresets.1.name", "C4");
    form.append("packagingPresets.0.name", "DL");
    form.append("packagingPresets.0.tareG", "5");
    form.append("_action", "save");
    form.append("__proto__.polluted", "x");
    expect(formToObject(form)).toEqual({
      sender: { name: "Frankier Demo" },
      packagingPresets: [{ name: "DL", tareG: "5" }, { name: "C4" }],
    });
    expect(Object.prototype).not.toHaveProperty("polluted");
  });
});

describe("euro fields", () => {
  it.each([
    ["49,90", "4990"],
    ["49.9", "4990"],
    ["50", "5000"],
    ["", ""],
    ["viel", "viel"],
    ["1.234", "1.234"],
  ])("reads %s euros as %s cents", (euros, cents) => {
    expect(eurosToCentsText(euros)).toBe(cents);
  });

  it("moves the rules' euro amounts to cents", () => {
    expect(
      withCents({
        registeredMailRules: [{ orderValueAboveEuros: "100", service: "EINSCHREIBEN" }, { tag: "x" }],
      }),
    ).toEqual({
      registeredMailRules: [{ orderValueAboveCents: "10000", service: "EINSCHREIBEN" }, { tag: "x" }],
    });
  });
});
