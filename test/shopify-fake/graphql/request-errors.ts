import {
  coerceInputValue,
  isEnumType,
  isInputType,
  isNonNullType,
  Lexer,
  print,
  Source,
  TokenKind,
  typeFromAST,
  type GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import type { ShopifyErrorJson } from "./validation-errors";

const PUNCTUATORS: Record<string, string> = {
  "{": "LCURLY",
  "}": "RCURLY",
  "(": "LPAREN",
  ")": "RPAREN",
  "[": "LBRACKET",
  "]": "RBRACKET",
  ":": "COLON",
  "=": "EQUALS",
  "@": "DIR_SIGN",
  $: "VAR_SIGN",
  "!": "BANG",
  "...": "ELLIPSIS",
  "|": "PIPE",
  "&": "AMP",
};

function lastTokenStart(query: string): { line: number; column: number } {
  const lexer = new Lexer(new Source(query));
  let previous = { line: 1, column: 1 };
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      previous = { line: token.line, column: token.column };
    }
  } catch {
    // a lexing error ends the scan; the last good token is what graphql-ruby points at
  }
  return previous;
}

/** graphql-js syntax errors in graphql-ruby's wording: `syntax error, unexpected RCURLY ("}") at [1, 10]`. */
export function parseErrorJson(error: GraphQLError, query: string): ShopifyErrorJson {
  const found = /(?:found|Unexpected) (.+?)\.?$/.exec(error.message)?.[1] ?? "";
  let location = error.locations?.[0] ?? { line: 1, column: 1 };
  let description: string;
  if (found === "<EOF>") {
    description = "end of file";
    location = lastTokenStart(query);
  } else if (found.startsWith("character: ")) {
    description = `invalid token (${found.slice("character: ".length)})`;
  } else {
    const quoted = /^(?:(\w+) )?"(.*)"$/.exec(found);
    const text = quoted?.[2] ?? found;
    const kind = quoted?.[1]
      ? { Name: "IDENTIFIER", Int: "INT", Float: "FLOAT", String: "STRING" }[quoted[1]]
      : PUNCTUATORS[text];
    description = `${kind ?? "invalid token"} (${JSON.stringify(text)})`;
  }
  return {
    message: `syntax error, unexpected ${description} at [${location.line}, ${location.column}]`,
    locations: [location],
    extensions: { code: "PARSE_ERROR" },
  };
}

function explain(message: string, schema: GraphQLSchema): { explanation: string; extraPath?: string } {
  if (/not to be null|was not provided/.test(message)) {
    const missingField = /^Field "(\w+)" of required type/.exec(message)?.[1];
    return { explanation: "Expected value to not be null", extraPath: missingField };
  }
  const undefinedField = /^Field "(\w+)" is not defined by type "(\w+)"/.exec(message);
  if (undefinedField)
    return { explanation: `Field is not defined on ${undefinedField[2]}`, extraPath: undefinedField[1] };
  const scalar = /^(\w+) cannot represent [^:]*: (.*)$/.exec(message);
  if (scalar) return { explanation: `Could not coerce value ${scalar[2]} to ${scalar[1]}` };
  const enumValue = /^Value (".*") does not exist in "(\w+)" enum/.exec(message);
  if (enumValue?.[2]) {
    const type = schema.getType(enumValue[2]);
    const values = isEnumType(type)
      ? type
          .getValues()
          .map((v) => v.name)
          .join(", ")
      : "";
    return { explanation: `Expected ${enumValue[1]} to be one of: ${values}` };
  }
  return { explanation: message.replace(/\.$/, "") };
}

/**
 * Coerces the request's variables the way Shopify reports failures: one INVALID_VARIABLE error per
 * variable, echoing the value given and listing the problems by path.
 */
export function coerceVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  inputs: Record<string, unknown>,
): ShopifyErrorJson[] {
  const errors: ShopifyErrorJson[] = [];
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type);
    if (!type || !isInputType(type)) continue;
    const provided = Object.hasOwn(inputs, name);
    const value = provided ? inputs[name] : undefined;
    const problems: Array<{ path: Array<string | number>; explanation: string }> = [];
    if ((!provided && !definition.defaultValue) || value === null) {
      if (isNonNullType(type)) problems.push({ path: [], explanation: "Expected value to not be null" });
    } else if (provided) {
      coerceInputValue(value, type, (path, _invalid, error) => {
        const { explanation, extraPath } = explain(error.message, schema);
        problems.push({ path: extraPath ? [...path, extraPath] : [...path], explanation });
      });
    }
    if (problems.length === 0) continue;
    const located = problems.filter((p) => p.path.length > 0);
    const suffix =
      located.length > 0
        ? ` for ${located.map((p) => `${p.path.join(".")} (${p.explanation})`).join(", ")}`
        : "";
    const start = definition.loc
      ? { line: definition.loc.startToken.line, column: definition.loc.startToken.column }
      : undefined;
    errors.push({
      message: `Variable $${name} of type ${print(definition.type)} was provided invalid value${suffix}`,
      locations: start ? [start] : undefined,
      extensions: { code: "INVALID_VARIABLE", value: value ?? null, problems },
    });
  }
  return errors;
}
