import {
  GraphQLError,
  Kind,
  print,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ArgumentNode,
  type ASTNode,
  type DocumentNode,
  type GraphQLSchema,
} from "graphql";
import { DocumentIndex } from "./document-index";

export interface ShopifyErrorJson {
  message: string;
  locations?: Array<{ line: number; column: number }>;
  path?: Array<string | number>;
  extensions?: Record<string, unknown>;
}

type Translated = { message: string; extensions: Record<string, unknown>; node?: ASTNode };

const rules: Array<{
  pattern: RegExp;
  translate: (m: RegExpExecArray, error: GraphQLError, ctx: RuleContext) => Translated | undefined;
}> = [
  {
    pattern: /^Cannot query field "(\w+)" on type "(\w+)"\./,
    translate: ([, field, type]) => ({
      message: `Field '${field}' doesn't exist on type '${type}'`,
      extensions: { code: "undefinedField", typeName: type, fieldName: field },
    }),
  },
  {
    pattern: /^Field "(\w+)" of type "([^"]+)" must have a selection of subfields/,
    translate: ([, field, type = ""]) => {
      const named = type.replace(/[[\]!]/g, "");
      return {
        message: `Field must have selections (field '${field}' returns ${named} but has no selections. Did you mean '${field} { ... }'?)`,
        extensions: { code: "selectionMismatch", nodeName: `field '${field}'`, typeName: named },
      };
    },
  },
  {
    pattern: /^Field "(\w+)" must not have a selection since type "([^"]+)" has no subfields\./,
    translate: ([, field, type = ""], error, ctx) => {
      const named = type.replace(/[[\]!]/g, "");
      const node = error.nodes?.[0];
      const subfields =
        node?.kind === Kind.FIELD
          ? (node.selectionSet?.selections ?? [])
              .map((s) => (s.kind === Kind.FIELD ? s.name.value : "..."))
              .join(", ")
          : "";
      const kind =
        ctx.schema.getType(named)?.astNode?.kind === Kind.ENUM_TYPE_DEFINITION ? "enums" : "scalars";
      return {
        message: `Selections can't be made on ${kind} (field '${field}' returns ${named} but has selections [${subfields}])`,
        extensions: { code: "selectionMismatch", nodeName: `field '${field}'`, typeName: named },
      };
    },
  },
  {
    pattern: /^Unknown argument "(\w+)" on field "\w+\.(\w+)"\./,
    translate: ([, argument, field]) => ({
      message: `Field '${field}' doesn't accept argument '${argument}'`,
      extensions: { code: "argumentNotAccepted", name: field, typeName: "Field", argumentName: argument },
    }),
  },
  {
    pattern: /^Field "(\w+)" argument "(\w+)" of type "[^"]+" is required, but it was not provided\./,
    translate: ([, field, argument]) => ({
      message: `Field '${field}' is missing required arguments: ${argument}`,
      extensions: { code: "missingRequiredArguments", className: "Field", name: field, arguments: argument },
    }),
  },
  {
    pattern: /^Variable "\$(\w+)" is never used(?: in operation "(\w+)")?\./,
    translate: ([, variable, operation], error, ctx) => ({
      message: `Variable $${variable} is declared by ${operation ?? ctx.anonymousName(error)} but not used`,
      extensions: { code: "variableNotUsed", variableName: variable },
    }),
  },
  {
    pattern: /^Variable "\$(\w+)" is not defined(?: by operation "(\w+)")?\./,
    translate: ([, variable, operation], error, ctx) => ({
      message: `Variable $${variable} is used by ${operation ?? ctx.anonymousName(error)} but not declared`,
      extensions: { code: "variableNotDefined", variableName: variable },
    }),
  },
  {
    pattern: /^Variable "\$(\w+)" of type "([^"]+)" used in position expecting type "([^"]+)"\./,
    translate: ([, variable, given = "", expected = ""], error, ctx) => {
      const argument = ctx.index.argumentAround(error.nodes?.[1])?.node.name.value ?? "";
      const kind =
        given.replace(/!/g, "") === expected.replace(/!/g, "") ? "Nullability mismatch" : "Type mismatch";
      return {
        message: `${kind} on variable $${variable} and argument ${argument} (${given} / ${expected})`,
        extensions: {
          code: "variableMismatch",
          variableName: variable,
          typeName: given,
          argumentName: argument,
          errorMessage: kind,
        },
      };
    },
  },
  {
    pattern: /^Unknown type "(\w+)"\./,
    translate: ([, type], error, ctx) => {
      const variable = ctx.variableAround(error.nodes?.[0]);
      if (variable) {
        return {
          message: `${type} isn't a defined input type (on $${variable})`,
          extensions: { code: "variableRequiresValidType", typeName: type, variableName: variable },
        };
      }
      return {
        message: `No such type ${type}, so it can't be a fragment condition`,
        extensions: { code: "undefinedType", typeName: type },
      };
    },
  },
  {
    pattern: /^Variable "\$(\w+)" cannot be non-input type "([^"]+)"\./,
    translate: ([, variable, type]) => ({
      message: `${type} isn't a valid input type (on $${variable})`,
      extensions: { code: "variableRequiresValidType", typeName: type, variableName: variable },
    }),
  },
  {
    pattern: /^Unknown fragment "(\w+)"\./,
    translate: ([, name]) => ({
      message: `Fragment ${name} was used, but not defined`,
      extensions: { code: "useAndDefineFragment", fragmentName: name },
    }),
  },
  {
    pattern: /^Fragment "(\w+)" is never used\./,
    translate: ([, name]) => ({
      message: `Fragment ${name} was defined, but not used`,
      extensions: { code: "useAndDefineFragment", fragmentName: name },
    }),
  },
  {
    pattern: /^Unknown directive "@(\w+)"\./,
    translate: ([, name]) => ({
      message: `Directive @${name} is not defined`,
      extensions: { code: "undefinedDirective", directiveName: name },
    }),
  },
  {
    pattern: /^There can be only one operation named "(\w+)"\./,
    translate: ([, name]) => ({
      message: `Operation name "${name}" must be unique`,
      extensions: { code: "operationNotUnique", operationName: name },
    }),
  },
  {
    pattern:
      /(?:cannot represent|Expected value of type|of required type|is not defined by type|does not exist in)/,
    translate: (_m, error, ctx) => {
      const site = ctx.index.argumentAround(error.nodes?.[0]);
      if (!site) return undefined;
      const definition = ctx.argumentType(site.node);
      return {
        message: `Argument '${site.node.name.value}' on Field '${site.field.name.value}' has an invalid value (${print(site.node.value)}). Expected type '${definition}'.`,
        extensions: {
          code: "argumentLiteralsIncompatible",
          typeName: "Field",
          argumentName: site.node.name.value,
        },
        node: site.node,
      };
    },
  },
];

class RuleContext {
  private argumentTypes: Map<ArgumentNode, string> | undefined;

  constructor(
    readonly schema: GraphQLSchema,
    readonly index: DocumentIndex,
    private readonly document: DocumentNode,
  ) {}

  anonymousName(error: GraphQLError): string {
    const start = error.nodes?.[0]?.loc?.start ?? 0;
    const operation = this.document.definitions.find(
      (d) => d.kind === Kind.OPERATION_DEFINITION && d.loc && d.loc.start <= start && start < d.loc.end,
    );
    return operation ? (this.index.operationNames.get(operation) ?? "anonymous query") : "anonymous query";
  }

  variableAround(node: ASTNode | undefined): string | undefined {
    const start = node?.loc?.start ?? -1;
    for (const definition of this.document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      for (const variable of definition.variableDefinitions ?? []) {
        if (variable.loc && variable.loc.start <= start && start < variable.loc.end)
          return variable.variable.name.value;
      }
    }
    return undefined;
  }

  /** The declared type of an argument, as graphql-ruby names it in messages ("Int", "ID!"). */
  argumentType(argument: ArgumentNode): string {
    if (!this.argumentTypes) {
      const types = new Map<ArgumentNode, string>();
      const typeInfo = new TypeInfo(this.schema);
      visit(
        this.document,
        visitWithTypeInfo(typeInfo, {
          Argument(node) {
            const type = typeInfo.getArgument()?.type;
            if (type) types.set(node, String(type));
          },
        }),
      );
      this.argumentTypes = types;
    }
    return this.argumentTypes.get(argument) ?? "";
  }
}

/** Rewrites graphql-js validation errors into the messages, codes and paths Shopify's API returns. */
export function toShopifyValidationErrors(
  errors: readonly GraphQLError[],
  document: DocumentNode,
  schema: GraphQLSchema,
): ShopifyErrorJson[] {
  const index = new DocumentIndex(document);
  const ctx = new RuleContext(schema, index, document);
  const out: ShopifyErrorJson[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    let translated: Translated | undefined;
    for (const rule of rules) {
      const match = rule.pattern.exec(error.message);
      if (match) translated = rule.translate(match, error, ctx);
      if (translated) break;
    }
    const node = translated?.node ?? error.nodes?.[0];
    const json: ShopifyErrorJson = {
      message: translated?.message ?? error.message,
      locations: error.locations ? [...error.locations] : undefined,
      path: index.pathOf(node) ?? index.pathOf(error.nodes?.[0]),
      extensions: translated?.extensions ?? { code: "validationFailed" },
    };
    const key = `${json.message}@${JSON.stringify(json.locations)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(json);
  }
  return mergeMissingArguments(out);
}

/** graphql-ruby reports all missing required arguments of one field in a single error. */
function mergeMissingArguments(errors: ShopifyErrorJson[]): ShopifyErrorJson[] {
  const merged: ShopifyErrorJson[] = [];
  for (const error of errors) {
    const previous = merged.find(
      (e) =>
        e.extensions?.code === "missingRequiredArguments" &&
        error.extensions?.code === "missingRequiredArguments" &&
        JSON.stringify(e.locations) === JSON.stringify(error.locations),
    );
    if (previous?.extensions) {
      const names = `${String(previous.extensions.arguments)}, ${String(error.extensions?.arguments)}`;
      previous.extensions.arguments = names;
      previous.message = `Field '${String(previous.extensions.name)}' is missing required arguments: ${names}`;
    } else {
      merged.push(error);
    }
  }
  return merged;
}
