// Maintenance script, run by hand when Deutsche Post publishes a new price list (PPL) or page formats:
//   node scripts/derive-internetmarke-data.mjs [<reference dir>]
// Reads products-2025-2026.json and page-formats.json from the reference dir (default
// /work/shared/reference/internetmarke) and writes the data the INTERNETMARKE simulator needs to
// test/simulators/internetmarke/data/. Keeps only facts (codes, names, prices, destinations,
// services, weights, page geometry); prose fields (sources, descriptions) are dropped.
// Never run at test or run time: the simulator reads only the derived files.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { format, resolveConfig } from "prettier";

const referenceDir = process.argv[2] ?? "/work/shared/reference/internetmarke";
const outDir = join(dirname(fileURLToPath(import.meta.url)), "../test/simulators/internetmarke/data");

function fail(message) {
  console.error(`derive-internetmarke-data: ${message}`);
  process.exit(1);
}

function readJson(name) {
  try {
    return JSON.parse(readFileSync(join(referenceDir, name), "utf8"));
  } catch (error) {
    fail(`cannot read ${name} from ${referenceDir}: ${error.message}`);
  }
}

function isInt(value) {
  return Number.isInteger(value);
}

function deriveProducts(source) {
  const pplVersion = Number(/^(\d+)/.exec(String(source.pplVersion ?? ""))?.[1]);
  const validFrom = /^(\d{4}-\d{2}-\d{2})/.exec(String(source.validFrom ?? ""))?.[1];
  if (!isInt(pplVersion)) fail("pplVersion does not start with a number");
  if (!validFrom) fail("validFrom does not start with a date");
  if (source.unit !== "cent" || source.currency !== "EUR") fail("prices are not EUR cents");
  const products = source.products.map((p) => {
    if (!isInt(p.productCode) || !isInt(p.priceCents) || typeof p.name !== "string") {
      fail(`malformed product ${JSON.stringify(p.productCode)}`);
    }
    if (p.destination !== "national" && p.destination !== "international") {
      fail(`product ${p.productCode}: unknown destination ${p.destination}`);
    }
    const limitWeight = Array.isArray(p.limits?.weight) ? p.limits.weight[1] : null;
    const maxWeightGrams = p.maxWeightG_prodws2021 ?? limitWeight ?? null;
    return {
      productCode: p.productCode,
      name: p.name,
      priceCents: p.priceCents,
      destination: p.destination,
      services: [...(p.additionalServices ?? [])].sort(),
      maxWeightGrams: isInt(maxWeightGrams) ? maxWeightGrams : null,
    };
  });
  const codes = new Set(products.map((p) => p.productCode));
  if (codes.size !== products.length) fail("duplicate product codes");
  products.sort((a, b) => a.productCode - b.productCode);
  return { pplVersion, validFrom, products };
}

function derivePageFormats(source) {
  if (!Array.isArray(source)) fail("page-formats.json is not an array");
  return source
    .map((f) => {
      const { size, orientation, labelSpacing, labelCount, margin } = f.pageLayout ?? {};
      if (!isInt(f.id) || !size || !labelSpacing || !labelCount || !margin)
        fail(`malformed page format ${f.id}`);
      if (!(labelCount.labelX >= 1 && labelCount.labelY >= 1)) fail(`page format ${f.id}: empty grid`);
      return {
        id: f.id,
        isAddressPossible: Boolean(f.isAddressPossible),
        isImagePossible: Boolean(f.isImagePossible),
        name: f.name.trim(),
        pageType: f.pageType,
        pageLayout: {
          size: { x: size.x, y: size.y },
          orientation,
          labelSpacing: { x: labelSpacing.x, y: labelSpacing.y },
          labelCount: { labelX: labelCount.labelX, labelY: labelCount.labelY },
          margin: { top: margin.top, bottom: margin.bottom, left: margin.left, right: margin.right },
        },
      };
    })
    .sort((a, b) => a.id - b.id);
}

const priceList = deriveProducts(readJson("products-2025-2026.json"));
const pageFormats = derivePageFormats(readJson("page-formats.json"));
async function writeJson(name, value) {
  const path = join(outDir, name);
  const options = (await resolveConfig(path)) ?? {};
  writeFileSync(path, await format(JSON.stringify(value), { ...options, filepath: path }));
}

mkdirSync(outDir, { recursive: true });
await writeJson("price-list.json", priceList);
await writeJson("page-formats.json", pageFormats);
console.info(
  `${outDir}: ${priceList.products.length} products (PPL ${priceList.pplVersion}), ${pageFormats.length} page formats`,
);
