/**
 * Form data to a nested object: `sender.name` → `{ sender: { name } }`, `packagingPresets.0.tareG` →
 * `{ packagingPresets: [{ tareG }] }`. Values stay strings (the settings schema converts them); fields whose
 * name starts with "_" (such as `_action`) and file uploads are left out. Arrays come out dense, in index order.
 */
type Tree = { [key: string]: Tree | string };

function isTree(value: Tree | string | undefined): value is Tree {
  return typeof value === "object";
}

function densify(node: Tree | string): unknown {
  if (!isTree(node)) return node;
  const keys = Object.keys(node);
  if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) {
    return keys
      .map(Number)
      .sort((a, b) => a - b)
      .map((k) => densify(node[String(k)] ?? ""));
  }
  return Object.fromEntries(keys.map((k) => [k, densify(node[k] ?? "")]));
}

export function formToObject(form: FormData): Record<string, unknown> {
  const root: Tree = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string" || name.startsWith("_")) continue;
    const parts = name.split(".");
    if (parts.some((p) => p === "" || p === "__proto__" || p === "constructor" || p === "prototype"))
      continue;
    let node: Tree = root;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) {
        node[part] = value;
        return;
      }
      const next = node[part];
      if (isTree(next)) node = next;
      else {
        const created: Tree = {};
        node[part] = created;
        node = created;
      }
    });
  }
  const result = densify(root);
  return typeof result === "object" && result !== null && !Array.isArray(result)
    ? Object.fromEntries(Object.entries(result))
    : {};
}

/** "49,90" or "49.90" euros as whole cents ("4990"); anything else is passed on for the schema to refuse. */
export function eurosToCentsText(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const match = /^\s*(\d+)(?:[.,](\d{1,2}))?\s*$/.exec(value);
  if (!match) return value.trim() === "" ? "" : value;
  return String(Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0")));
}

/** Registered-mail rules are entered in euros (`orderValueAboveEuros`) and stored in cents. */
export function withCents(input: Record<string, unknown>): Record<string, unknown> {
  const rules = input.registeredMailRules;
  if (!Array.isArray(rules)) return input;
  return {
    ...input,
    registeredMailRules: rules.map((rule: unknown) => {
      if (typeof rule !== "object" || rule === null) return rule;
      const { orderValueAboveEuros, ...rest } = Object.fromEntries(Object.entries(rule));
      return orderValueAboveEuros === undefined
        ? rest
        : { ...rest, orderValueAboveCents: eurosToCentsText(orderValueAboveEuros) };
    }),
  };
}
