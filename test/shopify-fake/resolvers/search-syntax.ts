/**
 * Shopify's search syntax (`status:open tag:Stammkunde -fulfillment_status:shipped OR name:#1001`):
 * terms joined by implicit AND, `OR`, `NOT` / leading `-`, parentheses, quotes, and the comparators
 * `:<`, `:<=`, `:>`, `:>=` after a field name.
 */
export type Comparator = "=" | "<" | "<=" | ">" | ">=";

export interface SearchTerm {
  kind: "term";
  field: string | null;
  comparator: Comparator;
  value: string;
  raw: string;
}

export type SearchNode =
  | SearchTerm
  | { kind: "and"; items: SearchNode[] }
  | { kind: "or"; items: SearchNode[] }
  | { kind: "not"; item: SearchNode };

function tokenize(query: string): string[] {
  const tokens: string[] = [];
  let index = 0;
  while (index < query.length) {
    const char = query.charAt(index);
    if (/\s/.test(char)) {
      index += 1;
    } else if (char === "(" || char === ")") {
      tokens.push(char);
      index += 1;
    } else {
      let word = "";
      while (index < query.length && !/[\s()]/.test(query.charAt(index))) {
        const c = query.charAt(index);
        if (c === '"' || c === "'") {
          const end = query.indexOf(c, index + 1);
          const stop = end === -1 ? query.length : end + 1;
          word += query.slice(index, stop);
          index = stop;
        } else {
          word += c;
          index += 1;
        }
      }
      tokens.push(word);
    }
  }
  return tokens;
}

function unquote(value: string): string {
  return value.replace(/^(["'])(.*)\1$/, "$2");
}

function term(word: string): SearchTerm {
  const colon = word.indexOf(":");
  if (colon <= 0 || word.startsWith('"') || word.startsWith("'")) {
    return { kind: "term", field: null, comparator: "=", value: unquote(word), raw: word };
  }
  const field = word.slice(0, colon);
  let rest = word.slice(colon + 1);
  let comparator: Comparator = "=";
  for (const candidate of [">=", "<=", ">", "<"] as const) {
    if (rest.startsWith(candidate)) {
      comparator = candidate;
      rest = rest.slice(candidate.length);
      break;
    }
  }
  return { kind: "term", field, comparator, value: unquote(rest), raw: word };
}

export function parseSearch(query: string): SearchNode {
  const tokens = tokenize(query);
  let position = 0;

  const parseOr = (): SearchNode => {
    const items = [parseAnd()];
    while (tokens[position] === "OR") {
      position += 1;
      items.push(parseAnd());
    }
    return items.length === 1 && items[0] ? items[0] : { kind: "or", items };
  };

  const parseAnd = (): SearchNode => {
    const items: SearchNode[] = [];
    while (position < tokens.length && tokens[position] !== ")" && tokens[position] !== "OR") {
      if (tokens[position] === "AND") {
        position += 1;
        continue;
      }
      items.push(parseUnary());
    }
    return items.length === 1 && items[0] ? items[0] : { kind: "and", items };
  };

  const parseUnary = (): SearchNode => {
    const token = tokens[position] ?? "";
    position += 1;
    if (token === "NOT") return { kind: "not", item: parseUnary() };
    if (token === "(") {
      const inner = parseOr();
      if (tokens[position] === ")") position += 1;
      return inner;
    }
    if (token.startsWith("-") && token.length > 1) return { kind: "not", item: term(token.slice(1)) };
    return term(token);
  };

  const root = parseOr();
  return root;
}

export function termsOf(node: SearchNode): SearchTerm[] {
  switch (node.kind) {
    case "term":
      return [node];
    case "not":
      return termsOf(node.item);
    default:
      return node.items.flatMap(termsOf);
  }
}

export function compare(left: number, comparator: Comparator, right: number): boolean {
  switch (comparator) {
    case "<":
      return left < right;
    case "<=":
      return left <= right;
    case ">":
      return left > right;
    case ">=":
      return left >= right;
    default:
      return left === right;
  }
}
