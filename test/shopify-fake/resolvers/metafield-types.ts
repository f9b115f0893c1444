/**
 * Metafield types Shopify accepts in `metafieldsSet`, and the value checks it applies to each.
 * Value messages follow Shopify's wording ("Value must be an integer.").
 */
const SCALAR_TYPES = [
  "boolean",
  "color",
  "date",
  "date_time",
  "dimension",
  "id",
  "json",
  "link",
  "money",
  "multi_line_text_field",
  "number_decimal",
  "number_integer",
  "rating",
  "rich_text_field",
  "single_line_text_field",
  "url",
  "volume",
  "weight",
  "article_reference",
  "collection_reference",
  "company_reference",
  "customer_reference",
  "file_reference",
  "metaobject_reference",
  "mixed_reference",
  "order_reference",
  "page_reference",
  "product_reference",
  "product_taxonomy_value_reference",
  "variant_reference",
];

const LISTABLE = new Set(
  SCALAR_TYPES.filter(
    (t) => !["boolean", "json", "money", "multi_line_text_field", "rich_text_field"].includes(t),
  ),
);

export const METAFIELD_TYPES: readonly string[] = [
  ...SCALAR_TYPES,
  ...[...LISTABLE].map((t) => `list.${t}`),
].sort();

export function isMetafieldType(type: string): boolean {
  return METAFIELD_TYPES.includes(type);
}

const URL_SCHEMES = ["http", "https", "mailto", "sms", "tel"];

function isJson(value: string): boolean {
  try {
    JSON.parse(value);
    return true;
  } catch {
    return false;
  }
}

function scalarError(type: string, value: string): string | null {
  switch (type) {
    case "single_line_text_field":
      if (value.trim() === "") return "Value can't be blank.";
      return /[\r\n]/.test(value) ? "Value must be a single line text string." : null;
    case "multi_line_text_field":
      return value.trim() === "" ? "Value can't be blank." : null;
    case "number_integer":
      return /^[-+]?\d+$/.test(value) && Number.isSafeInteger(Number(value))
        ? null
        : "Value must be an integer.";
    case "number_decimal":
      return /^[-+]?\d+(\.\d+)?$/.test(value) ? null : "Value must be a decimal.";
    case "boolean":
      return value === "true" || value === "false" ? null : "Value must be true or false.";
    case "json":
    case "rich_text_field":
      return isJson(value) ? null : "Value is invalid JSON.";
    case "date":
      return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : "Value must be in YYYY-MM-DD format.";
    case "date_time":
      return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : "Value must be in YYYY-MM-DDTHH:MM:SS format.";
    case "color":
      return /^#[0-9a-fA-F]{6}$/.test(value) ? null : "Value must be a hex color code.";
    case "url": {
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
      return scheme && URL_SCHEMES.includes(scheme)
        ? null
        : `Value cannot have an empty scheme (protocol), must include one of the following URL schemes: ${JSON.stringify(URL_SCHEMES)}.`;
    }
    case "money":
    case "link":
    case "rating":
    case "weight":
    case "dimension":
    case "volume":
      return isJson(value) ? null : "Value is invalid JSON.";
    default:
      if (type.endsWith("_reference")) {
        return /^gid:\/\/shopify\/\w+\/[\w-]+$/.test(value) ? null : `Value must be a valid global id.`;
      }
      return null;
  }
}

export interface ValueProblem {
  message: string;
  elementIndex: number | null;
}

export function validateMetafieldValue(type: string, value: string): ValueProblem[] {
  if (!type.startsWith("list.")) {
    const message = scalarError(type, value);
    return message ? [{ message, elementIndex: null }] : [];
  }
  let items: unknown;
  try {
    items = JSON.parse(value);
  } catch {
    items = undefined;
  }
  if (!Array.isArray(items)) return [{ message: "Value must be a JSON array.", elementIndex: null }];
  if (items.length > 128) return [{ message: "Value has more than 128 elements.", elementIndex: null }];
  const inner = type.slice("list.".length);
  const problems: ValueProblem[] = [];
  items.forEach((item: unknown, index) => {
    const text =
      typeof item === "string"
        ? item
        : typeof item === "number" || typeof item === "boolean"
          ? String(item)
          : JSON.stringify(item);
    const message = scalarError(inner, text);
    if (message) problems.push({ message, elementIndex: index });
  });
  return problems;
}
