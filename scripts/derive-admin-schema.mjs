// Maintenance script, run by hand when the Admin API version changes:
//   node scripts/derive-admin-schema.mjs <introspection.json.gz> <out.graphql.gz>
// Turns Shopify's Admin GraphQL introspection result into SDL without descriptions
// (only the type system is needed: the fake executes against it and tests validate
// documents with it). Never run at test or run time.
import { readFileSync, writeFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { buildClientSchema, printSchema, parse, print, visit } from "graphql";

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error("usage: derive-admin-schema.mjs <introspection.json.gz> <out.graphql.gz>");
  process.exit(2);
}
const raw = JSON.parse(gunzipSync(readFileSync(input)).toString("utf8"));
const schema = buildClientSchema(raw.data ?? raw);
const withoutDescriptions = visit(parse(printSchema(schema)), {
  enter(node) {
    if ("description" in node && node.description) return { ...node, description: undefined };
    return undefined;
  },
});
const sdl = print(withoutDescriptions);
writeFileSync(output, gzipSync(Buffer.from(sdl, "utf8"), { level: 9 }));
console.info(`${output}: ${sdl.length} characters of SDL`);
