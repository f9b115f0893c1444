import {
  execute,
  getOperationAST,
  GraphQLError,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from "graphql";
import type { FakeContext } from "./context";
import { actualCost, requestedCost } from "./cost";
import { typeResolver } from "./registry";
import { coerceVariables, parseErrorJson } from "./request-errors";
import { SINGLE_QUERY_MAX_COST, type CostBucket } from "./throttle";
import { toShopifyValidationErrors, type ShopifyErrorJson } from "./validation-errors";

export interface GraphQLOutcome {
  status: number;
  body: Record<string, unknown>;
  operationName: string | null;
  requestedCost: number;
  actualCost: number;
  throttled: boolean;
}

const RATE_LIMIT_DOCS = "https://shopify.dev/api/usage/limits#rate-limits";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Execution errors as Shopify prints them: message, locations, extensions, path. */
function executionErrorJson(error: GraphQLError): ShopifyErrorJson {
  const original = error.originalError;
  const known = original instanceof GraphQLError || !original;
  const extensions = known
    ? { ...error.extensions }
    : { code: "INTERNAL_SERVER_ERROR", fakeCause: original.message };
  return {
    message: known ? error.message : "Internal error. Looks like something went wrong on our end.",
    locations: error.locations ? [...error.locations] : undefined,
    extensions: Object.keys(extensions).length > 0 ? extensions : undefined,
    path: error.path ? [...error.path] : undefined,
  };
}

interface Pipeline {
  schema: GraphQLSchema;
  fieldResolver: GraphQLFieldResolver<unknown, FakeContext>;
  ctx: FakeContext;
  bucket: CostBucket;
}

function fail(errors: ShopifyErrorJson[], operationName: string | null): GraphQLOutcome {
  return { status: 200, body: { errors }, operationName, requestedCost: 0, actualCost: 0, throttled: false };
}

interface CheckedDocument {
  document: DocumentNode;
  validationErrors: readonly GraphQLError[];
}

/**
 * Parsed and validated documents by their text and schema. Validating against the whole Admin schema takes
 * milliseconds of CPU per request, and an app sends the same few documents again and again, so a benchmark
 * with thousands of calls would otherwise measure the fake's validation instead of the app. Validation
 * depends on nothing but the schema and the text, so the answers are the same.
 */
const checkedDocuments = new WeakMap<GraphQLSchema, Map<string, CheckedDocument>>();
const CHECKED_DOCUMENTS_KEPT = 200;

function parseAndValidate(schema: GraphQLSchema, query: string): CheckedDocument {
  let cache = checkedDocuments.get(schema);
  if (!cache) checkedDocuments.set(schema, (cache = new Map()));
  const known = cache.get(query);
  if (known) return known;
  const document = parse(query);
  const checked = { document, validationErrors: validate(schema, document) };
  if (cache.size >= CHECKED_DOCUMENTS_KEPT) cache.delete(cache.keys().next().value ?? "");
  cache.set(query, checked);
  return checked;
}

/**
 * One Admin GraphQL request: parse, validate against the real schema, coerce variables, price the query,
 * charge the shop's bucket, execute over the fake's records, refund what the query did not use.
 */
export async function runGraphQL(body: unknown, pipeline: Pipeline): Promise<GraphQLOutcome> {
  const { schema, ctx, bucket } = pipeline;
  if (!isRecord(body) || typeof body.query !== "string" || body.query.trim() === "") {
    return {
      ...fail([], null),
      status: 400,
      body: { errors: { query: "Required parameter missing or invalid" } },
    };
  }
  const requestedName = typeof body.operationName === "string" ? body.operationName : null;
  const variables = isRecord(body.variables) ? body.variables : {};
  let checked: CheckedDocument;
  try {
    checked = parseAndValidate(schema, body.query);
  } catch (error) {
    if (error instanceof GraphQLError) return fail([parseErrorJson(error, body.query)], requestedName);
    throw error;
  }
  const { document, validationErrors } = checked;
  if (validationErrors.length > 0) {
    return fail(toShopifyValidationErrors(validationErrors, document, schema), requestedName);
  }
  const operation = getOperationAST(document, requestedName);
  if (!operation) {
    const message = requestedName ? `No operation named "${requestedName}"` : "An operation name is required";
    return fail([{ message, extensions: { code: "OPERATION_NAME_REQUIRED" } }], requestedName);
  }
  const operationName = operation.name?.value ?? requestedName;
  const variableErrors = coerceVariables(schema, operation, variables);
  if (variableErrors.length > 0) return fail(variableErrors, operationName);

  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const requested = requestedCost(schema, operation, fragments, variables);
  const costExtension = (actual: number | null) => ({
    cost: { requestedQueryCost: requested, actualQueryCost: actual, throttleStatus: bucket.status(ctx.now) },
  });
  if (requested > SINGLE_QUERY_MAX_COST) {
    const message =
      `Query cost is ${requested}, which exceeds the single query max cost limit (${SINGLE_QUERY_MAX_COST}).\n\n` +
      "See https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\n" +
      "cost of a query is calculated.\n\n" +
      "To query larger amounts of data with fewer limits, bulk operations should be used instead.\n" +
      "See https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n";
    return {
      status: 200,
      body: {
        errors: [
          {
            message,
            extensions: {
              code: "MAX_COST_EXCEEDED",
              cost: requested,
              maxCost: SINGLE_QUERY_MAX_COST,
              documentation: RATE_LIMIT_DOCS,
            },
          },
        ],
        extensions: costExtension(null),
      },
      operationName,
      requestedCost: requested,
      actualCost: 0,
      throttled: false,
    };
  }
  if (!bucket.take(requested, ctx.now)) {
    return {
      status: 200,
      body: {
        errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: RATE_LIMIT_DOCS } }],
        extensions: costExtension(null),
      },
      operationName,
      requestedCost: requested,
      actualCost: 0,
      throttled: true,
    };
  }

  const result = await execute({
    schema,
    document,
    rootValue: {},
    contextValue: ctx,
    variableValues: variables,
    operationName: requestedName ?? undefined,
    fieldResolver: pipeline.fieldResolver,
    typeResolver,
  });
  const actual = Math.min(requested, actualCost(schema, operation, fragments, variables, result.data));
  bucket.refund(requested - actual);
  const extensions: Record<string, unknown> = costExtension(actual);
  if (ctx.searchReports.length > 0) extensions.search = ctx.searchReports;
  const responseBody: Record<string, unknown> = {};
  if (result.errors && result.errors.length > 0) responseBody.errors = result.errors.map(executionErrorJson);
  responseBody.data = result.data ?? null;
  responseBody.extensions = extensions;
  return {
    status: 200,
    body: responseBody,
    operationName,
    requestedCost: requested,
    actualCost: actual,
    throttled: false,
  };
}
