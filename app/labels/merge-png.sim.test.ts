import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { inspectPng, unzip } from "../../test/simulators/internetmarke/testing/inspect";
import { NotAPngError, NotAZipError } from "./errors";
import { isPng, mergePngZips, readStampZip, safeFileName } from "./merge-png";
import { useSimCarts } from "../../test/support/sim-carts";

const carts = useSimCarts();

const voucherOf = (png: Uint8Array | undefined) => (png ? inspectPng(png).text.Voucher : undefined);

describe("mergePngZips with the simulator's PNG ZIPs (real HTTP)", () => {
  it("renames every stamp in batch order: cart order, then position order (2.png before 10.png)", async () => {
    const first = await carts.buyPng({ productCodes: Array(11).fill(1) });
    const second = await carts.buyPng({ productCodes: [1007, 1] });
    const names = Array.from({ length: 13 }, (_, i) => `#${1001 + i}`);

    const merged = unzip(mergePngZips([first.zip, second.zip], names));

    expect(Object.keys(merged)).toEqual(
      names.map((name, i) => `${String(i + 1).padStart(3, "0")}-${name}.png`),
    );
    const expected = [...first.vouchers, ...second.vouchers].map((v) => v.voucherId);
    expect(Object.values(merged).map(voucherOf)).toEqual(expected);
    expect(Object.values(merged).every(isPng)).toBe(true);
  });

  it("numbers the entries without names", async () => {
    const cart = await carts.buyPng({ productCodes: [1, 1] });
    expect(Object.keys(unzip(mergePngZips([cart.zip])))).toEqual(["001.png", "002.png"]);
  });

  it("refuses a wrong number of names and a part that is not a ZIP", async () => {
    const cart = await carts.buyPng({ productCodes: [1, 1] });
    expect(() => mergePngZips([cart.zip], ["#1001"])).toThrow(
      expect.objectContaining({ code: "name_count_mismatch" }),
    );
    const pdf = (await carts.buyPdf({ pageFormatId: 1, productCodes: [1] })).pdf;
    expect(() => mergePngZips([cart.zip, pdf])).toThrow(NotAZipError);
    expect(() => mergePngZips([cart.zip, pdf])).toThrow(expect.objectContaining({ part: 1 }));
  });
});

describe("readStampZip and mergePngZips with hand-made ZIPs", () => {
  const png = (): Uint8Array => {
    // The smallest valid PNG header: signature + IHDR (1 x 1 greyscale) is all isPng needs to see.
    const bytes = new Uint8Array(33);
    bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    return bytes;
  };

  it("rejects an entry that is not a PNG, naming part and entry", () => {
    const good = zipSync({ "0.png": png() });
    const bad = zipSync({ "0.png": png(), "1.png": strToU8("<html>expired</html>") });
    const error = (() => {
      try {
        mergePngZips([good, bad]);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(NotAPngError);
    expect(error).toMatchObject({ code: "not_a_png", part: 1, entry: "1.png" });
  });

  it("skips folders and sorts numerically", () => {
    const zip = zipSync({ "10.png": png(), "2.png": png(), "stamps/": new Uint8Array() });
    expect(readStampZip(zip, 0).map((e) => e.name)).toEqual(["2.png", "10.png"]);
  });

  it("rejects a broken ZIP", () => {
    const zip = zipSync({ "0.png": png() }).slice(0, 20);
    expect(() => readStampZip(zip, 3)).toThrow(expect.objectContaining({ code: "not_a_zip", part: 3 }));
    expect(() => mergePngZips([])).toThrow(expect.objectContaining({ code: "nothing_to_merge" }));
  });

  it("pads to four digits from 1000 stamps on", () => {
    const zip = zipSync(Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`${i}.png`, png()])));
    const names = Object.keys(unzip(mergePngZips([zip])));
    expect(names[0]).toBe("0001.png");
    expect(names.at(-1)).toBe("1000.png");
  });

  it.each([
    ["#1001", "#1001"],
    ['A/B\\C:D*E?F"G<H>I|J', "A_B_C_D_E_F_G_H_I_J"],
    ["..hidden", "hidden"],
    ["  Müller  ", "Müller"],
    ["line\nbreak", "line_break"],
    ["x".repeat(100), "x".repeat(80)],
  ])("safeFileName(%j) = %j", (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });
});
