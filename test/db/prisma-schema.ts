/**
 * A reader for the subset of the Prisma schema language this project uses (models with scalar
 * and relation fields, @id, @unique, @default, @updatedAt, @relation, @@unique, @@index).
 * Enough to compare schema.prisma with a migrated database without Prisma's engines.
 */
export interface SchemaField {
  name: string;
  type: string;
  optional: boolean;
  list: boolean;
  id: boolean;
  unique: boolean;
  hasDefault: boolean;
  /** A default the database itself applies (now(), literals), not one Prisma fills in (cuid(), uuid()). */
  hasDbDefault: boolean;
  relation: { fields: string[]; references: string[]; onDelete: string | null } | null;
}

export interface SchemaModel {
  name: string;
  fields: SchemaField[];
  uniques: string[][];
  indexes: string[][];
}

export const SCALARS = new Set([
  "String",
  "Int",
  "BigInt",
  "Boolean",
  "DateTime",
  "Float",
  "Decimal",
  "Json",
  "Bytes",
]);

const list = (inner: string): string[] =>
  inner
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

export function parsePrismaSchema(source: string): SchemaModel[] {
  const withoutComments = source.replace(/\/\/.*$/gm, "");
  const models: SchemaModel[] = [];
  for (const match of withoutComments.matchAll(/model\s+(\w+)\s*\{([\s\S]*?)\n\}/g)) {
    const [, name = "", body = ""] = match;
    const model: SchemaModel = { name, fields: [], uniques: [], indexes: [] };
    for (const raw of body.split("\n")) {
      const line = raw.trim();
      if (!line) continue;
      const block = /^@@(unique|index|id)\(\[([^\]]*)\]/.exec(line);
      if (block) {
        const columns = list(block[2] ?? "");
        if (block[1] === "index") model.indexes.push(columns);
        else model.uniques.push(columns);
        continue;
      }
      const field = /^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/.exec(line);
      if (!field) throw new Error(`Cannot read line in model ${name}: ${line}`);
      const [, fieldName = "", type = "", isList, isOptional, attributes = ""] = field;
      const relation = /@relation\(([^)]*)\)/.exec(attributes);
      const relFields = relation ? /fields:\s*\[([^\]]*)\]/.exec(relation[1] ?? "") : null;
      const relRefs = relation ? /references:\s*\[([^\]]*)\]/.exec(relation[1] ?? "") : null;
      const onDelete = relation ? /onDelete:\s*(\w+)/.exec(relation[1] ?? "") : null;
      model.fields.push({
        name: fieldName,
        type,
        optional: Boolean(isOptional),
        list: Boolean(isList),
        id: /(^|\s)@id\b/.test(attributes),
        unique: /(^|\s)@unique\b/.test(attributes),
        hasDefault: /@default\(/.test(attributes),
        hasDbDefault: /@default\(/.test(attributes) && !/@default\((cuid|uuid)\(/.test(attributes),
        relation:
          relFields && relRefs
            ? {
                fields: list(relFields[1] ?? ""),
                references: list(relRefs[1] ?? ""),
                onDelete: onDelete?.[1] ?? null,
              }
            : null,
      });
    }
    models.push(model);
  }
  return models;
}
