import { beforeEach, describe, expect, it } from "vitest";
import { describeEachDatabase } from "../../test/support/databases";
import { automaticRefundsIn } from "../refunds/settings.server";
import { DEFAULT_SETTINGS } from "./schema";
import {
  loadSettings,
  parseStoredSettings,
  saveSettingsSection,
  validateSettings,
  type SettingsContext,
} from "./settings.server";

const VALID = {
  sender: {
    name: "Katrin Vogel",
    company: "Frankier Demo GmbH",
    street: "Hauptstraße 12",
    postalCode: "10827",
    city: "Berlin",
    country: "DE",
  },
  packagingPresets: [
    { id: "dl", name: "DL", tareG: "5", lengthMm: "220", widthMm: "110", heightMm: "5" },
    { id: "box", name: "Box", tareG: "80", lengthMm: "300", widthMm: "200", heightMm: "50" },
  ],
  defaultPackagingId: "dl",
  packagingRules: [{ tag: "Kalender", packagingId: "box" }],
  registeredMailRules: [
    { shippingMethod: "Einschreiben", service: "EINSCHREIBEN" },
    { orderValueAboveCents: "10000", service: "EINSCHREIBEN_EINWURF" },
  ],
  productOverrides: [{ tag: "Warensendung", productCode: "290" }],
  defaultItemWeightG: "20",
  allowWarensendung: "true",
  pageFormatId: "1",
  voucherLayout: "ADDRESS_ZONE",
  motifImageId: "",
  unservedCountries: "ru, BY",
};

const CONTEXT: SettingsContext = {
  productCodes: [1, 11, 21, 290],
  pageFormats: [
    { id: 1, isAddressPossible: true, isImagePossible: false },
    { id: 41, isAddressPossible: false, isImagePossible: true },
  ],
  motifIds: [7],
};

function errorPaths(candidate: unknown, context = CONTEXT) {
  const result = validateSettings(candidate, context);
  return result.ok ? [] : result.errors.map((e) => `${e.path} ${e.key}`);
}

describe("validateSettings", () => {
  it("accepts a complete, valid form and converts its strings", () => {
    const result = validateSettings(VALID, CONTEXT);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.settings.packagingPresets[0]).toEqual({
      id: "dl",
      name: "DL",
      tareG: 5,
      lengthMm: 220,
      widthMm: 110,
      heightMm: 5,
      maxContentG: null,
    });
    expect(result.settings.registeredMailRules[1]).toEqual({
      orderValueAboveCents: 10_000,
      service: "EINSCHREIBEN_EINWURF",
      whenUnavailable: "substitute",
    });
    expect(result.settings.allowWarensendung).toBe(true);
    expect(result.settings.motifImageId).toBeNull();
    expect(result.settings.unservedCountries).toEqual(["RU", "BY"]);
  });

  it("has defaults for everything", () => {
    expect(validateSettings({})).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it.each([
    ["sender.name", { sender: { ...VALID.sender, name: "" } }, "settings.error.required"],
    ["sender.name", { sender: { ...VALID.sender, name: "x".repeat(51) } }, "settings.error.tooLong"],
    ["sender.company", { sender: { ...VALID.sender, company: "x".repeat(41) } }, "settings.error.tooLong"],
    ["sender.postalCode", { sender: { ...VALID.sender, postalCode: "1082" } }, "settings.error.postalCode"],
    ["sender.country", { sender: { ...VALID.sender, country: "AT" } }, "settings.error.senderCountry"],
    [
      "packagingPresets.1.tareG",
      { packagingPresets: [VALID.packagingPresets[0], { ...VALID.packagingPresets[1], tareG: "-1" }] },
      "settings.error.min",
    ],
    [
      "packagingPresets.0.lengthMm",
      { packagingPresets: [{ ...VALID.packagingPresets[0], lengthMm: "abc" }, VALID.packagingPresets[1]] },
      "settings.error.number",
    ],
    [
      "packagingPresets.1.id",
      {
        packagingPresets: [VALID.packagingPresets[0], { ...VALID.packagingPresets[1], id: "dl" }],
        packagingRules: [],
      },
      "settings.error.duplicate",
    ],
    ["defaultPackagingId", { defaultPackagingId: "gone" }, "settings.error.unknownPackaging"],
    [
      "packagingRules.0.packagingId",
      { packagingRules: [{ tag: "x", packagingId: "gone" }] },
      "settings.error.unknownPackaging",
    ],
    [
      "registeredMailRules.0.service",
      { registeredMailRules: [{ service: "PRIO" }] },
      "settings.error.choice",
    ],
    [
      "registeredMailRules.1.orderValueAboveCents",
      {
        registeredMailRules: [
          VALID.registeredMailRules[0],
          { orderValueAboveCents: "12.5", service: "EINSCHREIBEN" },
        ],
      },
      "settings.error.wholeNumber",
    ],
    [
      "productOverrides.0.productCode",
      { productOverrides: [{ tag: "x", productCode: "4711" }] },
      "settings.error.unknownProduct",
    ],
    ["defaultItemWeightG", { defaultItemWeightG: "0" }, "settings.error.min"],
    ["pageFormatId", { pageFormatId: "41" }, "settings.error.formatWithoutAddress"],
    ["pageFormatId", { pageFormatId: "999" }, "settings.error.unknownPageFormat"],
    ["voucherLayout", { voucherLayout: "STAMP_ONLY" }, "settings.error.choice"],
    ["motifImageId", { motifImageId: "8" }, "settings.error.unknownMotif"],
    ["motifImageId", { motifImageId: "7" }, "settings.error.formatWithoutMotif"],
    ["unservedCountries.1", { unservedCountries: "RU, Russia" }, "settings.error.countryCode"],
    ["unservedCountries.1", { unservedCountries: "RU, ru" }, "settings.error.duplicate"],
  ])("reports %s", (path, change, key) => {
    expect(errorPaths({ ...VALID, ...change })).toEqual([`${path} ${key}`]);
  });

  it("reports every invalid field of one submission at once", () => {
    const paths = errorPaths({
      ...VALID,
      sender: { ...VALID.sender, city: "" },
      defaultItemWeightG: "viel",
      packagingRules: [{ packagingId: "gone" }],
    });
    expect(paths).toEqual([
      "sender.city settings.error.required",
      "defaultItemWeightG settings.error.number",
      "packagingRules.0.packagingId settings.error.unknownPackaging",
    ]);
  });

  it("falls back to defaults field by field for a stored document that no longer validates", () => {
    const stored = parseStoredSettings(
      JSON.stringify({ allowWarensendung: true, voucherLayout: "OLD", defaultItemWeightG: 15 }),
    );
    expect(stored).toEqual({ ...DEFAULT_SETTINGS, allowWarensendung: true, defaultItemWeightG: 15 });
    expect(parseStoredSettings("not json")).toEqual(DEFAULT_SETTINGS);
  });
});

describeEachDatabase("saving settings", (database) => {
  let shopId: string;
  beforeEach(async () => {
    await database().db.shop.deleteMany({});
    shopId = (await database().db.shop.create({ data: { domain: "settings.myshopify.com" } })).id;
  });

  it("saves a valid section and reads it back with the other defaults", async () => {
    const saved = await saveSettingsSection(
      database().db,
      shopId,
      "sender",
      { sender: VALID.sender },
      CONTEXT,
    );
    expect(saved.ok).toBe(true);
    const settings = await loadSettings(database().db, shopId);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, sender: VALID.sender });
  });

  it("saves nothing of a submission with one invalid field", async () => {
    const db = database().db;
    await saveSettingsSection(db, shopId, "packaging", {
      packagingPresets: VALID.packagingPresets,
      defaultPackagingId: "dl",
      packagingRules: VALID.packagingRules,
    });
    const before = (await db.shop.findUniqueOrThrow({ where: { id: shopId } })).settings;
    const result = await saveSettingsSection(db, shopId, "packaging", {
      packagingPresets: [
        { ...VALID.packagingPresets[0], name: "DL neu" },
        { ...VALID.packagingPresets[1], heightMm: "0" },
      ],
      defaultPackagingId: "box",
      packagingRules: [],
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors).toEqual([
        { path: "packagingPresets.1.heightMm", key: "settings.error.min", params: { min: 1 } },
      ]);
    expect((await db.shop.findUniqueOrThrow({ where: { id: shopId } })).settings).toBe(before);
    expect((await loadSettings(db, shopId)).packagingPresets[0]?.name).toBe("DL");
  });

  it("replaces only the saved section; a list the form no longer sends becomes empty", async () => {
    const db = database().db;
    await saveSettingsSection(db, shopId, "rules", {
      registeredMailRules: VALID.registeredMailRules,
      allowWarensendung: "true",
    });
    await saveSettingsSection(db, shopId, "sender", { sender: VALID.sender, allowWarensendung: "false" });
    expect((await loadSettings(db, shopId)).allowWarensendung).toBe(true);
    await saveSettingsSection(db, shopId, "rules", {});
    const settings = await loadSettings(db, shopId);
    expect(settings.registeredMailRules).toEqual([]);
    expect(settings.allowWarensendung).toBe(false);
    expect(settings.sender).toEqual(VALID.sender);
  });

  it("keeps the automatic-refund and customer-notification switches the refund and franking work read", async () => {
    const db = database().db;
    expect(await loadSettings(db, shopId)).toMatchObject({ automaticRefunds: true, notifyCustomer: false });
    await saveSettingsSection(db, shopId, "rules", { automaticRefunds: "false", notifyCustomer: "true" });
    await saveSettingsSection(db, shopId, "sender", { sender: VALID.sender });
    const stored = (await db.shop.findUniqueOrThrow({ where: { id: shopId } })).settings;
    expect(automaticRefundsIn(stored)).toBe(false);
    expect(await loadSettings(db, shopId)).toMatchObject({ automaticRefunds: false, notifyCustomer: true });
  });

  it("does not let an outdated reference in another section block saving", async () => {
    const db = database().db;
    await saveSettingsSection(db, shopId, "rules", { productOverrides: VALID.productOverrides });
    const newPriceList = { ...CONTEXT, productCodes: [1, 11, 21] };
    expect((await saveSettingsSection(db, shopId, "sender", { sender: VALID.sender }, newPriceList)).ok).toBe(
      true,
    );
    expect(
      (
        await saveSettingsSection(
          db,
          shopId,
          "rules",
          { productOverrides: VALID.productOverrides },
          newPriceList,
        )
      ).ok,
    ).toBe(false);
  });
});
